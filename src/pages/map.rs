//! The world map of export destinations (`/map`): filters (year with play, product, facility),
//! what the colour shows, the map or its table, the panel of one destination, and the sentence
//! that describes the map. Every choice lives in the address, so a link reproduces the view.

use crate::api;
use crate::components::country_panel::CountryPanel;
use crate::components::destination_table::DestinationTable;
use crate::components::filters::{
    FacilitySelect, FallbackNotice, FilterBar, ProductSelect, RadioOption,
};
use crate::components::world_map::{Hover, WorldMapSvg};
use crate::components::year_player::{use_year_player, YearPlayerControls};
use crate::download::{download_png, download_svg};
use crate::page::{awaited, use_answers, use_page, Page};
use crate::reference::{both, use_names, use_reference, Tables};
use crate::view_state::tr;
use karya_core::destinations::{Destinations, Measure};
use karya_core::geo::WorldMap;
use karya_core::map_view::Zoom;
use karya_core::player::AtTheEnd;
use karya_core::sentence::map_summary;
use karya_core::url::MapView;
use karya_core::{ExportModel, ProductStatus, Text};
use leptos::prelude::*;
use std::sync::Arc;

type MapPageState = Page<MapView>;

#[component]
pub fn MapPage() -> impl IntoView {
    let page = use_page::<MapView>();
    let measure = Memo::new(move |_| page.keys.with(|k| page.filter.with(|f| k.measure(f))));
    let reference = use_reference();
    let (tables, world) = (reference.tables(), reference.world_map());
    let needed = Signal::derive(move || both(tables.get(), world.get()));
    let destinations = use_answers(
        move || (page.filter.get(), measure.get()),
        |d: &Destinations| d.years,
        |f, m| async move { api::destinations(&f, m).await },
    );
    let hover = RwSignal::new(None::<Hover>);
    let playing = RwSignal::new(false);
    let _escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            hover.set(None);
            playing.set(false);
            if page.keys.with_untracked(|k| k.focus.is_some()) {
                page.set_keys(|k| k.focus = None);
            }
        }
    });
    let body = move |(tables, geo): (Tables, Arc<WorldMap>), data: Memo<Destinations>| {
        let (map_tables, map_geo, bar_tables) = (tables.clone(), geo.clone(), tables.clone());
        view! {
            <FilterBar filter=page.filter extra=Box::new(move || view! { <MapTabs page=page/> }.into_any())>
                <MapControls page=page tables=bar_tables.clone() data=data measure=measure playing=playing/>
            </FilterBar>
            <div class="map-layout" class:with-panel=move || page.keys.with(|k| k.focus.is_some())>
                <div class="map-main">
                    <Show when=move || !page.keys.with(|k| k.table)
                        fallback=move || view! { <DestinationTable data=data/> }>
                        <MapVisual page=page tables=map_tables.clone() geo=map_geo.clone() data=data hover=hover/>
                    </Show>
                    <NotOnMap page=page tables=tables.clone() geo=geo data=data/>
                </div>
                {move || page.keys.get().focus.map(|iso| view! {
                    <CountryPanel iso=iso filter=page.filter.get()
                        on_close=move |_| page.set_keys(|k| k.focus = None)/>
                })}
            </div>
            <MapSentence data=data/>
        }
    };
    view! {
        <section class="map-page view-first" data-page="map">
            <h1>{tr(Text::MapHeading)}</h1>
            <FallbackNotice when=page.fell_back text=Text::MapFallback/>
            {awaited(needed, destinations, "map", body)}
        </section>
    }
}

