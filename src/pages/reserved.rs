//! Routes whose views later issues build (the facility views). They exist now
//! so links and the URL contract are stable, and say plainly that the view is coming.

use crate::view_state::tr;
use karya_core::Text;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
fn Reserved(
    page: &'static str,
    title: Text,
    #[prop(optional)] subject: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <section class="reserved" data-page=page>
            <h1>{tr(title)} {move || subject.map(|s| format!(" · {}", s.get()))}</h1>
            <p>{tr(Text::ComingSoon)}</p>
        </section>
    }
}

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    view! { <Reserved page="facilities" title=Text::NavFacilities/> }
}

#[component]
pub fn FacilityPage() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.with(|p| p.get("id")).unwrap_or_default());
    view! { <Reserved page="facility" title=Text::FacilityHeading subject=id/> }
}
