//! One product (`/product/<id>`): what it is and where it stands in the pipeline, who makes it
//! (map of Indonesia, ranking in its own unit), where it goes (world map and table in its unit),
//! production over time, its releases with their sources, and the sentence that says it all.

use crate::api;
use crate::components::charts::StackedColumns;
use crate::components::destination_table::DestinationTable;
use crate::components::error_panel::Loading;
use crate::components::filters::FallbackNotice;
use crate::components::indonesia_map::IndonesiaMap;
use crate::components::profile_link::FacilityLink;
use crate::components::profile_parts::{word, ReleaseList, SourcesCited};
use crate::components::provenance::ProvenanceMark;
use crate::components::world_map::{Hover, WorldMapSvg};
use crate::page::{awaited, use_answers, use_page};
use crate::reference::{both, use_names, use_reference, Tables};
use crate::view_state::{tr, use_lang};
use karya_core::api::{FetchError, ProductionResponse, ShipmentList};
use karya_core::currency::ExchangeRate;
use karya_core::destinations::{Destinations, Measure};
use karya_core::geo::{RegionMap, WorldMap};
use karya_core::i18n::{status_name, unit_name};
use karya_core::pipeline::PipelineStage;
use karya_core::production::Granularity;
use karya_core::profile::words::{category_name, Words};
use karya_core::profile::{latest, product_sentence, stage, Stage};
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::stack::stacks_by_unit;
use karya_core::{format, Filter, Product, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// Every answer the profile draws, for the product and the period of the address.
#[derive(Clone, PartialEq)]
pub struct Output {
    pub destinations: Destinations,
    pub ranking: Ranking,
    pub production: ProductionResponse,
    pub releases: ShipmentList,
    pub pipeline: Vec<PipelineStage>,
    pub rates: Vec<ExchangeRate>,
}

async fn load_output(f: Filter) -> Result<Output, FetchError> {
    let (destinations, ranking, production, releases, pipeline, rates) = futures::try_join!(
        api::destinations(&f, Measure::Quantity),
        api::ranking(&f, RankMeasure::Quantity),
        api::production(&f, Granularity::Year),
        api::shipments(&f, 1000),
        api::pipeline(),
        api::get_json::<Vec<ExchangeRate>>("/exchange-rates")
    )?;
    Ok(Output {
        destinations,
        ranking,
        production,
        releases,
        pipeline,
        rates,
    })
}

#[component]
pub fn ProductPage() -> impl IntoView {
    let page = use_page::<()>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let known = use_reference().knows(move |t| t.products.iter().any(|p| p.id == id.get()));
    let content = move || match known.get() {
        None => view! { <Loading/> }.into_any(),
        Some(false) => view! {
            <h1>{word(Words::ProductHeading)}" · "{id.get()}</h1>
            <p class="notice" data-state="unknown-product">{word(Words::UnknownProduct)}</p>
        }
        .into_any(),
        Some(true) => view! { <ProductFigures filter=page.filter id=id.get()/> }.into_any(),
    };
    view! {
        <section class="profile-page" data-page="product" data-product-page=move || id.get()>
            <FallbackNotice when=page.fell_back text=Text::MapFallback/>
            {content}
        </section>
    }
}

#[component]
fn ProductFigures(filter: Memo<Filter>, id: String) -> impl IntoView {
    let product_id = id.clone();
    let filter = Memo::new(move |_| Filter {
        product: Some(product_id.clone()),
        facility: None,
        country: None,
        ..filter.get()
    });
    let output = use_answers(
        move || (filter.get(), ()),
        |o: &Output| o.destinations.years,
        |f, _| load_output(f),
    );
    let reference = use_reference();
    let (tables, world, indonesia) = (
        reference.tables(),
        reference.world_map(),
        reference.indonesia_map(),
    );
    let maps = Signal::derive(move || both(world.get(), indonesia.get()));
    let needed = Signal::derive(move || both(tables.get(), maps.get()));
    type Needed = (Tables, (Arc<WorldMap>, Arc<RegionMap>));
    let body = move |(tables, (world, indonesia)): Needed, data: Memo<Output>| {
        let Some(product) = tables.products.iter().find(|p| p.id == id).cloned() else {
            return view! { <p class="notice" data-state="unknown-product">{word(Words::UnknownProduct)}</p> }
                .into_any();
        };
        let staged = Memo::new({
            let p = product.clone();
            move |_| data.with(|d| stage(&p, &d.pipeline))
        });
        view! {
            <ProductFacts product=product.clone() staged=staged/>
            <ProductSentence product=product.clone() data=data/>
            <WhoMakes tables=tables.clone() geo=indonesia data=data staged=staged/>
            <WhereItGoes tables=tables geo=world data=data/>
            <OverTime product=product.clone() data=data/>
            <h2>{word(Words::ReleasesTitle)}</h2>
            {move || data.with(|d| {
                let releases = latest(&d.releases.shipments, 50);
                view! { <ReleaseList releases=releases rates=d.rates.clone()/> }
            })}
            <h2>{tr(Text::SourcesTitle)}</h2>
            {move || {
                let mut all = vec![product.provenance.clone()];
                data.with(|d| all.extend(d.releases.shipments.iter().map(|s| s.provenance.clone())));
                view! { <SourcesCited provenances=all/> }
            }}
        }
        .into_any()
    };
    awaited(needed, output, "product", body)
}

#[component]
fn ProductFacts(product: Product, staged: Memo<Stage>) -> impl IntoView {
    let lang = use_lang();
    let (p, q, hs) = (product.clone(), product.clone(), product.hs_code.clone());
    let not_exported = move || {
        let s = staged.get();
        s.status.is_pipeline().then(|| {
            let named = if s.facilities.is_empty() {
                view! { <p class="hint">{word(Words::NoNamedFacilities)}</p> }.into_any()
            } else {
                let item = |f: String| view! { <li data-facility=f.clone()><FacilityLink id=f.clone()/></li> };
                let items = s.facilities.into_iter().map(item);
                view! { <ul data-list="named-facilities">{items.collect_view()}</ul> }.into_any()
            };
            view! {
                <div class="notice" data-state="not-exported" data-stage=format!("{:?}", s.status).to_lowercase()>
                    <p><strong>{word(Words::NotExportedYet)}</strong></p>
                    <p>{word(Words::NamedFacilities)}":"</p>
                    {named}
                </div>
            }
        })
    };
    view! {
        <h1>{move || lang.get().pick(&p.name_id, &p.name_en).to_string()}</h1>
        <p class="hint" lang=move || lang.get().other().code()>
            {move || lang.get().pick(&q.name_en, &q.name_id).to_string()}
        </p>
        <dl class="profile-facts" data-facts="product">
            <dt>{word(Words::Category)}</dt><dd>{move || category_name(product.category, lang.get())}</dd>
            <dt>{word(Words::Unit)}</dt>
            <dd data-unit=product.unit.code()>{move || unit_name(product.unit, 2.0, lang.get())}</dd>
            <dt>{word(Words::HsCode)}</dt>
            <dd data-hs=product.hs_code.clone()>
                {move || hs.clone().unwrap_or_else(|| Words::HsUnknown.get(lang.get()).to_string())}
            </dd>
            <dt>{word(Words::Stage)}</dt>
            <dd data-status=move || format!("{:?}", product.status).to_lowercase()>
                {move || status_name(product.status, lang.get())}" · "
                <span>{word(Words::StageSource)}": "</span><ProvenanceMark provenance=product.provenance.clone()/>
            </dd>
        </dl>
        {not_exported}
    }
}

#[component]
fn ProductSentence(product: Product, data: Memo<Output>) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let text = move || {
        let l = lang.get();
        let name = l.pick(&product.name_id, &product.name_en);
        names.with(|n| {
            data.with(|d| {
                product_sentence(
                    name,
                    product.status,
                    &d.destinations,
                    |c| n.country(c, l),
                    l,
                )
            })
        })
    };
    view! { <p class="map-summary" data-summary="product" aria-live="polite">{text}</p> }
}

