//! Browser tests of the world map component on a tiny hand-made map.
#![cfg(target_arch = "wasm32")]

use karya_app::components::world_map::{Hover, WorldMapSvg};
use karya_app::reference::{provide_fixed_reference, Tables};
use karya_app::view_state::ViewState;
use karya_core::colour::NO_DATA_COLOUR;
use karya_core::destinations::{destinations, Measure};
use karya_core::geo::{CountryShape, WorldMap};
use karya_core::map_view::Zoom;
use karya_core::{Country, Filter, Lang, Provenance, Shipment, Unit};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn shape(iso: &str, d: &str) -> CountryShape {
    CountryShape {
        iso: iso.into(),
        numeric: "000".into(),
        name_id: iso.into(),
        name_en: iso.into(),
        d: d.into(),
        anchor: [10.0, 10.0],
        area: 400.0,
    }
}

fn country(iso: &str, position: Option<(f64, f64)>) -> Country {
    Country {
        alpha2: iso.into(),
        numeric: "000".into(),
        name_id: format!("{iso} (id)"),
        name_en: format!("{iso} (en)"),
        latitude: position.map(|p| p.0),
        longitude: position.map(|p| p.1),
    }
}

fn ship(id: &str, iso: &str) -> Shipment {
    Shipment {
        id: id.into(),
        date: None,
        facility_id: "lapas-a".into(),
        product_id: "coco-shade".into(),
        country: iso.into(),
        quantity: 10.0,
        unit: Unit::Piece,
        value_idr: None,
        value_usd: None,
        provisional: false,
        provenance: Provenance::Illustrative,
    }
}

#[wasm_bindgen_test]
async fn destinations_are_shaded_and_a_country_without_a_shape_is_a_point_that_counts() {
    let geo = Arc::new(WorldMap {
        width: 100.0,
        height: 50.0,
        source: "test".into(),
        countries: vec![
            shape("ES", "M0 0h20v20h-20z"),
            shape("FR", "M30 0h20v20h-20z"),
        ],
        unassigned: String::new(),
    });
    // Gibraltar: in the data, with a position, but no shape on this map.
    let countries = Arc::new(vec![
        country("ES", None),
        country("FR", None),
        country("GI", Some((36.14, -5.35))),
    ]);
    let shipments = vec![ship("a", "ES"), ship("b", "ES"), ship("c", "GI")];
    let data =
        RwSignal::new(destinations(&Filter::default(), &shipments, Measure::Releases).unwrap());
    let selected = RwSignal::new(None::<String>);

    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let tables = Tables::new(vec![], vec![], (*countries).clone(), vec![]);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(ViewState::fixed(Lang::En));
        provide_fixed_reference(tables);
        view! {
            <WorldMapSvg geo=geo data=data facilities=Arc::new(vec![]) countries=countries
                title=Signal::stored("Test map".to_string()) zoom=RwSignal::new(Zoom::default())
                hover=RwSignal::new(None::<Hover>) on_select=move |iso| selected.set(Some(iso))/>
        }
    });
    std::mem::forget(handle);
    leptos::task::tick().await;

    let get = |sel: &str| -> HtmlElement {
        container
            .query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("{sel}"))
            .unchecked_into()
    };
    let es = get("path[data-iso=ES]");
    assert_eq!(es.get_attribute("data-value").as_deref(), Some("2"));
    assert_eq!(es.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        es.get_attribute("aria-label").as_deref(),
        Some("ES (en): 2 releases")
    );
    let fr = get("path[data-iso=FR]");
    assert_eq!(fr.get_attribute("data-value"), None);
    assert_eq!(fr.get_attribute("fill").as_deref(), Some(NO_DATA_COLOUR));
    assert_eq!(fr.get_attribute("tabindex").as_deref(), Some("-1"));

    let gi = get("circle[data-iso=GI]");
    assert_eq!(gi.get_attribute("data-value").as_deref(), Some("1"));
    assert_ne!(gi.get_attribute("fill").as_deref(), Some(NO_DATA_COLOUR));
    let values: f64 = ["ES", "GI"]
        .iter()
        .map(|iso| {
            get(&format!("[data-iso={iso}][data-value]"))
                .get_attribute("data-value")
                .unwrap()
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    assert_eq!(values, 3.0, "the point counts like a shape");

    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    gi.dispatch_event(&enter).unwrap();
    leptos::task::tick().await;
    assert_eq!(selected.get_untracked().as_deref(), Some("GI"));
    assert!(
        get("svg").text_content().unwrap().contains("Test map"),
        "the title is part of the SVG"
    );

    // New figures (another year): each shape follows, and only destinations are controls.
    let next = vec![ship("d", "FR"), ship("e", "FR"), ship("f", "FR")];
    data.set(destinations(&Filter::default(), &next, Measure::Releases).unwrap());
    leptos::task::tick().await;
    assert_eq!(es.get_attribute("data-value"), None);
    assert_eq!(es.get_attribute("fill").as_deref(), Some(NO_DATA_COLOUR));
    assert_eq!(es.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(es.get_attribute("aria-label"), None);
    assert_eq!(fr.get_attribute("data-value").as_deref(), Some("3"));
    assert_ne!(fr.get_attribute("fill").as_deref(), Some(NO_DATA_COLOUR));
    assert_eq!(fr.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        fr.get_attribute("aria-label").as_deref(),
        Some("FR (en): 3 releases")
    );
    assert!(container
        .query_selector("circle[data-iso=GI]")
        .unwrap()
        .is_none());
}
