//! Browser tests of the page sections that had none: the embed dialog, "copy link", the entry
//! form's fields, the ranking table, the headline cards and provenance marks in both languages,
//! and the filter controls. Run with
//! `cargo test -p karya-app --target wasm32-unknown-unknown --test sections`.
#![cfg(target_arch = "wasm32")]

use karya_app::reference::{provide_fixed_reference, Tables};
use karya_core::{
    ExportModel, Facility, FacilityKind, Lang, Product, ProductCategory, ProductStatus, Provenance,
    Text, Unit, ZoningRole,
};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::js_sys;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{attr, count, find, find_all, mount, settle, text};

/// Runs a few lines of JavaScript in the test page (to stand in for the browser's clipboard).
fn run_js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Fires `kind` (`input`, `change`) on `element`, as the browser does when a reader types or
/// chooses.
fn fire(element: &HtmlElement, kind: &str) {
    js_sys::Function::new_with_args(
        "element, kind",
        "element.dispatchEvent(new Event(kind, { bubbles: true }));",
    )
    .call2(&JsValue::NULL, element, &JsValue::from_str(kind))
    .unwrap();
}

fn href() -> String {
    web_sys::window().unwrap().location().href().unwrap()
}

/// Puts `address` (path and query) in the location bar without loading anything, as the
/// router reads it. Returns the address that was there, to put back.
fn set_address(address: &str) -> String {
    let before = href();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(address))
        .unwrap();
    before
}

fn product(id: &str, name_id: &str, name_en: &str, unit: Unit) -> Product {
    Product {
        id: id.into(),
        name_id: name_id.into(),
        name_en: name_en.into(),
        category: ProductCategory::Handicraft,
        unit,
        status: ProductStatus::Exporting,
        hs_code: None,
        facilities: Vec::new(),
        provenance: Provenance::Illustrative,
    }
}

fn facility(id: &str, name: &str, province: &str, role: ZoningRole) -> Facility {
    Facility {
        id: id.into(),
        name: name.into(),
        kind: FacilityKind::Lapas,
        province: province.into(),
        latitude: -6.7,
        longitude: 108.5,
        role,
        has_blk: Some(true),
        export_model: ExportModel::Active,
        provenance: Provenance::Illustrative,
    }
}

mod embed_dialog {
    use super::*;
    use karya_app::components::embed_dialog::EmbedDialog;
    use karya_core::embed::{embed_address, snippet, EmbedOptions, Theme};
    use leptos_router::components::Router;

    /// The view on screen when the dialog opens: a filter, English, and an older embed
    /// option the snippet must replace rather than repeat.
    const PATH: &str = "/map";
    const QUERY: [(&str, &str); 6] = [
        ("from", "2025"),
        ("to", "2025"),
        ("product", "coco-shade"),
        ("lang", "en"),
        ("embed", "old"),
        ("theme", "dark"),
    ];
    const TITLE: &str = "Peta \"ekspor\" & <mitra>";

    /// An option as the dialog's checkbox sets it.
    type Choose = fn(&mut EmbedOptions);

    fn expected(options: &EmbedOptions) -> String {
        let origin = web_sys::window().unwrap().location().origin().unwrap();
        let pairs: Vec<(String, String)> = QUERY
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        snippet(&origin, &embed_address(PATH, &pairs, options), TITLE)
    }

    fn code(c: &HtmlElement) -> String {
        find(c, "[data-embed-code]")
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    }

