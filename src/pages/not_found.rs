//! An address that is no page of Karya's.

use crate::view_state::{tr, use_href};
use karya_core::Text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let home = use_href("/");
    view! {
        <section class="not-found" data-page="not-found">
            <h1>{tr(Text::NotFoundTitle)}</h1>
            <p><A href=move || home.get()>{tr(Text::BackToOverview)}</A></p>
        </section>
    }
}
