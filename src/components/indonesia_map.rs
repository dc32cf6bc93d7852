//! The map of Indonesia: province outlines, facilities as points (shape and colour by zoning
//! role, size by output, a mark for a BLK) and supply links from supplier to producer,
//! labelled with the material. Title, legend and sources are inside the SVG for downloads.

use crate::components::charts::{tip_at, Tip, Tooltip};
use crate::components::map_targets::{follow_hit_radius, hit_circles, hit_targets};
use crate::view_state::{tr, use_lang};
use karya_core::colour::{role_colour, INK, LAND, SEA_INDONESIA, SUPPLY_LINK, WHITE};
use karya_core::framing::{frame_on, label_box, place_labels, Rect};
use karya_core::geo::RegionMap;
use karya_core::i18n::{facility_kind_name, rank_measure_name, role_name};
use karya_core::map_view::{point_radius, Curve, Symbol, POINT_MIN_R, SUPPLY_BEND};
use karya_core::ranking::Ranking;
use karya_core::sentence::rank_value;
use karya_core::{Facility, Lang, SupplyLink, Text, ZoningRole};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A point's symbol (shape by role, see [`Symbol`]) of radius `r` at (`x`, `y`).
fn symbol(role: ZoningRole, x: f64, y: f64, r: f64) -> impl IntoView {
    let fill = role_colour(role);
    let shape = Symbol::of(role);
    let g = |name: &str| shape.attribute(name, x, y, r);
    match shape {
        Symbol::Circle => view! {
            <circle cx=x cy=y r=g("r") fill=fill stroke=WHITE stroke-width="1.2"/>
        }
        .into_any(),
        Symbol::Square => view! {
            <rect x=g("x") y=g("y") width=g("width") height=g("height") fill=fill stroke=WHITE
                stroke-width="1.2"/>
        }
        .into_any(),
        Symbol::Diamond => view! {
            <polygon points=g("points") fill=fill stroke=WHITE stroke-width="1.2"/>
        }
        .into_any(),
    }
}

const LEGEND_H: f64 = 70.0;
/// Margin around the facilities when the map is framed on them, in map units.
const FRAME_PAD: f64 = 40.0;
/// The supply links' labels, in map units of the whole map.
const LABEL_SIZE: f64 = 9.0;

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
        .map(|p| {
            view! {
                <path class="province" d=p.d.clone() data-province=p.code.clone()><title>{p.name.clone()}</title></path>
            }
        })
        .collect_view();

    // Framed on the facilities; a button goes back to the whole archipelago. Labels are placed
    // for the frame shown, in type of the same size on screen.
    let points: Vec<(f64, f64)> = places.values().copied().collect();
    let framed = frame_on(&points, (width, height), FRAME_PAD, width * 0.3);
    let whole = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        if whole.get() {
            frame_on(&[], (width, height), 0.0, 0.0)
        } else {
            framed
        }
    });
    let scale = Signal::derive(move || shown.with(|r| r.w / width));
    let outer_h = height + LEGEND_H + 24.0;
    let (svg, hit_r) = hit_targets((width, outer_h), (width, height), shown);
    view! {
        <div class="chart-frame indonesia-frame" node_ref=frame>
            <button type="button" class="button button-secondary map-extent" data-action="map-extent"
                aria-pressed=move || whole.get().to_string() on:click=move |_| whole.update(|w| *w = !*w)>
                {tr(Text::WholeArchipelago)}
            </button>
            <svg class="indonesia-map" viewBox=format!("0 0 {width} {outer_h}") role="group" node_ref=svg
                aria-label=move || format!("{}. {}", title.get(), Text::ProvincesNote.get(lang.get()))
                xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">
                <defs>
                    <marker id="supply-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6"
                        orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" fill=SUPPLY_LINK/>
                    </marker>
                </defs>
                <svg class="map-view" x="0" y="0" width=width height=height viewBox=move || shown.get().view_box()>
                <rect class="sea" width=width height=height fill=SEA_INDONESIA/>
                <g class="provinces" fill=LAND stroke=WHITE stroke-width="0.6">{provinces}</g>
                <g class="supply-links"><SupplyLinks links=links places=places.clone() scale=scale/></g>
                <FacilityPoints facilities=facilities places=places ranking=ranking selected=selected
                    frame=frame tip=tip on_select=on_select hit_r=hit_r/>
                </svg>
                <text class="chart-title" x="10" y="22" font-size="16" font-weight="600">{move || title.get()}</text>
                <g class="legend"><MapLegend ranking=ranking y=height + 18.0/></g>
                <text class="chart-source" x="10" y=height + LEGEND_H + 18.0 font-size="10">
                    {tr(Text::ProvincesNote)}
                </text>
            </svg>
            <Tooltip tip=tip/>
        </div>
    }
}

