//! Pieces both profiles show: the releases with their sources and marks, and the sources on
//! which a profile's figures rest.

use crate::components::profile_link::{CountryLink, FacilityLink, ProductLink};
use crate::components::provenance::{
    IllustrativeMark, ProvenanceMark, ProvisionalMark, SourceCitation,
};
use crate::view_state::{tr, use_lang};
use karya_core::currency::{complete, conversion_note, ExchangeRate, Values};
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
                <ReleaseValue values=values/>" "
                <ProvisionalMark provisional=s.provisional/>" "
                <ProvenanceMark provenance=s.provenance.clone()/>
            </li>
        }
    };
    view! { <ul class="release-list" data-list="releases">{releases.into_iter().map(item).collect_view()}</ul> }
        .into_any()
}

/// A release's value in dollars and rupiah; a converted one says with which rate of which day,
/// one that cannot be converted stays unknown.
#[component]
fn ReleaseValue(values: Values) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let v = values.clone();
        let money = match (v.usd, v.idr) {
            (None, None) => return None,
            (Some(usd), Some(idr)) => {
                format!(" · {} · {}", format::usd(usd, l), format::idr(idr, l))
            }
            (Some(usd), None) => format!(" · {}", format::usd(usd, l)),
            (None, Some(idr)) => format!(
                " · {} · US$ {}",
                format::idr(idr, l),
                Words::ValueUnknown.get(l)
            ),
        };
        let note = v.rate.map(|r| {
            view! {
                <span class="hint" data-converted="" data-rate=r.idr_per_usd.to_string()
                    data-rate-date=r.date.to_string()>
                    " ("{conversion_note(&r, l)}")"
                </span>
            }
        });
        Some(view! { <span data-value-usd=v.usd.map(|u| u.to_string())>{money}</span>{note} })
    }
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
