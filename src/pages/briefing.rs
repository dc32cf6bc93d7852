//! Briefing mode (`/briefing`): a deck of slides built from live views, for a press briefing
//! on a projector with a clicker. The deck, the current slide and the captions live in the
//! address (`karya_core::briefing`), so a deck is shared as a link. Presenter keys: → ↓ Space
//! PageDown next, ← ↑ PageUp back, Home/End, `b` or `.` blank and back, `f` full screen
//! (with a CSS fallback where the browser refuses), Escape leaves.

use crate::api;
use crate::components::charts::{Bar, BarChart};
use crate::components::error_panel::{ErrorPanel, Loading};
use crate::components::kpi::KpiCard;
use crate::components::pipeline::Pipeline;
use crate::components::provenance::{ProvenanceMark, ProvisionalMark};
use crate::components::share::CopyLink;
use crate::components::world_map::{Hover, WorldMapSvg, Zoom};
use crate::view_state::{tr, use_go_to, use_lang};
use karya_core::briefing::{step_for_key, Deck, Slide, SlideKind, Step};
use karya_core::destinations::{Destinations, Measure};
use karya_core::output::rank_value;
use karya_core::ranking::RankMeasure;
use karya_core::url::page_href;
use karya_core::{format, Filter, Lang, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

fn slide_title(kind: SlideKind) -> Text {
    match kind {
        SlideKind::Kpi => Text::SlideKpi,
        SlideKind::Map => Text::MapHeading,
        SlideKind::Top => Text::SlideTop,
        SlideKind::Pipeline => Text::PipelineTitle,
        SlideKind::Latest => Text::LatestRelease,
    }
}

#[component]
pub fn BriefingPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let parsed = Memo::new(move |_| {
        query.with(|q| Deck::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let deck = Memo::new(move |_| parsed.get().unwrap_or_default());
    let blank = RwSignal::new(false);
    let fallback_full_screen = RwSignal::new(false);
    let go_to = use_go_to();
    let show = move |index: usize| {
        let d = Deck {
            current: index,
            ..deck.get_untracked()
        };
        // Slide steps replace the address: the back button leaves the briefing, not the slide.
        go_to(
            &page_href(
                "/briefing",
                &Filter::default(),
                lang.get_untracked(),
                &d.to_pairs(),
            ),
            true,
        );
    };
    let toggle_full_screen = move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if fallback_full_screen.get_untracked() {
            fallback_full_screen.set(false);
        } else if doc.fullscreen_enabled() {
            if let Some(root) = doc.document_element() {
                if root.request_fullscreen().is_err() {
                    fallback_full_screen.set(true);
                }
            }
        } else {
            // Inside a frame without `allow="fullscreen"`: fill the frame instead.
            fallback_full_screen.set(true);
        }
    };
    let go_home = move || {
        go_to(
            &karya_core::url::view_href("/", &Filter::default(), lang.get_untracked()),
            false,
        )
    };
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let Some(step) = step_for_key(&e.key()) else {
            return;
        };
        e.prevent_default();
        match step {
            Step::Blank => blank.update(|b| *b = !*b),
            Step::FullScreen => toggle_full_screen(),
            Step::Leave if fallback_full_screen.get_untracked() => fallback_full_screen.set(false),
            Step::Leave => go_home(),
            _ => show(deck.with_untracked(|d| d.moved(step))),
        }
    });
    // The keys belong to the briefing: elsewhere, arrows scroll and `b` is a letter.
    on_cleanup(move || keys.remove());

    let slides = move || {
        let d = deck.get();
        d.slides
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, slide)| {
                let current = Signal::derive(move || deck.with(|d| d.current == i));
                view! { <SlideView index=i slide=slide current=current both=d.both_languages/> }
            })
            .collect_view()
    };
    view! {
        <section class="briefing" data-page="briefing" class:fullscreen-fallback=move || fallback_full_screen.get()
            aria-roledescription="carousel">
            {move || parsed.get().is_err().then(|| view! {
                <p class="notice" role="status" data-notice="deck-fallback">{tr(Text::DeckFallback)}</p>
            })}
            <ol class="slides">{slides}</ol>
            <div class="briefing-bar">
                <button type="button" class="button button-secondary" data-action="previous-slide"
                    on:click=move |_| show(deck.with_untracked(|d| d.moved(Step::Previous)))>"←"</button>
                <span data-slide-count="">{move || deck.with(|d| format!("{} / {}", d.current + 1, d.slides.len()))}</span>
                <button type="button" class="button button-secondary" data-action="next-slide"
                    on:click=move |_| show(deck.with_untracked(|d| d.moved(Step::Next)))>"→"</button>
                <button type="button" class="button button-secondary" data-action="full-screen"
                    on:click=move |_| toggle_full_screen()>{tr(Text::FullScreen)}</button>
                <CopyLink/>
                <span class="hint">{tr(Text::PresenterKeys)}</span>
            </div>
            {move || blank.get().then(|| view! { <div class="blank-screen" data-blank="" aria-hidden="true"></div> })}
        </section>
    }
}