/// Supply links from supplier to producer, labelled with the material in the reader's language.
#[component]
fn SupplyLinks(
    links: Arc<Vec<SupplyLink>>,
    places: Arc<HashMap<String, (f64, f64)>>,
    scale: Signal<f64>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let (l, font) = (lang.get(), LABEL_SIZE * scale.get());
        let drawn: Vec<_> = links
            .iter()
            .filter_map(|link| {
                let (a, b) = (
                    places.get(&link.supplier_id)?,
                    places.get(&link.producer_id)?,
                );
                let curve = Curve::bent(*a, *b, SUPPLY_BEND);
                let material = l.pick(&link.material_id, &link.material_en).to_string();
                Some((link, curve, material))
            })
            .collect();
        // Labels that would cover another label or a point are left to the link's tooltip.
        let r = POINT_MIN_R * 2.0 * scale.get().max(0.5);
        let clear: Vec<Rect> = places
            .values()
            .map(|&(x, y)| Rect {
                x: x - r,
                y: y - r,
                w: 2.0 * r,
                h: 2.0 * r,
            })
            .collect();
        let boxes: Vec<Rect> = drawn
            .iter()
            .map(|(_, c, m)| {
                let (x, y) = c.middle();
                label_box(x, y, m.chars().count(), font)
            })
            .collect();
        let placed = place_labels(&boxes, &clear);
        drawn
            .into_iter()
            .zip(placed)
            .map(|((link, curve, material), baseline)| {
                let (lx, _) = curve.middle();
                let label = match baseline {
                    Some(ly) => view! {
                        <text x=lx y=ly font-size=font text-anchor="middle" class="link-label">{material.clone()}</text>
                    }
                    .into_any(),
                    None => view! { <title>{material.clone()}</title> }.into_any(),
                };
                view! {
                    <g class="supply-link" data-link=link.id.clone() data-supplier=link.supplier_id.clone()
                        data-producer=link.producer_id.clone() data-material=material>
                        <path d=curve.path()
                            fill="none" stroke=SUPPLY_LINK stroke-width="1.4" marker-end="url(#supply-arrow)"/>
                        {label}
                    </g>
                }
            })
            .collect_view()
    }
}

/// Each facility's figure by id, and the largest, for point sizes.
type Figures = (HashMap<String, Option<f64>>, f64);

