//! Karya's own SVG charts: horizontal bars (a ranking) and stacked columns (production over
//! time). Scales, ticks, stacking and words come from `karya_core`; these components only
//! draw them, show a tooltip on hover and on focus, and offer the data as a table and files.

use crate::download::{download_csv, download_png, download_svg};
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::colour::series_colour;
use karya_core::names::Names;
use karya_core::scale::{period_label, thin_labels, tick_label, BandScale, LinearScale, TimeScale};
use karya_core::stack::UnitStack;
use karya_core::{format, Lang, Month, Text};
use leptos::prelude::*;

/// Where the tooltip of a chart sits (pixels within the chart's frame) and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

/// Tooltip position next to `target`, relative to `frame`.
pub fn tip_at(frame: &web_sys::Element, target: &web_sys::Element, lines: Vec<String>) -> Tip {
    let f = frame.get_bounding_client_rect();
    let t = target.get_bounding_client_rect();
    Tip {
        x: (t.right() - f.left()).min(f.width() - 200.0).max(0.0),
        y: (t.top() - f.top()).max(0.0),
        lines,
    }
}

pub fn event_element(e: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    e.current_target()?.dyn_into::<web_sys::Element>().ok()
}

#[component]
pub fn Tooltip(tip: RwSignal<Option<Tip>>) -> impl IntoView {
    move || {
        tip.get().map(|t| {
            view! {
                <div class="map-tooltip chart-tooltip" role="tooltip" data-chart-tooltip=""
                    style=format!("left:{:.0}px;top:{:.0}px", t.x, t.y)>
                    {t.lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                </div>
            }
        })
    }
}

/// Buttons to take the chart away: SVG and PNG of the drawing (title, legend and source are
/// inside it), CSV of its data.
#[component]
pub fn ChartDownloads(
    /// A CSS selector that finds the chart's `<svg>`.
    svg: String,
    /// File name without extension.
    name: String,
    #[prop(into)] csv: Callback<(), String>,
) -> impl IntoView {
    let (svg_a, svg_b) = (svg.clone(), svg);
    let (n1, n2, n3) = (name.clone(), name.clone(), name);
    view! {
        <div class="downloads">
            <button type="button" class="button button-secondary" data-action="download-csv"
                on:click=move |_| download_csv(&format!("{n1}.csv"), &csv.run(()))>{tr(Text::DownloadCsv)}</button>
            <button type="button" class="button button-secondary" data-action="download-svg" on:click=move |_| {
                if let Some(el) = document().query_selector(&svg_a).ok().flatten() {
                    download_svg(&format!("{n2}.svg"), &el)
                }
            }>{tr(Text::DownloadSvg)}</button>
            <button type="button" class="button button-secondary" data-action="download-png" on:click=move |_| {
                if let Some(el) = document().query_selector(&svg_b).ok().flatten() {
                    let vb = el.get_attribute("viewBox").unwrap_or_default();
                    let dims: Vec<f64> = vb.split_whitespace().filter_map(|v| v.parse().ok()).collect();
                    let (w, h) = (dims.get(2).copied().unwrap_or(800.0), dims.get(3).copied().unwrap_or(400.0));
                    download_png(&format!("{n3}.png"), &el, 1600, (1600.0 * h / w) as u32)
                }
            }>{tr(Text::DownloadPng)}</button>
        </div>
    }
}

/// One bar of a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    /// The figure drawn; `None` when unknown (drawn as a gap with its words).
    pub value: Option<f64>,
    /// The figure in words, as a direct label and in the tooltip.
    pub text: String,
    pub selected: bool,
}

const BAR_H: f64 = 26.0;
const LABEL_W: f64 = 210.0;
const BARS_W: f64 = 760.0;

