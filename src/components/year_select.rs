//! The period as one year (or all years), chosen from the years that have data. A year the
//! address names outside those years is still offered, so the control never lies about the view.

use crate::view_state::tr;
use karya_core::{Filter, Text};
use leptos::prelude::*;

#[component]
pub fn YearSelect(
    #[prop(into)] filter: Signal<Filter>,
    /// First and last year with data.
    #[prop(into)]
    years: Signal<Option<(i32, i32)>>,
    #[prop(into)] on_change: Callback<Option<i32>>,
) -> impl IntoView {
    let choices = move || {
        let chosen = filter.with(|f| f.single_year());
        let mut list: Vec<i32> = years
            .get()
            .map(|(first, last)| (first..=last).rev().collect())
            .unwrap_or_default();
        if let Some(y) = chosen.filter(|y| !list.contains(y)) {
            list.push(y);
            list.sort_unstable_by(|a, b| b.cmp(a));
        }
        list
    };
    view! {
        <label class="control">
            <span>{tr(Text::YearLabel)}</span>
            <select data-control="year" on:change=move |e| on_change.run(event_target_value(&e).parse().ok())>
                <option value="" prop:selected=move || filter.with(|f| f.single_year().is_none())>
                    {tr(Text::AllYears)}
                </option>
                {move || choices().into_iter().map(|y| view! {
                    <option value=y.to_string() prop:selected=move || filter.with(|f| f.single_year() == Some(y))>
                        {y}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
