//! Briefing mode (`/briefing`): a deck of slides built from live views, for a press briefing
//! on a projector with a clicker. The deck, the current slide and the captions live in the
//! address (`karya_core::briefing`), so a deck is shared as a link. Presenter keys: → ↓ Space
//! PageDown next, ← ↑ PageUp back, Home/End, `b` or `.` blank and back, `f` full screen
//! (with a CSS fallback where the browser refuses), `p` the presenter's view, Escape leaves.
//! Each slide is laid out on a 16:9 stage scaled to the screen. The slides themselves are in
//! `slides.rs`, the presenter's window in `presenter.rs`.

mod presenter;
mod slides;

use crate::components::share::CopyLink;
use crate::page::{use_page, Page};
use crate::view_state::{tr, use_lang};
use karya_core::briefing::{step_for_key, Deck, Slide, SlideKind, Step};
use karya_core::presenting::title_font_size;
use karya_core::url::view_href;
use karya_core::{Filter, Lang, Text};
use leptos::prelude::*;
use presenter::{is_presenter_window, use_slide_channel, PresenterNotes};
use slides::{KpiSlide, LatestSlide, MapSlide, PipelineSlide, TopSlide};

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
    let page = use_page::<Deck>();
    let deck = page.keys;
    let blank = RwSignal::new(false);
    let fallback_full_screen = RwSignal::new(false);
    // Slide steps replace the address: the back button leaves the briefing, not the slide.
    let show = move |index: usize| {
        let d = Deck {
            current: index,
            ..deck.get_untracked()
        };
        page.go(Filter::default(), d, true);
    };
    let full_screen = move || toggle_full_screen(fallback_full_screen);
    let idle = use_idle_bar();
    use_presenter_keys(page, (blank, idle), fallback_full_screen, show);
    use_slide_channel(deck, show);
    // The slides with the one `offset` after the current shown: 0 on the stage, 1 beside it in
    // the presenter's window.
    let slides = move |offset: usize| {
        move || {
            let d = deck.get();
            let slide = |(i, slide): (usize, Slide)| {
                let current = Signal::derive(move || deck.with(|d| d.current + offset == i));
                view! { <SlideView index=i slide=slide current=current both=d.both_languages/> }
            };
            d.slides
                .iter()
                .cloned()
                .enumerate()
                .map(slide)
                .collect_view()
        }
    };
    let presenter = is_presenter_window();
    view! {
        <section class="briefing" data-page="briefing" aria-roledescription="carousel"
            class:presenter-view=presenter class:idle=move || idle.get()
            class:fullscreen-fallback=move || fallback_full_screen.get()>
            {move || page.fell_back.get().then(|| view! {
                <p class="notice" role="status" data-notice="deck-fallback">{tr(Text::DeckFallback)}</p>
            })}
            <div class="stage" data-stage=""><ol class="slides">{slides(0)}</ol></div>
            {presenter.then(|| view! {
                <div class="presenter-side">
                    <PresenterNotes deck=deck/>
                    <div class="stage stage-next" data-stage="next"><ol class="slides">{slides(1)}</ol></div>
                </div>
            })}
            <BriefingBar deck=deck show=show full_screen=full_screen/>
            {move || blank.get().then(|| view! { <div class="blank-screen" data-blank="" aria-hidden="true"></div> })}
        </section>
    }
}

/// Whether the presenter's bar is hidden: three seconds after the mouse last moved, or at once
/// when a presenter's key is pressed; any mouse move brings it back.
fn use_idle_bar() -> RwSignal<bool> {
    let idle = RwSignal::new(false);
    let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let wake = move || {
        idle.set(false);
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let next = set_timeout_with_handle(
            move || idle.set(true),
            std::time::Duration::from_millis(3000),
        );
        timer.set_value(next.ok());
    };
    wake();
    let moves = window_event_listener(leptos::ev::mousemove, move |_| wake());
    on_cleanup(move || {
        moves.remove();
        if let Some(t) = timer.get_value() {
            t.clear();
        }
    });
    idle
}

/// Full screen, or where the browser refuses (a frame without `allow="fullscreen"`), the deck
/// fills the window instead; the same call leaves either.
fn toggle_full_screen(fallback: RwSignal<bool>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if fallback.get_untracked() {
        fallback.set(false);
    } else if doc.fullscreen_enabled() {
        let refused = doc
            .document_element()
            .is_some_and(|root| root.request_fullscreen().is_err());
        fallback.set(refused);
    } else {
        fallback.set(true);
    }
}

/// The presenter's keys (a clicker sends arrows and PageUp/PageDown), while the briefing is
/// open: elsewhere, arrows scroll and `b` is a letter.
fn use_presenter_keys(
    page: Page<Deck>,
    (blank, idle): (RwSignal<bool>, RwSignal<bool>),
    fallback_full_screen: RwSignal<bool>,
    show: impl Fn(usize) + Copy + 'static,
) {
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let Some(step) = step_for_key(&e.key()) else {
            return;
        };
        e.prevent_default();
        idle.set(true);
        match step {
            Step::Presenter if !is_presenter_window() => presenter::open_presenter_window(),
            Step::Presenter => {}
            Step::Blank => blank.update(|b| *b = !*b),
            Step::FullScreen => toggle_full_screen(fallback_full_screen),
            Step::Leave if fallback_full_screen.get_untracked() => fallback_full_screen.set(false),
            Step::Leave => page.go_to(&view_href(
                "/",
                &Filter::default(),
                page.lang.get_untracked(),
            )),
            _ => show(page.keys.with_untracked(|d| d.moved(step))),
        }
    });
    on_cleanup(move || keys.remove());
}

/// Previous, position, next, full screen and the link, for a mouse or a touch screen.
#[component]
fn BriefingBar(
    deck: Memo<Deck>,
    show: impl Fn(usize) + Copy + 'static,
    full_screen: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let step = move |s: Step| show(deck.with_untracked(|d| d.moved(s)));
    view! {
        <div class="briefing-bar">
            <button type="button" class="button button-secondary" data-action="previous-slide"
                on:click=move |_| step(Step::Previous)>"←"</button>
            <span data-slide-count="">{move || deck.with(|d| format!("{} / {}", d.current + 1, d.slides.len()))}</span>
            <button type="button" class="button button-secondary" data-action="next-slide"
                on:click=move |_| step(Step::Next)>"→"</button>
            <button type="button" class="button button-secondary" data-action="full-screen"
                on:click=move |_| full_screen()>{tr(Text::FullScreen)}</button>
            <CopyLink/>
            <span class="hint">{tr(Text::PresenterKeys)}</span>
        </div>
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
    let heading = Memo::new(move |_| format!("{}{period}", caption()));
    view! {
        <li class="slide" data-slide=index data-kind=slide.kind.code()
            aria-current=move || current.get().then_some("step") hidden=move || !current.get()>
            <h1 class="slide-title" style:font-size=move || heading.with(|h| title_font_size(h))>{heading}</h1>
            {body}
        </li>
    }
}
