//! The map of Indonesia: province outlines, facilities as points (shape and colour by zoning
//! role, size by output, a mark for a BLK) and supply links from supplier to producer,
//! labelled with the material. Title, legend and sources are inside the SVG for downloads.

use crate::components::charts::{tip_at, Tip, Tooltip};
use crate::view_state::{tr, use_lang};
use karya_core::geo::RegionMap;
use karya_core::i18n::{facility_kind_name, role_name};
use karya_core::output::rank_value;
use karya_core::ranking::Ranking;
use karya_core::scale::flow_width;
use karya_core::{Facility, Lang, SupplyLink, Text, ZoningRole};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Okabe–Ito colours, one per role, told apart by shape as well.
pub fn role_colour(role: ZoningRole) -> &'static str {
    match role {
        ZoningRole::Producer => "#0072B2",
        ZoningRole::Supplier => "#E69F00",
        ZoningRole::Both => "#009E73",
    }
}

pub fn role_code(role: ZoningRole) -> &'static str {
    match role {
        ZoningRole::Producer => "producer",
        ZoningRole::Supplier => "supplier",
        ZoningRole::Both => "both",
    }
}

/// A point's symbol: a circle for producers, a square for suppliers, a diamond for both
/// (shapes of about equal area for equal `r`).
fn symbol(role: ZoningRole, x: f64, y: f64, r: Signal<f64>) -> impl IntoView {
    let fill = role_colour(role);
    match role {
        ZoningRole::Producer => {
            view! { <circle cx=x cy=y r=move || r.get() fill=fill stroke="#ffffff" stroke-width="1.2"/> }.into_any()
        }
        ZoningRole::Supplier => view! {
            <rect x=move || x - r.get() * 0.89 y=move || y - r.get() * 0.89 width=move || r.get() * 1.78
                height=move || r.get() * 1.78 fill=fill stroke="#ffffff" stroke-width="1.2"/>
        }
        .into_any(),
        ZoningRole::Both => view! {
            <polygon points=move || { let r = r.get(); format!("{x},{} {},{y} {x},{} {},{y}", y - r * 1.25, x + r * 1.25, y + r * 1.25, x - r * 1.25) }
                fill=fill stroke="#ffffff" stroke-width="1.2"/>
        }
        .into_any(),
    }
}

const LEGEND_H: f64 = 70.0;

