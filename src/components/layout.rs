//! The page shell: header with navigation and the language switch, and the footer.

use crate::components::embed_dialog::EmbedDialog;
use crate::components::share::CopyLink;
use crate::components::theme::ThemeSwitch;
use crate::view_state::{tr, use_embed, use_href, use_other_language_href};
use karya_core::Text;
use leptos::prelude::*;
use leptos_router::components::A;

/// Pages shown without the site's header and footer: embedded views and the briefing.
fn use_bare_page() -> Signal<bool> {
    let embedded = use_embed();
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        embedded.with(Option::is_some) || location.pathname.with(|p| p == "/briefing")
    })
}

#[component]
pub fn Header() -> impl IntoView {
    // An embedded view and a briefing show none of the site around them.
    let bare = use_bare_page();
    move || (!bare.get()).then(SiteHeader)
}

#[component]
fn SiteHeader() -> impl IntoView {
    let home = use_href("/");
    let map = use_href("/map");
    let facilities = use_href("/facilities");
    let briefing = use_href("/briefing");
    let entry = use_href("/entry");
    let other_language = use_other_language_href();
    let theme = expect_context::<crate::view_state::SiteTheme>().0;
    view! {
        <a class="skip-link" href="#main">{tr(Text::NavOverview)}</a>
        <header class="site-header">
            <div class="brand">
                <A href=move || home.get()>
                    <span class="brand-name">{tr(Text::AppName)}</span>
                </A>
                <span class="brand-tagline">{tr(Text::Tagline)}</span>
            </div>
            <nav aria-label=tr(Text::NavLabel) class="site-nav">
                <A href=move || home.get()>{tr(Text::NavOverview)}</A>
                <A href=move || map.get()>{tr(Text::NavMap)}</A>
                <A href=move || facilities.get()>{tr(Text::NavFacilities)}</A>
                <A href=move || briefing.get()>{tr(Text::NavBriefing)}</A>
                // For editors only: a small link, not a destination for the public.
                <A href=move || entry.get() attr:class="nav-minor" attr:data-nav="entry">{tr(Text::NavEntry)}</A>
            </nav>
            <crate::components::search_box::SearchBox/>
            <ThemeSwitch theme=theme/>
            <A href=move || other_language.get() attr:class="language-switch" attr:data-action="switch-language"
                attr:aria-label=tr(Text::SwitchLanguageLabel)>
                {tr(Text::SwitchLanguage)}
            </A>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let bare = use_bare_page();
    let data = use_href("/data");
    let data_word =
        crate::components::profile_parts::word(karya_core::profile::words::Words::DataHeading);
    move || {
        (!bare.get()).then(|| {
            view! {
                <footer class="site-footer">
                    <p>{tr(Text::Owner)}</p>
                    <p>{tr(Text::IllustrativeExplainer)}</p>
                    <p><A href=move || data.get() attr:data-nav="data">{data_word}</A></p>
                    <div class="share-bar">
                        <CopyLink/>
                        <EmbedDialog/>
                    </div>
                </footer>
            }
        })
    }
}

/// "Not connected to the server; the data kept as of 28 November 2026 pukul 23.47 WIB".
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let lang = crate::view_state::use_lang();
    let kept = crate::offline::kept_since();
    move || {
        kept.get().map(|t| {
            let l = lang.get();
            view! {
                <p class="notice notice-offline" role="status" data-notice="offline" data-kept-since=t.to_rfc3339()>
                    {format!("{} {}.", Text::OfflineDataAsOf.get(l), karya_core::format::date_time_wib(t, l))}
                </p>
            }
        })
    }
}
