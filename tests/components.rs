//! Browser tests of the app's components, in headless Chromium (wasm-bindgen-test):
//! `cargo test -p karya-app --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use karya_app::api;
use karya_app::components::error_panel::ErrorPanel;
use karya_app::components::kpi::{KpiCard, QuantityCard};
use karya_app::components::provenance::{ProvenanceMark, ProvisionalMark};
use karya_core::api::FetchError;
use karya_core::{Lang, Provenance, Source, Text, Unit};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, mount, text};

#[wasm_bindgen_test]
async fn kpi_card_carries_its_hooks_and_formats_for_the_language() {
    let lang = RwSignal::new(Lang::Id);
    let c = mount(
        lang,
        || view! { <KpiCard kpi="shipments" value=1234 label=Text::KpiShipments illustrative=true/> },
    );
    let card = find(&c, "[data-kpi=shipments]");
    assert_eq!(card.get_attribute("data-value").as_deref(), Some("1234"));
    assert_eq!(text(&c, ".kpi-value"), "1.234");
    assert_eq!(text(&c, ".kpi-label"), "Pelepasan ekspor");
    assert_eq!(text(&c, "[data-provenance=illustrative]"), "Data ilustrasi");

    lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(text(&c, ".kpi-value"), "1,234");
    assert_eq!(text(&c, ".kpi-label"), "Export releases");
    assert_eq!(
        text(&c, "[data-provenance=illustrative]"),
        "Illustrative data"
    );
}

