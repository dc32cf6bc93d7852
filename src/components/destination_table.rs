//! The map's figures as a table: one row per destination, a total row equal to the map's
//! total, and the same rows as CSV.

use crate::components::profile_link::CountryLink;
use crate::components::provenance::ProvisionalMark;
use crate::download::download_csv;
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::destinations::Destinations;
use karya_core::export_csv::destinations_csv;
use karya_core::sentence::measure_value;
use karya_core::{format, Text};
use leptos::prelude::*;

#[component]
pub fn DestinationTable(#[prop(into)] data: Signal<Destinations>) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    let rows = move || {
        let l = lang.get();
        data.with(|d| {
            d.countries
                .iter()
                .map(|c| {
                    let quantities = c
                        .quantities
                        .iter()
                        .map(|q| {
                            let product = names.with(|n| n.product(&q.product_id, l));
                            format!("{} {product}", format::quantity(q.quantity, q.unit, l))
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    view! {
                        <tr data-iso=c.country.clone() data-value=c.value.map(|v| v.to_string())>
                            <th scope="row"><CountryLink iso=c.country.clone()/></th>
                            <td class="numeric">{measure_value(d, c.value, l)}</td>
                            // Some of its releases are provisional: the count may still change.
                            <td class="numeric">
                                {format::integer(c.shipments as i64, l)}
                                {(c.provisional > 0).then(|| view! { " " <ProvisionalMark provisional=true/> })}
                            </td>
                            <td>{quantities}</td>
                            <td class="numeric">{c.value_usd.map_or_else(|| "—".into(), |v| format::usd(v, l))}</td>
                            <td>
                                {c.latest.map_or_else(|| Text::DateNotStated.get(l).into(), |d| format::date(d, l))}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || data.with(|d| (d.total, measure_value(d, Some(d.total), lang.get())));
    let csv = move |_| {
        let l = lang.get_untracked();
        let names = names.get_untracked();
        data.with_untracked(|d| {
            let text = destinations_csv(d, |c| names.country(c, l), |p| names.product(p, l), l);
            download_csv("karya-destinations.csv", &text);
        });
    };
    view! {
        <div class="table-scroll">
            <table class="destinations" data-table="destinations">
                <thead>
                    <tr>
                        <th scope="col">{tr(Text::ColCountry)}</th>
                        <th scope="col" class="numeric">{tr(Text::MeasureLabel)}</th>
                        <th scope="col" class="numeric">{tr(Text::ColReleases)}</th>
                        <th scope="col">{tr(Text::ColQuantity)}</th>
                        <th scope="col" class="numeric">{tr(Text::ColValue)}</th>
                        <th scope="col">{tr(Text::LatestRelease)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr data-total=move || total().0.to_string()>
                        <th scope="row">{tr(Text::Total)}</th>
                        <td class="numeric">{move || total().1}</td>
                        <td colspan="4"></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <button type="button" class="button button-secondary" data-action="download-csv" on:click=csv>
            {tr(Text::DownloadCsv)}
        </button>
    }
}