    #[wasm_bindgen_test]
    async fn the_snippet_is_the_views_embed_address_with_the_options_chosen() {
        let query: Vec<String> = QUERY.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let before = set_address(&format!("{PATH}?{}", query.join("&")));
        let document = web_sys::window().unwrap().document().unwrap();
        let title_before = document.title();
        document.set_title(TITLE);

        let lang = RwSignal::new(Lang::En);
        let c = mount(lang, || view! { <Router><EmbedDialog/></Router> });
        settle().await;
        let origin = web_sys::window().unwrap().location().origin().unwrap();

        assert_eq!(
            text(&c, "[data-action=embed]"),
            Text::EmbedThisView.get(Lang::En)
        );
        let dialog = find(&c, "[data-dialog=embed]");
        assert!(!dialog.has_attribute("open"), "closed until asked for");
        find(&c, "[data-action=embed]").click();
        settle().await;
        assert!(dialog.has_attribute("open"), "the button opens the dialog");

        // As it opens: the view's own keys (language included), the embed id, no older option.
        let mut options = EmbedOptions {
            id: "karya".into(),
            ..Default::default()
        };
        let shown = code(&c);
        assert_eq!(shown, expected(&options));
        let frame = format!(
            "<iframe src=\"{origin}/map?from=2025&amp;to=2025&amp;product=coco-shade&amp;lang=en&amp;embed=karya\" title=\"Peta &quot;ekspor&quot; &amp; &lt;mitra>\""
        );
        assert!(shown.starts_with(&frame), "{shown}");
        assert!(
            shown.ends_with(&format!(
                "<script src=\"{origin}/karya-embed.js\" async></script>"
            )),
            "{shown}"
        );
        assert!(!shown.contains("theme=dark"), "{shown}");

        // Every option is in the snippet as soon as it is chosen, and out when it is not.
        assert_eq!(count(&c, "input[data-embed-option]"), 3);
        let steps: [(&str, Choose, &str); 3] = [
            ("hide-title", |o| o.hide_title = true, "title=0"),
            ("hide-controls", |o| o.hide_controls = true, "controls=0"),
            ("transparent", |o| o.transparent = true, "transparent=1"),
        ];
        for (hook, change, key) in steps {
            let checkbox = find(&c, &format!("[data-embed-option={hook}]"));
            checkbox.click();
            settle().await;
            change(&mut options);
            let shown = code(&c);
            assert_eq!(shown, expected(&options), "after {hook}");
            assert!(shown.contains(&format!("&amp;{key}\"")), "{shown}");
            assert!(checkbox
                .unchecked_into::<web_sys::HtmlInputElement>()
                .checked());
        }
        let theme: web_sys::HtmlSelectElement =
            find(&c, "[data-embed-option=theme]").unchecked_into();
        assert_eq!(theme.value(), "auto");
        theme.set_value("dark");
        fire(theme.unchecked_ref(), "change");
        settle().await;
        options.theme = Theme::Dark;
        assert_eq!(code(&c), expected(&options));
        assert!(
            code(&c).contains("&amp;theme=dark&amp;transparent=1\""),
            "{}",
            code(&c)
        );

        find(&c, "[data-embed-option=hide-title]").click();
        settle().await;
        options.hide_title = false;
        assert_eq!(code(&c), expected(&options));
        assert!(!code(&c).contains("title=0"), "{}", code(&c));

        find(&c, "[data-action=close-embed]").click();
        settle().await;
        assert!(!dialog.has_attribute("open"), "closing closes it");

        document.set_title(&title_before);
        set_address(&before);
    }
}

mod copy_link {
    use super::*;
    use karya_app::components::share::CopyLink;

    /// Stands in for the browser's clipboard: `accept` it, refuse it, or have none at all
    /// (`null`, as on a page not served over HTTPS). What is written lands in `__copied`.
    fn clipboard(kind: &str) {
        let value = match kind {
            "accept" => {
                "{ writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } }"
            }
            "refuse" => {
                "{ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }"
            }
            _ => "undefined",
        };
        run_js(&format!(
            "window.__copied = []; Object.defineProperty(navigator, 'clipboard', {{ configurable: true, value: {value} }});"
        ));
    }

    fn restore_clipboard() {
        run_js("delete navigator.clipboard; delete window.__copied;");
    }

    fn copied() -> Vec<String> {
        let list = run_js("return JSON.stringify(window.__copied);");
        serde_json::from_str(&list.as_string().unwrap()).unwrap()
    }

    #[wasm_bindgen_test]
    async fn a_refused_clipboard_shows_the_address_to_copy_by_hand() {
        for refusal in ["refuse", "none"] {
            clipboard(refusal);
            let lang = RwSignal::new(Lang::Id);
            let c = mount(lang, || view! { <CopyLink/> });
            assert_eq!(
                text(&c, "[data-action=copy-link]"),
                Text::CopyLink.get(Lang::Id)
            );
            assert_eq!(
                count(&c, "[data-copy-fallback]"),
                0,
                "nothing before a click"
            );
            find(&c, "[data-action=copy-link]").click();
            settle().await;
            assert_eq!(count(&c, "[data-copy-fallback]"), 1, "{refusal}");
            assert_eq!(count(&c, "[data-copied]"), 0, "{refusal}");
            let field: web_sys::HtmlInputElement =
                find(&c, "[data-copy-fallback]").unchecked_into();
            assert_eq!(field.value(), href());
            assert!(field.read_only());
            assert_eq!(
                field.get_attribute("aria-label").as_deref(),
                Some(Text::CopyLink.get(Lang::Id))
            );
            lang.set(Lang::En);
            settle().await;
            assert_eq!(
                text(&c, "[data-action=copy-link]"),
                Text::CopyLink.get(Lang::En)
            );
            assert_eq!(
                attr(&c, "[data-copy-fallback]", "aria-label").as_deref(),
                Some(Text::CopyLink.get(Lang::En))
            );
            restore_clipboard();
        }
    }

    #[wasm_bindgen_test]
    async fn an_accepted_copy_puts_the_address_on_the_clipboard_and_says_so() {
        clipboard("accept");
        let lang = RwSignal::new(Lang::En);
        let c = mount(lang, || view! { <CopyLink/> });
        find(&c, "[data-action=copy-link]").click();
        settle().await;
        assert_eq!(copied(), vec![href()]);
        assert_eq!(text(&c, "[data-copied]"), Text::LinkCopied.get(Lang::En));
        assert_eq!(attr(&c, "[data-copied]", "role").as_deref(), Some("status"));
        assert_eq!(count(&c, "[data-copy-fallback]"), 0);
        restore_clipboard();
    }
}

