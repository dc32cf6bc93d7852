//! A release's value wherever releases are listed: dollars and rupiah, the missing one converted
//! with the rate of the release's own date (the core's `complete`), saying which rate of which day.

use crate::reference::use_rates;
use crate::view_state::use_lang;
use karya_core::currency::{complete, conversion_note, Values};
use karya_core::profile::words::Words;
use karya_core::{format, Shipment};
use leptos::prelude::*;

/// The shipment's value with the rates of the reference data (loaded on first use).
/// `lead` comes before a value (" · " in a line of text); `empty` stands for no value at all.
#[component]
pub fn ShipmentValue(
    shipment: Shipment,
    #[prop(optional)] lead: &'static str,
    #[prop(optional)] empty: &'static str,
) -> impl IntoView {
    let rates = use_rates();
    let values = Memo::new(move |_| rates.with(|r| complete(&shipment, r)));
    move || view! { <ReleaseValue values=values.get() lead=lead empty=empty/> }
}

/// Values already completed (a profile loads its rates with its figures). A converted value
/// says with which rate of which day; one that cannot be converted stays unknown.
#[component]
pub fn ReleaseValue(
    values: Values,
    #[prop(optional)] lead: &'static str,
    #[prop(optional)] empty: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let v = values.clone();
        let money = match (v.usd, v.idr) {
            (None, None) => return empty.into_any(),
            (Some(usd), Some(idr)) => {
                format!("{lead}{} · {}", format::usd(usd, l), format::idr(idr, l))
            }
            (Some(usd), None) => format!("{lead}{}", format::usd(usd, l)),
            (None, Some(idr)) => {
                format!(
                    "{lead}{} · US$ {}",
                    format::idr(idr, l),
                    Words::ValueUnknown.get(l)
                )
            }
        };
        let note = v.rate.map(|r| {
            view! {
                <span class="hint" data-converted="" data-rate=r.idr_per_usd.to_string()
                    data-rate-date=r.date.to_string()>
                    " ("{conversion_note(&r, l)}")"
                </span>
            }
        });
        view! { <span data-value-usd=v.usd.map(|u| u.to_string())>{money}</span>{note} }.into_any()
    }
}
