//! Where the facility's exports went, its supply links in and out, and the sources of every
//! figure on the page.

use super::{FacilityPageState, Output};
use crate::components::profile_link::CountryLink;
use crate::components::provenance::{IllustrativeMark, ProvenanceMark, SourceCitation};
use crate::reference::{use_names, Tables};
use crate::view_state::tr;
use karya_core::url::MapView;
use karya_core::{format, Facility, Filter, Provenance, Source, SupplyLink, Text};
use leptos::prelude::*;

#[component]
pub fn ExportsAndLinks(
    page: FacilityPageState,
    facility: Facility,
    tables: Tables,
    data: Memo<Output>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let map_href = move || {
        let f = Filter {
            country: None,
            ..filter.get()
        };
        karya_core::url::map_href(&f, &MapView::default(), page.lang.get())
    };
    view! {
        <h2>{tr(Text::ExportsTitle)}</h2>
        <ExportList data=data/>
        <p><a href=map_href data-link="map">{tr(Text::SeeOnMap)}</a></p>
        <h2>{tr(Text::SupplyInTitle)}</h2>
        <SupplyLinks page=page facility_id=facility.id.clone() tables=tables.clone() incoming=true/>
        <h2>{tr(Text::SupplyOutTitle)}</h2>
        <SupplyLinks page=page facility_id=facility.id.clone() tables=tables.clone() incoming=false/>
        <h2>{tr(Text::SourcesTitle)}</h2>
        <FacilitySources facility=facility tables=tables data=data/>
    }
}

#[component]
fn ExportList(data: Memo<Output>) -> impl IntoView {
    let lang = crate::view_state::use_lang();
    move || {
        let l = lang.get();
        data.with(|d| {
            if d.destinations.countries.is_empty() {
                return view! { <p class="notice" data-empty="exports">{tr(Text::NoReleases)}</p> }
                    .into_any();
            }
            let releases_word = Text::ColReleases.get(l).to_lowercase();
            let items = d.destinations.countries.iter().map(|c| {
                let quantity = |q: &karya_core::destinations::UnitQuantity| {
                    format::quantity(q.quantity, q.unit, l)
                };
                let quantities: Vec<String> = c.quantities.iter().map(quantity).collect();
                view! {
                    <li data-iso=c.country.clone() data-value=c.shipments.to_string()>
                        <strong><CountryLink iso=c.country.clone()/></strong>": "
                        {c.shipments}" "{releases_word.clone()}
                        {(!quantities.is_empty()).then(|| format!(" · {}", quantities.join(", ")))}
                    </li>
                }
            });
            view! { <ul class="export-list">{items.collect_view()}</ul> }.into_any()
        })
    }
}

/// Links in (`incoming`: this facility is the producer) or out (it is the supplier).
#[component]
fn SupplyLinks(
    page: FacilityPageState,
    facility_id: String,
    tables: Tables,
    incoming: bool,
) -> impl IntoView {
    let names = use_names();
    let mine: Vec<SupplyLink> = tables
        .links
        .iter()
        .filter(|k| {
            if incoming {
                k.producer_id == facility_id
            } else {
                k.supplier_id == facility_id
            }
        })
        .cloned()
        .collect();
    move || {
        if mine.is_empty() {
            return view! { <p class="hint">{tr(Text::NoSupplyLinks)}</p> }.into_any();
        }
        let l = page.lang.get();
        let item = |k: &SupplyLink| {
            let other = if incoming {
                &k.supplier_id
            } else {
                &k.producer_id
            };
            let href = page.link(&format!("/facility/{other}"));
            view! {
                <li data-link=k.id.clone() data-direction=if incoming { "in" } else { "out" }>
                    {l.pick(&k.material_id, &k.material_en).to_string()}" — "
                    <a href=href>{names.with(|n| n.facility(other, l))}</a>
                    " " <ProvenanceMark provenance=k.provenance.clone()/>
                </li>
            }
        };
        view! { <ul class="supply-list">{mine.iter().map(item).collect_view()}</ul> }.into_any()
    }
}

/// Every source cited by the facility, its releases and its products, once each; and the
/// illustrative mark when any figure shown is illustrative.
#[component]
fn FacilitySources(facility: Facility, tables: Tables, data: Memo<Output>) -> impl IntoView {
    move || {
        data.with(|d| {
            let mut cited: Vec<Source> = Vec::new();
            let mut illustrative = d.production.series.iter().any(|s| s.illustrative);
            let mut note = |p: &Provenance| match p {
                Provenance::Reported { source } => {
                    if !cited.iter().any(|s| s.id == source.id && s.fact == source.fact) {
                        cited.push(source.clone());
                    }
                }
                Provenance::Illustrative => illustrative = true,
            };
            note(&facility.provenance);
            d.releases.shipments.iter().for_each(|s| note(&s.provenance));
            let made = |id: &str| d.production.series.iter().any(|s| s.product_id == id);
            tables.products.iter().filter(|p| made(&p.id)).for_each(|p| note(&p.provenance));
            view! {
                <ul class="source-list" data-sources="">
                    {cited.into_iter().map(|s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                    {illustrative.then(|| view! { <li><IllustrativeMark/>" "{tr(Text::IllustrativeExplainer)}</li> })}
                </ul>
            }
        })
    }
}
