//! The world map in SVG: a choropleth of destinations, arcs from the facilities, a legend, a
//! title and the sources (so an SVG or PNG download is complete), zoom and pan by buttons,
//! drag and wheel. Shapes are drawn once; only their fill and hooks follow the data.

mod legend;

use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::colour::{FLOW, FLOW_ORIGIN, NO_DATA_COLOUR, SEA};
use karya_core::destinations::Destinations;
use karya_core::geo::{project, WorldMap};
use karya_core::map_view::{flow_stroke, Choropleth, Curve, Shade, Zoom, FLOW_BEND};
use karya_core::sentence::measure_value;
use karya_core::{Country, Facility, Text};
use legend::{MapLegend, MapTooltip};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Countries smaller than this (square map units) also get a marker, to be seen and clicked.
const SMALL_AREA: f64 = 6.0;

/// What the tooltip shows, and where (pixels within the map's frame).
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    pub iso: String,
    pub x: f64,
    pub y: f64,
}

#[component]
pub fn WorldMapSvg(
    geo: Arc<WorldMap>,
    #[prop(into)] data: Signal<Destinations>,
    facilities: Arc<Vec<Facility>>,
    /// Countries of the data: those the map has no shape for are drawn as points.
    countries: Arc<Vec<Country>>,
    #[prop(into)] title: Signal<String>,
    zoom: RwSignal<Zoom>,
    hover: RwSignal<Option<Hover>>,
    #[prop(into)] on_select: Callback<String>,
) -> impl IntoView {
    let (width, height) = (geo.width, geo.height);
    let choropleth = Memo::new(move |_| data.with(Choropleth::new));
    let frame = NodeRef::<leptos::html::Div>::new();
    let tip = HoverFrame { frame, hover };
    // A destination the map has no shape for still appears, as a point it can be reached by.
    let shapeless: Arc<Vec<(String, f64, f64)>> = Arc::new(
        countries
            .iter()
            .filter(|c| geo.country(&c.alpha2).is_none())
            .filter_map(|c| Some((c.alpha2.clone(), project(c.longitude?, c.latitude?))))
            .map(|(iso, (x, y))| (iso, x, y))
            .collect(),
    );
    let anchors: HashMap<String, [f64; 2]> = geo
        .countries
        .iter()
        .map(|c| (c.iso.clone(), c.anchor))
        .chain(shapeless.iter().map(|(iso, x, y)| (iso.clone(), [*x, *y])))
        .collect();

    view! {
        <MapFrame frame=frame zoom=zoom width=width height=height>
            <svg class="world-map" viewBox=format!("0 0 {width} {height}") xmlns="http://www.w3.org/2000/svg"
                role="group" aria-labelledby="map-title" aria-describedby="map-summary"
                font-family="system-ui, sans-serif">
                <title id="map-title">{move || title.get()}</title>
                <defs>
                    <marker id="flow-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4"
                        orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" fill=FLOW/>
                    </marker>
                </defs>
                <rect class="sea" width=width height=height fill=SEA/>
                <g class="zoom-layer" transform=move || zoom.get().transform()>
                    <path class="land-unassigned" d=geo.unassigned.clone() fill=NO_DATA_COLOUR/>
                    <CountryShapes geo=geo.clone() data=data choropleth=choropleth tip=tip on_select=on_select/>
                    <g class="flows" fill="none" stroke=FLOW stroke-opacity="0.75">
                        <Flows data=data facilities=facilities.clone() anchors=anchors/>
                    </g>
                    <g class="origins" fill=FLOW_ORIGIN>
                        <FlowOrigins data=data facilities=facilities/>
                    </g>
                    <SmallMarkers geo=geo choropleth=choropleth on_select=on_select/>
                    <ShapelessPoints shapeless=shapeless data=data choropleth=choropleth tip=tip
                        on_select=on_select/>
                </g>
                <text class="map-heading" x="12" y="22" font-size="15" font-weight="700">{move || title.get()}</text>
                <g class="legend" font-size="10" aria-label=tr(Text::Legend)>
                    <MapLegend choropleth=choropleth height=height/>
                </g>
                <text class="map-source" x=width - 12.0 y=height - 8.0 text-anchor="end" font-size="8">
                    {tr(Text::MapSource)}
                </text>
            </svg>
            <MapTooltip data=data hover=hover/>
        </MapFrame>
    }
}