/// The facilities as points. Points are drawn once; new figures change only their size and
/// hooks. One set of handlers on the group serves all of them (a ranking can hold 500).
#[component]
fn FacilityPoints(
    facilities: Arc<Vec<Facility>>,
    places: Arc<HashMap<String, (f64, f64)>>,
    ranking: Signal<Ranking>,
    selected: Signal<Option<String>>,
    frame: NodeRef<leptos::html::Div>,
    tip: RwSignal<Option<Tip>>,
    on_select: Callback<String>,
    hit_r: Memo<Option<f64>>,
) -> impl IntoView {
    let lang = use_lang();
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
    let layer = NodeRef::<leptos::svg::G>::new();
    let targets = hit_circles(&facilities, &places);
    let points = facilities
        .iter()
        .filter_map(|f| {
            let &(x, y) = places.get(&f.id)?;
            Some(view! {
                <g class="facility-point" tabindex="0" role="button" aria-label=f.name.clone()
                    data-facility=f.id.clone() data-role=f.role.code() data-blk=f.has_blk.map(|b| b.to_string())
                    data-x=x data-y=y>
                    {symbol(f.role, x, y, POINT_MIN_R)}
                    {(f.has_blk == Some(true)).then(|| view! {
                        <circle class="blk-mark" cx=x cy=y r="1.8" fill=WHITE stroke=INK stroke-width="0.8"/>
                    })}
                </g>
            })
        })
        .collect_view();
    // New figures resize the points in one pass over the DOM. (One reactive attribute per
    // point would give the figures 2,000 subscribers, and the reactive graph removes a
    // subscriber in linear time: half a second per redraw at 500 facilities.) The points are
    // read from the DOM once; each pass then writes only what changed.
    let nodes = StoredValue::new_local(None::<Vec<PointNode>>);
    Effect::new(move |_| {
        values.track();
        let selected = selected.get();
        let Some(layer) = layer.get() else { return };
        nodes.update_value(|nodes| {
            let nodes = nodes.get_or_insert_with(|| PointNode::read_all(&layer));
            values.with_untracked(|figures| resize_points(nodes, figures, selected.as_deref()));
        });
    });
    follow_hit_radius(layer, hit_r);
    // What a point's tooltip says, made when it is shown.
    let tip_lines = move |id: &str| -> Option<Vec<String>> {
        let f = facilities.iter().find(|f| f.id == id)?;
        let l = lang.get_untracked();
        let value = values.with_untracked(|(m, _)| m.get(id).copied().flatten());
        let figure = ranking.with_untracked(|r| rank_value(r, value, l));
        Some(facility_tip(f, figure, l))
    };
    let focus_lines = tip_lines.clone();
    let show_tip = move |e: web_sys::Event| {
        if let (Some(fr), Some((point, id))) = (frame.get_untracked(), point_of(&e)) {
            if let Some(lines) = tip_lines(&id) {
                tip.set(Some(tip_at(&fr, &point, lines)));
            }
        }
    };
    let show_on_focus = show_tip.clone();
    // When the pointer leaves, the point that has the keyboard focus keeps its tooltip.
    let back_to_focus = move || {
        let focused = document().active_element().filter(|e| {
            e.has_attribute("data-facility") && e.closest(".indonesia-map").ok().flatten().is_some()
        });
        match (frame.get_untracked(), focused) {
            (Some(fr), Some(point)) => {
                let id = point.get_attribute("data-facility").unwrap_or_default();
                tip.set(focus_lines(&id).map(|lines| tip_at(&fr, &point, lines)));
            }
            _ => tip.set(None),
        }
    };
    view! {
        <g class="facility-points" node_ref=layer
            on:mouseover=move |e| show_tip(e.into())
            on:mouseleave=move |_| back_to_focus()
            on:focusin=move |e| show_on_focus(e.into())
            on:focusout=move |_| tip.set(None)
            on:click=move |e| if let Some((_, id)) = point_of(&e) { on_select.run(id) }
            on:keydown=move |e: web_sys::KeyboardEvent| if e.key() == "Enter" {
                if let Some((_, id)) = point_of(&e) { on_select.run(id) }
            }>
            <g class="hit-targets">{targets}</g>
            {points}
        </g>
    }
}

/// The facility point an event happened in, and its id.
fn point_of(e: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let point = target.closest("[data-facility], [data-hit]").ok()??;
    let id = point
        .get_attribute("data-facility")
        .or_else(|| point.get_attribute("data-hit"))?;
    Some((point, id))
}

