//! One destination (`/country/<alpha2>`): what it received (each product in its own unit, value
//! where known), from which facilities, releases per year, the latest releases with their
//! sources, and the sentence. A country with no releases says so.

use crate::api;
use crate::components::filters::FallbackNotice;
use crate::components::profile_link::{FacilityLink, ProductLink};
use crate::components::profile_parts::{word, ReleaseList, SourcesCited};
use crate::page::{answered, use_answers, use_page};
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::api::{FetchError, ShipmentList};
use karya_core::currency::ExchangeRate;
use karya_core::destinations::{Destinations, Measure};
use karya_core::profile::words::Words;
use karya_core::profile::{country_sentence, latest, receipts, releases_per_year, Receipt};
use karya_core::{format, Filter, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[derive(Clone, PartialEq)]
pub struct Output {
    pub destinations: Destinations,
    pub releases: ShipmentList,
    pub rates: Vec<ExchangeRate>,
}

async fn load_output(f: Filter) -> Result<Output, FetchError> {
    let (destinations, releases, rates) = futures::try_join!(
        api::destinations(&f, Measure::Releases),
        api::shipments(&f, 1000),
        api::get_json::<Vec<ExchangeRate>>("/exchange-rates")
    )?;
    Ok(Output {
        destinations,
        releases,
        rates,
    })
}

/// A well-formed alpha-2 code, upper-cased; anything else is not a country.
fn alpha2(raw: &str) -> Option<String> {
    let code = raw.to_ascii_uppercase();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())).then_some(code)
}

#[component]
pub fn CountryPage() -> impl IntoView {
    let page = use_page::<()>();
    let params = use_params_map();
    let iso = Memo::new(move |_| params.with(|p| p.get("iso")).and_then(|c| alpha2(&c)));
    let content = move || match iso.get() {
        None => view! {
            <h1>{word(Words::CountryHeading)}</h1>
            <p class="notice" data-state="unknown-country">{word(Words::UnknownCountry)}</p>
        }
        .into_any(),
        Some(code) => view! { <CountryFigures filter=page.filter iso=code/> }.into_any(),
    };
    view! {
        <section class="profile-page" data-page="country" data-country-page=move || iso.get()>
            <FallbackNotice when=page.fell_back text=Text::MapFallback/>
            {content}
        </section>
    }
}

#[component]
fn CountryFigures(filter: Memo<Filter>, iso: String) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let code = iso.clone();
    let filter = Memo::new(move |_| Filter {
        country: Some(code.clone()),
        product: None,
        facility: None,
        ..filter.get()
    });
    let output = use_answers(
        move || (filter.get(), ()),
        |o: &Output| o.destinations.years,
        |f, _| load_output(f),
    );
    let heading_iso = iso.clone();
    let heading = move || names.with(|n| n.country(&heading_iso, lang.get()));
    let body = move |_, data: Output| {
        let got = receipts(&data.releases.shipments);
        let name = names.with_untracked(|n| n.country(&iso, lang.get_untracked()));
        let sentence = {
            let (got, iso) = (got.clone(), iso.clone());
            move || {
                let l = lang.get();
                names.with(|n| country_sentence(&n.country(&iso, l), &got, |p| n.product(p, l), l))
            }
        };
        let empty = got.is_empty();
        let provenances = data
            .releases
            .shipments
            .iter()
            .map(|s| s.provenance.clone())
            .collect::<Vec<_>>();
        view! {
            <p class="map-summary" data-summary="country" aria-live="polite" data-name=name>{sentence}</p>
            {empty.then(|| view! { <p class="notice" data-state="no-releases">{word(Words::NoCountryReleases)}</p> })}
            {(!empty).then(|| view! {
                <h2>{word(Words::WhatReceived)}</h2>
                <Receipts receipts=got/>
                <h2>{word(Words::FromFacilities)}</h2>
                <Flows data=data.destinations.clone()/>
                <h2>{word(Words::PerYear)}</h2>
                <PerYear data=data.releases.clone()/>
                <h2>{tr(Text::LatestReleases)}</h2>
                <ReleaseList releases=latest(&data.releases.shipments, 20) rates=data.rates.clone()/>
                <h2>{tr(Text::SourcesTitle)}</h2>
                <SourcesCited provenances=provenances/>
            })}
        }
    };
    view! {
        <h1>{heading}</h1>
        <p class="hint">{word(Words::CountryHeading)}</p>
        {answered(output, body)}
    }
}

#[component]
fn Receipts(receipts: Vec<Receipt>) -> impl IntoView {
    let lang = use_lang();
    let row = move |r: Receipt| {
        let value = move || {
            let l = lang.get();
            let v = r.value_usd.map_or_else(
                || Words::ValueUnknown.get(l).to_string(),
                |v| format::usd(v, l),
            );
            match r.without_value {
                0 => v,
                n => format!("{v} ({n} {})", Words::WithoutValue.get(l)),
            }
        };
        view! {
            <tr data-product=r.product_id.clone() data-unit=r.unit.code() data-quantity=r.quantity.to_string()
                data-releases=r.releases data-value-usd=r.value_usd.map(|v| v.to_string())>
                <th scope="row"><ProductLink id=r.product_id.clone()/></th>
                <td class="numeric">{move || format::quantity(r.quantity, r.unit, lang.get())}</td>
                <td class="numeric">{r.releases}</td>
                <td class="numeric">{value}</td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll"><table class="data-table" data-table="receipts">
            <thead><tr>
                <th scope="col">{tr(Text::ColProduct)}</th><th scope="col" class="numeric">{tr(Text::ColQuantity)}</th>
                <th scope="col" class="numeric">{tr(Text::ColReleases)}</th>
                <th scope="col" class="numeric">{tr(Text::ColValue)}" (USD)"</th>
            </tr></thead>
            <tbody>{receipts.into_iter().map(row).collect_view()}</tbody>
        </table></div>
        <p class="hint">{tr(Text::QuantitiesNote)}</p>
    }
}

#[component]
fn Flows(data: Destinations) -> impl IntoView {
    let items = data.flows.into_iter().map(|f| {
        view! {
            <li data-flow=f.facility_id.clone() data-value=f.shipments>
                <FacilityLink id=f.facility_id.clone()/>": "{f.shipments}" "
                {move || tr(Text::ColReleases)().to_lowercase()}
            </li>
        }
    });
    view! { <ul class="export-list" data-list="flows">{items.collect_view()}</ul> }
}

#[component]
fn PerYear(data: ShipmentList) -> impl IntoView {
    let counts = releases_per_year(&data.shipments);
    let rows = counts.years.into_iter().map(|(y, n)| {
        view! { <tr data-year=y data-value=n><th scope="row">{y}</th><td class="numeric">{n}</td></tr> }
    });
    let undated = (counts.undated > 0).then(|| {
        view! {
            <tr data-year="undated" data-value=counts.undated>
                <th scope="row">{word(Words::Undated)}</th><td class="numeric">{counts.undated}</td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll"><table class="data-table" data-table="per-year">
            <thead><tr>
                <th scope="col">{word(Words::ColYear)}</th>
                <th scope="col" class="numeric">{tr(Text::ColReleases)}</th>
            </tr></thead>
            <tbody>{rows.collect_view()}{undated}</tbody>
        </table></div>
    }
}