mod entry_fields {
    use super::*;
    use karya_app::components::entry_fields::{FormState, SelectField, TextField};
    use karya_app::entry_form::{EntryForm, InputProblem, Reason};
    use karya_core::entry::Problem;

    fn state() -> FormState {
        FormState {
            form: RwSignal::new(EntryForm {
                quantity: "12,5".into(),
                ..Default::default()
            }),
            problems: RwSignal::new(Vec::new()),
        }
    }

    fn no_error_marks(c: &HtmlElement, input: &str, control: &str) {
        let field = find(c, &format!("[data-field={input}] {control}"));
        assert_eq!(field.get_attribute("aria-invalid"), None, "{input}");
        assert_eq!(field.get_attribute("aria-describedby"), None, "{input}");
        assert_eq!(
            count(c, &format!("[data-field-error={input}]")),
            0,
            "{input}"
        );
    }

    #[wasm_bindgen_test]
    async fn a_text_field_is_labelled_bound_to_the_form_and_marks_its_mistakes() {
        let state = state();
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            view! {
                <TextField input="quantity" label=Text::ColQuantity state=state inputmode="decimal"
                    suffix=Signal::stored("buah".to_string())/>
                <TextField input="date" label=Text::FieldReleaseDate state=state kind="date"/>
            }
        });
        assert_eq!(count(&c, "[data-field]"), 2);
        assert_eq!(
            text(&c, "[data-field=quantity] label"),
            Text::ColQuantity.get(Lang::Id)
        );
        assert_eq!(
            attr(&c, "[data-field=quantity] label", "for").as_deref(),
            Some("entry-quantity")
        );
        let input: web_sys::HtmlInputElement =
            find(&c, "[data-field=quantity] input").unchecked_into();
        assert_eq!(input.id(), "entry-quantity");
        assert_eq!(input.name(), "quantity");
        assert_eq!(input.type_(), "text");
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("decimal"));
        assert_eq!(text(&c, "[data-field=quantity] [data-unit]"), "buah");
        assert_eq!(
            attr(&c, "[data-field=date] input", "type").as_deref(),
            Some("date")
        );
        assert_eq!(
            attr(&c, "[data-field=date] input", "name").as_deref(),
            Some("date")
        );

        // The value is the form's, both ways (a property: set once the view has settled).
        settle().await;
        assert_eq!(input.value(), "12,5");
        state.form.update(|f| f.quantity = "7".into());
        settle().await;
        assert_eq!(input.value(), "7");
        input.set_value("750");
        fire(input.unchecked_ref(), "input");
        settle().await;
        assert_eq!(state.form.get_untracked().quantity, "750");
        assert_eq!(
            state.form.get_untracked().date,
            "",
            "other inputs untouched"
        );

        // No problem, no mark.
        no_error_marks(&c, "quantity", "input");
        no_error_marks(&c, "date", "input");

        // Two problems with the quantity: one message under it, in the language.
        let problems = vec![
            InputProblem {
                input: "quantity",
                reason: Reason::NotANumber,
            },
            InputProblem {
                input: "quantity",
                reason: Reason::Core(Problem::NotPositive(0.0)),
            },
        ];
        let message = |lang: Lang| {
            problems
                .iter()
                .map(|p| p.reason.message(lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        state.problems.set(problems.clone());
        settle().await;
        assert_eq!(count(&c, "[data-field-error]"), 1);
        assert_eq!(text(&c, "[data-field-error=quantity]"), message(Lang::Id));
        assert_eq!(
            attr(&c, "[data-field-error=quantity]", "id").as_deref(),
            Some("error-quantity")
        );
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("error-quantity")
        );
        no_error_marks(&c, "date", "input");
        lang.set(Lang::En);
        settle().await;
        assert_eq!(text(&c, "[data-field-error=quantity]"), message(Lang::En));
        assert_eq!(
            text(&c, "[data-field=quantity] label"),
            Text::ColQuantity.get(Lang::En)
        );

        state.problems.set(Vec::new());
        settle().await;
        no_error_marks(&c, "quantity", "input");
    }

    #[wasm_bindgen_test]
    async fn a_select_field_offers_its_options_and_follows_the_form() {
        let state = state();
        let options = RwSignal::new(vec![
            ("coco-shade".to_string(), "Coco shade".to_string()),
            ("bag".to_string(), "Tas anyaman".to_string()),
        ]);
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            view! {
                <SelectField input="product_id" label=Text::ColProduct state=state options=options.into()/>
            }
        });
        assert_eq!(
            text(&c, "[data-field=product_id] label"),
            Text::ColProduct.get(Lang::Id)
        );
        assert_eq!(
            attr(&c, "[data-field=product_id] label", "for").as_deref(),
            Some("entry-product_id")
        );
        let select: web_sys::HtmlSelectElement =
            find(&c, "[data-field=product_id] select").unchecked_into();
        assert_eq!(select.id(), "entry-product_id");
        assert_eq!(select.name(), "product_id");

        let shown = find_all(&c, "[data-field=product_id] option");
        assert_eq!(shown.len(), 3);
        let got: Vec<(String, String)> = shown
            .iter()
            .map(|o| (o.get_attribute("value").unwrap(), o.text_content().unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("".to_string(), Text::ChooseOne.get(Lang::Id).to_string()),
                ("coco-shade".into(), "Coco shade".into()),
                ("bag".into(), "Tas anyaman".into()),
            ]
        );

        // Nothing chosen yet, then the form's choice, then the reader's.
        assert_eq!(select.value(), "");
        state.form.update(|f| f.product_id = "bag".into());
        settle().await;
        assert_eq!(select.value(), "bag");
        select.set_value("coco-shade");
        fire(select.unchecked_ref(), "change");
        settle().await;
        assert_eq!(state.form.get_untracked().product_id, "coco-shade");
        state.form.update(|f| f.product_id = "bag".into());
        settle().await;
        assert_eq!(
            select.value(),
            "bag",
            "the form wins after the reader chose"
        );

        no_error_marks(&c, "product_id", "select");
        state.problems.set(vec![InputProblem {
            input: "product_id",
            reason: Reason::Core(Problem::Missing),
        }]);
        settle().await;
        assert_eq!(count(&c, "[data-field-error]"), 1);
        assert_eq!(
            text(&c, "[data-field-error=product_id]"),
            Problem::Missing.message(Lang::Id)
        );
        assert_eq!(
            select.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        assert_eq!(
            select.get_attribute("aria-describedby").as_deref(),
            Some("error-product_id")
        );
        state.problems.set(Vec::new());
        settle().await;
        no_error_marks(&c, "product_id", "select");

        // New options (the product list arrives later) are offered, the choice kept.
        options.update(|o| o.push(("coffee".into(), "Kopi".into())));
        settle().await;
        assert_eq!(count(&c, "[data-field=product_id] option"), 4);
        assert_eq!(select.value(), "bag");
    }
}

