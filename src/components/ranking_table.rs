//! The ranking as a table: every facility, sortable by column (the sort lives in the address),
//! with a total row, cut to its first rows until the reader asks for all.

use crate::page::Page;
use crate::reference::Tables;
use crate::view_state::tr;
use karya_core::i18n::role_name;
use karya_core::ranking::{Ranking, RankingRow};
use karya_core::sentence::rank_value;
use karya_core::url::FacilitiesView;
use karya_core::{format, Text};
use leptos::prelude::*;

/// Table rows shown before "show all": 500 rows are slow to redraw on a phone for every change
/// of period, and the bars, map and CSV carry every facility.
const TABLE_ROWS: usize = 25;

/// A column heading that sorts the table by its column, saying how it is sorted.
#[component]
fn SortHeader(page: Page<FacilitiesView>, column: &'static str, label: Text) -> impl IntoView {
    let sort = move || page.keys.with(|k| k.sort.clone());
    let aria = move || match sort().as_deref() {
        Some(s) if s == column => "ascending",
        Some(s) if s.trim_start_matches('-') == column => "descending",
        _ => "none",
    };
    let click = move |_| {
        let next = FacilitiesView::next_sort(sort().as_deref(), column);
        page.set_keys(|k| k.sort = Some(next));
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="link-button" data-sort=column on:click=click>{tr(label)}</button>
        </th>
    }
}

#[component]
pub fn RankingTable(
    rows: Memo<Vec<RankingRow>>,
    data: Memo<Ranking>,
    page: Page<FacilitiesView>,
    tables: Tables,
) -> impl IntoView {
    let lang = page.lang;
    let show_all = RwSignal::new(false);
    let header = move |column: &'static str, label: Text| view! { <SortHeader page=page column=column label=label/> };
    let row = move |r: RankingRow, rank: usize, d: &Ranking| {
        let l = lang.get();
        let f = tables.facility(&r.facility_id);
        let href = page.link(&format!("/facility/{}", r.facility_id));
        view! {
            <tr data-facility=r.facility_id.clone() data-value=r.value.map(|v| v.to_string())>
                <td>{rank}</td>
                <td><a href=href>{f.map(|f| f.name.clone())}</a></td>
                <td>{f.map(|f| f.province.clone())}</td>
                <td>{f.map(|f| role_name(f.role, l))}</td>
                <td class="numeric">{rank_value(d, r.value, l)}</td>
                <td class="numeric">{r.releases}</td>
                <td class="numeric">{r.products}</td>
            </tr>
        }
    };
    let body = move || {
        let limit = if show_all.get() {
            usize::MAX
        } else {
            TABLE_ROWS
        };
        data.with(|d| {
            let rank_of = |id: &str| {
                d.rows
                    .iter()
                    .position(|x| x.facility_id == id)
                    .map_or(0, |p| p + 1)
            };
            // Only the rows shown are copied, not all 500.
            rows.with(|rows| {
                rows.iter()
                    .take(limit)
                    .map(|r| row(r.clone(), rank_of(&r.facility_id), d))
                    .collect_view()
            })
        })
    };
    let total = move || {
        data.with(|d| {
            let t = d.total?;
            let text = rank_value(d, Some(t), lang.get());
            Some(view! {
                <tfoot><tr data-total=t.to_string()>
                    <th scope="row" colspan="4">{tr(Text::Total)}</th><td class="numeric">{text}</td><td></td><td></td>
                </tr></tfoot>
            })
        })
    };
    let show_all_button = move || {
        let n = rows.with(Vec::len);
        (n > TABLE_ROWS && !show_all.get()).then(|| {
            let label = move || {
                format!(
                    "{} ({})",
                    Text::ShowAll.get(lang.get()),
                    format::integer(n as i64, lang.get())
                )
            };
            view! {
                <button type="button" class="button button-secondary" data-action="show-all-rows"
                    on:click=move |_| show_all.set(true)>{label}</button>
            }
        })
    };
    view! {
        <div class="table-scroll">
            <table class="data-table ranking-table" data-table="ranking">
                <caption class="visually-hidden">{tr(Text::RankingTitle)}</caption>
                <thead><tr>
                    <th scope="col">{tr(Text::ColRank)}</th>
                    {header("name", Text::ColFacility)}
                    <th scope="col">{tr(Text::ColProvince)}</th>
                    {header("role", Text::ColRole)}
                    {header("value", Text::ColRanked)}
                    {header("releases", Text::ColReleases)}
                    {header("products", Text::ColProducts)}
                </tr></thead>
                <tbody>{body}</tbody>
                {total}
            </table>
        </div>
        {show_all_button}
    }
}
