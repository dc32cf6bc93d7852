//! The overview's picture beside its figures: a small world map of the destinations (each one,
//! and a link, lead to `/map`) and the BLK headline from the facility records (F4). Its own
//! answer failing shows only the link: the overview's figures carry the one error panel.

use crate::api;
use crate::components::world_map::{Hover, WorldMapSvg};
use crate::reference::{both, use_reference};
use crate::view_state::{tr, use_href, use_lang};
use karya_core::blk::{blk_count, blk_headline};
use karya_core::destinations::Measure;
use karya_core::map_view::Zoom;
use karya_core::{Filter, Text};
use leptos::prelude::*;

#[component]
pub fn OverviewPicture(#[prop(into)] filter: Signal<Filter>) -> impl IntoView {
    let reference = use_reference();
    let (tables, world) = (reference.tables(), reference.world_map());
    let destinations = LocalResource::new(move || {
        let f = filter.get();
        async move { api::destinations(&f, Measure::Releases).await }
    });
    let map_href = use_href("/map");
    let lang = use_lang();
    let navigate = leptos_router::hooks::use_navigate();
    let open = Callback::new(move |iso: String| {
        let href = map_href.get_untracked();
        let sep = if href.contains('?') { '&' } else { '?' };
        navigate(&format!("{href}{sep}focus={iso}"), Default::default());
    });
    let map = move || match (both(tables.get(), world.get()), destinations.get()) {
        (Some(Ok((t, geo))), Some(Ok(d))) => {
            let data = Signal::derive(move || d.clone());
            let title = Signal::derive(move || Text::MapHeading.get(lang.get()).to_string());
            view! {
                <WorldMapSvg geo=geo data=data facilities=t.facilities.clone() countries=t.countries.clone()
                    title=title zoom=RwSignal::new(Zoom::default()) hover=RwSignal::new(None::<Hover>)
                    on_select=open/>
            }
            .into_any()
        }
        _ => view! { <div class="map-frame map-placeholder" aria-hidden="true"></div> }.into_any(),
    };
    view! {
        <figure class="overview-picture" data-overview-map="">
            {map}
            <figcaption><a href=move || map_href.get() data-action="open-map">{tr(Text::OpenMap)}" →"</a></figcaption>
        </figure>
    }
}

/// "7 of 12 Lapas and Rutan have a BLK", counted from the facility records.
#[component]
pub fn BlkHeadline() -> impl IntoView {
    let (lang, tables) = (use_lang(), use_reference().tables());
    move || {
        tables.get().and_then(Result::ok).map(|t| {
            let count = blk_count(&t.facilities);
            let (head, rest) = blk_headline(&count, lang.get());
            view! {
                <div class="kpi kpi-blk" data-kpi="blk" data-blk-with=count.with_blk data-blk-total=count.total()
                    data-blk-not-stated=count.not_stated>
                    <span class="kpi-value">{format!("{}/{}", count.with_blk, count.total())}</span>
                    <span class="kpi-label">{head}</span>
                    <span class="kpi-detail">{rest}</span>
                </div>
            }
        })
    }
}