mod ranking_table {
    use super::*;
    use karya_app::components::ranking_table::RankingTable;
    use karya_app::page::use_page;
    use karya_core::format;
    use karya_core::i18n::role_name;
    use karya_core::ranking::{ranking, RankMeasure, Ranking, RankingRow};
    use karya_core::ranking_table::sort_rows;
    use karya_core::sentence::rank_value;
    use karya_core::url::{view_href, FacilitiesView};
    use karya_core::{Filter, Shipment};
    use leptos_router::components::Router;

    const ROLES: [ZoningRole; 3] = [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both];

    /// `n` facilities; the k-th has `k % 7` releases, so ranks have ties broken by id.
    fn fixture(n: usize, measure: RankMeasure) -> (Vec<Facility>, Ranking) {
        let facilities: Vec<Facility> = (1..=n)
            .map(|k| {
                facility(
                    &format!("lapas-{k:02}"),
                    &format!("Lapas Nomor {k:02}"),
                    &format!("Provinsi {}", k % 4),
                    ROLES[k % 3],
                )
            })
            .collect();
        let shipments: Vec<Shipment> = (1..=n)
            .flat_map(|k| {
                (0..k % 7).map(move |i| Shipment {
                    id: format!("s-{k}-{i}"),
                    date: None,
                    facility_id: format!("lapas-{k:02}"),
                    product_id: if i % 2 == 0 { "coco-shade" } else { "bag" }.into(),
                    country: "ES".into(),
                    quantity: 10.0,
                    unit: Unit::Piece,
                    value_idr: None,
                    // Some releases have no value: their facility's value is unknown.
                    value_usd: (k % 5 != 0).then_some(100.0 * k as f64),
                    provisional: false,
                    provenance: Provenance::Illustrative,
                })
            })
            .collect();
        let data = ranking(
            &Filter::default(),
            measure,
            None,
            &facilities,
            &shipments,
            &[],
        )
        .unwrap();
        (facilities, data)
    }

    #[component]
    fn Harness(rows: Memo<Vec<RankingRow>>, data: Memo<Ranking>, tables: Tables) -> impl IntoView {
        let page = use_page::<FacilitiesView>();
        view! { <RankingTable rows=rows data=data page=page tables=tables/> }
    }

    /// Checks every shown row against the ranking it was drawn from.
    fn check_rows(
        c: &HtmlElement,
        shown: &[RankingRow],
        data: &Ranking,
        facilities: &[Facility],
        lang: Lang,
    ) {
        let trs = find_all(c, "tbody tr");
        assert_eq!(trs.len(), shown.len());
        for (tr, r) in trs.iter().zip(shown) {
            let f = facilities.iter().find(|f| f.id == r.facility_id).unwrap();
            let rank = data
                .rows
                .iter()
                .position(|x| x.facility_id == r.facility_id)
                .unwrap()
                + 1;
            assert_eq!(
                tr.get_attribute("data-facility").as_deref(),
                Some(f.id.as_str())
            );
            assert_eq!(
                tr.get_attribute("data-value"),
                r.value.map(|v| v.to_string())
            );
            let cells: Vec<String> = find_all(tr, "td")
                .iter()
                .map(|td| td.text_content().unwrap())
                .collect();
            assert_eq!(
                cells,
                vec![
                    rank.to_string(),
                    f.name.clone(),
                    f.province.clone(),
                    role_name(f.role, lang).to_string(),
                    rank_value(data, r.value, lang),
                    r.releases.to_string(),
                    r.products.to_string(),
                ],
                "{}",
                f.id
            );
            assert_eq!(
                find(tr, "a").get_attribute("href"),
                Some(view_href(
                    &format!("/facility/{}", f.id),
                    &Filter::default(),
                    lang
                ))
            );
        }
    }