/// The map's frame: dragging pans the map, the wheel zooms about its centre.
#[component]
fn MapFrame(
    frame: NodeRef<leptos::html::Div>,
    zoom: RwSignal<Zoom>,
    width: f64,
    height: f64,
    children: Children,
) -> impl IntoView {
    // Pixels of the frame to map units, for drags.
    let units_per_px = move || {
        frame.get_untracked().map_or(1.0, |f| {
            let w = f.get_bounding_client_rect().width();
            if w > 0.0 {
                width / w
            } else {
                1.0
            }
        })
    };
    let drag = StoredValue::new(None::<(f64, f64)>);
    view! {
        <div class="map-frame" node_ref=frame
            on:pointerdown=move |e: web_sys::PointerEvent| {
                drag.set_value(Some((e.client_x() as f64, e.client_y() as f64)))
            }
            on:pointermove=move |e: web_sys::PointerEvent| {
                if let Some((x0, y0)) = drag.get_value() {
                    let (x, y) = (e.client_x() as f64, e.client_y() as f64);
                    let u = units_per_px();
                    zoom.update(|z| *z = z.pan((x - x0) * u, (y - y0) * u));
                    drag.set_value(Some((x, y)));
                }
            }
            on:pointerup=move |_| drag.set_value(None)
            on:pointerleave=move |_| drag.set_value(None)
            on:wheel=move |e: web_sys::WheelEvent| {
                e.prevent_default();
                let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
                zoom.update(|z| *z = z.zoom_at(factor, width / 2.0, height / 2.0));
            }
        >
            {children()}
        </div>
    }
}

/// Places the tooltip of a country at a point of the screen, within the map's frame.
#[derive(Clone, Copy)]
struct HoverFrame {
    frame: NodeRef<leptos::html::Div>,
    hover: RwSignal<Option<Hover>>,
}

impl HoverFrame {
    fn show(self, iso: &str, client_x: f64, client_y: f64) {
        if let Some(f) = self.frame.get_untracked() {
            let r = f.get_bounding_client_rect();
            self.hover.set(Some(Hover {
                iso: iso.to_string(),
                x: client_x - r.left(),
                y: client_y - r.top(),
            }));
        }
    }