/// Horizontal bars, largest first, with the figure written at the end of each bar.
#[component]
pub fn BarChart(
    #[prop(into)] bars: Signal<Vec<Bar>>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] source: Signal<String>,
    /// Counts get whole-number ticks.
    integral: bool,
    #[prop(into)] on_select: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let tip = RwSignal::new(None::<Tip>);
    let frame = NodeRef::<leptos::html::Div>::new();
    let height = move || bars.with(|b| b.len().max(1) as f64 * BAR_H + 90.0);
    let scale = Memo::new(move |_| {
        let max = bars.with(|b| b.iter().filter_map(|x| x.value).fold(0.0, f64::max));
        LinearScale::from_zero(max, (LABEL_W, LABEL_W + BARS_W - 90.0), 5, integral)
    });
    let axis = move || {
        let (s, l, h) = (scale.get(), lang.get(), height());
        s.ticks(5)
            .into_iter()
            .map(|t| {
                let x = s.map(t);
                view! {
                    <g class="tick">
                        <line x1=x x2=x y1=40 y2=h - 40.0/>
                        <text x=x y=h - 24.0 text-anchor="middle">{tick_label(t, l)}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let rows = move || {
        let s = scale.get();
        bars.get()
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let y = 44.0 + i as f64 * BAR_H;
                let w = b.value.map_or(0.0, |v| s.map(v) - LABEL_W);
                let (key, key_click, text) = (b.key.clone(), b.key.clone(), b.text.clone());
                let tip_lines = vec![b.label.clone(), b.text.clone()];
                let tip_focus = tip_lines.clone();
                view! {
                    <g class="bar" class:selected=b.selected tabindex="0" role="button"
                        data-bar=key.clone() data-value=b.value.map(|v| v.to_string())
                        on:mouseenter=move |e| if let (Some(f), Some(t)) = (frame.get_untracked(), event_element(&e)) {
                            tip.set(Some(tip_at(&f, &t, tip_lines.clone())))
                        }
                        on:mouseleave=move |_| tip.set(None)
                        on:focus=move |e| if let (Some(f), Some(t)) = (frame.get_untracked(), event_element(&e)) {
                            tip.set(Some(tip_at(&f, &t, tip_focus.clone())))
                        }
                        on:blur=move |_| tip.set(None)
                        on:click=move |_| on_select.run(key_click.clone())
                        on:keydown=move |e: web_sys::KeyboardEvent| {
                            if e.key() == "Enter" { on_select.run(key.clone()) }
                        }>
                        <text class="bar-label" x=LABEL_W - 8.0 y=y + BAR_H / 2.0 + 4.0 text-anchor="end">
                            {b.label.clone()}
                        </text>
                        <rect x=LABEL_W y=y + 3.0 width=w.max(0.0) height=BAR_H - 6.0 fill=series_colour(0)/>
                        <text class="bar-value" x=LABEL_W + w.max(0.0) + 6.0 y=y + BAR_H / 2.0 + 4.0>{text}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <div class="chart-frame" node_ref=frame>
            <svg class="chart bar-chart" viewBox=move || format!("0 0 {} {}", LABEL_W + BARS_W, height())
                role="group" aria-label=move || title.get() xmlns="http://www.w3.org/2000/svg"
                font-family="system-ui, sans-serif" font-size="13">
                <text class="chart-title" x="0" y="20" font-size="16" font-weight="600">{move || title.get()}</text>
                <g class="axis">{axis}</g>
                {rows}
                <text class="chart-source" x="0" y=move || height() - 6.0 font-size="11">{move || source.get()}</text>
            </svg>
            <Tooltip tip=tip/>
        </div>
    }
}

/// Which periods get a label under their column, at most `max`: months on a time scale's
/// round ticks (January and July, or every January), other periods evenly thinned.
fn label_positions(periods: &[String], max: usize) -> Vec<usize> {
    let months: Option<Vec<Month>> = periods.iter().map(|p| p.parse().ok()).collect();
    match months.as_deref() {
        Some([first, .., last]) => {
            let ticks = TimeScale {
                first: *first,
                last: *last,
                range: (0.0, 1.0),
            }
            .ticks(max);
            (0..periods.len())
                .filter(|i| ticks.contains(&months.as_ref().unwrap()[*i]))
                .collect()
        }
        _ => thin_labels(periods.len(), max),
    }
}

const COL_W: f64 = 900.0;
const COL_H: f64 = 360.0;
const PLOT: (f64, f64, f64, f64) = (70.0, 40.0, 880.0, 290.0); // left, top, right, bottom

/// Columns over time, one segment per product, all in one unit.
#[component]
pub fn StackedColumns(
    #[prop(into)] stack: Signal<UnitStack>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] source: Signal<String>,
) -> impl IntoView {
    let tip = RwSignal::new(None::<Tip>);
    let frame = NodeRef::<leptos::html::Div>::new();
    let (left, top, right, bottom) = PLOT;
    let y = Memo::new(move |_| {
        stack.with(|s| LinearScale::from_zero(s.max(), (bottom, top), 5, false))
    });
    let bands =
        Memo::new(move |_| stack.with(|s| BandScale::new(s.periods.len(), (left, right), 0.2)));
    view! {
        <div class="chart-frame" node_ref=frame>
            <svg class="chart column-chart" viewBox=format!("0 0 {COL_W} {COL_H}") role="group"
                aria-label=move || title.get() xmlns="http://www.w3.org/2000/svg"
                font-family="system-ui, sans-serif" font-size="12">
                <text class="chart-title" x="0" y="18" font-size="15" font-weight="600">{move || title.get()}</text>
                <g class="axis"><ValueAxis stack=stack y=y/></g>
                <Columns stack=stack y=y bands=bands frame=frame tip=tip/>
                <g class="legend"><StackLegend stack=stack/></g>
                <text class="chart-source" x=COL_W - 4.0 y=COL_H - 4.0 text-anchor="end" font-size="10">
                    {move || source.get()}
                </text>
            </svg>
            <Tooltip tip=tip/>
        </div>
    }
}

/// One swatch and name per product, under the plot.
#[component]
fn StackLegend(stack: Signal<UnitStack>) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    move || {
        let l = lang.get();
        stack.with(|s| {
            s.products
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let x = PLOT.0 + i as f64 * 200.0;
                    view! {
                        <g class="legend-item">
                            <rect x=x y=COL_H - 28.0 width="12" height="12" fill=series_colour(i)/>
                            <text x=x + 18.0 y=COL_H - 18.0>{names.with(|n| n.product(p, l))}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    }
}

/// Gridlines with their values, and the unit above them.
#[component]
fn ValueAxis(stack: Signal<UnitStack>, y: Memo<LinearScale>) -> impl IntoView {
    let lang = use_lang();
    let (left, top, right, _) = PLOT;
    move || {
        let (s, l) = (y.get(), lang.get());
        let unit = stack.with(|st| karya_core::i18n::unit_name(st.unit, 2.0, l));
        let ticks = s
            .ticks(5)
            .into_iter()
            .map(|t| {
                let py = s.map(t);
                view! {
                    <g class="tick">
                        <line x1=left x2=right y1=py y2=py/>
                        <text x=left - 6.0 y=py + 4.0 text-anchor="end">{tick_label(t, l)}</text>
                    </g>
                }
            })
            .collect_view();
        view! { {ticks} <text class="axis-unit" x=left y=top - 8.0 text-anchor="start">{unit}</text> }
    }
}

/// A column per period: its segments, its total above it where labels fit, its period below.
#[component]
fn Columns(
    stack: Signal<UnitStack>,
    y: Memo<LinearScale>,
    bands: Memo<BandScale>,
    frame: NodeRef<leptos::html::Div>,
    tip: RwSignal<Option<Tip>>,
) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    let bottom = PLOT.3;
    move || {
        let (ys, b, l) = (y.get(), bands.get(), lang.get());
        let st = stack.get();
        let shown_labels = label_positions(&st.periods, 12);
        let names = names.get();
        (0..st.periods.len())
            .map(|i| {
                let period = st.periods[i].clone();
                let label = period_label(&period, l);
                let lines = column_lines(&st, i, &label, &names, l);
                let aria = lines.join("; ");
                let focus_lines = lines.clone();
                let segments = (0..st.products.len())
                    .filter(|p| st.values[*p][i] > 0.0)
                    .map(|p| {
                        let (y0, y1) = st.segment(p, i);
                        view! {
                            <rect x=b.start(i) y=ys.map(y1) width=b.width() height=(ys.map(y0) - ys.map(y1)).max(0.0)
                                fill=series_colour(p) data-product=st.products[p].clone()
                                data-value=st.values[p][i].to_string()/>
                        }
                    })
                    .collect_view();
                let tick = shown_labels.contains(&i).then(|| view! {
                    <text class="period-label" x=b.centre(i) y=bottom + 16.0 text-anchor="middle">{label.clone()}</text>
                });
                // Direct labels where they fit: the column's total above it.
                let direct = (st.periods.len() <= 12).then(|| view! {
                    <text class="column-total" x=b.centre(i) y=ys.map(st.totals[i]) - 5.0 text-anchor="middle">
                        {tick_label(st.totals[i], l)}
                    </text>
                });
                view! {
                    <g class="column" tabindex="0" role="img" data-period=period data-value=st.totals[i].to_string()
                        aria-label=aria
                        on:mouseenter=move |e| if let (Some(f), Some(t)) = (frame.get_untracked(), event_element(&e)) {
                            tip.set(Some(tip_at(&f, &t, lines.clone())))
                        }
                        on:mouseleave=move |_| tip.set(None)
                        on:focus=move |e| if let (Some(f), Some(t)) = (frame.get_untracked(), event_element(&e)) {
                            tip.set(Some(tip_at(&f, &t, focus_lines.clone())))
                        }
                        on:blur=move |_| tip.set(None)>
                        {segments}
                        {direct}
                        {tick}
                    </g>
                }
            })
            .collect_view()
    }
}

/// What column `i` says in its tooltip and to screen readers: the period, each product's
/// figure, the total.
fn column_lines(st: &UnitStack, i: usize, label: &str, names: &Names, l: Lang) -> Vec<String> {
    let mut lines = vec![label.to_string()];
    for (p, product) in st.products.iter().enumerate() {
        let v = st.values[p][i];
        if v > 0.0 {
            lines.push(format!(
                "{}: {}",
                names.product(product, l),
                format::quantity(v, st.unit, l)
            ));
        }
    }
    lines.push(format!(
        "{}: {}",
        Text::Total.get(l),
        format::quantity(st.totals[i], st.unit, l)
    ));
    lines
}
