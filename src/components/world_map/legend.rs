//! What the world map says beside its shapes: the legend of its classes, and the tooltip of
//! the destination under the pointer or the keyboard's focus.

use super::Hover;
use crate::reference::use_names;
use crate::view_state::use_lang;
use karya_core::colour::LEGEND_OUTLINE;
use karya_core::destinations::{DestinationStat, Destinations};
use karya_core::map_view::Choropleth;
use karya_core::sentence::measure_value;
use karya_core::{format, Text};
use leptos::prelude::*;

/// The classes and their colours, bottom left, above the no-data swatch.
#[component]
pub fn MapLegend(choropleth: Memo<Choropleth>, height: f64) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        choropleth.with(|c| {
            let rows = c.legend_rows(l);
            let top = height - 14.0 - 14.0 * rows.len() as f64;
            rows.into_iter()
                .enumerate()
                .map(|(i, (label, colour))| {
                    let y = top + 14.0 * i as f64;
                    view! {
                        <g class="legend-row" data-legend-class=i>
                            <rect x="12" y=y width="16" height="10" fill=colour stroke=LEGEND_OUTLINE
                                stroke-width="0.5"/>
                            <text x="34" y=y + 9.0>{label}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    }
}

#[component]
pub fn MapTooltip(data: Signal<Destinations>, hover: RwSignal<Option<Hover>>) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    move || {
        let h = hover.get()?;
        let l = lang.get();
        let stat: DestinationStat =
            data.with(|d| d.countries.iter().find(|c| c.country == h.iso).cloned())?;
        let name = names.with(|n| n.country(&h.iso, l));
        let value = data.with(|d| measure_value(d, stat.value, l));
        let latest = match stat.latest {
            Some(date) => format::date(date, l),
            None => Text::DateNotStated.get(l).to_string(),
        };
        let quantities = stat
            .quantities
            .iter()
            .map(|q| {
                let product = names.with(|n| n.product(&q.product_id, l));
                view! { <li>{format::quantity(q.quantity, q.unit, l)} " · " {product}</li> }
            })
            .collect_view();
        let usd = stat.value_usd.map(|v| format::usd(v, l));
        Some(view! {
            <div class="map-tooltip" role="tooltip" data-tooltip=h.iso.clone()
                style=format!("left:{:.0}px;top:{:.0}px", h.x + 12.0, h.y + 12.0)>
                <strong>{name}</strong>
                <div>{value}</div>
                <div>{Text::ColReleases.get(l)}": " {format::integer(stat.shipments as i64, l)}</div>
                <ul>{quantities}</ul>
                {usd.map(|u| view! { <div>{Text::ColValue.get(l)}": " {u}</div> })}
                <div>{Text::LatestRelease.get(l)}": " {latest}</div>
            </div>
        })
    }
}
