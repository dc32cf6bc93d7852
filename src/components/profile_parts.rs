//! Pieces both profiles show: the releases with their sources and marks, and the sources on
//! which a profile's figures rest.

use crate::components::profile_link::{CountryLink, FacilityLink, ProductLink};
use crate::components::provenance::{
    IllustrativeMark, ProvenanceMark, ProvisionalMark, SourceCitation,
};
use crate::components::release_value::ReleaseValue;
use crate::view_state::{tr, use_lang};
use karya_core::currency::{complete, ExchangeRate};
use karya_core::profile::words::Words;
use karya_core::{format, Provenance, Shipment, Source, Text};
use leptos::prelude::*;

/// A word of the profiles in the reader's language, reactive.
pub fn word(w: Words) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || w.get(lang.get())
}

/// Releases, newest first, each with date, quantity in its unit, product, facility,
/// destination and where it comes from.
#[component]
pub fn ReleaseList(releases: Vec<Shipment>, rates: Vec<ExchangeRate>) -> impl IntoView {
    let lang = use_lang();
    if releases.is_empty() {
        return view! { <p class="notice" data-empty="releases">{tr(Text::NoReleases)}</p> }
            .into_any();
    }
    let item = move |s: Shipment| {
        let values = complete(&s, &rates);
        let date = move || {
            let l = lang.get();
            s.date
                .map_or_else(|| Text::DateNotStated.get(l).into(), |d| format::date(d, l))
        };
        view! {
            <li data-shipment=s.id.clone() data-quantity=s.quantity.to_string() data-unit=s.unit.code()>
                <strong>{date}</strong>" · "
                {move || format::quantity(s.quantity, s.unit, lang.get())}" "<ProductLink id=s.product_id.clone()/>
                " · "<FacilityLink id=s.facility_id.clone()/>" → "<CountryLink iso=s.country.clone()/>
                <ReleaseValue values=values lead=" · "/>" "
                <ProvisionalMark provisional=s.provisional/>" "
                <ProvenanceMark provenance=s.provenance.clone()/>
            </li>
        }
    };
    view! { <ul class="release-list" data-list="releases">{releases.into_iter().map(item).collect_view()}</ul> }
        .into_any()
}

/// Every source the given provenances cite, once each, and the illustrative mark if any is.
#[component]
pub fn SourcesCited(provenances: Vec<Provenance>) -> impl IntoView {
    let mut cited: Vec<Source> = Vec::new();
    let mut illustrative = false;
    for p in provenances {
        match p {
            Provenance::Reported { source } => {
                if !cited
                    .iter()
                    .any(|s| s.id == source.id && s.fact == source.fact)
                {
                    cited.push(source);
                }
            }
            Provenance::Illustrative => illustrative = true,
        }
    }
    view! {
        <ul class="source-list" data-sources="">
            {cited.into_iter().map(|s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
            {illustrative.then(|| view! { <li><IllustrativeMark/>" "{tr(Text::IllustrativeExplainer)}</li> })}
        </ul>
    }
}