    #[wasm_bindgen_test]
    async fn rows_carry_their_facility_rank_and_figure_and_the_rest_wait_for_show_all() {
        let (facilities, data) = fixture(30, RankMeasure::Releases);
        assert_eq!(data.rows.len(), 30);
        // Shown by name, Z to A: the rank column keeps the ranking's order, not the table's.
        let mut shown = data.rows.clone();
        sort_rows(&mut shown, "-name", |id| {
            facilities
                .iter()
                .find(|f| f.id == id)
                .map(|f| (f.name.clone(), f.role))
        });
        assert_eq!(shown[0].facility_id, "lapas-30");
        let tables = Tables::new(Vec::new(), facilities.clone(), Vec::new(), Vec::new());
        let lang = RwSignal::new(Lang::Id);
        let (rows_in, data_in) = (shown.clone(), data.clone());
        let c = mount(lang, move || {
            let rows = Memo::new(move |_| rows_in.clone());
            let data = Memo::new(move |_| data_in.clone());
            view! { <Router><Harness rows=rows data=data tables=tables/></Router> }
        });
        settle().await;

        check_rows(&c, &shown[..25], &data, &facilities, Lang::Id);
        let total = data.total.unwrap();
        assert_eq!(total, shown.iter().map(|r| r.releases as f64).sum::<f64>());
        assert_eq!(attr(&c, "tfoot tr", "data-total"), Some(total.to_string()));
        assert_eq!(text(&c, "tfoot th"), Text::Total.get(Lang::Id));
        assert_eq!(
            text(&c, "tfoot td.numeric"),
            rank_value(&data, Some(total), Lang::Id)
        );

        let more = format!(
            "{} ({})",
            Text::ShowAll.get(Lang::Id),
            format::integer(30, Lang::Id)
        );
        assert_eq!(text(&c, "[data-action=show-all-rows]"), more);

        lang.set(Lang::En);
        settle().await;
        check_rows(&c, &shown[..25], &data, &facilities, Lang::En);
        assert_eq!(
            text(&c, "tfoot td.numeric"),
            rank_value(&data, Some(total), Lang::En)
        );

        find(&c, "[data-action=show-all-rows]").click();
        settle().await;
        check_rows(&c, &shown, &data, &facilities, Lang::En);
        assert_eq!(count(&c, "[data-action=show-all-rows]"), 0);
    }

    #[wasm_bindgen_test]
    async fn unknown_values_have_no_figure_and_a_count_of_products_has_no_total() {
        // Value: facilities 5 and 10 have releases without a value.
        let (facilities, data) = fixture(10, RankMeasure::Value);
        let unknown: Vec<&str> = data
            .rows
            .iter()
            .filter(|r| r.value.is_none())
            .map(|r| r.facility_id.as_str())
            .collect();
        assert_eq!(unknown, ["lapas-05", "lapas-10"]);
        let tables = Tables::new(Vec::new(), facilities.clone(), Vec::new(), Vec::new());
        let (rows_in, data_in) = (data.rows.clone(), data.clone());
        let c = mount(RwSignal::new(Lang::Id), move || {
            let rows = Memo::new(move |_| rows_in.clone());
            let data = Memo::new(move |_| data_in.clone());
            view! { <Router><Harness rows=rows data=data tables=tables/></Router> }
        });
        settle().await;
        check_rows(&c, &data.rows, &data, &facilities, Lang::Id);
        assert_eq!(attr(&c, "[data-facility=lapas-05]", "data-value"), None);
        assert_eq!(
            text(&c, "[data-facility=lapas-05] td.numeric"),
            rank_value(&data, None, Lang::Id)
        );
        assert_eq!(count(&c, "[data-action=show-all-rows]"), 0, "10 rows fit");
        assert_eq!(
            attr(&c, "tfoot tr", "data-total"),
            Some(data.total.unwrap().to_string())
        );

        // Products are not added up: no total row.
        let (facilities, data) = fixture(4, RankMeasure::Products);
        assert_eq!(data.total, None);
        let tables = Tables::new(Vec::new(), facilities.clone(), Vec::new(), Vec::new());
        let (rows_in, data_in) = (data.rows.clone(), data.clone());
        let c = mount(RwSignal::new(Lang::En), move || {
            let rows = Memo::new(move |_| rows_in.clone());
            let data = Memo::new(move |_| data_in.clone());
            view! { <Router><Harness rows=rows data=data tables=tables/></Router> }
        });
        settle().await;
        check_rows(&c, &data.rows, &data, &facilities, Lang::En);
        assert_eq!(count(&c, "tfoot"), 0);
    }

