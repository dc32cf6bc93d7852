//! One facility (`/facility/<id>`): production over time stacked by product (one chart per
//! unit), growth against the previous period, product mix, where its exports went, its supply
//! links in and out, and the sources of its figures. Period and product keep the shared URL
//! keys; `grain` and `tab` are this page's own.

use crate::answer_cache::{for_filter_and_neighbours, AnswerCache, SharedCache};
use crate::api;
use crate::components::charts::{ChartDownloads, NameOf, StackedColumns};
use crate::components::error_panel::{ErrorPanel, Loading, Status};
use crate::components::provenance::{IllustrativeMark, ProvenanceMark, SourceCitation};
use crate::components::year_select::YearSelect;
use crate::view_state::{tr, use_filter, use_go_to, use_lang};
use karya_core::api::{FetchError, ProductionResponse, ShipmentList};
use karya_core::chart::period_label;
use karya_core::destinations::{Destinations, Measure};
use karya_core::i18n::{facility_kind_name, role_name};
use karya_core::output::{growth_words, production_summary, stack_csv, stacks_by_unit, UnitStack};
use karya_core::production::Granularity;
use karya_core::url::{page_href, view_href, FacilityView, MapView};
use karya_core::{
    format, Country, Facility, Filter, Lang, Product, Provenance, Source, SupplyLink, Text,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

#[derive(Clone)]
struct Reference {
    facility: Facility,
    facilities: Arc<Vec<Facility>>,
    products: Arc<Vec<Product>>,
    links: Arc<Vec<SupplyLink>>,
    countries: Arc<Vec<Country>>,
}

async fn load_reference(id: String) -> Result<Reference, FetchError> {
    let (facility, facilities, products, links, countries) = futures::try_join!(
        api::facility(&id),
        api::facilities(),
        api::products(),
        api::supply_links(),
        api::countries()
    )?;
    Ok(Reference {
        facility,
        facilities: Arc::new(facilities),
        products: Arc::new(products),
        links: Arc::new(links),
        countries: Arc::new(countries),
    })
}

/// What the page shows for the filter: production, exports and the releases behind them.
#[derive(Clone, PartialEq)]
struct Output {
    production: ProductionResponse,
    destinations: Destinations,
    releases: ShipmentList,
}

async fn load_output(f: Filter, grain: Granularity) -> Result<Output, FetchError> {
    let (production, destinations, releases) = futures::try_join!(
        api::production(&f, grain),
        api::destinations(&f, Measure::Releases),
        api::shipments(&f, 1000)
    )?;
    Ok(Output {
        production,
        destinations,
        releases,
    })
}

#[component]
pub fn FacilityPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let address = use_filter();
    let query = use_query_map();
    let parsed_view = Memo::new(move |_| {
        query.with(|q| FacilityView::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let view_state = Memo::new(move |_| parsed_view.get().unwrap_or_default());
    // This page is one facility's: the facility key of the address is this page's id.
    let filter = Memo::new(move |_| Filter {
        facility: Some(id.get()),
        country: None,
        ..address.get().filter
    });
    let go_to = use_go_to();
    let go = move |f: Filter, v: FacilityView| {
        let path = format!("/facility/{}", id.get_untracked());
        go_to(
            &page_href(&path, &f, lang.get_untracked(), &v.to_pairs()),
            false,
        )
    };

    let reference = LocalResource::new(move || load_reference(id.get()));
    // Figures wait for the facility to be known: an unknown id asks nothing more.
    let known = Memo::new(move |_| matches!(reference.get(), Some(Ok(_))));
    // Answers kept and the neighbouring years fetched ahead, as on the maps.
    let cache: SharedCache<Output> = StoredValue::new_local(AnswerCache::default());
    let output = LocalResource::new(move || {
        let (known, f, grain) = (known.get(), filter.get(), view_state.get().grain);
        async move {
            if !known {
                return Ok(None);
            }
            let years = |o: &Output| o.production.years;
            let fetch = move |f| load_output(f, grain);
            for_filter_and_neighbours(cache, f, grain.code(), years, fetch)
                .await
                .map(Some)
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(_))) = output.get() {
            crate::perf::mark_drawn("facility");
        }
    });
    // `None`: Karya does not know this facility.
    let status = Memo::new(move |_| {
        let reference = reference.get();
        if let Some(Err(FetchError::Server { status: 404, .. })) = reference {
            return None;
        }
        // `Ok(None)`: the figures were not asked for yet (the facility is still loading).
        let figures = match output.get() {
            Some(Ok(None)) => None,
            other => other,
        };
        Some(Status::of(&reference, &figures))
    });
    // The page is rebuilt for another facility, and only redrawn for new figures.
    let shown = Memo::new(move |_| {
        reference.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|r| r.facility.id.clone())
        })
    });

    view! {
        <section class="facility-page" data-page="facility" data-facility-page=move || id.get()>
            {move || parsed_view.get().is_err().then(|| view! {
                <p class="notice" role="status" data-notice="filter-fallback">{tr(Text::FacilitiesFallback)}</p>
            })}
            {move || match (status.get(), shown.get()) {
                (None, _) => view! {
                    <h1>{tr(Text::FacilityHeading)}" · "{id.get()}</h1>
                    <p class="notice" data-state="unknown-facility">{tr(Text::UnknownFacility)}</p>
                }.into_any(),
                (Some(Status::ReferenceFailed(e)), _) => view! { <ErrorPanel error=e on_retry=move |_| reference.refetch()/> }.into_any(),
                (Some(Status::DataFailed(e)), _) => view! { <ErrorPanel error=e on_retry=move |_| output.refetch()/> }.into_any(),
                (Some(Status::Loading), _) | (_, None) => view! { <Loading/> }.into_any(),
                (Some(Status::Ready), Some(_)) => {
                    let Some(Ok(r)) = reference.get_untracked() else { return view! { <Loading/> }.into_any() };
                    let data = Memo::new(move |_| output.get().and_then(Result::ok).flatten());
                    view! { <FacilityBody reference=r data=data filter=filter view_state=view_state go=go/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn FacilityBody(
    reference: Reference,
    data: Memo<Option<Output>>,
    filter: Memo<Filter>,
    view_state: Memo<FacilityView>,
    go: impl Fn(Filter, FacilityView) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let Reference {
        facility,
        facilities,
        products,
        links,
        countries,
    } = reference;
    let product_lookup = products.clone();
    let product_name: NameOf = Arc::new(move |id: &str, l: Lang| {
        product_lookup.iter().find(|p| p.id == id).map_or_else(
            || id.to_string(),
            |p| l.pick(&p.name_id, &p.name_en).to_string(),
        )
    });
    let stacks = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| stacks_by_unit(&d.production.series))
                .unwrap_or_default()
        })
    });
    let years = Memo::new(move |_| data.with(|d| d.as_ref().and_then(|d| d.production.years)));
    let name = facility.name.clone();
    let summary_names = product_name.clone();
    let summary = move || {
        let l = lang.get();
        data.with(|d| {
            let c = d.as_ref().and_then(|d| d.production.comparison.as_ref());
            production_summary(&name, c, |p| summary_names(p, l), l)
        })
    };
    let period_words = move || {
        let l = lang.get();
        filter
            .with(|f| f.single_year())
            .map_or_else(|| Text::AllYears.get(l).to_string(), |y| y.to_string())
    };
    let map_href = move || {
        let f = Filter {
            country: None,
            ..filter.get()
        };
        karya_core::url::map_href(&f, &MapView::default(), lang.get())
    };

    let header = {
        let f = facility.clone();
        view! {
            <h1>{f.name.clone()}</h1>
            <p class="facility-facts">
                <span data-kind="">{move || facility_kind_name(f.kind, lang.get())}</span>" · "
                <span>{f.province.clone()}</span>" · "
                <span data-role=crate::components::indonesia_map::role_code(f.role)>{move || role_name(f.role, lang.get())}</span>" · "
                <span data-blk=f.has_blk.map(|b| b.to_string())>{move || match f.has_blk {
                    Some(true) => Text::BlkMark.get(lang.get()).to_string(),
                    Some(false) => format!("{} ✗", Text::BlkMark.get(lang.get())),
                    None => Text::BlkUnknown.get(lang.get()).to_string(),
                }}</span>
            </p>
            <p><ProvenanceMark provenance=f.provenance.clone()/></p>
        }
    };

    let charts_names = product_name.clone();
    let facility_name = facility.name.clone();
    let charts = move || {
        let l = lang.get();
        let all = stacks.get();
        if all.is_empty() {
            return view! { <p class="notice" data-empty="production">{tr(Text::NoProductionRecorded)}</p> }.into_any();
        }
        all.into_iter()
            .enumerate()
            .map(|(i, st)| {
                let unit_words = karya_core::i18n::unit_name(st.unit, 2.0, l);
                let title = format!("{} · {} ({unit_words}) · {}", facility_name, Text::ProductionTitle.get(l), period_words());
                let source = format!(
                    "Karya{}",
                    if st.illustrative { format!(" · {}", Text::IllustrativeMark.get(l)) } else { String::new() }
                );
                let selector = format!("[data-chart='production-{}'] svg", st.unit.code());
                let csv_names = charts_names.clone();
                let csv_stack = st.clone();
                let csv = Callback::new(move |_: ()| stack_csv(&csv_stack, |p| csv_names(p, l), l));
                let table = chart_table(&st, charts_names.clone(), l);
                view! {
                    <div class="chart-block" data-chart=format!("production-{}", st.unit.code()) data-unit=st.unit.code()
                        data-total=st.total().to_string()>
                        {st.illustrative.then(|| view! { <IllustrativeMark/> })}
                        <StackedColumns stack=Signal::stored(st.clone()) title=Signal::stored(title) source=Signal::stored(source)
                            product_name=charts_names.clone()/>
                        <details class="chart-table" open=view_state.get_untracked().table>
                            <summary>{tr(Text::ChartTable)}</summary>
                            {table}
                        </details>
                        <ChartDownloads svg=selector name=format!("karya-{}-{i}", filter.get_untracked().facility.unwrap_or_default()) csv=csv/>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };

    let growth_names = product_name.clone();
    let growth = move || {
        let l = lang.get();
        data.with(|d| {
            let c = d.as_ref()?.production.comparison.clone()?;
            let rows = c.growth.iter().map(|g| view! {
                <tr data-growth=g.product_id.clone() data-pct=g.pct.map(|p| format!("{p:.1}"))>
                    <th scope="row">{growth_names(&g.product_id, l)}</th>
                    <td class="numeric">{format::quantity(g.current, g.unit, l)}</td>
                    <td class="numeric">{format::quantity(g.previous, g.unit, l)}</td>
                    <td>{growth_words(g.pct, l)}</td>
                </tr>
            }).collect_view();
            Some(view! {
                <div class="table-scroll"><table class="data-table" data-table="growth">
                    <thead><tr>
                        <th scope="col">{tr(Text::ColProduct)}</th>
                        <th scope="col">{c.current.name(l)}</th>
                        <th scope="col">{c.previous.name(l)}</th>
                        <th scope="col">{tr(Text::ColGrowth)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            })
        })
    };

    let mix_names = product_name.clone();
    let mix = move || {
        let l = lang.get();
        let rows = stacks
            .get()
            .into_iter()
            .flat_map(|st| {
                let total = st.total();
                let names = mix_names.clone();
                let unit = st.unit;
                st.products.iter().enumerate().map(move |(p, id)| {
                let q: f64 = st.values[p].iter().sum();
                let share = if total > 0.0 { q / total * 100.0 } else { 0.0 };
                view! {
                    <tr data-mix=id.clone() data-value=q.to_string()>
                        <th scope="row">{names(id, l)}</th>
                        <td class="numeric">{format::quantity(q, unit, l)}</td>
                        <td class="numeric">{format!("{}%", format::number(share, 1, l))}</td>
                    </tr>
                }
            }).collect::<Vec<_>>()
            })
            .collect_view();
        view! {
            <div class="table-scroll"><table class="data-table" data-table="mix">
                <thead><tr><th scope="col">{tr(Text::ColProduct)}</th><th scope="col">{tr(Text::ColQuantity)}</th><th scope="col">"%"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <p class="hint">{tr(Text::QuantitiesNote)}</p>
        }
    };

    let exports = move || {
        let l = lang.get();
        data.with(|d| {
            let d = d.as_ref()?;
            if d.destinations.countries.is_empty() {
                return Some(view! { <p class="notice" data-empty="exports">{tr(Text::NoReleases)}</p> }.into_any());
            }
            let items = d.destinations.countries.iter().map(|c| {
                let name = countries.iter().find(|x| x.alpha2 == c.country)
                    .map_or_else(|| c.country.clone(), |x| l.pick(&x.name_id, &x.name_en).to_string());
                let quantities = c.quantities.iter().map(|q| format::quantity(q.quantity, q.unit, l)).collect::<Vec<_>>().join(", ");
                view! {
                    <li data-iso=c.country.clone() data-value=c.shipments.to_string()>
                        <strong>{name}</strong>": "{c.shipments}" "{Text::ColReleases.get(l).to_lowercase()}
                        {(!quantities.is_empty()).then(|| format!(" · {quantities}"))}
                    </li>
                }
            }).collect_view();
            Some(view! { <ul class="export-list">{items}</ul> }.into_any())
        })
    };

    let link_list = {
        let id = facility.id.clone();
        let facilities = facilities.clone();
        move |incoming: bool| {
            let l = lang.get();
            let mine: Vec<&SupplyLink> = links
                .iter()
                .filter(|k| {
                    if incoming {
                        k.producer_id == id
                    } else {
                        k.supplier_id == id
                    }
                })
                .collect();
            if mine.is_empty() {
                return view! { <p class="hint">{tr(Text::NoSupplyLinks)}</p> }.into_any();
            }
            let items = mine.into_iter().map(|k| {
                let other = if incoming { &k.supplier_id } else { &k.producer_id };
                let other_name = facilities.iter().find(|f| &f.id == other).map_or_else(|| other.clone(), |f| f.name.clone());
                let href = view_href(&format!("/facility/{other}"), &filter.get(), l);
                view! {
                    <li data-link=k.id.clone() data-direction=if incoming { "in" } else { "out" }>
                        {l.pick(&k.material_id, &k.material_en).to_string()}" — "<a href=href>{other_name}</a>
                        " " <ProvenanceMark provenance=k.provenance.clone()/>
                    </li>
                }
            }).collect_view();
            view! { <ul class="supply-list">{items}</ul> }.into_any()
        }
    };
    let (links_in, links_out) = (link_list.clone(), link_list);

    let sources = {
        let facility = facility.clone();
        let products = products.clone();
        move || {
            data.with(|d| {
                let mut cited: Vec<Source> = Vec::new();
                let mut illustrative = facility.provenance.is_illustrative();
                let mut note = |p: &Provenance| match p {
                    Provenance::Reported { source } => {
                        if !cited.iter().any(|s| s.id == source.id && s.fact == source.fact) {
                            cited.push(source.clone());
                        }
                    }
                    Provenance::Illustrative => illustrative = true,
                };
                note(&facility.provenance);
                if let Some(d) = d {
                    for s in &d.releases.shipments {
                        note(&s.provenance);
                    }
                    for p in products.iter().filter(|p| d.production.series.iter().any(|s| s.product_id == p.id)) {
                        note(&p.provenance);
                    }
                    illustrative |= d.production.series.iter().any(|s| s.illustrative);
                }
                view! {
                    <ul class="source-list" data-sources="">
                        {cited.into_iter().map(|s| view! { <li><SourceCitation source=s/></li> }).collect_view()}
                        {illustrative.then(|| view! { <li><IllustrativeMark/>" "{tr(Text::IllustrativeExplainer)}</li> })}
                    </ul>
                }
            })
        }
    };

    view! {
        {header}
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <YearSelect filter=filter years=years on_change=Callback::new(move |y: Option<i32>| go(filter.get_untracked().with_year(y), view_state.get_untracked()))/>
            <fieldset class="control control-measure">
                <legend>{tr(Text::GrainLabel)}</legend>
                {[(Granularity::Month, Text::GrainMonth), (Granularity::Quarter, Text::GrainQuarter), (Granularity::Year, Text::GrainYear)]
                    .into_iter().map(|(g, label)| view! {
                        <label class="radio">
                            <input type="radio" name="grain" value=g.code() data-control=format!("grain-{}", g.code())
                                prop:checked=move || view_state.get().grain == g
                                on:change=move |_| go(filter.get_untracked(), FacilityView { grain: g, ..view_state.get_untracked() })/>
                            {tr(label)}
                        </label>
                    }).collect_view()}
            </fieldset>
        </form>
        <p class="map-summary" data-summary="production" aria-live="polite">{summary}</p>
        <h2>{tr(Text::ProductionTitle)}</h2>
        {charts}
        <h2>{tr(Text::GrowthTitle)}</h2>
        {growth}
        <h2>{tr(Text::ProductMixTitle)}</h2>
        {mix}
        <h2>{tr(Text::ExportsTitle)}</h2>
        {exports}
        <p><a href=map_href data-link="map">{tr(Text::SeeOnMap)}</a></p>
        <h2>{tr(Text::SupplyInTitle)}</h2>
        {move || links_in(true)}
        <h2>{tr(Text::SupplyOutTitle)}</h2>
        {move || links_out(false)}
        <h2>{tr(Text::SourcesTitle)}</h2>
        {sources}
    }
}

/// The chart's data as a table: a row per period, a column per product and the total.
fn chart_table(st: &UnitStack, product_name: NameOf, l: Lang) -> impl IntoView {
    let head = st
        .products
        .iter()
        .map(|p| view! { <th scope="col">{product_name(p, l)}</th> })
        .collect_view();
    let rows = st
        .periods
        .iter()
        .enumerate()
        .map(|(i, period)| {
            let cells = st
                .values
                .iter()
                .map(|v| view! { <td class="numeric">{format::quantity(v[i], st.unit, l)}</td> })
                .collect_view();
            view! {
                <tr data-period=period.clone() data-value=st.totals[i].to_string()>
                    <th scope="row">{period_label(period, l)}</th>
                    {cells}
                    <td class="numeric">{format::quantity(st.totals[i], st.unit, l)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="data-table">
            <thead><tr><th scope="col">{Text::ColPeriod.get(l)}</th>{head}<th scope="col">{Text::Total.get(l)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}
