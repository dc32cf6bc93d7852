//! The side panel of one destination: its export releases in the current filter, each with
//! its source and provenance mark.

use crate::api;
use crate::components::error_panel::{ErrorPanel, Loading};
use crate::components::profile_link::{CountryProfileLink, ProductLink};
use crate::components::provenance::{ProvenanceMark, ProvisionalMark};
use crate::components::release_value::ShipmentValue;
use crate::reference::use_names;
use crate::view_state::{tr, use_lang};
use karya_core::{format, Filter, Text};
use leptos::prelude::*;

#[component]
pub fn CountryPanel(
    iso: String,
    filter: Filter,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let names = use_names();
    let query = Filter {
        country: Some(iso.clone()),
        ..filter
    };
    let releases = LocalResource::new(move || {
        let q = query.clone();
        async move { api::shipments(&q, 500).await }
    });
    let heading = {
        let iso = iso.clone();
        move || {
            format!(
                "{} {}",
                Text::ReleasesTo.get(lang.get()),
                names.with(|n| n.country(&iso, lang.get()))
            )
        }
    };
    let close = NodeRef::<leptos::html::Button>::new();
    // Move focus into the panel so keyboard users land on it.
    Effect::new(move |_| {
        if let Some(b) = close.get() {
            let _ = b.focus();
        }
    });
    view! {
        <aside class="country-panel" data-panel=iso aria-labelledby="country-panel-title">
            <div class="panel-head">
                <h2 id="country-panel-title">{heading}</h2>
                <CountryProfileLink iso=iso.clone()/>
                <button type="button" class="button button-secondary" data-action="close-panel" node_ref=close
                    on:click=move |_| on_close.run(())>{tr(Text::Close)}</button>
            </div>
            {move || match releases.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move |_| releases.refetch()/> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="release-list">
                        {list.shipments.into_iter().map(|s| {
                            let l = lang.get();
                            let date = s.date.map_or_else(|| Text::DateNotStated.get(l).into(), |d| format::date(d, l));
                            view! {
                                <li data-shipment=s.id.clone()>
                                    <strong>{date}</strong>
                                    <span>
                                        {format::quantity(s.quantity, s.unit, l)} " "
                                        <ProductLink id=s.product_id.clone()/>
                                        <ShipmentValue shipment=s.clone() lead=" · "/>
                                    </span>
                                    <span>{names.with(|n| n.facility(&s.facility_id, l))}</span>
                                    <ProvisionalMark provisional=s.provisional/>
                                    <ProvenanceMark provenance=s.provenance.clone()/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </aside>
    }
}