    #[wasm_bindgen_test]
    async fn a_column_heading_puts_its_sort_in_the_address() {
        let before = set_address("/facilities");
        let (facilities, data) = fixture(3, RankMeasure::Releases);
        let tables = Tables::new(Vec::new(), facilities, Vec::new(), Vec::new());
        let (rows_in, data_in) = (data.rows.clone(), data.clone());
        let c = mount(RwSignal::new(Lang::Id), move || {
            let rows = Memo::new(move |_| rows_in.clone());
            let data = Memo::new(move |_| data_in.clone());
            view! { <Router><Harness rows=rows data=data tables=tables/></Router> }
        });
        settle().await;
        let sorts = find_all(&c, "thead th:has([data-sort])");
        assert_eq!(sorts.len(), 5);
        assert!(sorts
            .iter()
            .all(|th| th.get_attribute("aria-sort").as_deref() == Some("none")));
        find(&c, "[data-sort=name]").click();
        settle().await;
        let address = href();
        assert!(address.ends_with("/facilities?sort=name"), "{address}");
        assert_eq!(
            attr(&c, "th:has([data-sort=name])", "aria-sort").as_deref(),
            Some("ascending")
        );
        find(&c, "[data-sort=name]").click();
        settle().await;
        assert!(href().ends_with("/facilities?sort=-name"), "{}", href());
        assert_eq!(
            attr(&c, "th:has([data-sort=name])", "aria-sort").as_deref(),
            Some("descending")
        );
        set_address(&before);
    }
}

mod kpi_and_provenance {
    use super::*;
    use karya_app::components::kpi::{KpiCard, QuantityCard};
    use karya_app::components::provenance::{IllustrativeMark, ProvenanceMark, ProvisionalMark};
    use karya_core::{format, Source};

    #[wasm_bindgen_test]
    async fn cards_say_their_figure_unit_note_and_mark_in_the_language() {
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            let note = Signal::stored("sekitar delapan negara".to_string());
            let name =
                Signal::derive(move || lang.get().pick("Paranet kelapa", "Coco shade").to_string());
            view! {
                <KpiCard kpi="destination_countries" value=12345 label=Text::KpiShipments
                    note=Some(note) illustrative=true/>
                <QuantityCard product_id="coffee".into() name=name quantity=1234.5
                    unit=Unit::Kilogram illustrative=true/>
            }
        });
        assert_eq!(count(&c, "[data-kpi]"), 2);
        for l in [Lang::Id, Lang::En] {
            lang.set(l);
            settle().await;
            let kpi = "[data-kpi=destination_countries]";
            assert_eq!(attr(&c, kpi, "data-value").as_deref(), Some("12345"));
            assert_eq!(
                text(&c, &format!("{kpi} .kpi-value")),
                format::integer(12345, l)
            );
            assert_eq!(
                text(&c, &format!("{kpi} .kpi-label")),
                Text::KpiShipments.get(l)
            );
            assert_eq!(
                text(&c, &format!("{kpi} .kpi-note")),
                "sekitar delapan negara"
            );
            let q = "[data-kpi=quantities]";
            assert_eq!(attr(&c, q, "data-product").as_deref(), Some("coffee"));
            assert_eq!(attr(&c, q, "data-unit").as_deref(), Some("kilogram"));
            assert_eq!(attr(&c, q, "data-value").as_deref(), Some("1234.5"));
            assert_eq!(
                text(&c, &format!("{q} .kpi-value")),
                format::quantity(1234.5, Unit::Kilogram, l)
            );
            assert_eq!(
                text(&c, &format!("{q} .kpi-label")),
                l.pick("Paranet kelapa", "Coco shade")
            );
            let marks = find_all(&c, "[data-provenance=illustrative]");
            assert_eq!(marks.len(), 2);
            for m in marks {
                assert_eq!(m.text_content().unwrap(), Text::IllustrativeMark.get(l));
                assert_eq!(
                    m.get_attribute("title").as_deref(),
                    Some(Text::IllustrativeExplainer.get(l))
                );
            }
        }
        assert_ne!(
            format::quantity(1234.5, Unit::Kilogram, Lang::Id),
            format::quantity(1234.5, Unit::Kilogram, Lang::En),
            "the two languages write the figure differently"
        );
    }

    #[wasm_bindgen_test]
    async fn marks_say_where_a_record_comes_from_in_the_language() {
        let source = Source {
            id: "pantau".into(),
            outlet: "Pantau".into(),
            title: Some("Coco shade ke Spanyol".into()),
            author: None,
            url: Some("https://example.org/pantau".into()),
            document: None,
            fact: Some("F7".into()),
            quote: Some("Sebanyak 750 unit coco shade".into()),
        };
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            view! {
                <p data-case="reported"><ProvenanceMark provenance=Provenance::Reported { source }/></p>
                <p data-case="illustrative"><ProvenanceMark provenance=Provenance::Illustrative/></p>
                <p data-case="bare"><IllustrativeMark/></p>
                <p data-case="provisional"><ProvisionalMark provisional=true/></p>
                <p data-case="final"><ProvisionalMark/></p>
            }
        });
        assert_eq!(count(&c, "[data-provenance=reported]"), 1);
        assert_eq!(count(&c, "[data-provenance=illustrative]"), 2);
        assert_eq!(count(&c, "[data-provisional]"), 1);
        assert_eq!(
            count(&c, "[data-case=final] *"),
            0,
            "a final release has no mark"
        );
        for l in [Lang::Id, Lang::En] {
            lang.set(l);
            settle().await;
            assert_eq!(
                text(&c, "[data-case=reported] [data-provenance=reported]"),
                Text::ReportedMark.get(l)
            );
            for case in ["illustrative", "bare"] {
                let mark = format!("[data-case={case}] [data-provenance=illustrative]");
                assert_eq!(text(&c, &mark), Text::IllustrativeMark.get(l));
                assert_eq!(
                    attr(&c, &mark, "title").as_deref(),
                    Some(Text::IllustrativeExplainer.get(l))
                );
            }
            let provisional = "[data-case=provisional] [data-provisional]";
            assert_eq!(text(&c, provisional), Text::ProvisionalMark.get(l));
            assert_eq!(
                attr(&c, provisional, "title").as_deref(),
                Some(Text::ProvisionalExplainer.get(l))
            );
        }
        // The citation links to the source and keeps its words, whatever the language.
        let link = find(&c, "[data-case=reported] .source a");
        assert_eq!(
            link.text_content().unwrap(),
            "Pantau: Coco shade ke Spanyol"
        );
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some("https://example.org/pantau")
        );
        assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener"));
        assert_eq!(
            text(&c, "[data-case=reported] .source"),
            "Pantau: Coco shade ke Spanyol (F7)Sebanyak 750 unit coco shade"
        );
        assert_eq!(
            attr(&c, "[data-case=reported] .source", "title").as_deref(),
            Some("Sebanyak 750 unit coco shade")
        );
        for a in [Lang::Id, Lang::En] {
            assert_ne!(Text::ReportedMark.get(a), Text::ReportedMark.get(a.other()));
        }
    }
}

