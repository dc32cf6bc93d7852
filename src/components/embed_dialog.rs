//! The "Embed" dialog: the iframe snippet for the view on screen, with the embed options, for
//! a portal editor to paste.

use crate::view_state::tr;
use karya_core::embed::{embed_address, snippet, EmbedOptions, Theme};
use karya_core::Text;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use wasm_bindgen::JsCast;

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let options = RwSignal::new(EmbedOptions {
        id: "karya".into(),
        ..Default::default()
    });
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let code = Memo::new(move |_| {
        let pairs: Vec<(String, String)> = query.with(|q| {
            q.into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        });
        let address = embed_address(&location.pathname.get(), &pairs, &options.get());
        let window = web_sys::window();
        let origin = window
            .as_ref()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let title = window
            .and_then(|w| w.document())
            .map(|d| d.title())
            .unwrap_or_default();
        snippet(&origin, &address, &title)
    });
    let check = move |label: Text,
                      set: fn(&mut EmbedOptions, bool),
                      get: fn(&EmbedOptions) -> bool,
                      hook: &'static str| {
        view! {
            <label class="radio">
                <input type="checkbox" data-embed-option=hook prop:checked=move || options.with(get)
                    on:change=move |e| {
                        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        let on = input.is_some_and(|i| i.checked());
                        options.update(|o| set(o, on))
                    }/>
                {tr(label)}
            </label>
        }
    };
    view! {
        <button type="button" class="button button-secondary" data-action="embed"
            on:click=move |_| { if let Some(d) = dialog.get() { let _ = d.show_modal(); } }>
            {tr(Text::EmbedThisView)}
        </button>
        <dialog node_ref=dialog class="embed-dialog" data-dialog="embed" aria-labelledby="embed-title">
            <h2 id="embed-title">{tr(Text::EmbedThisView)}</h2>
            <p class="hint">{tr(Text::EmbedExplainer)}</p>
            <fieldset class="control control-measure">
                {check(Text::EmbedHideTitle, |o, on| o.hide_title = on, |o| o.hide_title, "hide-title")}
                {check(Text::EmbedHideControls, |o, on| o.hide_controls = on, |o| o.hide_controls, "hide-controls")}
                {check(Text::EmbedTransparent, |o, on| o.transparent = on, |o| o.transparent, "transparent")}
                <label class="control">
                    <span>{tr(Text::EmbedTheme)}</span>
                    <select data-embed-option="theme" on:change=move |e| {
                        let theme = Theme::parse(&event_target_value(&e)).unwrap_or_default();
                        options.update(|o| o.theme = theme)
                    }>
                        <option value="auto">{tr(Text::ThemeAuto)}</option>
                        <option value="light">{tr(Text::ThemeLight)}</option>
                        <option value="dark">{tr(Text::ThemeDark)}</option>
                    </select>
                </label>
            </fieldset>
            <textarea readonly rows="5" class="embed-code" data-embed-code="" prop:value=move || code.get()
                on:focus=move |e| {
                    let area = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                    if let Some(t) = area { t.select() }
                }/>
            <form method="dialog"><button class="button" data-action="close-embed">{tr(Text::Close)}</button></form>
        </dialog>
    }
}