/// Year (with play), product, facility and what the colour shows.
#[component]
fn MapControls(
    page: MapPageState,
    tables: Tables,
    data: Memo<Destinations>,
    measure: Memo<Measure>,
    playing: RwSignal<bool>,
) -> impl IntoView {
    let filter = page.filter;
    let years = Signal::derive(move || data.with(|d| d.years));
    use_year_player(
        years,
        move || filter.with_untracked(|f| f.single_year()),
        move |y| page.set_year(Some(y), true),
        playing.into(),
        move || playing.set(false),
        (AtTheEnd::Stop, 1500),
    );
    let exportable = tables
        .products
        .iter()
        .filter(|p| p.status == ProductStatus::Exporting)
        .cloned()
        .collect::<Vec<_>>();
    let exporting = tables
        .facilities
        .iter()
        .filter(|f| f.export_model == ExportModel::Active)
        .cloned()
        .collect::<Vec<_>>();
    let no_product = move || filter.with(|f| f.product.is_none());
    let measures = [
        (Measure::Releases, Text::MeasureReleases),
        (Measure::Value, Text::MeasureValue),
        (Measure::Quantity, Text::MeasureQuantity),
    ];
    let radio = move |(m, label): (Measure, Text)| {
        view! {
            <RadioOption name="measure" value=m.code() checked=Signal::derive(move || measure.get() == m)
                disabled=Signal::derive(move || m == Measure::Quantity && no_product())
                on_choose=move |_| page.set_keys(|k| k.measure = m)>
                {tr(label)}
            </RadioOption>
        }
    };
    view! {
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <YearPlayerControls filter=filter years=years playing=playing
                on_year=move |y| page.set_year(y, false)/>
            <ProductSelect filter=filter choices=exportable
                on_change=move |p| page.set_filter(|f| f.product = p)/>
            <FacilitySelect filter=filter choices=exporting
                on_change=move |id| page.set_filter(|f| f.facility = id)/>
            <fieldset class="control control-measure">
                <legend>{tr(Text::MeasureLabel)}</legend>
                {measures.into_iter().map(radio).collect_view()}
                {move || no_product().then(|| view! { <p class="hint">{tr(Text::QuantityNeedsProduct)}</p> })}
            </fieldset>
        </form>
    }
}

#[component]
fn MapTabs(page: MapPageState) -> impl IntoView {
    let table = move || page.keys.with(|k| k.table);
    view! {
        <div class="tabs" role="tablist">
            <button type="button" role="tab" data-tab="map" aria-selected=move || (!table()).to_string()
                on:click=move |_| page.set_keys(|k| k.table = false)>{tr(Text::TabMap)}</button>
            <button type="button" role="tab" data-tab="table" aria-selected=move || table().to_string()
                on:click=move |_| page.set_keys(|k| k.table = true)>{tr(Text::TabTable)}</button>
        </div>
    }
}

/// The sentence that says what the map shows, for everyone and for screen readers.
#[component]
fn MapSentence(data: Memo<Destinations>) -> impl IntoView {
    let lang = crate::view_state::use_lang();
    let names = use_names();
    let summary = move || {
        let l = lang.get();
        names.with(|n| data.with(|d| map_summary(d, |c| n.country(c, l), l)))
    };
    view! { <p id="map-summary" class="map-summary" data-summary="map" aria-live="polite">{summary}</p> }
}