mod filters {
    use super::*;
    use karya_app::components::filters::{FacilitySelect, FallbackNotice, ProductSelect};
    use karya_core::names::Names;
    use karya_core::Filter;

    fn products() -> Vec<Product> {
        vec![
            product(
                "coco-shade",
                "Paranet sabut kelapa",
                "Coco shade",
                Unit::Piece,
            ),
            product("coffee", "Kopi", "Coffee", Unit::Kilogram),
        ]
    }

    fn facilities() -> Vec<Facility> {
        vec![
            facility(
                "lapas-cirebon",
                "Lapas Cirebon",
                "Jawa Barat",
                ZoningRole::Producer,
            ),
            facility(
                "lapas-tangerang",
                "Lapas Tangerang",
                "Banten",
                ZoningRole::Supplier,
            ),
        ]
    }

    fn options(c: &HtmlElement, control: &str) -> Vec<(String, String)> {
        find_all(c, &format!("[data-control={control}] option"))
            .iter()
            .map(|o| (o.get_attribute("value").unwrap(), o.text_content().unwrap()))
            .collect()
    }

    fn chosen(c: &HtmlElement, control: &str) -> String {
        find(c, &format!("[data-control={control}]"))
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    }

    /// Chooses `value` as a reader does: the select's value, then its `change`.
    fn choose(c: &HtmlElement, control: &str, value: &str) {
        let select: web_sys::HtmlSelectElement =
            find(c, &format!("[data-control={control}]")).unchecked_into();
        select.set_value(value);
        fire(select.unchecked_ref(), "change");
    }

