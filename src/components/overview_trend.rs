//! The overview's production trend (F11): one product's output over time, summed over every
//! facility the filter keeps, in its own unit, with a choice of product (units never added).

use crate::api;
use crate::components::charts::StackedColumns;
use crate::components::provenance::IllustrativeMark;
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::stack::{trend_choices, trend_granularity, trend_stack};
use karya_core::{Filter, Text};
use leptos::prelude::*;

#[component]
pub fn OverviewTrend(#[prop(into)] filter: Signal<Filter>) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let answer = LocalResource::new(move || {
        let f = filter.get();
        async move { api::production(&f, trend_granularity(&f)).await }
    });
    let series = Memo::new(move |_| {
        answer
            .get()
            .and_then(Result::ok)
            .map(|r| r.series)
            .unwrap_or_default()
    });
    let choices = Memo::new(move |_| series.with(|s| trend_choices(s)));
    // An index into `choices`: a new answer opens on its default product again.
    let chosen = RwSignal::new(0usize);
    Effect::new(move |_| {
        choices.track();
        chosen.set(0);
    });
    let stack = Memo::new(move |_| {
        let c = choices.with(|c| c.get(chosen.get()).cloned())?;
        series.with(|s| trend_stack(s, &c))
    });
    let options = move || {
        choices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let name = move || names.with(|n| n.product(&c.product_id, lang.get()));
                view! { <option value=i.to_string() prop:selected=move || chosen.get() == i>{name}</option> }
            })
            .collect_view()
    };
    let pick = move |e: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&e).parse() {
            chosen.set(i);
        }
    };
    let chart = move || {
        let Some(st) = stack.get() else {
            return view! { <div class="trend-placeholder" aria-hidden="true"></div> }.into_any();
        };
        let l = lang.get();
        let product = names.with(|n| n.product(&st.products[0], l));
        let unit = karya_core::i18n::unit_name(st.unit, 2.0, l);
        let title = format!("{} · {product} ({unit})", Text::ProductionTitle.get(l));
        let (unit_code, total) = (st.unit.code(), st.total().to_string());
        let (id, illustrative) = (st.products[0].clone(), st.illustrative);
        view! {
            <div class="chart-block" data-trend-product=id data-unit=unit_code data-total=total>
                {illustrative.then(|| view! { <IllustrativeMark/> })}
                <StackedColumns stack=Signal::stored(st) title=Signal::stored(title)
                    source=Signal::stored("Karya".to_string())/>
            </div>
        }
        .into_any()
    };
    view! {
        <figure class="overview-trend" data-overview-trend="">
            <label class="control">
                <span>{tr(Text::ColProduct)}</span>
                <select data-control="trend-product" on:change=pick>{options}</select>
            </label>
            {chart}
        </figure>
    }
}
