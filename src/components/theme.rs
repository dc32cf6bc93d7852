//! The header's dark-mode switch: the site follows the system's theme until a reader chooses
//! one, and the choice is remembered in this browser (localStorage `karya-theme`).

use crate::view_state::tr;
use karya_core::embed::Theme;
use karya_core::Text;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function stored_theme() { try { return localStorage.getItem('karya-theme') || ''; } catch (e) { return ''; } }
export function store_theme(t) { try { localStorage.setItem('karya-theme', t); } catch (e) {} }
export function system_is_dark() { return matchMedia('(prefers-color-scheme: dark)').matches; }
"#)]
extern "C" {
    fn stored_theme() -> String;
    fn store_theme(theme: &str);
    fn system_is_dark() -> bool;
}

/// The reader's remembered theme, `Auto` (the system's) when none was chosen.
pub fn remembered_theme() -> Theme {
    Theme::parse(&stored_theme()).unwrap_or_default()
}

/// A button that turns dark mode on or off and remembers it; `theme` is the site's theme.
#[component]
pub fn ThemeSwitch(theme: RwSignal<Theme>) -> impl IntoView {
    let dark = move || match theme.get() {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => system_is_dark(),
    };
    let toggle = move |_| {
        let next = if dark() { Theme::Light } else { Theme::Dark };
        store_theme(next.code());
        theme.set(next);
    };
    view! {
        <button type="button" class="theme-switch" data-action="switch-theme"
            aria-pressed=move || dark().to_string() on:click=toggle>
            <span aria-hidden="true">{move || if dark() { "☀" } else { "☾" }}" "</span>{tr(Text::DarkMode)}
        </button>
    }
}
