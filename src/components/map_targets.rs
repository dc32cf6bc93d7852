//! The map of Indonesia's hit circles: each point a target at least 24 px across on screen
//! (WCAG 2.5.8), its radius in map units following the svg's rendered size and the frame shown.

use karya_core::framing::{hit_radius, px_per_unit, Rect, TARGET_PX};
use karya_core::map_view::POINT_MAX_R;
use karya_core::Facility;
use leptos::prelude::*;
use std::collections::HashMap;

/// One transparent circle per point, drawn under every symbol, so a visible point always
/// answers for itself and a hit circle only for the space around it.
pub fn hit_circles(facilities: &[Facility], places: &HashMap<String, (f64, f64)>) -> impl IntoView {
    facilities
        .iter()
        .filter_map(|f| {
            let &(x, y) = places.get(&f.id)?;
            Some(view! {
                <circle class="hit-target" data-hit=f.id.clone() cx=x cy=y r=POINT_MAX_R fill="transparent"/>
            })
        })
        .collect_view()
}

/// Each point's hit circle is at least [`TARGET_PX`] across on screen (WCAG 2.5.8), however
/// small the map is drawn: its radius in map units follows the svg's size and the frame shown.
pub fn hit_targets(
    outer: (f64, f64),
    map: (f64, f64),
    shown: Memo<Rect>,
) -> (NodeRef<leptos::svg::Svg>, Memo<Option<f64>>) {
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let size = RwSignal::new((0.0, 0.0));
    // The frame asked for below can come after the map is gone (the reader went on to another
    // page at once): then there is nothing to measure, and its signals are disposed.
    let measure = move || {
        if let Some(el) = svg.try_get_untracked().flatten() {
            let r = el.get_bounding_client_rect();
            let _ = size.try_set((r.width(), r.height()));
        }
    };
    // Once laid out, and again whenever the window (so the map's width) changes.
    Effect::new(move |_| {
        if svg.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    let hit_r = Memo::new(move |_| {
        let rendered = size.get();
        shown.with(|s| hit_radius(px_per_unit(rendered, outer, map, s), TARGET_PX))
    });
    (svg, hit_r)
}

/// The hit circles in `layer` follow the map's size on screen, set in one pass over the DOM
/// (one reactive attribute per point would cost a subscriber each).
pub fn follow_hit_radius(layer: NodeRef<leptos::svg::G>, hit_r: Memo<Option<f64>>) {
    Effect::new(move |_| {
        if let (Some(layer), Some(r)) = (layer.get(), hit_r.get()) {
            set_hit_radius(&layer, r);
        }
    });
}

/// Sets every hit circle in `layer` to radius `r`.
fn set_hit_radius(layer: &web_sys::SvgElement, r: f64) {
    let Ok(nodes) = layer.query_selector_all(".hit-target") else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(c) = nodes
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        {
            let _ = c.set_attribute("r", &format!("{r:.2}"));
        }
    }
}
