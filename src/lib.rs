//! Karya's web app: the router, the shared view state (language and filter, both read from the
//! address), the reference data loaded once per visit, and the page shell. Pages live in
//! `pages/` over one setup (`page.rs`), reusable pieces in `components/`, the HTTP client in
//! `api.rs`; every rule and every word comes from `karya_core`.

pub mod answer_cache;
pub mod api;
pub mod components;
pub mod download;
pub mod editor;
pub mod embed;
pub mod entry_form;
pub mod first_view;
pub mod offline;
pub mod page;
pub mod pages;
pub mod perf;
pub mod reference;
pub mod view_state;

use components::later::Soon;
use components::layout::{Footer, Header};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::chunks::{
    BriefingChunk, CountryChunk, DataChunk, EntryChunk, FacilitiesChunk, FacilityChunk, MapChunk,
    OverviewChunk, ProductChunk,
};
use pages::NotFound;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <view_state::ProvideViewState>
            <reference::ProvideReference>
                // The header, the page and the footer are each built in a task of their own
                // after the mount: one task for all of it blocks a phone for a quarter second
                // (bench/long-tasks.mjs). The page's chunk is asked for a task later, which
                // a first visit on slow 4G does not feel (bench/slow-load.mjs).
                <Soon><Header/><components::layout::OfflineNotice/></Soon>
                <main id="main" class="page">
                    <Soon><Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=OverviewChunk/>
                        <Route path=path!("/map") view=MapChunk/>
                        <Route path=path!("/facilities") view=FacilitiesChunk/>
                        <Route path=path!("/facility/:id") view=FacilityChunk/>
                        <Route path=path!("/briefing") view=BriefingChunk/>
                        <Route path=path!("/entry") view=EntryChunk/>
                        <Route path=path!("/product/:id") view=ProductChunk/>
                        <Route path=path!("/country/:iso") view=CountryChunk/>
                        <Route path=path!("/data") view=DataChunk/>
                    </Routes></Soon>
                </main>
                <Soon><Footer/></Soon>
            </reference::ProvideReference>
            </view_state::ProvideViewState>
        </Router>
    }
}
