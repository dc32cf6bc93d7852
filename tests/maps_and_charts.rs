//! Browser tests of the section components that had none: the map of Indonesia, the product
//! pipeline and the destination table, each on small hand-made data with exact figures.
#![cfg(target_arch = "wasm32")]

use karya_app::components::destination_table::DestinationTable;
use karya_app::components::indonesia_map::IndonesiaMap;
use karya_app::components::pipeline::Pipeline;
use karya_app::reference::{provide_fixed_reference, Tables};
use karya_app::view_state::{AddressFilter, ViewState};
use karya_core::destinations::{destinations, Measure};
use karya_core::geo::{ProvinceShape, RegionMap};
use karya_core::pipeline::{PipelineProduct, PipelineStage};
use karya_core::ranking::{RankMeasure, Ranking, RankingRow};
use karya_core::{
    Country, ExportModel, Facility, FacilityKind, Filter, Lang, Product, ProductCategory,
    ProductStatus, Provenance, Shipment, SupplyLink, Text, Unit, ZoningRole,
};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container with `tables` as reference data, in a language that
/// can be changed, and lets the reference data load.
async fn mount<V: IntoView + 'static>(
    lang: RwSignal<Lang>,
    tables: Tables,
    view: impl FnOnce() -> V + 'static,
) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(ViewState {
            lang: lang.into(),
            filter: Signal::stored(AddressFilter::default()),
            embed: Signal::stored(None),
        });
        provide_fixed_reference(tables);
        view()
    });
    // The container lives for the rest of the test run; keep its view mounted.
    std::mem::forget(handle);
    leptos::task::tick().await;
    leptos::task::tick().await;
    container
}

fn all(container: &HtmlElement, selector: &str) -> Vec<Element> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().unchecked_into())
        .collect()
}

