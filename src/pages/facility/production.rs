//! The facility's production: the sentence, one stacked chart per unit with its table and
//! downloads (pieces are never stacked on kilograms), growth against the previous period and
//! the product mix.

use super::{FacilityPageState, Output};
use crate::components::charts::{ChartDownloads, StackedColumns};
use crate::components::profile_link::ProductLink;
use crate::components::provenance::IllustrativeMark;
use crate::reference::use_names;
use crate::view_state::tr;
use karya_core::export_csv::stack_csv;
use karya_core::names::Names;
use karya_core::scale::period_label;
use karya_core::sentence::{growth_words, production_summary};
use karya_core::stack::{stacks_by_unit, UnitStack};
use karya_core::{format, Facility, Filter, Lang, Text};
use leptos::prelude::*;

#[component]
pub fn ProductionSections(
    page: FacilityPageState,
    facility: Facility,
    data: Memo<Output>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let (lang, names) = (page.lang, use_names());
    let stacks = Memo::new(move |_| data.with(|d| stacks_by_unit(&d.production.series)));
    let name = facility.name.clone();
    let summary = move || {
        let l = lang.get();
        names.with(|n| {
            data.with(|d| {
                let c = d.production.comparison.as_ref();
                production_summary(&name, c, |p| n.product(p, l), l)
            })
        })
    };
    let charts = move || {
        // Titles and tables are written in the reader's language: a switch redraws them.
        lang.track();
        let all = stacks.get();
        if all.is_empty() {
            return view! { <p class="notice" data-empty="production">{tr(Text::NoProductionRecorded)}</p> }.into_any();
        }
        let chart = |(i, stack)| {
            view! { <ProductionChart page=page facility=facility.clone() filter=filter stack=stack index=i/> }
        };
        all.into_iter()
            .enumerate()
            .map(chart)
            .collect_view()
            .into_any()
    };
    view! {
        <h2 class="visually-hidden">{tr(Text::ProductionTitle)}</h2>
        {charts}
        <p class="map-summary" data-summary="production" aria-live="polite">{summary}</p>
        <h2>{tr(Text::GrowthTitle)}</h2>
        <GrowthTable data=data/>
        <h2>{tr(Text::ProductMixTitle)}</h2>
        <ProductMix stacks=stacks/>
    }
}

/// One unit's chart, its data as a table, and its downloads.
#[component]
fn ProductionChart(
    page: FacilityPageState,
    facility: Facility,
    filter: Memo<Filter>,
    stack: UnitStack,
    index: usize,
) -> impl IntoView {
    let (l, names) = (page.lang.get(), use_names());
    let period = filter
        .with(|f| f.single_year())
        .map_or_else(|| Text::AllYears.get(l).to_string(), |y| y.to_string());
    let unit_words = karya_core::i18n::unit_name(stack.unit, 2.0, l);
    let title = format!(
        "{} · {} ({unit_words}) · {period}",
        facility.name,
        Text::ProductionTitle.get(l)
    );
    let mark = stack
        .illustrative
        .then(|| format!(" · {}", Text::IllustrativeMark.get(l)));
    let source = format!("Karya{}", mark.unwrap_or_default());
    let selector = format!("[data-chart='production-{}'] svg", stack.unit.code());
    let csv_stack = stack.clone();
    let csv = Callback::new(move |_: ()| {
        names.with_untracked(|n| stack_csv(&csv_stack, |p| n.product(p, l), l))
    });
    let table = names.with_untracked(|n| chart_table(&stack, n, l));
    view! {
        <div class="chart-block" data-chart=format!("production-{}", stack.unit.code()) data-unit=stack.unit.code()
            data-total=stack.total().to_string()>
            {stack.illustrative.then(|| view! { <IllustrativeMark/> })}
            <StackedColumns stack=Signal::stored(stack.clone()) title=Signal::stored(title)
                source=Signal::stored(source)/>
            <details class="chart-table" open=page.keys.with_untracked(|k| k.table)>
                <summary>{tr(Text::ChartTable)}</summary>
                {table}
            </details>
            <ChartDownloads svg=selector name=format!("karya-{}-{index}", facility.id) csv=csv/>
        </div>
    }
}

/// The chart's data as a table: a row per period, a column per product and the total.
fn chart_table(st: &UnitStack, names: &Names, l: Lang) -> impl IntoView {
    let head = st
        .products
        .iter()
        .map(|p| view! { <th scope="col">{names.product(p, l)}</th> })
        .collect_view();
    let row = |(i, period): (usize, &String)| {
        let cells = st
            .values
            .iter()
            .map(|v| view! { <td class="numeric">{format::quantity(v[i], st.unit, l)}</td> });
        view! {
            <tr data-period=period.clone() data-value=st.totals[i].to_string()>
                <th scope="row">{period_label(period, l)}</th>
                {cells.collect_view()}
                <td class="numeric">{format::quantity(st.totals[i], st.unit, l)}</td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll"><table class="data-table">
            <thead><tr>
                <th scope="col">{Text::ColPeriod.get(l)}</th>{head}<th scope="col">{Text::Total.get(l)}</th>
            </tr></thead>
            <tbody>{st.periods.iter().enumerate().map(row).collect_view()}</tbody>
        </table></div>
    }
}

/// Each product against the previous period of the same length, both periods named.
#[component]
fn GrowthTable(data: Memo<Output>) -> impl IntoView {
    let lang = crate::view_state::use_lang();
    move || {
        let l = lang.get();
        let c = data.with(|d| d.production.comparison.clone())?;
        let rows = c
            .growth
            .iter()
            .map(|g| {
                view! {
                    <tr data-growth=g.product_id.clone() data-pct=g.pct.map(|p| format!("{p:.1}"))>
                        <th scope="row"><ProductLink id=g.product_id.clone()/></th>
                        <td class="numeric">{format::quantity(g.current, g.unit, l)}</td>
                        <td class="numeric">{format::quantity(g.previous, g.unit, l)}</td>
                        <td>{growth_words(g.pct, l)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll"><table class="data-table" data-table="growth">
                <thead><tr>
                    <th scope="col">{tr(Text::ColProduct)}</th>
                    <th scope="col">{c.current.name(l)}</th>
                    <th scope="col">{c.previous.name(l)}</th>
                    <th scope="col">{tr(Text::ColGrowth)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        })
    }
}

/// Each product's share of the facility's output, within its own unit.
#[component]
fn ProductMix(stacks: Memo<Vec<UnitStack>>) -> impl IntoView {
    let lang = crate::view_state::use_lang();
    let rows = move || {
        let l = lang.get();
        let mut rows = Vec::new();
        for st in stacks.get() {
            let total = st.total();
            for (p, id) in st.products.iter().enumerate() {
                let q: f64 = st.values[p].iter().sum();
                let share = if total > 0.0 { q / total * 100.0 } else { 0.0 };
                rows.push(view! {
                    <tr data-mix=id.clone() data-value=q.to_string()>
                        <th scope="row"><ProductLink id=id.clone()/></th>
                        <td class="numeric">{format::quantity(q, st.unit, l)}</td>
                        <td class="numeric">{format!("{}%", format::number(share, 1, l))}</td>
                    </tr>
                });
            }
        }
        rows.collect_view()
    };
    view! {
        <div class="table-scroll"><table class="data-table" data-table="mix">
            <thead><tr>
                <th scope="col">{tr(Text::ColProduct)}</th>
                <th scope="col">{tr(Text::ColQuantity)}</th>
                <th scope="col">"%"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
        <p class="hint">{tr(Text::QuantitiesNote)}</p>
    }
}
