//! A headline figure. Its `data-kpi` names the summary field and `data-value` holds the raw
//! number, so checks can compare the screen with the API whatever the language.

use super::provenance::IllustrativeMark;
use crate::view_state::use_lang;
use karya_core::{format, Text, Unit};
use leptos::prelude::*;

#[component]
pub fn KpiCard(
    /// The summary field this card shows, e.g. `destination_countries`.
    kpi: &'static str,
    value: u32,
    label: Text,
    /// Some contributing record is illustrative.
    #[prop(optional)]
    illustrative: bool,
    /// A line under the figure (e.g. what the source itself reports).
    #[prop(default = None)]
    note: Option<Signal<String>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="kpi" data-kpi=kpi data-value=value.to_string()>
            <span class="kpi-value">{move || format::integer(value as i64, lang.get())}</span>
            <span class="kpi-label">{move || label.get(lang.get())}</span>
            {note.map(|n| view! { <span class="kpi-note">{move || n.get()}</span> })}
            {illustrative.then(|| view! { <IllustrativeMark/> })}
        </div>
    }
}

/// Exported quantity of one product, in its own unit.
#[component]
pub fn QuantityCard(
    product_id: String,
    name: Signal<String>,
    quantity: f64,
    unit: Unit,
    illustrative: bool,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="kpi kpi-quantity" data-kpi="quantities" data-product=product_id data-unit=unit.code()
            data-value=quantity.to_string()>
            <span class="kpi-value">{move || format::quantity(quantity, unit, lang.get())}</span>
            <span class="kpi-label">{move || name.get()}</span>
            {illustrative.then(|| view! { <IllustrativeMark/> })}
        </div>
    }
}
