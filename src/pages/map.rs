//! The world map of export destinations: filters (year with play, product, facility), what the
//! colour shows, the map or its table, the panel of one destination, and the sentence that
//! describes the map. Every choice lives in the address, so a link reproduces the view.

use crate::answer_cache::{for_filter_and_neighbours, AnswerCache, SharedCache};
use crate::api;
use crate::components::country_panel::CountryPanel;
use crate::components::destination_table::DestinationTable;
use crate::components::error_panel::{ErrorPanel, Loading, Status};
use crate::components::world_map::{Hover, WorldMapSvg, Zoom};
use crate::download::{download_png, download_svg};
use crate::view_state::{tr, use_filter, use_go_to, use_lang};
use karya_core::api::FetchError;
use karya_core::destinations::{Destinations, Measure};
use karya_core::geo::WorldMap;
use karya_core::report::map_summary;
use karya_core::url::{map_href, MapView};
use karya_core::{Country, Facility, Filter, Lang, Product, ProductStatus, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Everything the map needs that does not change with the filter.
#[derive(Clone)]
struct Reference {
    geo: Arc<WorldMap>,
    products: Arc<Vec<Product>>,
    facilities: Arc<Vec<Facility>>,
    countries: Arc<Vec<Country>>,
}

async fn load_reference() -> Result<Reference, FetchError> {
    let (geo, products, facilities, countries) = futures::try_join!(
        api::world_map(),
        api::products(),
        api::facilities(),
        api::countries()
    )?;
    Ok(Reference {
        geo: Arc::new(geo),
        products: Arc::new(products),
        facilities: Arc::new(facilities),
        countries: Arc::new(countries),
    })
}

#[component]
pub fn MapPage() -> impl IntoView {
    let lang = use_lang();
    let address = use_filter();
    let query = use_query_map();
    let parsed_view = Memo::new(move |_| {
        query.with(|q| MapView::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let view_state = Memo::new(move |_| parsed_view.get().unwrap_or_default());
    let filter = Memo::new(move |_| address.get().filter);
    // Quantities need one product; without one the map shows releases and says why.
    let measure = Memo::new(move |_| match view_state.get().measure {
        Measure::Quantity if filter.with(|f| f.product.is_none()) => Measure::Releases,
        m => m,
    });

    let go_to = use_go_to();
    let go = move |f: Filter, v: MapView, replace: bool| {
        go_to(&map_href(&f, &v, lang.get_untracked()), replace)
    };

    let reference = LocalResource::new(load_reference);
    // Answers already fetched, by filter and measure, and the neighbouring years fetched ahead:
    // a year step or the play button then redraws without waiting for the network.
    let cache: SharedCache<Destinations> = StoredValue::new_local(AnswerCache::default());
    let destinations = LocalResource::new(move || {
        let (f, m) = (filter.get(), measure.get());
        let years = |d: &Destinations| d.years;
        for_filter_and_neighbours(cache, f, m.code(), years, move |f| async move {
            api::destinations(&f, m).await
        })
    });

    // `performance` marks for the benchmarks: each time a new answer has been drawn.
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(Ok(_))) = (reference.get(), destinations.get()) {
            // `updated`: the DOM holds the new figures; `drawn`: the next frame, when they show.
            crate::perf::mark_drawn("map");
        }
    });

    // What to show, apart from the data itself: a new answer must redraw the map's figures,
    // not rebuild the map.
    let status = Memo::new(move |_| Status::of(&reference.get(), &destinations.get()));

    let hover = RwSignal::new(None::<Hover>);
    let zoom = RwSignal::new(Zoom::default());
    let playing = RwSignal::new(false);

    let _escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            hover.set(None);
            playing.set(false);
            if view_state.get_untracked().focus.is_some() {
                go(
                    filter.get_untracked(),
                    MapView {
                        focus: None,
                        ..view_state.get_untracked()
                    },
                    false,
                );
            }
        }
    });

    view! {
        <section class="map-page" data-page="map">
            <h1>{tr(Text::MapHeading)}</h1>
            {move || (address.get().fell_back || parsed_view.get().is_err()).then(|| view! {
                <p class="notice" role="status" data-notice="filter-fallback">{tr(Text::MapFallback)}</p>
            })}
            {move || match status.get() {
                Status::Loading => view! { <Loading/> }.into_any(),
                Status::ReferenceFailed(e) => view! { <ErrorPanel error=e on_retry=move |_| reference.refetch()/> }.into_any(),
                Status::DataFailed(e) => view! { <ErrorPanel error=e on_retry=move |_| destinations.refetch()/> }.into_any(),
                Status::Ready => {
                    let Some(Ok(r)) = reference.get_untracked() else { return view! { <Loading/> }.into_any() };
                    // A memo, not a derived signal: every reader borrows the one copy.
                    let data = Memo::new(move |_| match destinations.get() {
                        Some(Ok(d)) => d,
                        _ => Destinations { filter: Filter::default(), measure: Measure::Releases, unit: None,
                            countries: vec![], flows: vec![], other_flows: Default::default(), total: 0.0, shipments: 0, years: None },
                    });
                    view! {
                        <MapBody reference=r data=data.into() filter=filter view_state=view_state measure=measure
                            hover=hover zoom=zoom playing=playing go=go/>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn MapBody(
    reference: Reference,
    data: Signal<Destinations>,
    filter: Memo<Filter>,
    view_state: Memo<MapView>,
    measure: Memo<Measure>,
    hover: RwSignal<Option<Hover>>,
    zoom: RwSignal<Zoom>,
    playing: RwSignal<bool>,
    go: impl Fn(Filter, MapView, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let Reference {
        geo,
        products,
        facilities,
        countries,
    } = reference;
    let (countries_for_name, geo_for_name) = (countries.clone(), geo.clone());
    let country_name = Callback::new(move |(iso, l): (String, Lang)| {
        countries_for_name
            .iter()
            .find(|c| c.alpha2 == iso)
            .map(|c| l.pick(&c.name_id, &c.name_en).to_string())
            .or_else(|| {
                geo_for_name
                    .country(&iso)
                    .map(|c| l.pick(&c.name_id, &c.name_en).to_string())
            })
            .unwrap_or(iso)
    });
    let products_for_name = products.clone();
    let product_name = Callback::new(move |(id, l): (String, Lang)| {
        products_for_name
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| l.pick(&p.name_id, &p.name_en).to_string())
    });
    let facilities_for_name = facilities.clone();
    let facility_name = Callback::new(move |id: String| {
        facilities_for_name
            .iter()
            .find(|f| f.id == id)
            .map_or(id, |f| f.name.clone())
    });

    let years = Memo::new(move |_| data.with(|d| d.years));
    let set_year = move |year: Option<i32>, replace: bool| {
        go(
            filter.get_untracked().with_year(year),
            view_state.get_untracked(),
            replace,
        );
    };
    // Play: one year a step; slower and without transitions for people who ask for less motion.
    let reduced_motion = web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let step_ms = if reduced_motion { 3000 } else { 1500 };
    Effect::new(move |_| {
        if !playing.get() {
            return;
        }
        let Some((first, last)) = years.get_untracked() else {
            return;
        };
        let start = filter
            .get_untracked()
            .single_year()
            .filter(|y| *y < last)
            .map_or(first, |y| y + 1);
        set_year(Some(start), true);
        let handle = set_interval_with_handle(
            move || {
                let current = filter.get_untracked().single_year().unwrap_or(first);
                if current >= last || !playing.get_untracked() {
                    playing.set(false);
                } else {
                    set_year(Some(current + 1), true);
                }
            },
            std::time::Duration::from_millis(step_ms),
        );
        if let Ok(h) = handle {
            on_cleanup(move || h.clear());
        }
    });

    let title = Signal::derive(move || {
        let l = lang.get();
        let period = filter
            .get()
            .single_year()
            .map(|y| format!(" · {y}"))
            .unwrap_or_default();
        format!("{}{period}", Text::MapHeading.get(l))
    });
    let summary = move || {
        data.with(|d| {
            map_summary(
                d,
                |c| country_name.run((c.to_string(), lang.get())),
                lang.get(),
            )
        })
    };
    let not_on_map = {
        let (geo, known) = (geo.clone(), countries.clone());
        // Neither a shape nor a point: listed under the map, and counted all the same.
        let placeable = move |iso: &str| {
            geo.country(iso).is_some()
                || known
                    .iter()
                    .any(|c| c.alpha2 == iso && c.latitude.is_some() && c.longitude.is_some())
        };
        move || {
            data.with(|d| {
                d.countries
                    .iter()
                    .filter(|c| !placeable(&c.country))
                    .map(|c| c.country.clone())
                    .collect::<Vec<_>>()
            })
        }
    };
    let on_select = Callback::new(move |iso: String| {
        go(
            filter.get_untracked(),
            MapView {
                focus: Some(iso),
                ..view_state.get_untracked()
            },
            false,
        )
    });
    let (map_width, map_height) = (geo.width, geo.height);
    let exportable: Vec<Product> = products
        .iter()
        .filter(|p| p.status == ProductStatus::Exporting)
        .cloned()
        .collect();
    let exporting_facilities: Vec<Facility> = facilities
        .iter()
        .filter(|f| f.export_model == karya_core::ExportModel::Active)
        .cloned()
        .collect();

    view! {
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <fieldset class="control control-year">
                <legend>{tr(Text::YearLabel)}</legend>
                {move || years.get().map(|(first, last)| view! {
                    <input type="range" min=first max=last step="1" data-control="year"
                        aria-label=tr(Text::YearLabel)
                        prop:value=move || filter.get().single_year().unwrap_or(last).to_string()
                        on:input=move |e| { playing.set(false); set_year(event_target_value(&e).parse().ok(), false) }/>
                    <output data-year=move || filter.get().single_year().map(|y| y.to_string())>
                        {move || filter.get().single_year().map_or_else(|| Text::AllYears.get(lang.get()).to_string(), |y| y.to_string())}
                    </output>
                })}
                <button type="button" class="button button-secondary" data-action="all-years"
                    on:click=move |_| { playing.set(false); set_year(None, false) }>{tr(Text::AllYears)}</button>
                <button type="button" class="button button-secondary" data-action="play" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| playing.update(|p| *p = !*p)>
                    {move || if playing.get() { tr(Text::Pause)() } else { tr(Text::Play)() }}
                </button>
            </fieldset>
            <label class="control">
                <span>{tr(Text::ProductLabel)}</span>
                <select data-control="product" on:change=move |e| {
                    let v = event_target_value(&e);
                    go(Filter { product: (!v.is_empty()).then_some(v), ..filter.get_untracked() }, view_state.get_untracked(), false)
                }>
                    <option value="" selected=move || filter.with(|f| f.product.is_none())>{tr(Text::AllProducts)}</option>
                    {exportable.into_iter().map(|p| {
                        let id = p.id.clone();
                        let selected = move || filter.with(|f| f.product.as_deref() == Some(id.as_str()));
                        view! { <option value=p.id.clone() selected=selected>{move || lang.get().pick(&p.name_id, &p.name_en).to_string()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="control">
                <span>{tr(Text::FacilityLabel)}</span>
                <select data-control="facility" on:change=move |e| {
                    let v = event_target_value(&e);
                    go(Filter { facility: (!v.is_empty()).then_some(v), ..filter.get_untracked() }, view_state.get_untracked(), false)
                }>
                    <option value="" selected=move || filter.with(|f| f.facility.is_none())>{tr(Text::AllFacilities)}</option>
                    {exporting_facilities.into_iter().map(|f| {
                        let id = f.id.clone();
                        let selected = move || filter.with(|x| x.facility.as_deref() == Some(id.as_str()));
                        view! { <option value=f.id.clone() selected=selected>{f.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <fieldset class="control control-measure">
                <legend>{tr(Text::MeasureLabel)}</legend>
                {[(Measure::Releases, Text::MeasureReleases), (Measure::Value, Text::MeasureValue), (Measure::Quantity, Text::MeasureQuantity)]
                    .into_iter().map(|(m, label)| view! {
                        <label class="radio">
                            <input type="radio" name="measure" value=m.code() data-control=format!("measure-{}", m.code())
                                prop:checked=move || measure.get() == m
                                disabled=move || m == Measure::Quantity && filter.with(|f| f.product.is_none())
                                on:change=move |_| go(filter.get_untracked(), MapView { measure: m, ..view_state.get_untracked() }, false)/>
                            {tr(label)}
                        </label>
                    }).collect_view()}
                {move || filter.with(|f| f.product.is_none()).then(|| view! { <p class="hint">{tr(Text::QuantityNeedsProduct)}</p> })}
            </fieldset>
        </form>
        <div class="tabs" role="tablist">
            <button type="button" role="tab" data-tab="map" aria-selected=move || (!view_state.get().table).to_string()
                on:click=move |_| go(filter.get_untracked(), MapView { table: false, ..view_state.get_untracked() }, false)>{tr(Text::TabMap)}</button>
            <button type="button" role="tab" data-tab="table" aria-selected=move || view_state.get().table.to_string()
                on:click=move |_| go(filter.get_untracked(), MapView { table: true, ..view_state.get_untracked() }, false)>{tr(Text::TabTable)}</button>
        </div>
        <p id="map-summary" class="map-summary" data-summary="map" aria-live="polite">{summary}</p>
        <div class="map-layout" class:with-panel=move || view_state.get().focus.is_some()>
            <div class="map-main">
                <Show when=move || !view_state.get().table fallback=move || view! {
                    <DestinationTable data=data country_name=country_name product_name=product_name/>
                }>
                    <div class="zoom-controls" role="group" aria-label=tr(Text::ZoomIn)>
                        <button type="button" data-action="zoom-in" aria-label=tr(Text::ZoomIn)
                            on:click=move |_| zoom.update(|z| *z = z.zoom_at(1.5, map_width / 2.0, map_height / 2.0))>"+"</button>
                        <button type="button" data-action="zoom-out" aria-label=tr(Text::ZoomOut)
                            on:click=move |_| zoom.update(|z| *z = z.zoom_at(1.0 / 1.5, map_width / 2.0, map_height / 2.0))>"−"</button>
                        <button type="button" data-action="pan-left" aria-label=tr(Text::PanLeft) on:click=move |_| zoom.update(|z| *z = z.pan(80.0, 0.0))>"←"</button>
                        <button type="button" data-action="pan-right" aria-label=tr(Text::PanRight) on:click=move |_| zoom.update(|z| *z = z.pan(-80.0, 0.0))>"→"</button>
                        <button type="button" data-action="pan-up" aria-label=tr(Text::PanUp) on:click=move |_| zoom.update(|z| *z = z.pan(0.0, 60.0))>"↑"</button>
                        <button type="button" data-action="pan-down" aria-label=tr(Text::PanDown) on:click=move |_| zoom.update(|z| *z = z.pan(0.0, -60.0))>"↓"</button>
                        <button type="button" data-action="zoom-reset" aria-label=tr(Text::ZoomReset) on:click=move |_| zoom.set(Zoom::default())>"⟲"</button>
                    </div>
                    <WorldMapSvg geo=geo.clone() data=data facilities=facilities.clone() countries=countries.clone() title=title zoom=zoom hover=hover
                        on_select=on_select country_name=country_name product_name=product_name/>
                    {move || data.with(|d| (d.other_flows.flows > 0).then(|| {
                        let l = lang.get();
                        let text = karya_core::i18n::flows_not_drawn(
                            &karya_core::format::integer(d.other_flows.flows as i64, l),
                            &karya_core::format::integer(d.other_flows.shipments as i64, l),
                            l,
                        );
                        view! { <p class="hint" data-flows-not-drawn=d.other_flows.flows>{text}</p> }
                    }))}
                    <p class="hint">{tr(Text::MapKeyboardHint)}</p>
                    <div class="downloads">
                        <button type="button" class="button button-secondary" data-action="download-svg" on:click=move |_| {
                            if let Some(svg) = document().query_selector("svg.world-map").ok().flatten() { download_svg("karya-map.svg", &svg) }
                        }>{tr(Text::DownloadSvg)}</button>
                        <button type="button" class="button button-secondary" data-action="download-png" on:click=move |_| {
                            if let Some(svg) = document().query_selector("svg.world-map").ok().flatten() {
                                download_png("karya-map.png", &svg, 2000, (2000.0 * map_height / map_width) as u32)
                            }
                        }>{tr(Text::DownloadPng)}</button>
                    </div>
                </Show>
                {move || {
                    let missing = not_on_map();
                    (!missing.is_empty()).then(|| view! {
                        <p class="hint" data-not-on-map="">{tr(Text::NotOnMap)}": "
                            {missing.into_iter().map(|iso| {
                                let i = iso.clone();
                                view! { <button type="button" class="link-button" data-iso=iso.clone() on:click=move |_| on_select.run(i.clone())>
                                    {country_name.run((iso.clone(), lang.get()))}</button> " " }
                            }).collect_view()}
                        </p>
                    })
                }}
            </div>
            {move || view_state.get().focus.map(|iso| view! {
                <CountryPanel iso=iso filter=filter.get() country_name=country_name product_name=product_name
                    facility_name=facility_name
                    on_close=move |_| go(filter.get_untracked(), MapView { focus: None, ..view_state.get_untracked() }, false)/>
            })}
        </div>
    }
}