fn find(container: &HtmlElement, selector: &str) -> Element {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn attr(e: &Element, name: &str) -> Option<String> {
    e.get_attribute(name)
}

fn facility(id: &str, role: ZoningRole, has_blk: Option<bool>, lon: f64, lat: f64) -> Facility {
    Facility {
        id: id.into(),
        name: format!("Lapas {}", id.to_uppercase()),
        kind: FacilityKind::Lapas,
        province: "Jawa Barat".into(),
        latitude: lat,
        longitude: lon,
        role,
        has_blk,
        export_model: ExportModel::Active,
        provenance: Provenance::Illustrative,
    }
}

fn product(id: &str, status: ProductStatus) -> Product {
    Product {
        id: id.into(),
        name_id: format!("{id} (id)"),
        name_en: format!("{id} (en)"),
        category: ProductCategory::Handicraft,
        unit: Unit::Piece,
        status,
        hs_code: None,
        facilities: vec![],
        provenance: Provenance::Illustrative,
    }
}

fn row(id: &str, value: Option<f64>) -> RankingRow {
    RankingRow {
        facility_id: id.into(),
        value,
        produced: vec![],
        releases: value.unwrap_or(0.0) as u32,
        value_usd: None,
        products: 1,
        illustrative: true,
    }
}

fn ranking(rows: Vec<RankingRow>) -> Ranking {
    Ranking {
        filter: Filter::default(),
        measure: RankMeasure::Releases,
        unit: None,
        total: Some(rows.iter().filter_map(|r| r.value).sum()),
        rows,
        years: None,
    }
}

mod indonesia_map {
    use super::*;

    fn geo() -> Arc<RegionMap> {
        let (origin, scale, height) = RegionMap::frame((95.0, 141.0), (-11.0, 6.0), 800.0, 10.0);
        Arc::new(RegionMap {
            width: 800.0,
            height,
            source: "test".into(),
            origin,
            scale,
            provinces: vec![ProvinceShape {
                code: "ID.JB".into(),
                name: "Jawa Barat".into(),
                d: "M0 0h10v10h-10z".into(),
                anchor: [5.0, 5.0],
            }],
        })
    }

    fn facilities() -> Vec<Facility> {
        vec![
            facility("a", ZoningRole::Producer, Some(true), 108.5, -6.7),
            facility("b", ZoningRole::Producer, Some(false), 106.6, -6.2),
            facility("c", ZoningRole::Supplier, None, 110.4, -7.0),
            facility("d", ZoningRole::Both, None, 112.7, -7.3),
        ]
    }

    fn links() -> Vec<SupplyLink> {
        let link = |id: &str, supplier: &str, producer: &str| SupplyLink {
            id: id.into(),
            supplier_id: supplier.into(),
            producer_id: producer.into(),
            material_id: "sabut kelapa".into(),
            material_en: "coconut fibre".into(),
            provenance: Provenance::Illustrative,
        };
        // The second link names a facility the map does not know: it is left out.
        vec![link("c-b", "c", "b"), link("x-a", "nowhere", "a")]
    }

    #[wasm_bindgen_test]
    async fn every_facility_is_a_point_with_its_hooks_and_links_run_supplier_to_producer() {
        let ranked = RwSignal::new(ranking(vec![
            row("a", Some(100.0)),
            row("b", Some(25.0)),
            row("d", Some(0.0)),
        ]));
        let fs = facilities();
        let tables = Tables::new(vec![], fs.clone(), vec![], links());
        let c = mount(RwSignal::new(Lang::En), tables, move || {
            view! {
                <IndonesiaMap geo=geo() facilities=Arc::new(fs) links=Arc::new(links())
                    ranking=ranked selected=Signal::stored(None::<String>)
                    title=Signal::stored("Test facilities".to_string()) on_select=|_| {}/>
            }
        })
        .await;

        let points = all(&c, "g.facility-point[data-facility]");
        assert_eq!(points.len(), 4, "one point per facility");
        let hooks: Vec<_> = points
            .iter()
            .map(|p| {
                (
                    attr(p, "data-facility").unwrap(),
                    attr(p, "data-value"),
                    attr(p, "data-role").unwrap(),
                    attr(p, "data-blk"),
                )
            })
            .collect();
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            hooks,
            vec![
                ("a".into(), s("100"), "producer".into(), s("true")),
                ("b".into(), s("25"), "producer".into(), s("false")),
                ("c".into(), None, "supplier".into(), None),
                ("d".into(), s("0"), "both".into(), None),
            ]
        );
        // Shape by role: circle, circle, square, diamond.
        let shapes: Vec<String> = points
            .iter()
            .map(|p| p.first_element_child().unwrap().tag_name())
            .collect();
        assert_eq!(shapes, ["circle", "circle", "rect", "polygon"]);
        assert_eq!(all(&c, ".blk-mark").len(), 1, "only a has a BLK");
        assert_eq!(
            attr(&find(&c, "[data-facility=a] .blk-mark"), "r").as_deref(),
            Some("1.8")
        );

        let drawn = all(&c, "g.supply-link[data-link]");
        assert_eq!(
            drawn.len(),
            1,
            "the link to an unknown facility is left out"
        );
        let link = &drawn[0];
        assert_eq!(attr(link, "data-link").as_deref(), Some("c-b"));
        assert_eq!(attr(link, "data-supplier").as_deref(), Some("c"));
        assert_eq!(attr(link, "data-producer").as_deref(), Some("b"));
        assert_eq!(
            attr(link, "data-material").as_deref(),
            Some("coconut fibre")
        );
        assert_eq!(link.text_content().as_deref(), Some("coconut fibre"));
        // The curve starts at the supplier's point and ends at the producer's.
        let at = |id: &str| {
            let p = find(&c, &format!("[data-facility={id}]"));
            let n = |a: &str| attr(&p, a).unwrap().parse::<f64>().unwrap();
            (n("data-x"), n("data-y"))
        };
        let d = attr(&link.first_element_child().unwrap(), "d").unwrap();
        let ((sx, sy), (px, py)) = (at("c"), at("b"));
        assert!(d.starts_with(&format!("M{sx:.1} {sy:.1}Q")), "{d}");
        assert!(d.ends_with(&format!(" {px:.1} {py:.1}")), "{d}");
    }

    #[wasm_bindgen_test]
    async fn a_point_is_sized_by_its_ranking_value_and_follows_new_figures() {
        let ranked = RwSignal::new(ranking(vec![
            row("a", Some(100.0)),
            row("b", Some(25.0)),
            row("d", Some(0.0)),
        ]));
        let selected = RwSignal::new(None::<String>);
        let fs = facilities();
        let tables = Tables::new(vec![], fs.clone(), vec![], vec![]);
        let c = mount(RwSignal::new(Lang::En), tables, move || {
            view! {
                <IndonesiaMap geo=geo() facilities=Arc::new(fs) links=Arc::new(vec![])
                    ranking=ranked selected=selected
                    title=Signal::stored("Test facilities".to_string()) on_select=|_| {}/>
            }
        })
        .await;
        let shape = |id: &str| {
            find(&c, &format!("[data-facility={id}]"))
                .first_element_child()
                .unwrap()
        };
        // Area-true: radius 3.5 + 10.5 × √(value / largest).
        assert_eq!(attr(&shape("a"), "r").as_deref(), Some("14.00"));
        assert_eq!(attr(&shape("b"), "r").as_deref(), Some("8.75"));
        // No figure: the smallest size (square of half-side 0.89 r, r = 3.5).
        assert_eq!(attr(&shape("c"), "width").as_deref(), Some("6.23"));
        assert_eq!(all(&c, "svg.indonesia-map").len(), 1);
        assert!(find(&c, "svg.indonesia-map")
            .text_content()
            .unwrap()
            .contains("Test facilities"));

        ranked.set(ranking(vec![row("b", Some(100.0)), row("a", Some(25.0))]));
        leptos::task::tick().await;
        assert_eq!(attr(&shape("a"), "r").as_deref(), Some("8.75"));
        assert_eq!(attr(&shape("b"), "r").as_deref(), Some("14.00"));
        let a = find(&c, "[data-facility=a]");
        assert_eq!(attr(&a, "data-value").as_deref(), Some("25"));
        assert_eq!(attr(&find(&c, "[data-facility=d]"), "data-value"), None);
        // The square of d grows back with its figure (each pass writes only what changed).
        ranked.set(ranking(vec![row("b", Some(100.0)), row("d", Some(100.0))]));
        leptos::task::tick().await;
        let d = find(&c, "[data-facility=d]");
        assert_eq!(attr(&d, "data-value").as_deref(), Some("100"));
        assert_eq!(attr(&shape("b"), "r").as_deref(), Some("14.00"));
        assert_eq!(attr(&shape("a"), "r").as_deref(), Some("3.50"));
        assert_eq!(attr(&a, "data-value"), None);

        let is_selected = |id: &str| {
            find(&c, &format!("[data-facility={id}]"))
                .class_list()
                .contains("selected")
        };
        assert!(!is_selected("b"));
        selected.set(Some("b".into()));
        leptos::task::tick().await;
        assert!(is_selected("b") && !is_selected("a"));
        selected.set(Some("a".into()));
        leptos::task::tick().await;
        assert!(is_selected("a") && !is_selected("b"));
    }
}

