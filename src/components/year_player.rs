//! The year player shared by the world map and the briefing's map slide: steps through the
//! years with data by the core's rule (`karya_core::player`), slower and without transitions
//! for people who ask for less motion, and the map's slider with play and pause.

use crate::view_state::{tr, use_lang};
use karya_core::player::{first_step, next_year, AtTheEnd};
use karya_core::{Filter, Text};
use leptos::prelude::*;

/// Whether the reader asked the system for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Steps `show` through `years` every `step_ms` (twice that with reduced motion) while
/// `playing` is on. With `AtTheEnd::Stop` play begins at once with the next year and `stop`
/// is called after the last; with `AtTheEnd::Loop` it starts over.
pub fn use_year_player(
    years: Signal<Option<(i32, i32)>>,
    current: impl Fn() -> Option<i32> + Copy + Send + Sync + 'static,
    show: impl Fn(i32) + Copy + Send + Sync + 'static,
    playing: Signal<bool>,
    stop: impl Fn() + Copy + Send + Sync + 'static,
    (end, step_ms): (AtTheEnd, u64),
) {
    let step_ms = if prefers_reduced_motion() {
        step_ms * 2
    } else {
        step_ms
    };
    // A memo: each answer carries the span again, and only a new span may restart the player.
    let span = Memo::new(move |_| years.get());
    Effect::new(move |_| {
        if !playing.get() {
            return;
        }
        // A slide can be shown before its first answer: the player starts when the span comes.
        let Some(span) = span.get() else {
            return;
        };
        if end == AtTheEnd::Stop {
            show(first_step(current(), span));
        }
        let tick = move || match next_year(current(), span, end) {
            Some(y) if playing.get_untracked() => show(y),
            _ => stop(),
        };
        if let Ok(handle) =
            set_interval_with_handle(tick, std::time::Duration::from_millis(step_ms))
        {
            on_cleanup(move || handle.clear());
        }
    });
}

/// The map's year control: a slider over the years with data, the year shown, all years,
/// and play/pause.
#[component]
pub fn YearPlayerControls(
    #[prop(into)] filter: Signal<Filter>,
    #[prop(into)] years: Signal<Option<(i32, i32)>>,
    playing: RwSignal<bool>,
    /// A year, or all years (`None`), chosen by hand.
    #[prop(into)]
    on_year: Callback<Option<i32>>,
) -> impl IntoView {
    let lang = use_lang();
    let shown = move || filter.with(|f| f.single_year());
    let choose = move |year: Option<i32>| {
        playing.set(false);
        on_year.run(year);
    };
    view! {
        <fieldset class="control control-year">
            <legend>{tr(Text::YearLabel)}</legend>
            {move || years.get().map(|(first, last)| view! {
                <input type="range" min=first max=last step="1" data-control="year"
                    aria-label=tr(Text::YearLabel)
                    prop:value=move || shown().unwrap_or(last).to_string()
                    on:input=move |e| choose(event_target_value(&e).parse().ok())/>
                <output data-year=move || shown().map(|y| y.to_string())>
                    {move || shown().map_or_else(|| Text::AllYears.get(lang.get()).to_string(), |y| y.to_string())}
                </output>
            })}
            <button type="button" class="button button-secondary" data-action="all-years"
                on:click=move |_| choose(None)>{tr(Text::AllYears)}</button>
            <button type="button" class="button button-secondary" data-action="play"
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| playing.update(|p| *p = !*p)>
                {move || if playing.get() { tr(Text::Pause)() } else { tr(Text::Play)() }}
            </button>
        </fieldset>
    }
}