/// One drawn point, as the last pass left it.
struct PointNode {
    id: String,
    point: web_sys::Element,
    /// The point's symbol (its first child), to resize.
    shape: Option<(web_sys::Element, Symbol)>,
    x: f64,
    y: f64,
    value: Option<f64>,
    selected: bool,
    geometry: Vec<(&'static str, String)>,
}

impl PointNode {
    /// Every point in `layer`, with the place and symbol it was drawn with.
    fn read_all(layer: &web_sys::SvgElement) -> Vec<PointNode> {
        use wasm_bindgen::JsCast;
        let Ok(nodes) = layer.query_selector_all("[data-facility]") else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .map(|point| {
                let number = |name: &str| {
                    point
                        .get_attribute(name)
                        .and_then(|v| v.parse::<f64>().ok())
                        .unwrap_or(0.0)
                };
                let shape = point
                    .first_element_child()
                    .and_then(|s| Some((Symbol::from_tag(&s.tag_name())?, s)))
                    .map(|(symbol, s)| (s, symbol));
                let value = point
                    .get_attribute("data-value")
                    .and_then(|v| v.parse::<f64>().ok());
                PointNode {
                    id: point.get_attribute("data-facility").unwrap_or_default(),
                    x: number("data-x"),
                    y: number("data-y"),
                    value,
                    selected: point.class_list().contains("selected"),
                    geometry: Vec::new(),
                    shape,
                    point,
                }
            })
            .collect()
    }
}

/// Gives every point its figure, its size and whether it is the selected one, writing to the
/// DOM only what differs from the last pass (reading it back costs as much as writing).
fn resize_points(nodes: &mut [PointNode], (figures, max): &Figures, selected: Option<&str>) {
    for node in nodes {
        let value = figures.get(&node.id).copied().flatten();
        if value != node.value {
            let _ = match value {
                Some(v) => node.point.set_attribute("data-value", &v.to_string()),
                None => node.point.remove_attribute("data-value"),
            };
            node.value = value;
        }
        let is_selected = selected == Some(node.id.as_str());
        if is_selected != node.selected {
            let _ = node
                .point
                .class_list()
                .toggle_with_force("selected", is_selected);
            node.selected = is_selected;
        }
        if let Some((shape, symbol)) = &node.shape {
            let geometry = symbol.geometry(node.x, node.y, point_radius(value, *max));
            for (i, (name, value)) in geometry.iter().enumerate() {
                if node.geometry.get(i).map(|(_, old)| old) != Some(value) {
                    let _ = shape.set_attribute(name, value);
                }
            }
            node.geometry = geometry;
        }
    }
}

/// A point's tooltip: name, kind and province, role, the ranked figure, and the BLK.
fn facility_tip(f: &Facility, figure: String, l: Lang) -> Vec<String> {
    let blk = match f.has_blk {
        Some(true) => Text::BlkMark.get(l).to_string(),
        Some(false) => format!("{} ✗", Text::BlkMark.get(l)),
        None => Text::BlkUnknown.get(l).to_string(),
    };
    vec![
        f.name.clone(),
        format!("{} · {}", facility_kind_name(f.kind, l), f.province),
        role_name(f.role, l).to_string(),
        figure,
        blk,
    ]
}

/// Below the map: the three role symbols, the BLK mark, supply links, and what size shows.
#[component]
fn MapLegend(ranking: Signal<Ranking>, y: f64) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let roles = [ZoningRole::Producer, ZoningRole::Supplier, ZoningRole::Both]
            .into_iter()
            .enumerate()
            .map(|(i, role)| {
                let x = 10.0 + i as f64 * 190.0;
                view! {
                    <g class="legend-item" data-legend-role=role.code()>
                        {symbol(role, x + 6.0, y, 6.0)}
                        <text x=x + 18.0 y=y + 4.0>{role_name(role, l)}</text>
                    </g>
                }
            })
            .collect_view();
        let size_shows = move || {
            let measure = rank_measure_name(ranking.with(|r| r.measure), l);
            format!("{}: {}", Text::PointSizeShows.get(l), measure)
        };
        view! {
            {roles}
            <g class="legend-item" data-legend="blk">
                <circle cx="586" cy=y r="6" fill=role_colour(ZoningRole::Producer)/>
                <circle cx="586" cy=y r="1.8" fill=WHITE stroke=INK stroke-width="0.8"/>
                <text x="598" y=y + 4.0>{Text::BlkMark.get(l)}</text>
            </g>
            <g class="legend-item" data-legend="supply">
                <line x1="10" x2="40" y1=y + 24.0 y2=y + 24.0 stroke=SUPPLY_LINK stroke-width="1.4"
                    marker-end="url(#supply-arrow)"/>
                <text x="48" y=y + 28.0>{Text::SupplyLinksTitle.get(l)}</text>
                <text x="360" y=y + 28.0>{size_shows}</text>
            </g>
        }
    }
}
