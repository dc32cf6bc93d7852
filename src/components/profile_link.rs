//! A product's or a country's name as a link to its profile, in the reader's language: used
//! wherever a product or a destination is named, so every name leads somewhere.

use crate::reference::use_names;
use crate::view_state::use_lang;
use karya_core::search::Kind;
use karya_core::url::view_href;
use karya_core::Filter;
use leptos::prelude::*;

/// `/product/<id>` or `/country/<alpha2>` in the reader's language, without the page's filter:
/// a profile starts from all years.
pub fn profile_href(kind: Kind, id: &str, lang: karya_core::Lang) -> String {
    view_href(&kind.path(id), &Filter::default(), lang)
}

#[component]
pub fn ProductLink(#[prop(into)] id: String) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let (href_id, hook) = (id.clone(), id.clone());
    let href = move || profile_href(Kind::Product, &href_id, lang.get());
    view! {
        <a href=href data-profile-link="product" data-product=hook>
            {move || names.with(|n| n.product(&id, lang.get()))}
        </a>
    }
}

#[component]
pub fn CountryLink(#[prop(into)] iso: String) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let (href_iso, hook) = (iso.clone(), iso.clone());
    let href = move || profile_href(Kind::Country, &href_iso, lang.get());
    view! {
        <a href=href data-profile-link="country" data-iso=hook>
            {move || names.with(|n| n.country(&iso, lang.get()))}
        </a>
    }
}

#[component]
pub fn FacilityLink(#[prop(into)] id: String) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let (href_id, hook) = (id.clone(), id.clone());
    let href = move || profile_href(Kind::Facility, &href_id, lang.get());
    view! {
        <a href=href data-profile-link="facility" data-facility=hook>
            {move || names.with(|n| n.facility(&id, lang.get()))}
        </a>
    }
}

/// "Profile" next to a country named in a heading: the way from a panel to the whole page.
#[component]
pub fn CountryProfileLink(#[prop(into)] iso: String) -> impl IntoView {
    let lang = use_lang();
    let href = move || profile_href(Kind::Country, &iso, lang.get());
    let word =
        crate::components::profile_parts::word(karya_core::profile::words::Words::ProfileLink);
    view! { <a href=href class="button button-secondary" data-action="open-profile">{word}</a> }
}