    #[wasm_bindgen_test]
    async fn the_product_select_names_products_in_the_language_and_reports_a_choice() {
        let names = Names::new(&products(), &facilities(), &[]);
        let filter = RwSignal::new(Filter {
            product: Some("coffee".into()),
            ..Default::default()
        });
        let calls = RwSignal::new(Vec::<Option<String>>::new());
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            provide_fixed_reference(Tables::new(
                products(),
                facilities(),
                Vec::new(),
                Vec::new(),
            ));
            view! {
                <ProductSelect filter=filter choices=products()
                    on_change={move |id: Option<String>| calls.update(|c| c.push(id))}/>
            }
        });
        settle().await;
        for l in [Lang::Id, Lang::En] {
            lang.set(l);
            settle().await;
            assert_eq!(text(&c, "label.control > span"), Text::ProductLabel.get(l));
            let shown = options(&c, "product");
            assert_eq!(shown.len(), 3);
            let mut expected = vec![(String::new(), Text::AllProducts.get(l).to_string())];
            expected.extend(
                products()
                    .iter()
                    .map(|p| (p.id.clone(), names.product(&p.id, l))),
            );
            assert_eq!(shown, expected);
        }
        assert_eq!(options(&c, "product")[1].1, "Coco shade");

        // The selected option is the filter's.
        assert_eq!(chosen(&c, "product"), "coffee");
        filter.update(|f| f.product = None);
        settle().await;
        assert_eq!(chosen(&c, "product"), "");
        filter.update(|f| f.product = Some("coco-shade".into()));
        settle().await;
        assert_eq!(chosen(&c, "product"), "coco-shade");

        // Choosing reports the product, and "all" as none; the filter itself is the page's.
        choose(&c, "product", "coffee");
        choose(&c, "product", "");
        settle().await;
        assert_eq!(
            calls.get_untracked(),
            vec![Some("coffee".to_string()), None]
        );
        assert_eq!(
            filter.get_untracked().product.as_deref(),
            Some("coco-shade")
        );
    }

    /// The back and forward buttons change the filter after the reader has chosen with the
    /// select itself: the option shown must still be the filter's. Once the reader has picked
    /// an option, the browser no longer lets the `selected` attribute select it (the option is
    /// "dirty"), so the select binds the property.
    #[wasm_bindgen_test]
    async fn the_product_select_follows_the_filter_after_the_reader_chose() {
        let filter = RwSignal::new(Filter {
            product: Some("coffee".into()),
            ..Default::default()
        });
        let c = mount(RwSignal::new(Lang::Id), move || {
            provide_fixed_reference(Tables::new(
                products(),
                facilities(),
                Vec::new(),
                Vec::new(),
            ));
            view! {
                <ProductSelect filter=filter choices=products()
                    on_change={move |id: Option<String>| filter.update(|f| f.product = id)}/>
            }
        });
        settle().await;
        assert_eq!(chosen(&c, "product"), "coffee");
        choose(&c, "product", "coco-shade");
        settle().await;
        assert_eq!(
            filter.get_untracked().product.as_deref(),
            Some("coco-shade")
        );
        assert_eq!(chosen(&c, "product"), "coco-shade");
        // Back.
        filter.update(|f| f.product = Some("coffee".into()));
        settle().await;
        assert_eq!(chosen(&c, "product"), "coffee", "after back");
        // Forward.
        filter.update(|f| f.product = Some("coco-shade".into()));
        settle().await;
        assert_eq!(chosen(&c, "product"), "coco-shade", "after forward");
    }

    #[wasm_bindgen_test]
    async fn the_facility_select_lists_facilities_and_reports_a_choice() {
        let filter = RwSignal::new(Filter::default());
        let calls = RwSignal::new(Vec::<Option<String>>::new());
        let lang = RwSignal::new(Lang::En);
        let c = mount(lang, move || {
            provide_fixed_reference(Tables::new(
                products(),
                facilities(),
                Vec::new(),
                Vec::new(),
            ));
            view! {
                <FacilitySelect filter=filter choices=facilities()
                    on_change={move |id: Option<String>| calls.update(|c| c.push(id))}/>
            }
        });
        settle().await;
        assert_eq!(
            text(&c, "label.control > span"),
            Text::FacilityLabel.get(Lang::En)
        );
        let shown = options(&c, "facility");
        assert_eq!(shown.len(), 3);
        let mut expected = vec![(String::new(), Text::AllFacilities.get(Lang::En).to_string())];
        expected.extend(facilities().into_iter().map(|f| (f.id, f.name)));
        assert_eq!(shown, expected);
        lang.set(Lang::Id);
        settle().await;
        assert_eq!(
            options(&c, "facility")[0].1,
            Text::AllFacilities.get(Lang::Id)
        );
        assert_eq!(options(&c, "facility")[2].1, "Lapas Tangerang");

        assert_eq!(chosen(&c, "facility"), "");
        filter.update(|f| f.facility = Some("lapas-tangerang".into()));
        settle().await;
        assert_eq!(chosen(&c, "facility"), "lapas-tangerang");

        choose(&c, "facility", "lapas-cirebon");
        choose(&c, "facility", "");
        settle().await;
        assert_eq!(
            calls.get_untracked(),
            vec![Some("lapas-cirebon".to_string()), None]
        );
    }

    #[wasm_bindgen_test]
    async fn the_fallback_notice_shows_only_when_the_address_fell_back() {
        let when = RwSignal::new(false);
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, move || {
            view! { <FallbackNotice when=when text=Text::FacilitiesFallback/> }
        });
        assert_eq!(count(&c, "[data-notice]"), 0);
        when.set(true);
        settle().await;
        assert_eq!(count(&c, "[data-notice]"), 1);
        assert_eq!(
            text(&c, "[data-notice=filter-fallback]"),
            Text::FacilitiesFallback.get(Lang::Id)
        );
        assert_eq!(attr(&c, "[data-notice]", "role").as_deref(), Some("status"));
        lang.set(Lang::En);
        settle().await;
        assert_eq!(
            text(&c, "[data-notice=filter-fallback]"),
            Text::FacilitiesFallback.get(Lang::En)
        );
        when.set(false);
        settle().await;
        assert_eq!(count(&c, "[data-notice]"), 0);
    }
}