#[component]
pub fn IndonesiaMap(
    geo: Arc<RegionMap>,
    facilities: Arc<Vec<Facility>>,
    links: Arc<Vec<SupplyLink>>,
    #[prop(into)] ranking: Signal<Ranking>,
    #[prop(into)] selected: Signal<Option<String>>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] on_select: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let tip = RwSignal::new(None::<Tip>);
    let frame = NodeRef::<leptos::html::Div>::new();
    let (width, height) = (geo.width, geo.height);
    let places: Arc<HashMap<String, (f64, f64)>> = Arc::new(
        facilities
            .iter()
            .map(|f| (f.id.clone(), geo.project(f.longitude, f.latitude)))
            .collect(),
    );
    let provinces = geo
        .provinces
        .iter()
        .map(|p| view! { <path class="province" d=p.d.clone() data-province=p.code.clone()><title>{p.name.clone()}</title></path> })
        .collect_view();

    let link_places = places.clone();
    let supply = move || {
        let l = lang.get();
        links
            .iter()
            .filter_map(|link| {
                let (a, b) = (link_places.get(&link.supplier_id)?, link_places.get(&link.producer_id)?);
                // A gentle curve, so links between close facilities do not sit on each other.
                let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let (cx, cy) = (mx - dy * 0.25, my + dx * 0.25);
                let (lx, ly) = ((mx + cx) / 2.0, (my + cy) / 2.0);
                let material = l.pick(&link.material_id, &link.material_en).to_string();
                let label = material.clone();
                Some(view! {
                    <g class="supply-link" data-link=link.id.clone() data-supplier=link.supplier_id.clone()
                        data-producer=link.producer_id.clone() data-material=material>
                        <path d=format!("M{:.1} {:.1}Q{cx:.1} {cy:.1} {:.1} {:.1}", a.0, a.1, b.0, b.1)
                            fill="none" stroke="#5b5b5b" stroke-width="1.4" marker-end="url(#supply-arrow)"/>
                        <text x=lx y=ly font-size="9" text-anchor="middle" class="link-label">{label}</text>
                    </g>
                })
            })
            .collect_view()
    };

    // Points are drawn once; new figures change only their size and hooks. One set of
    // handlers on the group serves all of them (a ranking can hold 500 facilities).
    let values = Memo::new(move |_| {
        ranking.with(|r| {
            let max = r.rows.iter().filter_map(|x| x.value).fold(0.0, f64::max);
            let by_id: HashMap<String, Option<f64>> = r
                .rows
                .iter()
                .map(|x| (x.facility_id.clone(), x.value))
                .collect();
            (by_id, max)
        })
    });
    let value_of = move |id: &str| values.with(|(m, _)| m.get(id).copied().flatten());
    let radius_of = move |id: &str| {
        values.with(|(m, max)| {
            flow_width(m.get(id).copied().flatten().unwrap_or(0.0), *max, 3.5, 14.0)
        })
    };
    let points = facilities
        .iter()
        .filter_map(|f| {
            let &(x, y) = places.get(&f.id)?;
            let (id_v, id_r, id_s) = (f.id.clone(), f.id.clone(), f.id.clone());
            let radius = Signal::derive(move || radius_of(&id_r));
            Some(view! {
                <g class="facility-point" class:selected=move || selected.with(|s| s.as_deref() == Some(id_s.as_str()))
                    tabindex="0" role="button" aria-label=f.name.clone()
                    data-facility=f.id.clone() data-value=move || value_of(&id_v).map(|v| v.to_string())
                    data-role=role_code(f.role) data-blk=f.has_blk.map(|b| b.to_string())>
                    {symbol(f.role, x, y, radius)}
                    {(f.has_blk == Some(true)).then(|| view! {
                        <circle class="blk-mark" cx=x cy=y r="1.8" fill="#ffffff" stroke="#1b1f24" stroke-width="0.8"/>
                    })}
                </g>
            })
        })
        .collect_view();
    // What a point's tooltip says, made when it is shown.
    let tip_facilities = facilities.clone();
    let tip_lines = move |id: &str| -> Option<Vec<String>> {
        let f = tip_facilities.iter().find(|f| f.id == id)?;
        let l = lang.get_untracked();
        let figure = ranking.with_untracked(|r| rank_value(r, value_of(id), l));
        let blk = match f.has_blk {
            Some(true) => Text::BlkMark.get(l).to_string(),
            Some(false) => format!("{} ✗", Text::BlkMark.get(l)),
            None => Text::BlkUnknown.get(l).to_string(),
        };
        Some(vec![
            f.name.clone(),
            format!("{} · {}", facility_kind_name(f.kind, l), f.province),
            role_name(f.role, l).to_string(),
            figure,
            blk,
        ])
    };
    let point_of = |e: &web_sys::Event| -> Option<(web_sys::Element, String)> {
        use wasm_bindgen::JsCast;
        let target: web_sys::Element = e.target()?.dyn_into().ok()?;
        let point = target.closest("[data-facility]").ok()??;
        let id = point.get_attribute("data-facility")?;
        Some((point, id))
    };
    let show_tip = move |e: web_sys::Event| {
        if let (Some(fr), Some((point, id))) = (frame.get_untracked(), point_of(&e)) {
            if let Some(lines) = tip_lines(&id) {
                tip.set(Some(tip_at(&fr, &point, lines)));
            }
        }
    };
    let show_on_focus = show_tip.clone();
    let legend = move || {
        let l = lang.get();
        let y = height + 18.0;
        let roles = [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both]
            .into_iter()
            .enumerate()
            .map(|(i, role)| {
                let x = 10.0 + i as f64 * 190.0;
                view! {
                    <g class="legend-item" data-legend-role=role_code(role)>
                        {symbol(role, x + 6.0, y, Signal::stored(6.0))}
                        <text x=x + 18.0 y=y + 4.0>{role_name(role, l)}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            {roles}
            <g class="legend-item" data-legend="blk">
                <circle cx="586" cy=y r="6" fill="#0072B2"/>
                <circle cx="586" cy=y r="1.8" fill="#ffffff" stroke="#1b1f24" stroke-width="0.8"/>
                <text x="598" y=y + 4.0>{Text::BlkMark.get(l)}</text>
            </g>
            <g class="legend-item" data-legend="supply">
                <line x1="10" x2="40" y1=y + 24.0 y2=y + 24.0 stroke="#5b5b5b" stroke-width="1.4" marker-end="url(#supply-arrow)"/>
                <text x="48" y=y + 28.0>{Text::SupplyLinksTitle.get(l)}</text>
                <text x="360" y=y + 28.0>{move || format!("{}: {}", Text::PointSizeShows.get(l), ranking_measure_name(ranking.with(|r| r.measure), l))}</text>
            </g>
        }
    };

    view! {
        <div class="chart-frame indonesia-frame" node_ref=frame>
            <svg class="indonesia-map" viewBox=format!("0 0 {width} {}", height + LEGEND_H + 24.0) role="img"
                aria-label=move || format!("{}. {}", title.get(), Text::ProvincesNote.get(lang.get()))
                xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
                <defs>
                    <marker id="supply-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" fill="#5b5b5b"/>
                    </marker>
                </defs>
                <rect width=width height=height fill="#eef4f8"/>
                <g class="provinces" fill="#e4e7eb" stroke="#ffffff" stroke-width="0.6">{provinces}</g>
                <g class="supply-links">{supply}</g>
                <g class="facility-points"
                    on:mouseover=move |e| show_tip(e.into())
                    on:mouseleave=move |_| tip.set(None)
                    on:focusin=move |e| show_on_focus(e.into())
                    on:focusout=move |_| tip.set(None)
                    on:click=move |e| if let Some((_, id)) = point_of(&e) { on_select.run(id) }
                    on:keydown=move |e: web_sys::KeyboardEvent| if e.key() == "Enter" {
                        if let Some((_, id)) = point_of(&e) { on_select.run(id) }
                    }>
                    {points}
                </g>
                <text class="chart-title" x="10" y="22" font-size="16" font-weight="600">{move || title.get()}</text>
                <g class="legend">{legend}</g>
                <text class="chart-source" x="10" y=height + LEGEND_H + 18.0 font-size="10">{tr(Text::ProvincesNote)}</text>
            </svg>
            <Tooltip tip=tip/>
        </div>
    }
}

pub fn ranking_measure_name(m: karya_core::ranking::RankMeasure, lang: Lang) -> &'static str {
    use karya_core::ranking::RankMeasure;
    match m {
        RankMeasure::Releases => Text::RankReleases.get(lang),
        RankMeasure::Value => Text::RankValue.get(lang),
        RankMeasure::Products => Text::RankProducts.get(lang),
        RankMeasure::Quantity => Text::RankQuantity.get(lang),
    }
}