mod pipeline {
    use super::*;

    fn stage(status: ProductStatus, products: Vec<(&str, Vec<&str>, u32)>) -> PipelineStage {
        PipelineStage {
            status,
            products: products
                .into_iter()
                .map(|(id, facilities, releases)| PipelineProduct {
                    product: product(id, status),
                    facilities: facilities.into_iter().map(String::from).collect(),
                    releases,
                    latest_release: None,
                    first_production: None,
                })
                .collect(),
        }
    }

    #[wasm_bindgen_test]
    async fn each_product_sits_in_its_stage_and_an_empty_stage_says_so() {
        let stages = vec![
            stage(
                ProductStatus::Exporting,
                vec![("coco-shade", vec!["a", "b"], 12), ("bag", vec!["a"], 1)],
            ),
            stage(ProductStatus::Pilot, vec![("shrimp", vec![], 0)]),
            stage(ProductStatus::InDevelopment, vec![]),
            stage(ProductStatus::Planned, vec![]),
        ];
        let fs = vec![
            facility("a", ZoningRole::Producer, None, 108.5, -6.7),
            facility("b", ZoningRole::Producer, None, 106.6, -6.2),
        ];
        let tables = Tables::new(vec![], fs.clone(), vec![], vec![]);
        let c = mount(RwSignal::new(Lang::En), tables, move || {
            view! { <Pipeline stages=stages facilities=Arc::new(fs)/> }
        })
        .await;

        let stages: Vec<_> = all(&c, "[data-stage]")
            .iter()
            .map(|s| attr(s, "data-stage").unwrap())
            .collect();
        assert_eq!(stages, ["exporting", "pilot", "in_development", "planned"]);
        let products: Vec<_> = all(&c, "[data-product]")
            .iter()
            .map(|p| {
                (
                    attr(p, "data-product").unwrap(),
                    attr(p, "data-status").unwrap(),
                )
            })
            .collect();
        assert_eq!(
            products,
            [
                ("coco-shade".to_string(), "exporting".to_string()),
                ("bag".into(), "exporting".into()),
                ("shrimp".into(), "pilot".into()),
            ]
        );
        // Each product sits in the section of its own stage.
        assert_eq!(all(&c, "[data-stage=exporting] [data-product]").len(), 2);
        let coco = find(&c, "[data-product=coco-shade]");
        assert_eq!(
            coco.query_selector_all("[data-facility-link]")
                .unwrap()
                .length(),
            2
        );
        assert!(coco.text_content().unwrap().contains("coco-shade (en)"));
        assert!(coco.text_content().unwrap().contains("12 releases"));
        let shrimp = find(&c, "[data-product=shrimp]").text_content().unwrap();
        assert!(
            shrimp.contains(Text::NotExportedYet.get(Lang::En)),
            "{shrimp}"
        );
        assert!(
            shrimp.contains(Text::PipelineNoFacility.get(Lang::En)),
            "{shrimp}"
        );

        let empty = Text::NoProductsAtStage.get(Lang::En);
        for stage in ["in_development", "planned"] {
            let s = find(&c, &format!("[data-stage={stage}]"));
            assert_eq!(s.query_selector_all("[data-product]").unwrap().length(), 0);
            assert!(s.text_content().unwrap().contains(empty), "{stage}");
        }
        assert!(!find(&c, "[data-stage=exporting]")
            .text_content()
            .unwrap()
            .contains(empty));
    }
}

