//! One facility (`/facility/<id>`): production over time stacked by product (one chart per
//! unit), growth against the previous period, product mix, where its exports went, its supply
//! links in and out, and the sources of its figures. Period and product keep the shared keys;
//! `grain` and `tab` are this page's own. The sections live in `production.rs` and `links.rs`.

mod links;
mod production;

use crate::api;
use crate::components::error_panel::Loading;
use crate::components::filters::{FallbackNotice, FilterBar, RadioOption};
use crate::components::later::Later;
use crate::components::provenance::ProvenanceMark;
use crate::components::year_select::YearSelect;
use crate::page::{awaited, use_answers, use_page, Page};
use crate::reference::{use_reference, Tables};
use crate::view_state::tr;
use karya_core::api::{FetchError, ProductionResponse, ShipmentList};
use karya_core::destinations::{Destinations, Measure};
use karya_core::i18n::{facility_kind_name, role_name};
use karya_core::production::Granularity;
use karya_core::url::FacilityView;
use karya_core::{Facility, Filter, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

type FacilityPageState = Page<FacilityView>;

/// What the page shows for the filter: production, exports and the releases behind them.
#[derive(Clone, PartialEq)]
pub struct Output {
    pub production: ProductionResponse,
    pub destinations: Destinations,
    pub releases: ShipmentList,
}

async fn load_output(f: Filter, grain: Granularity) -> Result<Output, FetchError> {
    let (production, destinations, releases) = futures::try_join!(
        api::production(&f, grain),
        api::destinations(&f, Measure::Releases),
        api::shipments(&f, 1000)
    )?;
    Ok(Output {
        production,
        destinations,
        releases,
    })
}

#[component]
pub fn FacilityPage() -> impl IntoView {
    let page = use_page::<FacilityView>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let known = use_reference().knows(move |t| t.facility(&id.get()).is_some());
    let content = move || match known.get() {
        None => view! { <Loading/> }.into_any(),
        Some(false) => view! {
            <h1>{tr(Text::FacilityHeading)}" · "{id.get()}</h1>
            <p class="notice" data-state="unknown-facility">{tr(Text::UnknownFacility)}</p>
        }
        .into_any(),
        // Rebuilt for another facility; only redrawn for new figures.
        Some(true) => view! { <FacilityFigures page=page id=id.get()/> }.into_any(),
    };
    view! {
        <section class="facility-page view-first" data-page="facility" data-facility-page=move || id.get()>
            <FallbackNotice when=page.fell_back text=Text::FacilitiesFallback/>
            {content}
        </section>
    }
}

#[component]
fn FacilityFigures(page: FacilityPageState, id: String) -> impl IntoView {
    // This page is one facility's: the facility key of the address is this page's id.
    let facility_id = id.clone();
    let filter = Memo::new(move |_| Filter {
        facility: Some(facility_id.clone()),
        country: None,
        ..page.filter.get()
    });
    let output = use_answers(
        move || (filter.get(), page.keys.with(|k| k.grain)),
        |o: &Output| o.production.years,
        load_output,
    );
    let body = move |tables: Tables, data: Memo<Output>| {
        // The tables failed first and came back after a retry without this facility.
        let Some(facility) = tables.facility(&id).cloned() else {
            return view! { <p class="notice" data-state="unknown-facility">{tr(Text::UnknownFacility)}</p> }
                .into_any();
        };
        view! {
            <FacilityHeader facility=facility.clone()/>
            <FilterBar filter=filter>
                <FacilityControls page=page data=data filter=filter/>
            </FilterBar>
            <production::ProductionSections page=page facility=facility.clone() data=data filter=filter/>
            <Later><links::ExportsAndLinks page=page facility=facility tables=tables data=data filter=filter/></Later>
        }
        .into_any()
    };
    awaited(use_reference().tables(), output, "facility", body)
}

#[component]
fn FacilityHeader(facility: Facility) -> impl IntoView {
    let lang = crate::view_state::use_lang();
    let f = facility;
    let blk = move || match f.has_blk {
        Some(true) => Text::BlkMark.get(lang.get()).to_string(),
        Some(false) => format!("{} ✗", Text::BlkMark.get(lang.get())),
        None => Text::BlkUnknown.get(lang.get()).to_string(),
    };
    view! {
        <h1>{f.name.clone()}</h1>
        <div class="facility-head">
        <p class="facility-facts">
            <span data-kind="">{move || facility_kind_name(f.kind, lang.get())}</span>" · "
            <span>{f.province.clone()}</span>" · "
            <span data-role=f.role.code()>{move || role_name(f.role, lang.get())}</span>" · "
            <span data-blk=f.has_blk.map(|b| b.to_string())>{blk}</span>
        </p>
        <p><ProvenanceMark provenance=f.provenance.clone()/></p>
        </div>
    }
}

/// Year and the grain of the time axis.
#[component]
fn FacilityControls(
    page: FacilityPageState,
    data: Memo<Output>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let years = Signal::derive(move || data.with(|d| d.production.years));
    let grains = [
        (Granularity::Month, Text::GrainMonth),
        (Granularity::Quarter, Text::GrainQuarter),
        (Granularity::Year, Text::GrainYear),
    ];
    let radio = move |(g, label): (Granularity, Text)| {
        view! {
            <RadioOption name="grain" value=g.code() checked=Signal::derive(move || page.keys.with(|k| k.grain == g))
                on_choose=move |_| page.set_keys(|k| k.grain = g)>
                {tr(label)}
            </RadioOption>
        }
    };
    view! {
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <YearSelect filter=filter years=years on_change=move |y| page.set_year(y, false)/>
            <fieldset class="control control-measure">
                <legend>{tr(Text::GrainLabel)}</legend>
                {grains.into_iter().map(radio).collect_view()}
            </fieldset>
        </form>
    }
}