/// The facilities making it, supplying it or named for it, on the map and ranked by production.
#[component]
fn WhoMakes(
    tables: Tables,
    geo: Arc<RegionMap>,
    data: Memo<Output>,
    staged: Memo<Stage>,
) -> impl IntoView {
    let lang = use_lang();
    let involved = staged.with_untracked(|s| s.facilities.clone());
    let shown: Vec<_> = data.with_untracked(|d| {
        let mut ids: Vec<String> = d
            .ranking
            .rows
            .iter()
            .filter(|r| r.value.unwrap_or(0.0) > 0.0 || r.releases > 0)
            .map(|r| r.facility_id.clone())
            .collect();
        ids.extend(involved);
        tables
            .facilities
            .iter()
            .filter(|f| ids.contains(&f.id))
            .cloned()
            .collect()
    });
    let links = tables
        .links
        .iter()
        .filter(|k| {
            shown
                .iter()
                .any(|f| f.id == k.producer_id || f.id == k.supplier_id)
        })
        .cloned()
        .collect::<Vec<_>>();
    let ranking = Signal::derive(move || data.with(|d| d.ranking.clone()));
    let title = Signal::derive(move || Words::WhoMakes.get(lang.get()).to_string());
    let navigate = leptos_router::hooks::use_navigate();
    let on_select = Callback::new(move |id: String| {
        navigate(
            &crate::components::profile_link::profile_href(
                karya_core::search::Kind::Facility,
                &id,
                lang.get_untracked(),
            ),
            Default::default(),
        )
    });
    let rows = move || {
        let l = lang.get();
        data.with(|d| d.ranking.rows.iter().filter(|r| r.value.unwrap_or(0.0) > 0.0).map(|r| {
            let unit = d.ranking.unit;
            let value = r.value.unwrap_or(0.0);
            view! {
                <tr data-facility=r.facility_id.clone() data-value=value.to_string()>
                    <th scope="row"><FacilityLink id=r.facility_id.clone()/></th>
                    <td class="numeric">
                        {unit.map_or_else(|| format::number(value, 1, l), |u| format::quantity(value, u, l))}
                    </td>
                </tr>
            }
        }).collect_view())
    };
    view! {
        <h2>{word(Words::WhoMakes)}</h2>
        <IndonesiaMap geo=geo facilities=Arc::new(shown) links=Arc::new(links) ranking=ranking
            selected=Signal::stored(None::<String>) title=title on_select=on_select/>
        <div class="table-scroll"><table class="data-table" data-table="product-ranking">
            <thead><tr>
                <th scope="col">{tr(Text::ColFacility)}</th>
                <th scope="col" class="numeric">{tr(Text::ColQuantity)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

#[component]
fn WhereItGoes(tables: Tables, geo: Arc<WorldMap>, data: Memo<Output>) -> impl IntoView {
    let lang = use_lang();
    let destinations = Signal::derive(move || data.with(|d| d.destinations.clone()));
    let title = Signal::derive(move || Words::WhereItGoes.get(lang.get()).to_string());
    let navigate = leptos_router::hooks::use_navigate();
    let on_select = Callback::new(move |iso: String| {
        navigate(
            &crate::components::profile_link::profile_href(
                karya_core::search::Kind::Country,
                &iso,
                lang.get_untracked(),
            ),
            Default::default(),
        )
    });
    view! {
        <h2>{word(Words::WhereItGoes)}</h2>
        <div data-destinations-total=move || data.with(|d| d.destinations.total.to_string())
            data-unit=move || data.with(|d| d.destinations.unit.map(|u| u.code()))>
            <WorldMapSvg geo=geo data=destinations facilities=tables.facilities.clone()
                countries=tables.countries.clone() title=title zoom=RwSignal::new(Default::default())
                hover=RwSignal::new(None::<Hover>) on_select=on_select/>
            <DestinationTable data=destinations/>
        </div>
    }
}

/// Production summed over facilities, one chart per unit (a product has one).
#[component]
fn OverTime(product: Product, data: Memo<Output>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let stacks = data.with(|d| stacks_by_unit(&d.production.series));
        let charts = stacks
            .into_iter()
            .map(|st| {
                let (unit, total) = (st.unit.code(), st.total().to_string());
                let title = format!(
                    "{} · {}",
                    l.pick(&product.name_id, &product.name_en),
                    Words::OverTime.get(l)
                );
                view! {
                    <div class="chart-block" data-chart=format!("product-production-{unit}")
                        data-unit=unit data-total=total>
                        <StackedColumns stack=Signal::stored(st) title=Signal::stored(title)
                            source=Signal::stored("Karya".to_string())/>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2>{word(Words::OverTime)}</h2>
            {charts}
        }
    }
}
