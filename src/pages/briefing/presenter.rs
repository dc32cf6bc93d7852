//! The presenter's view of a briefing (`p` opens it in a second window): the current and the
//! next slide, the time since it began and the slide's note. Both windows keep the same slide
//! over a `BroadcastChannel`, so either one's keys move both.

use crate::view_state::{tr, use_lang};
use karya_core::briefing::Deck;
use karya_core::presenting::{elapsed_words, slide_note};
use karya_core::Text;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The name of the presenter's window: it tells the page which view to draw, and survives the
/// address changes a slide step makes.
pub const PRESENTER_WINDOW: &str = "karya-presenter";

#[wasm_bindgen(inline_js = r#"
let channel = null;
export function join_channel(on_slide) {
  channel = new BroadcastChannel('karya-briefing');
  channel.onmessage = (e) => { if (Number.isInteger(e.data)) on_slide(e.data); };
}
export function leave_channel() { if (channel) { channel.close(); channel = null; } }
export function tell_slide(index) { if (channel) channel.postMessage(index); }
"#)]
extern "C" {
    fn join_channel(on_slide: &Closure<dyn FnMut(u32)>);
    fn leave_channel();
    fn tell_slide(index: u32);
}

/// Whether this window is the presenter's.
pub fn is_presenter_window() -> bool {
    window().name().is_ok_and(|n| n == PRESENTER_WINDOW)
}

/// Opens (or brings forward) the presenter's window on this deck.
pub fn open_presenter_window() {
    let href = window().location().href().unwrap_or_default();
    let _ = window().open_with_url_and_target_and_features(&href, PRESENTER_WINDOW, "popup");
}

/// Keeps this window's slide in step with the briefing's other windows: a step here is told to
/// them, and a step there is shown here.
pub fn use_slide_channel(deck: Memo<Deck>, show: impl Fn(usize) + Copy + 'static) {
    let on_slide = Closure::<dyn FnMut(u32)>::new(move |index: u32| {
        let index = index as usize;
        if deck.with_untracked(|d| d.current != index && index < d.slides.len()) {
            show(index);
        }
    });
    join_channel(&on_slide);
    on_slide.forget();
    Effect::new(move |_| tell_slide(deck.with(|d| d.current) as u32));
    on_cleanup(leave_channel);
}

/// The clock and the note beside the presenter's slides.
#[component]
pub fn PresenterNotes(deck: Memo<Deck>) -> impl IntoView {
    let lang = use_lang();
    let started = web_sys::js_sys::Date::now();
    let seconds = RwSignal::new(0u64);
    if let Ok(h) = set_interval_with_handle(
        move || seconds.set(((web_sys::js_sys::Date::now() - started) / 1000.0) as u64),
        std::time::Duration::from_millis(1000),
    ) {
        on_cleanup(move || h.clear());
    }
    let note = move || {
        deck.with(|d| {
            d.slides
                .get(d.current)
                .map(|s| slide_note(s.kind).get(lang.get()))
        })
    };
    let at_end = move || deck.with(|d| d.current + 1 >= d.slides.len());
    view! {
        <div class="presenter-notes" data-presenter="">
            <p class="presenter-clock">{tr(Text::PresenterElapsed)}": "
                <span data-elapsed=move || seconds.get()>{move || elapsed_words(seconds.get())}</span>
            </p>
            <h2>{tr(Text::PresenterNotes)}</h2>
            <p class="presenter-note" data-note="">{note}</p>
            <p class="presenter-next-label">{tr(Text::PresenterNext)}
                {move || at_end().then(|| view! { ": "{tr(Text::PresenterEnd)} })}
            </p>
        </div>
    }
}
