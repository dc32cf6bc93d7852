//! The "Embed" dialog: the iframe snippet for the view on screen, with the embed options, for
//! a portal editor to paste, or for another view (a facility, product or country) chosen by search.

use crate::components::profile_parts::word;
use crate::components::search_box::SearchField;
use crate::view_state::tr;
use karya_core::embed::{chosen_view_pairs, embed_address, snippet, EmbedOptions, Theme};
use karya_core::profile::words::Words;
use karya_core::search::Hit;
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
    // The view the snippet shows: the page on screen until another is chosen by search.
    let chosen = RwSignal::new(None::<Hit>);
    let code = Memo::new(move |_| {
        let pairs: Vec<(String, String)> = query.with(|q| {
            q.into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        });
        let window = web_sys::window();
        let origin = window
            .as_ref()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let (address, title) = match chosen.get() {
            Some(hit) => (
                embed_address(&hit.path, &chosen_view_pairs(&pairs), &options.get()),
                hit.name,
            ),
            None => {
                let title = window.and_then(|w| w.document()).map(|d| d.title());
                (
                    embed_address(&location.pathname.get(), &pairs, &options.get()),
                    title.unwrap_or_default(),
                )
            }
        };
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
            <ViewPicker chosen=chosen/>
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

/// Which view the snippet shows: the page on screen, or one found with the site's search.
#[component]
fn ViewPicker(chosen: RwSignal<Option<Hit>>) -> impl IntoView {
    let name = move || chosen.with(|c| c.as_ref().map(|h| h.name.clone()));
    let this_page = word(Words::EmbedThisPage);
    view! {
        <div class="control embed-view" data-embed-view=move || chosen.with(|c| c.as_ref().map(|h| h.path.clone()))>
            <span>{word(Words::EmbedView)}": "<strong data-embed-chosen="">
                {move || name().unwrap_or_else(|| this_page().to_string())}
            </strong></span>
            <SearchField prefix="embed-search" hook="embed" on_pick=Callback::new(move |h| chosen.set(Some(h)))/>
            <button type="button" class="link-button" data-embed-reset="" hidden=move || name().is_none()
                on:click=move |_| chosen.set(None)>{word(Words::EmbedThisPage)}</button>
        </div>
    }
}