mod destination_table {
    use super::*;

    fn ship(id: &str, iso: &str, usd: Option<f64>) -> Shipment {
        Shipment {
            id: id.into(),
            date: None,
            facility_id: "a".into(),
            product_id: "coco-shade".into(),
            country: iso.into(),
            quantity: 10.0,
            unit: Unit::Piece,
            value_idr: None,
            value_usd: usd,
            provisional: false,
            provenance: Provenance::Illustrative,
        }
    }

    fn country(iso: &str, id: &str, en: &str) -> Country {
        Country {
            alpha2: iso.into(),
            numeric: "000".into(),
            name_id: id.into(),
            name_en: en.into(),
            latitude: None,
            longitude: None,
        }
    }

    #[wasm_bindgen_test]
    async fn one_row_per_destination_a_total_equal_to_their_sum_and_names_in_both_languages() {
        let shipments = vec![
            ship("1", "KR", Some(100.0)),
            ship("2", "KR", None),
            ship("3", "KR", None),
            ship("4", "ES", Some(50.0)),
            ship("5", "ES", None),
            ship("6", "FR", None),
        ];
        let data = destinations(&Filter::default(), &shipments, Measure::Releases).unwrap();
        let tables = Tables::new(
            vec![product("coco-shade", ProductStatus::Exporting)],
            vec![],
            vec![
                country("KR", "Korea Selatan", "South Korea"),
                country("ES", "Spanyol", "Spain"),
                country("FR", "Prancis", "France"),
            ],
            vec![],
        );
        let lang = RwSignal::new(Lang::Id);
        let c = mount(lang, tables, move || {
            view! { <DestinationTable data=Signal::stored(data)/> }
        })
        .await;

        let rows = all(&c, "tbody tr[data-iso]");
        assert_eq!(rows.len(), 3, "one row per destination");
        let hooks: Vec<_> = rows
            .iter()
            .map(|r| (attr(r, "data-iso").unwrap(), attr(r, "data-value").unwrap()))
            .collect();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(hooks, [pair("KR", "3"), pair("ES", "2"), pair("FR", "1")]);
        let sum: f64 = hooks.iter().map(|(_, v)| v.parse::<f64>().unwrap()).sum();
        let total = find(&c, "tfoot tr[data-total]");
        assert_eq!(attr(&total, "data-total").as_deref(), Some("6"));
        assert_eq!(sum, 6.0, "the total row equals the sum of the rows");
        assert!(total.text_content().unwrap().contains("6 pelepasan"));

        let names = |c: &HtmlElement| -> Vec<String> {
            all(c, "tbody tr th")
                .iter()
                .map(|t| t.text_content().unwrap())
                .collect()
        };
        assert_eq!(names(&c), ["Korea Selatan", "Spanyol", "Prancis"]);
        let kr = find(&c, "tr[data-iso=KR]").text_content().unwrap();
        assert!(kr.contains("3 pelepasan"), "{kr}");
        assert!(kr.contains("30 buah coco-shade (id)"), "{kr}");

        lang.set(Lang::En);
        leptos::task::tick().await;
        assert_eq!(names(&c), ["South Korea", "Spain", "France"]);
        assert!(find(&c, "tfoot")
            .text_content()
            .unwrap()
            .contains("6 releases"));
        assert_eq!(all(&c, "tbody tr[data-iso]").len(), 3);
    }
}
