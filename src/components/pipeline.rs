//! The product pipeline (F10): a column per status, each product with the facilities
//! involved, its releases and where its status comes from.

use crate::components::provenance::ProvenanceMark;
use crate::view_state::{tr, use_lang};
use karya_core::i18n::status_name;
use karya_core::pipeline::{PipelineProduct, PipelineStage};
use karya_core::url::view_href;
use karya_core::{format, Facility, Filter, ProductStatus, Text};
use leptos::prelude::*;
use std::sync::Arc;

/// Facilities named per product before "+N".
const MAX_LISTED: usize = 8;

fn status_code(s: ProductStatus) -> &'static str {
    match s {
        ProductStatus::Exporting => "exporting",
        ProductStatus::Pilot => "pilot",
        ProductStatus::InDevelopment => "in_development",
        ProductStatus::Planned => "planned",
    }
}

#[component]
pub fn Pipeline(stages: Vec<PipelineStage>, facilities: Arc<Vec<Facility>>) -> impl IntoView {
    let stages = stages
        .into_iter()
        .map(|stage| view! { <StageColumn stage=stage facilities=facilities.clone()/> })
        .collect_view();
    view! { <div class="pipeline" data-pipeline="">{stages}</div> }
}

/// One status: its products, or words saying it has none (an empty stage is shown, not hidden).
#[component]
fn StageColumn(stage: PipelineStage, facilities: Arc<Vec<Facility>>) -> impl IntoView {
    let lang = use_lang();
    let status = stage.status;
    let empty = stage.products.is_empty();
    let products = stage
        .products
        .into_iter()
        .map(|p| view! { <ProductItem product=p status=status facilities=facilities.clone()/> })
        .collect_view();
    view! {
        <section class="pipeline-stage" data-stage=status_code(status)>
            <h3>{move || status_name(status, lang.get())}</h3>
            {empty.then(|| view! { <p class="hint">{tr(Text::NoProductsAtStage)}</p> })}
            <ul class="pipeline-products">{products}</ul>
        </section>
    }
}

/// A product: its name, its releases, the facilities involved and the source of its status.
#[component]
fn ProductItem(
    product: PipelineProduct,
    status: ProductStatus,
    facilities: Arc<Vec<Facility>>,
) -> impl IntoView {
    let lang = use_lang();
    let p = product;
    let product = p.product.clone();
    let (name_id, name_en) = (product.name_id.clone(), product.name_en.clone());
    // A product made in hundreds of facilities lists the first few and counts the rest.
    let more = p.facilities.len().saturating_sub(MAX_LISTED);
    let involved = p
        .facilities
        .iter()
        .take(MAX_LISTED)
        .map(|id| {
            let name = facilities
                .iter()
                .find(|f| &f.id == id)
                .map_or_else(|| id.clone(), |f| f.name.clone());
            let path = format!("/facility/{id}");
            let href = move || view_href(&path, &Filter::default(), lang.get());
            view! { <li><a href=href data-facility-link=id.clone()>{name}</a></li> }
        })
        .collect_view();
    let releases = p.releases;
    let release_words = move || {
        let l = lang.get();
        if releases == 0 {
            Text::NotExportedYet.get(l).to_string()
        } else {
            let n = format::integer(releases as i64, l);
            format!("{n} {}", Text::ColReleases.get(l).to_lowercase())
        }
    };
    let more_words = move || {
        format!(
            "+{} {}",
            format::integer(more as i64, lang.get()),
            Text::ColFacility.get(lang.get())
        )
    };
    view! {
        <li class="pipeline-product" data-product=product.id.clone() data-status=status_code(status)>
            <strong>{move || lang.get().pick(&name_id, &name_en).to_string()}</strong>
            <span class="hint">{release_words}</span>
            {(!p.facilities.is_empty()).then(|| view! { <ul class="pipeline-facilities">{involved}</ul> })}
            {(more > 0).then(|| view! { <p class="hint" data-more-facilities=more>{more_words}</p> })}
            {p.facilities.is_empty().then(|| view! { <p class="hint">{tr(Text::PipelineNoFacility)}</p> })}
            <ProvenanceMark provenance=product.provenance.clone()/>
        </li>
    }
}