#[component]
fn SlideView(index: usize, slide: Slide, current: Signal<bool>, both: bool) -> impl IntoView {
    let lang = use_lang();
    let title = slide_title(slide.kind);
    let caption = move || {
        let l = lang.get();
        if both {
            format!("{} · {}", title.get(Lang::Id), title.get(Lang::En))
        } else {
            title.get(l).to_string()
        }
    };
    let period = slide
        .filter
        .single_year()
        .map(|y| format!(" · {y}"))
        .unwrap_or_default();
    let filter = slide.filter.clone();
    // A slide loads its figures when it is first shown, and keeps them.
    let shown_once =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || current.get());
    let body = move || {
        shown_once.get().then(|| match slide.kind {
            SlideKind::Kpi => view! { <KpiSlide filter=filter.clone()/> }.into_any(),
            SlideKind::Map => {
                view! { <MapSlide filter=filter.clone() current=current/> }.into_any()
            }
            SlideKind::Top => view! { <TopSlide filter=filter.clone()/> }.into_any(),
            SlideKind::Pipeline => view! { <PipelineSlide/> }.into_any(),
            SlideKind::Latest => view! { <LatestSlide filter=filter.clone()/> }.into_any(),
        })
    };
    view! {
        <li class="slide" data-slide=index data-kind=slide.kind.code()
            aria-current=move || current.get().then_some("step") hidden=move || !current.get()>
            <h1 class="slide-title">{caption}{period}</h1>
            {body}
        </li>
    }
}

#[component]
fn KpiSlide(filter: Filter) -> impl IntoView {
    let summary = LocalResource::new(move || {
        let f = filter.clone();
        async move { api::summary(&f).await }
    });
    move || match summary.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => {
            view! { <ErrorPanel error=e on_retry=move |_| summary.refetch()/> }.into_any()
        }
        Some(Ok(s)) => {
            let illustrative = s.has_illustrative();
            view! {
                <div class="kpi-grid slide-kpis">
                    <KpiCard kpi="destination_countries" value=s.destination_countries label=Text::KpiDestinationCountries illustrative=illustrative/>
                    <KpiCard kpi="shipments" value=s.shipments label=Text::KpiShipments illustrative=illustrative/>
                    <KpiCard kpi="facilities" value=s.facilities label=Text::KpiFacilities illustrative=illustrative/>
                    <KpiCard kpi="products_exporting" value=s.products_exporting label=Text::KpiProductsExporting/>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn MapSlide(filter: Filter, current: Signal<bool>) -> impl IntoView {
    let lang = use_lang();
    let reference = LocalResource::new(|| async {
        futures::try_join!(
            api::world_map(),
            api::facilities(),
            api::countries(),
            api::products()
        )
    });
    // The year shown; the map steps through the years with data while the slide is on screen.
    let year = RwSignal::new(None::<i32>);
    let base = filter.clone();
    let data = LocalResource::new(move || {
        let f = match year.get() {
            None => base.clone(),
            Some(y) => base.with_year(Some(y)),
        };
        async move { api::destinations(&f, Measure::Releases).await }
    });
    let years = Memo::new(move |_| match data.get() {
        Some(Ok(d)) => d.years,
        _ => None,
    });
    let reduced_motion = web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let step = std::time::Duration::from_millis(if reduced_motion { 4000 } else { 2000 });
    Effect::new(move |_| {
        if !current.get() {
            return;
        }
        let Some((first, last)) = years.get() else {
            return;
        };
        if let Ok(handle) = set_interval_with_handle(
            move || {
                year.update(|y| {
                    *y = Some(y.map_or(first, |y| if y >= last { first } else { y + 1 }))
                })
            },
            step,
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let shown = Memo::new(move |_| match data.get() {
        Some(Ok(d)) => Some(d),
        _ => None,
    });
    move || match reference.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => {
            view! { <ErrorPanel error=e on_retry=move |_| reference.refetch()/> }.into_any()
        }
        Some(Ok((geo, facilities, countries, products))) => {
            let (geo, facilities, countries, products) = (
                Arc::new(geo),
                Arc::new(facilities),
                Arc::new(countries),
                Arc::new(products),
            );
            let names = countries.clone();
            let country_name = Callback::new(move |(iso, l): (String, Lang)| {
                names
                    .iter()
                    .find(|c| c.alpha2 == iso)
                    .map_or(iso, |c| l.pick(&c.name_id, &c.name_en).to_string())
            });
            let product_name = Callback::new(move |(id, l): (String, Lang)| {
                products
                    .iter()
                    .find(|p| p.id == id)
                    .map_or(id, |p| l.pick(&p.name_id, &p.name_en).to_string())
            });
            let destinations = Signal::derive(move || {
                shown.get().unwrap_or(Destinations {
                    filter: Filter::default(),
                    measure: Measure::Releases,
                    unit: None,
                    countries: vec![],
                    flows: vec![],
                    other_flows: Default::default(),
                    total: 0.0,
                    shipments: 0,
                    years: None,
                })
            });
            let title = Signal::derive(move || {
                let l = lang.get();
                let y = year
                    .get()
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| Text::AllYears.get(l).to_string());
                format!("{} · {y}", Text::MapHeading.get(l))
            });
            view! {
                <p class="slide-year" data-year=move || year.get().map(|y| y.to_string())>
                    {move || year.get().map(|y| y.to_string()).unwrap_or_else(|| Text::AllYears.get(lang.get()).to_string())}
                </p>
                <WorldMapSvg geo=geo data=destinations facilities=facilities countries=countries title=title
                    zoom=RwSignal::new(Zoom::default()) hover=RwSignal::new(None::<Hover>) on_select=|_| {}
                    country_name=country_name product_name=product_name/>
            }
            .into_any()
        }
    }
}

#[component]
fn TopSlide(filter: Filter) -> impl IntoView {
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let f = filter.clone();
        async move { futures::try_join!(api::ranking(&f, RankMeasure::Releases), api::facilities()) }
    });
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move |_| data.refetch()/> }.into_any(),
        Some(Ok((ranking, facilities))) => {
            let l = lang.get();
            let bars: Vec<Bar> = ranking
                .rows
                .iter()
                .filter(|r| r.value.is_some_and(|v| v > 0.0))
                .take(8)
                .map(|r| Bar {
                    key: r.facility_id.clone(),
                    label: facilities
                        .iter()
                        .find(|f| f.id == r.facility_id)
                        .map_or_else(|| r.facility_id.clone(), |f| f.name.clone()),
                    value: r.value,
                    text: rank_value(&ranking, r.value, l),
                    selected: false,
                })
                .collect();
            let title = format!("{} · {}", Text::SlideTop.get(l), Text::RankReleases.get(l));
            view! { <BarChart bars=bars title=title source="Karya".to_string() integral=true on_select=|_| {}/> }.into_any()
        }
    }
}

