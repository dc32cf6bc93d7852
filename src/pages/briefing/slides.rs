//! The briefing's slides, each a live view that loads its figures when first shown: headline
//! figures, the world map stepping through the years, the top facilities, the pipeline and
//! the latest release. Names and reference data come from the app's root, loaded once.

use crate::api;
use crate::components::charts::{Bar, BarChart};
use crate::components::kpi::KpiCard;
use crate::components::pipeline::Pipeline;
use crate::components::provenance::{ProvenanceMark, ProvisionalMark};
use crate::components::world_map::{Hover, WorldMapSvg};
use crate::components::year_player::use_year_player;
use crate::page::{answered, awaited};
use crate::reference::{both, use_names, use_reference, Tables};
use crate::view_state::{tr, use_lang};
use karya_core::destinations::{Destinations, Measure};
use karya_core::geo::WorldMap;
use karya_core::map_view::Zoom;
use karya_core::pipeline::PipelineStage;
use karya_core::player::AtTheEnd;
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::sentence::rank_value;
use karya_core::{format, Filter, Text};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn KpiSlide(filter: Filter) -> impl IntoView {
    let summary = LocalResource::new(move || {
        let f = filter.clone();
        async move { api::summary(&f).await }
    });
    let body = |_: Tables, s: karya_core::summary::Summary| {
        let illustrative = s.has_illustrative();
        view! {
            <div class="kpi-grid slide-kpis">
                <KpiCard kpi="destination_countries" value=s.destination_countries
                    label=Text::KpiDestinationCountries illustrative=illustrative/>
                <KpiCard kpi="shipments" value=s.shipments label=Text::KpiShipments illustrative=illustrative/>
                <KpiCard kpi="facilities" value=s.facilities label=Text::KpiFacilities illustrative=illustrative/>
                <KpiCard kpi="products_exporting" value=s.products_exporting label=Text::KpiProductsExporting/>
            </div>
        }
    };
    answered(summary, body)
}

#[component]
pub fn MapSlide(filter: Filter, current: Signal<bool>) -> impl IntoView {
    let lang = use_lang();
    let reference = use_reference();
    let (tables, world) = (reference.tables(), reference.world_map());
    let needed = Signal::derive(move || both(tables.get(), world.get()));
    // The year shown; the map steps through the years with data while the slide is on screen.
    let year = RwSignal::new(None::<i32>);
    let base = filter.clone();
    let data = LocalResource::new(move || {
        let f = match year.get() {
            None => base.clone(),
            Some(y) => base.with_year(Some(y)),
        };
        async move { api::destinations(&f, Measure::Releases).await }
    });
    let years = Signal::derive(move || match data.get() {
        Some(Ok(d)) => d.years,
        _ => None,
    });
    use_year_player(
        years,
        move || year.get_untracked(),
        move |y| year.set(Some(y)),
        current,
        || {},
        (AtTheEnd::Loop, 2000),
    );
    let title = Signal::derive(move || {
        let l = lang.get();
        let shown = year.get().map(|y| y.to_string());
        let y = shown.unwrap_or_else(|| Text::AllYears.get(l).to_string());
        format!("{} · {y}", Text::MapHeading.get(l))
    });
    let body = move |(tables, geo): (Tables, Arc<WorldMap>), destinations: Memo<Destinations>| {
        view! {
            <p class="slide-year" data-year=move || year.get().map(|y| y.to_string())>
                {move || year.get().map_or_else(|| Text::AllYears.get(lang.get()).to_string(), |y| y.to_string())}
            </p>
            <WorldMapSvg geo=geo data=destinations facilities=tables.facilities.clone()
                countries=tables.countries.clone() title=title
                zoom=RwSignal::new(Zoom::default()) hover=RwSignal::new(None::<Hover>) on_select=|_| {}/>
        }
    };
    awaited(needed, data, "briefing-map", body)
}

#[component]
pub fn TopSlide(filter: Filter) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let data = LocalResource::new(move || {
        let f = filter.clone();
        async move { api::ranking(&f, RankMeasure::Releases).await }
    });
    let body = move |_: Tables, ranking: Ranking| {
        let l = lang.get();
        let bar = |r: &karya_core::ranking::RankingRow| Bar {
            key: r.facility_id.clone(),
            label: names.with(|n| n.facility(&r.facility_id, l)),
            value: r.value,
            text: rank_value(&ranking, r.value, l),
            selected: false,
        };
        let ranked = ranking
            .rows
            .iter()
            .filter(|r| r.value.is_some_and(|v| v > 0.0));
        let bars: Vec<Bar> = ranked.take(8).map(bar).collect();
        let title = format!("{} · {}", Text::SlideTop.get(l), Text::RankReleases.get(l));
        view! { <BarChart bars=bars title=title source="Karya".to_string() integral=true on_select=|_| {}/> }
    };
    answered(data, body)
}

#[component]
pub fn PipelineSlide() -> impl IntoView {
    let data = LocalResource::new(api::pipeline);
    let body = |tables: Tables, stages: Vec<PipelineStage>| {
        view! { <Pipeline stages=stages facilities=tables.facilities/> }
    };
    answered(data, body)
}

#[component]
pub fn LatestSlide(filter: Filter) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let data = LocalResource::new(move || {
        let f = filter.clone();
        async move { api::shipments(&f, 1).await }
    });
    let body = move |_: Tables, list: karya_core::api::ShipmentList| {
        let Some(s) = list.shipments.into_iter().next() else {
            return view! { <p class="notice">{tr(Text::NoReleases)}</p> }.into_any();
        };
        let l = lang.get();
        let (product, facility, country) = names.with(|n| {
            (
                n.product(&s.product_id, l),
                n.facility(&s.facility_id, l),
                n.country(&s.country, l),
            )
        });
        let date = s.date.map_or_else(
            || Text::DateNotStated.get(l).to_string(),
            |d| format::date(d, l),
        );
        view! {
            <div class="latest-release" data-release=s.id.clone()>
                <p class="latest-figure">{format::quantity(s.quantity, s.unit, l)}" "{product}</p>
                <p class="latest-route">{facility}" → "{country}</p>
                <p class="latest-date">{date}</p>
                <p>
                    <ProvisionalMark provisional=s.provisional/> <ProvenanceMark provenance=s.provenance.clone()/>
                </p>
            </div>
        }
        .into_any()
    };
    answered(data, body)
}