#[wasm_bindgen_test]
fn kpi_card_without_illustrative_records_has_no_mark() {
    let c = mount(RwSignal::new(Lang::Id), || {
        view! { <KpiCard kpi="products_exporting" value=5 label=Text::KpiProductsExporting/> }
    });
    // The card is drawn, so the missing mark is the card's choice and not an empty mount.
    assert_eq!(
        find(&c, "[data-kpi=products_exporting]")
            .get_attribute("data-value")
            .as_deref(),
        Some("5")
    );
    assert!(c.query_selector("[data-provenance]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn quantity_card_keeps_its_unit() {
    let c = mount(RwSignal::new(Lang::Id), || {
        let name = Signal::stored("Coco shade".to_string());
        view! { <QuantityCard product_id="coco-shade".into() name=name quantity=750.0 unit=Unit::Piece illustrative=false/> }
    });
    let card = find(&c, "[data-kpi=quantities]");
    assert_eq!(
        card.get_attribute("data-product").as_deref(),
        Some("coco-shade")
    );
    assert_eq!(card.get_attribute("data-unit").as_deref(), Some("piece"));
    assert_eq!(card.get_attribute("data-value").as_deref(), Some("750"));
    assert_eq!(text(&c, ".kpi-value"), "750 buah");
}

#[wasm_bindgen_test]
async fn error_panel_says_what_happened_and_retries() {
    let retries = RwSignal::new(0);
    let lang = RwSignal::new(Lang::Id);
    let c = mount(lang, move || {
        let error = FetchError::Unreachable("TypeError: Failed to fetch".into());
        view! { <ErrorPanel error=error on_retry=move |_| retries.update(|n| *n += 1)/> }
    });
    let shown = c.text_content().unwrap();
    assert_eq!(
        text(&c, ".error-headline"),
        Text::ErrorUnreachable.get(Lang::Id)
    );
    assert!(
        !shown.contains("TypeError") && !shown.contains("JsValue"),
        "{shown}"
    );
    find(&c, "[data-action=retry]").click();
    leptos::task::tick().await;
    assert_eq!(retries.get_untracked(), 1);
    lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(text(&c, "[data-action=retry]"), "Try again");
}

#[wasm_bindgen_test]
fn error_panel_shows_the_servers_own_words() {
    // The server says its words are English (`Content-Language: en`): an English page shows
    // them, an Indonesian page keeps them out of sight rather than mix languages.
    let body = r#"{"error":{"code":"bad_parameter","message":"query parameter `from`: bad"}}"#;
    let said_in_english = || FetchError::from_answer(400, body, Some("en"), None);
    let en = mount(RwSignal::new(Lang::En), move || {
        view! { <ErrorPanel error=said_in_english() on_retry=|_| ()/> }
    });
    assert_eq!(
        text(&en, ".error-detail"),
        format!(
            "{}: query parameter `from`: bad",
            Text::ServerSaid.get(Lang::En)
        )
    );
    let id = mount(RwSignal::new(Lang::Id), move || {
        view! { <ErrorPanel error=said_in_english() on_retry=|_| ()/> }
    });
    assert_eq!(id.query_selector_all(".error-detail").unwrap().length(), 0);
    assert_eq!(
        id.query_selector_all("[data-action=retry]")
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
fn a_reported_record_shows_its_source() {
    let c = mount(RwSignal::new(Lang::Id), || {
        let source = Source {
            id: "pantau".into(),
            outlet: "Pantau".into(),
            title: None,
            author: Some("Shila Glorya".into()),
            url: None,
            document: Some("article".into()),
            fact: Some("F7".into()),
            quote: Some("Sebanyak 750 unit coco shade".into()),
        };
        view! { <ProvenanceMark provenance=Provenance::Reported { source }/> }
    });
    assert_eq!(text(&c, "[data-provenance=reported]"), "Dilaporkan");
    let cite = text(&c, ".source");
    assert!(
        cite.contains("Pantau, Shila Glorya") && cite.contains("(F7)"),
        "{cite}"
    );
}

#[wasm_bindgen_test]
async fn a_provisional_release_is_marked_in_the_language_and_a_final_one_is_not() {
    let lang = RwSignal::new(Lang::Id);
    let c = mount(lang, || {
        view! {
            <p data-case="provisional"><ProvisionalMark provisional=true/></p>
            <p data-case="final"><ProvisionalMark provisional=false/></p>
        }
    });
    assert_eq!(
        text(&c, "[data-case=provisional] [data-provisional]"),
        "Data sementara"
    );
    assert!(c
        .query_selector("[data-case=final] [data-provisional]")
        .unwrap()
        .is_none());
    lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(
        text(&c, "[data-case=provisional] [data-provisional]"),
        "Provisional"
    );
}

/// Points the client at `base` through the same `<meta>` a deployment would edit.
fn set_api_base(base: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    let meta = match document
        .query_selector("meta[name=karya-api-base]")
        .unwrap()
    {
        Some(m) => m,
        None => {
            let m = document.create_element("meta").unwrap();
            m.set_attribute("name", "karya-api-base").unwrap();
            document.head().unwrap().append_child(&m).unwrap();
            m
        }
    };
    meta.set_attribute("content", base).unwrap();
}

#[wasm_bindgen_test]
async fn the_client_reports_an_unreachable_backend_and_an_unreadable_answer() {
    // Port 9 on loopback: nothing listens, the browser's fetch fails for real.
    set_api_base("http://127.0.0.1:9/api/v1");
    let err = api::products().await.unwrap_err();
    assert!(matches!(err, FetchError::Unreachable(_)), "{err:?}");

    // A data: URL answers 200 with a body that is not the JSON asked for.
    set_api_base("data:application/json,{not json");
    let err = api::products().await.unwrap_err();
    assert!(matches!(err, FetchError::BadResponse(_)), "{err:?}");
}

mod charts {
    use super::*;
    use karya_app::components::charts::{Bar, BarChart, StackedColumns};
    use karya_core::production::{ProductionSeries, SeriesPoint};
    use karya_core::stack::stacks_by_unit;

    fn bar(key: &str, value: Option<f64>) -> Bar {
        Bar {
            key: key.into(),
            label: key.to_uppercase(),
            value,
            text: format!("{value:?}"),
            selected: false,
        }
    }

    #[wasm_bindgen_test]
    async fn bars_carry_their_figures_and_grow_with_them() {
        let lang = RwSignal::new(Lang::En);
        let c = mount(lang, || {
            view! {
                <BarChart bars=vec![bar("a", Some(12.0)), bar("b", Some(3.0)), bar("c", None)]
                    title="Ranking".to_string() source="Karya".to_string() integral=true on_select=|_| {}/>
            }
        });
        let width = |key: &str| {
            find(&c, &format!("[data-bar={key}] rect"))
                .get_attribute("width")
                .unwrap()
                .parse::<f64>()
                .unwrap()
        };
        assert_eq!(
            find(&c, "[data-bar=a]")
                .get_attribute("data-value")
                .as_deref(),
            Some("12")
        );
        // Lengths are proportional: a is 12 / 3 times b, to floating-point rounding.
        assert!(width("b") > 0.0, "b is drawn");
        assert!(
            (width("a") / width("b") - 12.0 / 3.0).abs() < 1e-9,
            "a is {} wide, b {}: not 12 to 3",
            width("a"),
            width("b")
        );
        // An unknown figure is no bar at all, and carries no value.
        assert_eq!(width("c"), 0.0);
        assert_eq!(find(&c, "[data-bar=c]").get_attribute("data-value"), None);
        // Counts never get fractional ticks.
        let ticks: Vec<String> = (0..c.query_selector_all(".tick text").unwrap().length())
            .map(|i| {
                c.query_selector_all(".tick text")
                    .unwrap()
                    .item(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
            })
            .collect();
        // 0 to 12 in round steps of 2 (ten thousands and over would be compact, "12K").
        assert_eq!(ticks, ["0", "2", "4", "6", "8", "10", "12"]);
        // Focus shows the tooltip, as hover does.
        find(&c, "[data-bar=b]").focus().unwrap();
        leptos::task::tick().await;
        let b = bar("b", Some(3.0));
        let tip = c.query_selector_all("[data-chart-tooltip] > div").unwrap();
        let lines: Vec<String> = (0..tip.length())
            .map(|i| tip.item(i).unwrap().text_content().unwrap())
            .collect();
        assert_eq!(lines, [b.label, b.text], "the bar's label, then its figure");
    }

    #[wasm_bindgen_test]
    fn counts_never_get_fractional_ticks() {
        // Up to 3: a free axis steps by 0.5, a count axis by 1.
        let ticks = |integral: bool| {
            let c = mount(RwSignal::new(Lang::En), move || {
                view! {
                    <BarChart bars=vec![bar("a", Some(3.0)), bar("b", Some(1.0))]
                        title="Ranking".to_string() source="Karya".to_string() integral=integral on_select=|_| {}/>
                }
            });
            let all = c.query_selector_all(".tick text").unwrap();
            (0..all.length())
                .map(|i| all.item(i).unwrap().text_content().unwrap())
                .collect::<Vec<String>>()
        };
        assert_eq!(ticks(true), ["0", "1", "2", "3"]);
        assert_eq!(ticks(false), ["0", "0.5", "1", "1.5", "2", "2.5", "3"]);
    }

    #[wasm_bindgen_test]
    async fn stacked_columns_add_up_per_period_and_label_in_the_language() {
        let series = |id: &str, unit: Unit, values: &[(&str, f64)]| ProductionSeries {
            product_id: id.into(),
            unit,
            total: values.iter().map(|v| v.1).sum(),
            points: values
                .iter()
                .map(|(p, q)| SeriesPoint {
                    period: p.to_string(),
                    quantity: *q,
                    provisional: false,
                })
                .collect(),
            illustrative: true,
            provisional: false,
        };
        let stacks = stacks_by_unit(&[
            series(
                "bag",
                Unit::Piece,
                &[("2025-Q1", 1500.0), ("2025-Q2", 2000.0)],
            ),
            series("basket", Unit::Piece, &[("2025-Q2", 500.0)]),
            series("coffee", Unit::Kilogram, &[("2025-Q1", 7.0)]),
        ]);
        assert_eq!(stacks.len(), 2, "kilograms are not stacked on pieces");
        let lang = RwSignal::new(Lang::Id);
        let pieces = stacks[0].clone();
        let c = mount(lang, move || {
            view! {
                <StackedColumns stack=pieces title="Produksi".to_string() source="Karya".to_string()/>
            }
        });
        assert_eq!(
            find(&c, "[data-period='2025-Q2']")
                .get_attribute("data-value")
                .as_deref(),
            Some("2500")
        );
        assert_eq!(
            c.query_selector_all("[data-period='2025-Q2'] rect")
                .unwrap()
                .length(),
            2
        );
        assert_eq!(
            c.query_selector_all("[data-period='2025-Q1'] rect")
                .unwrap()
                .length(),
            1
        );
        assert_eq!(
            text(&c, "[data-period='2025-Q1'] .period-label"),
            "Tw I 2025"
        );
        assert_eq!(text(&c, "[data-period='2025-Q2'] .column-total"), "2.500");
        lang.set(Lang::En);
        leptos::task::tick().await;
        assert_eq!(text(&c, "[data-period='2025-Q1'] .period-label"), "Q1 2025");
        assert_eq!(text(&c, "[data-period='2025-Q2'] .column-total"), "2,500");
    }
}