#[component]
fn PipelineSlide() -> impl IntoView {
    let data =
        LocalResource::new(|| async { futures::try_join!(api::pipeline(), api::facilities()) });
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move |_| data.refetch()/> }.into_any(),
        Some(Ok((stages, facilities))) => {
            view! { <Pipeline stages=stages facilities=Arc::new(facilities)/> }.into_any()
        }
    }
}

#[component]
fn LatestSlide(filter: Filter) -> impl IntoView {
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let f = filter.clone();
        async move {
            futures::try_join!(
                api::shipments(&f, 1),
                api::products(),
                api::facilities(),
                api::countries()
            )
        }
    });
    move || match data.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move |_| data.refetch()/> }.into_any(),
        Some(Ok((list, products, facilities, countries))) => {
            let Some(s) = list.shipments.into_iter().next() else {
                return view! { <p class="notice">{tr(Text::NoReleases)}</p> }.into_any();
            };
            let l = lang.get();
            let product = products.iter().find(|p| p.id == s.product_id).map_or_else(
                || s.product_id.clone(),
                |p| l.pick(&p.name_id, &p.name_en).to_string(),
            );
            let facility = facilities
                .iter()
                .find(|f| f.id == s.facility_id)
                .map_or_else(|| s.facility_id.clone(), |f| f.name.clone());
            let country = countries
                .iter()
                .find(|c| c.alpha2 == s.country)
                .map_or_else(
                    || s.country.clone(),
                    |c| l.pick(&c.name_id, &c.name_en).to_string(),
                );
            let date = s.date.map_or_else(
                || Text::DateNotStated.get(l).to_string(),
                |d| format::date(d, l),
            );
            view! {
                <div class="latest-release" data-release=s.id.clone()>
                    <p class="latest-figure">{format::quantity(s.quantity, s.unit, l)}" "{product}</p>
                    <p class="latest-route">{facility}" → "{country}</p>
                    <p class="latest-date">{date}</p>
                    <p><ProvisionalMark provisional=s.provisional/> <ProvenanceMark provenance=s.provenance.clone()/></p>
                </div>
            }
            .into_any()
        }
    }
}