    /// At the middle of the element that took the keyboard focus.
    fn show_on_focus(self, iso: &str, e: &web_sys::FocusEvent) {
        let r = event_target::<web_sys::Element>(e).get_bounding_client_rect();
        self.show(iso, r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
    }

    fn hide(self) {
        self.hover.set(None)
    }
}

/// Enter or Space on a focused destination.
fn is_activation(e: &web_sys::KeyboardEvent) -> bool {
    e.key() == "Enter" || e.key() == " "
}

/// Every country's shape, drawn once: fill, hooks and focusability follow the data.
#[component]
fn CountryShapes(
    geo: Arc<WorldMap>,
    data: Signal<Destinations>,
    choropleth: Memo<Choropleth>,
    tip: HoverFrame,
    on_select: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    // One signal per shape, set by one effect only where the shade changed. (A memo per shape
    // on the choropleth re-ran, and re-subscribed, 177 times on every year step.)
    let shades: Vec<RwSignal<Option<Shade>>> = choropleth.with_untracked(|c| {
        geo.countries
            .iter()
            .map(|shape| RwSignal::new(c.shades.get(&shape.iso).cloned()))
            .collect()
    });
    {
        let (geo, shades) = (geo.clone(), shades.clone());
        Effect::new(move |_| {
            choropleth.with(|c| {
                for (shape, shade) in geo.countries.iter().zip(&shades) {
                    let new = c.shades.get(&shape.iso);
                    if shade.with_untracked(|old| old.as_ref() != new) {
                        shade.set(new.cloned());
                    }
                }
            })
        });
    }
    geo.countries
        .iter()
        .zip(shades)
        .map(|(shape, shade)| {
            let iso = shape.iso.clone();
            let label = {
                let iso = iso.clone();
                move || {
                    let l = lang.get();
                    let name = names.with(|n| n.country(&iso, l));
                    match shade.get() {
                        Some(s) => data.with(|d| format!("{name}: {}", measure_value(d, s.value, l))),
                        None => name,
                    }
                }
            };
            let (iso_enter, iso_focus) = (iso.clone(), iso.clone());
            let (iso_click, iso_key) = (iso.clone(), iso.clone());
            let origin = iso == "ID";
            view! {
                <path
                    class="country"
                    class:origin=origin
                    class:destination=move || shade.get().is_some()
                    d=shape.d.clone()
                    data-iso=iso.clone()
                    data-anchor=format!("{} {}", shape.anchor[0], shape.anchor[1])
                    data-value=move || shade.get().and_then(|s| s.value).map(|v| v.to_string())
                    fill=move || shade.get().map_or(NO_DATA_COLOUR, |s| s.colour)
                    // Only destinations are stops for Tab; Chromium would otherwise stop at
                    // every shape that listens to focus.
                    tabindex=move || if shade.get().is_some() { "0" } else { "-1" }
                    role=move || shade.get().map(|_| "button")
                    // Only a destination is a control with a name; other land is drawing.
                    aria-label=move || shade.get().map(|_| label())
                    on:mouseenter=move |e| if shade.get_untracked().is_some() {
                        tip.show(&iso_enter, e.client_x() as f64, e.client_y() as f64)
                    }
                    on:mouseleave=move |_| tip.hide()
                    on:focus=move |e| tip.show_on_focus(&iso_focus, &e)
                    on:blur=move |_| tip.hide()
                    on:click=move |_| if shade.get_untracked().is_some() { on_select.run(iso_click.clone()) }
                    on:keydown=move |e: web_sys::KeyboardEvent| {
                        if is_activation(&e) && shade.get_untracked().is_some() {
                            e.prevent_default();
                            on_select.run(iso_key.clone());
                        }
                    }
                />
            }
        })
        .collect_view()
}

/// Tiny destinations (Singapore, Hong Kong…) get a dot on top of their shape.
#[component]
fn SmallMarkers(
    geo: Arc<WorldMap>,
    choropleth: Memo<Choropleth>,
    on_select: Callback<String>,
) -> impl IntoView {
    let small: Vec<(String, [f64; 2])> = geo
        .countries
        .iter()
        .filter(|c| c.area < SMALL_AREA)
        .map(|c| (c.iso.clone(), c.anchor))
        .collect();
    move || {
        choropleth.with(|c| {
            small
                .iter()
                .filter_map(|(iso, [x, y])| {
                    c.shades.get(iso).map(|s| (iso.clone(), *x, *y, s.colour))
                })
                .map(|(iso, x, y, colour)| {
                    let iso_click = iso.clone();
                    view! {
                        <circle class="marker" data-marker-for=iso cx=x cy=y r="3" fill=colour
                            on:click=move |_| on_select.run(iso_click.clone())/>
                    }
                })
                .collect_view()
        })
    }
}

/// Destinations the map has no shape for, as points at their position.
#[component]
fn ShapelessPoints(
    shapeless: Arc<Vec<(String, f64, f64)>>,
    data: Signal<Destinations>,
    choropleth: Memo<Choropleth>,
    tip: HoverFrame,
    on_select: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    move || {
        choropleth.with(|c| {
            shapeless
                .iter()
                .filter_map(|(iso, x, y)| c.shades.get(iso).map(|s| (iso.clone(), *x, *y, s.clone())))
                .map(|(iso, x, y, shade)| {
                    let (iso_click, iso_key, iso_focus) = (iso.clone(), iso.clone(), iso.clone());
                    let label = {
                        let iso = iso.clone();
                        let value = shade.value;
                        move || {
                            let l = lang.get();
                            let name = names.with(|n| n.country(&iso, l));
                            data.with(|d| format!("{name}: {}", measure_value(d, value, l)))
                        }
                    };
                    view! {
                        <circle class="country-point destination" data-iso=iso cx=x cy=y r="4" fill=shade.colour
                            data-anchor=format!("{x} {y}") data-value=shade.value.map(|v| v.to_string())
                            tabindex="0" role="button" aria-label=label
                            on:click=move |_| on_select.run(iso_click.clone())
                            on:focus=move |e| tip.show_on_focus(&iso_focus, &e)
                            on:blur=move |_| tip.hide()
                            on:keydown=move |e: web_sys::KeyboardEvent| if is_activation(&e) {
                                e.prevent_default();
                                on_select.run(iso_key.clone());
                            }/>
                    }
                })
                .collect_view()
        })
    }
}

/// Arcs from each facility to each destination, width by the figure.
#[component]
fn Flows(
    data: Signal<Destinations>,
    facilities: Arc<Vec<Facility>>,
    anchors: HashMap<String, [f64; 2]>,
) -> impl IntoView {
    let origins: HashMap<String, (f64, f64)> = facilities
        .iter()
        .map(|f| (f.id.clone(), project(f.longitude, f.latitude)))
        .collect();
    move || {
        data.with(|d| {
            let max = d.flows.iter().filter_map(|f| f.value).fold(0.0, f64::max);
            d.flows
                .iter()
                .filter_map(|f| {
                    let from = *origins.get(&f.facility_id)?;
                    let [x2, y2] = *anchors.get(&f.country)?;
                    let arc = Curve::bent(from, (x2, y2), FLOW_BEND);
                    let w = flow_stroke(f.value, max);
                    Some(view! {
                        <path class="flow" data-flow=format!("{}:{}", f.facility_id, f.country)
                            d=arc.path() stroke-width=format!("{w:.2}")
                            marker-end="url(#flow-arrow)"/>
                    })
                })
                .collect_view()
        })
    }
}

/// The facilities the arcs start from.
#[component]
fn FlowOrigins(data: Signal<Destinations>, facilities: Arc<Vec<Facility>>) -> impl IntoView {
    move || {
        data.with(|d| {
            let mut ids: Vec<&str> = d.flows.iter().map(|f| f.facility_id.as_str()).collect();
            ids.sort();
            ids.dedup();
            ids.into_iter()
                .filter_map(|id| facilities.iter().find(|f| f.id == id))
                .map(|f| {
                    let (x, y) = project(f.longitude, f.latitude);
                    view! {
                        <circle class="facility-origin" data-facility=f.id.clone() cx=x cy=y r="1.6">
                            <title>{f.name.clone()}</title>
                        </circle>
                    }
                })
                .collect_view()
        })
    }
}
