//! Each page's code as its own wasm chunk, fetched when the page is first opened, so a first
//! visit downloads the shell and one page rather than the whole app.
//!
//! The split is made on the built wasm by `scripts/post-build.sh` (the release build, under
//! `--cfg karya_split`). Without that cfg — `trunk serve`, the browser tests, clippy — the
//! same functions call the page directly, so there is one code path for the router.
//! A chunk that cannot be fetched is an `Unreachable` error with a retry, never a panic
//! (`fallible`): with `panic = "abort"` a panic would end the app.

use super::{
    BriefingPage, CountryPage, DataPage, EntryPage, FacilitiesPage, FacilityPage, MapPage,
    Overview, ProductPage,
};
use crate::components::error_panel::{ErrorPanel, Loading};
use karya_core::api::FetchError;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
use std::future::Future;

#[cfg(karya_split)]
use wasm_split_helpers::{wasm_split, SplitLoaderError};

#[cfg(not(karya_split))]
#[derive(Debug)]
pub struct SplitLoaderError;

/// One page as a split point: `chunk!(name, Page)` makes `async fn name()` that fetches the
/// page's chunk (once) and builds the page.
macro_rules! chunk {
    ($name:ident, $page:ident) => {
        #[cfg(karya_split)]
        #[wasm_split($name, fallible)]
        fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }

        #[cfg(not(karya_split))]
        async fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }
    };
}

chunk!(overview_page, Overview);
chunk!(map_page, MapPage);
chunk!(facilities_page, FacilitiesPage);
chunk!(facility_page, FacilityPage);
chunk!(briefing_page, BriefingPage);
chunk!(entry_page, EntryPage);
chunk!(product_page, ProductPage);
chunk!(country_page, CountryPage);
chunk!(data_page, DataPage);

/// Where a page's chunk is: coming, here (its page built and waiting to be placed), or not had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chunk {
    Coming,
    Here,
    Failed,
}

/// The page once its chunk is here; while it comes, the loading line; if it cannot come, the
/// error panel whose retry fetches it again (`data-chunk-error` tells it from a data error).
///
/// No `Suspense`: it would track every signal the page reads while it is built and every
/// resource it reads later, and rebuild or hide the whole page on each. The page is built once,
/// under this component's owner and untracked, as the router builds any other page.
fn lazily<F, Fut>(page_name: &'static str, load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let state = RwSignal::new(Chunk::Coming);
    let built = StoredValue::new_local(None::<AnyView>);
    // A retry comes from a click, outside any owner: the page is built under this one, so it
    // finds its contexts and is dropped with the route.
    let owner = Owner::current().unwrap_or_default();
    let fetch = Callback::new(move |()| {
        state.set(Chunk::Coming);
        let task = owner.with(|| {
            ScopedFuture::new_untracked(async move {
                let outcome = load().await;
                // The reader may have left the page while its code was coming.
                if state.is_disposed() {
                    return;
                }
                match outcome {
                    Ok(view) => {
                        built.set_value(Some(view));
                        state.set(Chunk::Here);
                    }
                    Err(_) => state.set(Chunk::Failed),
                }
            })
        });
        spawn_local(task);
    });
    fetch.run(());
    move || match state.get() {
        Chunk::Coming => view! { <Loading/> }.into_any(),
        Chunk::Here => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Chunk::Failed => {
            crate::first_view::retire();
            let error = FetchError::Unreachable("page code".into());
            view! {
                <div data-chunk-error=page_name><ErrorPanel error=error on_retry=fetch/></div>
            }
            .into_any()
        }
    }
}

#[component]
pub fn OverviewChunk() -> impl IntoView {
    lazily("overview", overview_page)
}

#[component]
pub fn MapChunk() -> impl IntoView {
    lazily("map", map_page)
}

#[component]
pub fn FacilitiesChunk() -> impl IntoView {
    lazily("facilities", facilities_page)
}

#[component]
pub fn FacilityChunk() -> impl IntoView {
    lazily("facility", facility_page)
}

#[component]
pub fn BriefingChunk() -> impl IntoView {
    lazily("briefing", briefing_page)
}

#[component]
pub fn EntryChunk() -> impl IntoView {
    lazily("entry", entry_page)
}

#[component]
pub fn ProductChunk() -> impl IntoView {
    lazily("product", product_page)
}

#[component]
pub fn CountryChunk() -> impl IntoView {
    lazily("country", country_page)
}

#[component]
pub fn DataChunk() -> impl IntoView {
    lazily("data", data_page)
}
