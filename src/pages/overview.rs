//! The overview: headline figures from `/api/v1/summary`, quantities per product in their own
//! units, the latest export releases with their sources, and what the source article reports.

use crate::api;
use crate::components::filters::FallbackNotice;
use crate::components::kpi::{KpiCard, QuantityCard};
use crate::components::later::Later;
use crate::components::overview_picture::{BlkHeadline, OverviewPicture};
use crate::components::overview_trend::OverviewTrend;
use crate::components::profile_link::{CountryLink, ProductLink};
use crate::components::provenance::{
    IllustrativeMark, ProvenanceMark, ProvisionalMark, SourceCitation,
};
use crate::components::release_value::ShipmentValue;
use crate::page::{answered, use_answers, use_page};
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::api::{FetchError, ShipmentList};
use karya_core::summary::Summary;
use karya_core::{format, Filter, Shipment, SourceStatement, Text};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
struct OverviewData {
    summary: Summary,
    latest: ShipmentList,
    reported: ShipmentList,
    statements: Vec<SourceStatement>,
}

/// How many releases the overview lists.
const LATEST_COUNT: u32 = 8;

async fn load(filter: Filter, _: ()) -> Result<OverviewData, FetchError> {
    let (summary, latest, reported, statements) = futures::try_join!(
        api::summary(&filter),
        api::shipments(&filter, LATEST_COUNT),
        api::reported_shipments(LATEST_COUNT),
        api::statements(),
    )?;
    Ok(OverviewData {
        summary,
        latest,
        reported,
        statements,
    })
}

#[component]
pub fn Overview() -> impl IntoView {
    let page = use_page::<()>();
    let data = use_answers(move || (page.filter.get(), ()), |_| None, load);
    // The overview has no control of its own to keep: each answer redraws it whole.
    let body = move |_, data: OverviewData| view! { <OverviewBody data=data filter=page.filter/> };
    view! {
        <section class="overview" data-page="overview">
            <h1 class="visually-hidden">{tr(Text::NavOverview)}</h1>
            <FallbackNotice when=page.fell_back text=Text::FilterFallback/>
            {answered(data, body)}
        </section>
    }
}

#[component]
fn OverviewBody(data: OverviewData, #[prop(into)] filter: Signal<Filter>) -> impl IntoView {
    let lang = use_lang();
    let OverviewData {
        summary: s,
        latest,
        reported,
        statements,
    } = data;
    let names = use_names();
    let illustrative = s.has_illustrative();
    // What the source itself says about the number of countries (F8), beside what the data counts.
    let reported_countries = statements
        .iter()
        .find_map(|st| st.figure.filter(|_| st.approximate))
        .map(|n| {
            Signal::derive(move || {
                let l = lang.get();
                format!(
                    "{}: {} {}",
                    Text::SourceSays.get(l),
                    Text::About.get(l),
                    format::number(n, 0, l)
                )
            })
        });
    let quantity_cards = s
        .quantities
        .iter()
        .map(|q| {
            let id = q.product_id.clone();
            let name = Signal::derive(move || names.with(|n| n.product(&id, lang.get())));
            view! {
                <QuantityCard product_id=q.product_id.clone() name=name quantity=q.quantity unit=q.unit
                    illustrative=q.illustrative/>
            }
        })
        .collect_view();
    view! {
        {illustrative.then(|| view! {
            <p class="notice notice-illustrative"><IllustrativeMark/> " " {tr(Text::IllustrativeExplainer)}</p>
        })}
        <div class="overview-first">
        <div class="kpi-grid" aria-live="polite">
            <KpiCard kpi="destination_countries" value=s.destination_countries label=Text::KpiDestinationCountries
                illustrative=illustrative note=reported_countries/>
            <KpiCard kpi="shipments" value=s.shipments label=Text::KpiShipments illustrative=illustrative/>
            <KpiCard kpi="facilities" value=s.facilities label=Text::KpiFacilities illustrative=illustrative/>
            <KpiCard kpi="products_exporting" value=s.products_exporting label=Text::KpiProductsExporting/>
            <KpiCard kpi="products_pipeline" value=s.products_pipeline label=Text::KpiProductsPipeline/>
            <BlkHeadline/>
        </div>
        <div class="overview-visuals">
            <OverviewPicture filter=filter/>
            <OverviewTrend filter=filter/>
        </div>
        </div>
        <Later>
        <h2>{tr(Text::QuantitiesTitle)}</h2>
        <p class="hint">{tr(Text::QuantitiesNote)}</p>
        <div class="kpi-grid kpi-grid-quantities">{quantity_cards}</div>
        <h2>{tr(Text::LatestReleases)}</h2>
        <LatestReleases latest=latest table="latest-releases"/>
        <h2>{tr(Text::SourceSays)}</h2>
        <h3>{tr(Text::ReportedReleases)}</h3>
        <LatestReleases latest=reported table="reported-releases"/>
        <ul class="statements">
            {statements.into_iter().map(|st| view! {
                <li data-statement=st.id.clone()>
                    <span>{move || lang.get().pick(&st.text_id, &st.text_en).to_string()}</span>
                    " — " <span class="mark mark-reported" data-provenance="reported">{tr(Text::ReportedMark)}</span>
                    " " <SourceCitation source=st.source.clone()/>
                </li>
            }).collect_view()}
        </ul>
        </Later>
    }
}

#[component]
fn LatestReleases(latest: ShipmentList, table: &'static str) -> impl IntoView {
    let lang = use_lang();
    if latest.shipments.is_empty() {
        return view! { <p class="empty">{tr(Text::NoReleases)}</p> }.into_any();
    }
    let shown = latest.shipments.len() as i64;
    let rows = latest
        .shipments
        .into_iter()
        .map(|s| view! { <ReleaseRow shipment=s/> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="releases" data-table=table>
                <thead>
                    <tr>
                        <th scope="col">{tr(Text::ColDate)}</th>
                        <th scope="col">{tr(Text::ColFacility)}</th>
                        <th scope="col">{tr(Text::ColProduct)}</th>
                        <th scope="col">{tr(Text::ColDestination)}</th>
                        <th scope="col" class="numeric">{tr(Text::ColQuantity)}</th>
                        <th scope="col" class="numeric">{tr(Text::ColValue)}</th>
                        <th scope="col">{tr(Text::ColSource)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">{move || {
            let l = lang.get();
            let total = format::integer(latest.total as i64, l);
            karya_core::i18n::showing_releases(&format::integer(shown, l), &total, latest.total, l)
        }}</p>
    }
    .into_any()
}

#[component]
fn ReleaseRow(shipment: Shipment) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let s = shipment;
    let (date, product, country, facility) = (
        s.date,
        s.product_id.clone(),
        s.country.clone(),
        s.facility_id.clone(),
    );
    let (quantity, unit) = (s.quantity, s.unit);
    let iso = country.clone();
    view! {
        <tr data-shipment=s.id.clone() data-value=quantity.to_string()>
            <td>{move || match date {
                Some(d) => format::date(d, lang.get()),
                None => Text::DateNotStated.get(lang.get()).to_string(),
            }}</td>
            <td>{move || names.with(|n| n.facility(&facility, lang.get()))}</td>
            <td><ProductLink id=product/></td>
            <td data-iso=iso><CountryLink iso=country/></td>
            <td class="numeric">{move || format::quantity(quantity, unit, lang.get())}</td>
            <td class="numeric"><ShipmentValue shipment=s.clone() empty="—"/></td>
            <td><ProvisionalMark provisional=s.provisional/> <ProvenanceMark provenance=s.provenance.clone()/></td>
        </tr>
    }
}