/// The map itself, with its zoom buttons, notes and downloads.
#[component]
fn MapVisual(
    page: MapPageState,
    tables: Tables,
    geo: Arc<WorldMap>,
    data: Memo<Destinations>,
    hover: RwSignal<Option<Hover>>,
) -> impl IntoView {
    let lang = page.lang;
    let zoom = RwSignal::new(Zoom::default());
    let (width, height) = (geo.width, geo.height);
    let title = Signal::derive(move || {
        let year = page.filter.with(|f| f.single_year());
        let period = year.map(|y| format!(" · {y}")).unwrap_or_default();
        format!("{}{period}", Text::MapHeading.get(lang.get()))
    });
    let not_drawn = move || {
        data.with(|d| {
            let other = &d.other_flows;
            (other.flows > 0).then(|| {
                let l = lang.get();
                let n = |v: u32| karya_core::format::integer(v as i64, l);
                let text =
                    karya_core::i18n::flows_not_drawn(&n(other.flows), &n(other.shipments), l);
                view! { <p class="hint" data-flows-not-drawn=other.flows>{text}</p> }
            })
        })
    };
    let map_svg = || document().query_selector("svg.world-map").ok().flatten();
    view! {
        <ZoomControls zoom=zoom centre=(width / 2.0, height / 2.0)/>
        <WorldMapSvg geo=geo data=data facilities=tables.facilities.clone()
            countries=tables.countries.clone() title=title zoom=zoom hover=hover
            on_select=move |iso| page.set_keys(|k| k.focus = Some(iso))/>
        {not_drawn}
        <p class="hint">{tr(Text::MapKeyboardHint)}</p>
        <div class="downloads">
            <button type="button" class="button button-secondary" data-action="download-svg"
                on:click=move |_| if let Some(svg) = map_svg() { download_svg("karya-map.svg", &svg) }>
                {tr(Text::DownloadSvg)}
            </button>
            <button type="button" class="button button-secondary" data-action="download-png"
                on:click=move |_| if let Some(svg) = map_svg() {
                    download_png("karya-map.png", &svg, 2000, (2000.0 * height / width) as u32)
                }>
                {tr(Text::DownloadPng)}
            </button>
        </div>
    }
}

#[component]
fn ZoomControls(zoom: RwSignal<Zoom>, centre: (f64, f64)) -> impl IntoView {
    let (cx, cy) = centre;
    let button = move |action: &'static str,
                       label: Text,
                       glyph: &'static str,
                       step: fn(Zoom, f64, f64) -> Zoom| {
        view! {
            <button type="button" data-action=action aria-label=tr(label)
                on:click=move |_| zoom.update(|z| *z = step(*z, cx, cy))>{glyph}</button>
        }
    };
    view! {
        <div class="zoom-controls" role="group" aria-label=tr(Text::ZoomIn)>
            {button("zoom-in", Text::ZoomIn, "+", |z, x, y| z.zoom_at(1.5, x, y))}
            {button("zoom-out", Text::ZoomOut, "−", |z, x, y| z.zoom_at(1.0 / 1.5, x, y))}
            {button("pan-left", Text::PanLeft, "←", |z, _, _| z.pan(80.0, 0.0))}
            {button("pan-right", Text::PanRight, "→", |z, _, _| z.pan(-80.0, 0.0))}
            {button("pan-up", Text::PanUp, "↑", |z, _, _| z.pan(0.0, 60.0))}
            {button("pan-down", Text::PanDown, "↓", |z, _, _| z.pan(0.0, -60.0))}
            {button("zoom-reset", Text::ZoomReset, "⟲", |_, _, _| Zoom::default())}
        </div>
    }
}

/// Destinations with neither a shape nor a point on the map: listed under it, counted all
/// the same, and each opens its panel.
#[component]
fn NotOnMap(
    page: MapPageState,
    tables: Tables,
    geo: Arc<WorldMap>,
    data: Memo<Destinations>,
) -> impl IntoView {
    let names = use_names();
    let placeable = move |iso: &str| {
        geo.country(iso).is_some()
            || tables
                .countries
                .iter()
                .any(|c| c.alpha2 == iso && c.latitude.is_some() && c.longitude.is_some())
    };
    let missing = move || {
        data.with(|d| {
            d.countries
                .iter()
                .filter(|c| !placeable(&c.country))
                .map(|c| c.country.clone())
                .collect::<Vec<_>>()
        })
    };
    move || {
        let missing = missing();
        (!missing.is_empty()).then(|| {
            let l = page.lang.get();
            let item = move |iso: String| {
                let name = names.with(|n| n.country(&iso, l));
                let open = iso.clone();
                view! {
                    <button type="button" class="link-button" data-iso=iso
                        on:click=move |_| page.set_keys(|k| k.focus = Some(open.clone()))>{name}</button>
                    " "
                }
            };
            view! {
                <p class="hint" data-not-on-map="">{tr(Text::NotOnMap)}": "
                    {missing.into_iter().map(item).collect_view()}
                </p>
            }
        })
    }
}
