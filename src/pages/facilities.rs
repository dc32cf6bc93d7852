//! The facilities: the map of Indonesia with zoning and supply links, the ranking of output
//! by facility (bars and a sortable, searchable table) and the product pipeline. Period and
//! product use the world map's URL keys; `rank`, `q` and `sort` are this page's own.

use crate::answer_cache::{for_filter_and_neighbours, AnswerCache, SharedCache};
use crate::api;
use crate::components::charts::{Bar, BarChart, ChartDownloads};
use crate::components::error_panel::{ErrorPanel, Loading, Status};
use crate::components::indonesia_map::{ranking_measure_name, IndonesiaMap};
use crate::components::pipeline::Pipeline;
use crate::components::year_select::YearSelect;
use crate::view_state::{tr, use_filter, use_go_to, use_lang};
use karya_core::api::FetchError;
use karya_core::geo::RegionMap;
use karya_core::i18n::role_name;
use karya_core::output::{rank_value, ranking_csv, ranking_summary, search_matches, sort_rows};
use karya_core::pipeline::PipelineStage;
use karya_core::ranking::{RankMeasure, Ranking};
use karya_core::url::{page_href, view_href, FacilitiesView};
use karya_core::{format, Facility, Filter, Lang, Product, SupplyLink, Text};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Facilities by id.
type FacilityIndex = Arc<std::collections::HashMap<String, Facility>>;

/// Bars drawn; the table lists every facility.
const MAX_BARS: usize = 15;
/// Table rows shown before "show all".
const TABLE_ROWS: usize = 25;

#[derive(Clone)]
struct Reference {
    geo: Arc<RegionMap>,
    facilities: Arc<Vec<Facility>>,
    products: Arc<Vec<Product>>,
    links: Arc<Vec<SupplyLink>>,
    pipeline: Vec<PipelineStage>,
}

async fn load_reference() -> Result<Reference, FetchError> {
    let (geo, facilities, products, links, pipeline) = futures::try_join!(
        api::indonesia_map(),
        api::facilities(),
        api::products(),
        api::supply_links(),
        api::pipeline()
    )?;
    Ok(Reference {
        geo: Arc::new(geo),
        facilities: Arc::new(facilities),
        products: Arc::new(products),
        links: Arc::new(links),
        pipeline,
    })
}

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    let lang = use_lang();
    let address = use_filter();
    let query = use_query_map();
    let parsed_view = Memo::new(move |_| {
        query.with(|q| FacilitiesView::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let view_state = Memo::new(move |_| parsed_view.get().unwrap_or_default());
    let filter = Memo::new(move |_| address.get().filter);
    let measure = Memo::new(move |_| view_state.with(|v| filter.with(|f| v.measure(f))));

    let go_to = use_go_to();
    let go = move |f: Filter, v: FacilitiesView, replace: bool| {
        go_to(
            &page_href("/facilities", &f, lang.get_untracked(), &v.to_pairs()),
            replace,
        )
    };

    let reference = LocalResource::new(load_reference);
    let cache: SharedCache<Ranking> = StoredValue::new_local(AnswerCache::default());
    let ranking = LocalResource::new(move || {
        let (f, m) = (filter.get(), measure.get());
        let years = |r: &Ranking| r.years;
        for_filter_and_neighbours(cache, f, m.code(), years, move |f| async move {
            api::ranking(&f, m).await
        })
    });
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(Ok(_))) = (reference.get(), ranking.get()) {
            crate::perf::mark_drawn("ranking");
        }
    });

    // What to show apart from the figures: new figures redraw the body, not rebuild it.
    let status = Memo::new(move |_| Status::of(&reference.get(), &ranking.get()));

    view! {
        <section class="facilities-page" data-page="facilities">
            <h1>{tr(Text::FacilitiesHeading)}</h1>
            {move || (address.get().fell_back || parsed_view.get().is_err()).then(|| view! {
                <p class="notice" role="status" data-notice="filter-fallback">{tr(Text::FacilitiesFallback)}</p>
            })}
            {move || match status.get() {
                Status::ReferenceFailed(e) => view! { <ErrorPanel error=e on_retry=move |_| reference.refetch()/> }.into_any(),
                Status::DataFailed(e) => view! { <ErrorPanel error=e on_retry=move |_| ranking.refetch()/> }.into_any(),
                Status::Loading => view! { <Loading/> }.into_any(),
                Status::Ready => {
                    let Some(Ok(r)) = reference.get_untracked() else { return view! { <Loading/> }.into_any() };
                    // A memo, not a derived signal: every reader borrows the one copy.
                    let data = Memo::new(move |_| match ranking.get() {
                        Some(Ok(r)) => r,
                        _ => Ranking { filter: Filter::default(), measure: RankMeasure::Releases, unit: None, rows: vec![], total: None, years: None },
                    });
                    view! { <FacilitiesBody reference=r data=data.into() filter=filter view_state=view_state measure=measure go=go/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn FacilitiesBody(
    reference: Reference,
    data: Signal<Ranking>,
    filter: Memo<Filter>,
    view_state: Memo<FacilitiesView>,
    measure: Memo<RankMeasure>,
    go: impl Fn(Filter, FacilitiesView, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let Reference {
        geo,
        facilities,
        products,
        links,
        pipeline,
    } = reference;
    // By id, once: a ranking of 500 facilities looks each one up on every redraw.
    let index: FacilityIndex = Arc::new(
        facilities
            .iter()
            .map(|f| (f.id.clone(), f.clone()))
            .collect(),
    );
    let years = Memo::new(move |_| data.with(|d| d.years));
    let go_to = use_go_to();
    // The facility's page keeps the period and the product.
    let open_facility = Callback::new(move |id: String| {
        let path = format!("/facility/{id}");
        go_to(
            &view_href(&path, &filter.get_untracked(), lang.get_untracked()),
            false,
        )
    });
    let names = index.clone();
    let name = Arc::new(move |id: &str| {
        names
            .get(id)
            .map_or_else(|| id.to_string(), |f| f.name.clone())
    });
    let product_lookup = products.clone();
    let product_name = move |id: &str, l: Lang| {
        product_lookup.iter().find(|p| p.id == id).map_or_else(
            || id.to_string(),
            |p| l.pick(&p.name_id, &p.name_en).to_string(),
        )
    };
    let product_name = Arc::new(product_name);

    // Rows as the table shows them: searched, then sorted.
    let row_index = index.clone();
    let rows = Memo::new(move |_| {
        let v = view_state.get();
        let matches = |id: &str| {
            v.search.trim().is_empty()
                || row_index
                    .get(id)
                    .is_some_and(|f| search_matches(&f.name, &v.search))
        };
        let mut rows: Vec<_> = data.with(|d| {
            d.rows
                .iter()
                .filter(|r| matches(&r.facility_id))
                .cloned()
                .collect()
        });
        if let Some(sort) = &v.sort {
            sort_rows(&mut rows, sort, |id| {
                row_index.get(id).map(|f| (f.name.clone(), f.role))
            });
        }
        rows
    });
    let bar_name = name.clone();
    let bars = Memo::new(move |_| {
        let (l, selected) = (lang.get(), filter.with(|f| f.facility.clone()));
        data.with(|d| {
            let v = view_state.get();
            d.rows
                .iter()
                .filter(|r| search_matches(&bar_name(&r.facility_id), &v.search))
                .take(MAX_BARS)
                .map(|r| Bar {
                    key: r.facility_id.clone(),
                    label: bar_name(&r.facility_id),
                    value: r.value,
                    text: rank_value(d, r.value, l),
                    selected: selected.as_deref() == Some(r.facility_id.as_str()),
                })
                .collect()
        })
    });
    let period_words = move || {
        let l = lang.get();
        filter
            .with(|f| f.single_year())
            .map_or_else(|| Text::AllYears.get(l).to_string(), |y| y.to_string())
    };
    let map_title = Signal::derive(move || {
        format!(
            "{} · {}",
            Text::IndonesiaMapTitle.get(lang.get()),
            period_words()
        )
    });
    let chart_title = Signal::derive(move || {
        let l = lang.get();
        format!(
            "{} · {} · {}",
            Text::RankingTitle.get(l),
            ranking_measure_name(measure.get(), l),
            period_words()
        )
    });
    let source = Signal::derive(move || {
        let l = lang.get();
        let illustrative = data.with(|d| d.rows.iter().any(|r| r.illustrative));
        let mark = if illustrative {
            format!(" {}.", Text::IllustrativeMark.get(l))
        } else {
            String::new()
        };
        format!("Karya · {}{mark}", Text::Owner.get(l))
    });
    let summary_name = name.clone();
    let summary = move || data.with(|d| ranking_summary(d, |id| summary_name(id), lang.get()));
    let (csv_product_name, csv_name) = (product_name.clone(), name.clone());
    let csv = Callback::new(move |_: ()| {
        let l = lang.get_untracked();
        data.with_untracked(|d| ranking_csv(d, |id| csv_name(id), |p| csv_product_name(p, l), l))
    });
    let selected = Signal::derive(move || filter.with(|f| f.facility.clone()));
    let choosable: Vec<Product> = products
        .iter()
        .filter(|p| p.status != karya_core::ProductStatus::Planned)
        .cloned()
        .collect();

    view! {
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <YearSelect filter=filter years=years on_change=Callback::new(move |y: Option<i32>| go(filter.get_untracked().with_year(y), view_state.get_untracked(), false))/>
            <label class="control">
                <span>{tr(Text::ProductLabel)}</span>
                <select data-control="product" on:change=move |e| {
                    let v = event_target_value(&e);
                    go(Filter { product: (!v.is_empty()).then_some(v), ..filter.get_untracked() }, view_state.get_untracked(), false)
                }>
                    <option value="" selected=move || filter.with(|f| f.product.is_none())>{tr(Text::AllProducts)}</option>
                    {choosable.into_iter().map(|p| {
                        let id = p.id.clone();
                        let selected = move || filter.with(|f| f.product.as_deref() == Some(id.as_str()));
                        view! { <option value=p.id.clone() selected=selected>{move || lang.get().pick(&p.name_id, &p.name_en).to_string()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <fieldset class="control control-measure">
                <legend>{tr(Text::RankLabel)}</legend>
                {RankMeasure::ALL.into_iter().map(|m| view! {
                    <label class="radio">
                        <input type="radio" name="rank" value=m.code() data-control=format!("rank-{}", m.code())
                            prop:checked=move || measure.get() == m
                            disabled=move || m == RankMeasure::Quantity && filter.with(|f| f.product.is_none())
                            on:change=move |_| go(filter.get_untracked(), FacilitiesView { rank: Some(m), ..view_state.get_untracked() }, false)/>
                        {move || ranking_measure_name(m, lang.get())}
                    </label>
                }).collect_view()}
                {move || filter.with(|f| f.product.is_none()).then(|| view! { <p class="hint">{tr(Text::QuantityNeedsProduct)}</p> })}
            </fieldset>
            <label class="control">
                <span>{tr(Text::SearchLabel)}</span>
                <input type="search" data-control="search" prop:value=move || view_state.get().search
                    on:input=move |e| go(filter.get_untracked(), FacilitiesView { search: event_target_value(&e), ..view_state.get_untracked() }, true)/>
            </label>
        </form>
        <p class="map-summary" data-summary="ranking" aria-live="polite">{summary}</p>
        <IndonesiaMap geo=geo facilities=facilities.clone() links=links ranking=data selected=selected title=map_title on_select=open_facility/>
        <h2>{tr(Text::RankingTitle)}</h2>
        {move || rows.with(|r| r.is_empty()).then(|| view! { <p class="notice" data-empty="search">{tr(Text::NoMatch)}</p> })}
        // A period without any figure says so, rather than drawing an empty axis.
        <Show when=move || data.with(|d| d.rows.iter().any(|r| r.value.is_some_and(|v| v > 0.0)))
            fallback=|| view! { <p class="notice" data-empty="period">{tr(Text::NoDataInPeriod)}</p> }>
            <BarChart bars=bars title=chart_title source=source integral=matches!(measure.get_untracked(), RankMeasure::Releases | RankMeasure::Products) on_select=open_facility/>
            <ChartDownloads svg="svg.bar-chart".to_string() name="karya-facilities".to_string() csv=csv/>
        </Show>
        <RankingTable rows=rows data=data view_state=view_state filter=filter go=go index=index.clone()/>
        <h2>{tr(Text::PipelineTitle)}</h2>
        <Pipeline stages=pipeline facilities=facilities/>
    }
}

#[component]
fn RankingTable(
    rows: Memo<Vec<karya_core::ranking::RankingRow>>,
    data: Signal<Ranking>,
    view_state: Memo<FacilitiesView>,
    filter: Memo<Filter>,
    go: impl Fn(Filter, FacilitiesView, bool) + Copy + Send + Sync + 'static,
    index: FacilityIndex,
) -> impl IntoView {
    let lang = use_lang();
    // A long table is cut to its first rows until asked for all: 500 rows are slow to redraw
    // on a phone for every change of period, and the bars, map and CSV carry every facility.
    let show_all = RwSignal::new(false);
    let header = move |column: &'static str, label: Text| {
        let sort = move || view_state.with(|v| v.sort.clone());
        let aria = move || match sort().as_deref() {
            Some(s) if s == column => "ascending",
            Some(s) if s.trim_start_matches('-') == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="link-button" data-sort=column on:click=move |_| {
                    // First click: largest first for figures, A–Z for words; a second click turns it.
                    let next = match sort().as_deref() {
                        Some(s) if s == column => format!("-{column}"),
                        Some(s) if s.trim_start_matches('-') == column => column.to_string(),
                        _ if matches!(column, "name" | "role") => column.to_string(),
                        _ => format!("-{column}"),
                    };
                    go(filter.get_untracked(), FacilitiesView { sort: Some(next), ..view_state.get_untracked() }, false)
                }>{tr(label)}</button>
            </th>
        }
    };
    let body = move || {
        let l = lang.get();
        data.with(|d| {
            let limit = if show_all.get() { usize::MAX } else { TABLE_ROWS };
            rows.get()
                .into_iter()
                .take(limit)
                .map(|r| {
                    let f = index.get(&r.facility_id);
                    let rank = d.rows.iter().position(|x| x.facility_id == r.facility_id).map_or(0, |p| p + 1);
                    let href = view_href(&format!("/facility/{}", r.facility_id), &filter.get(), l);
                    view! {
                        <tr data-facility=r.facility_id.clone() data-value=r.value.map(|v| v.to_string())>
                            <td>{rank}</td>
                            <td><a href=href>{f.as_ref().map(|f| f.name.clone())}</a></td>
                            <td>{f.as_ref().map(|f| f.province.clone())}</td>
                            <td>{f.as_ref().map(|f| role_name(f.role, l))}</td>
                            <td class="numeric">{rank_value(d, r.value, l)}</td>
                            <td class="numeric">{r.releases}</td>
                            <td class="numeric">{r.products}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || {
        data.with(|d| {
            d.total.map(|t| {
                view! { <tfoot><tr data-total=t.to_string()><th scope="row" colspan="4">{tr(Text::Total)}</th><td class="numeric">{rank_value(d, Some(t), lang.get())}</td><td></td><td></td></tr></tfoot> }
            })
        })
    };
    view! {
        <div class="table-scroll">
            <table class="data-table ranking-table" data-table="ranking">
                <caption class="visually-hidden">{tr(Text::RankingTitle)}</caption>
                <thead><tr>
                    <th scope="col">{tr(Text::ColRank)}</th>
                    {header("name", Text::ColFacility)}
                    <th scope="col">{tr(Text::ColProvince)}</th>
                    {header("role", Text::ColRole)}
                    {header("value", Text::ColRanked)}
                    {header("releases", Text::ColReleases)}
                    {header("products", Text::ColProducts)}
                </tr></thead>
                <tbody>{body}</tbody>
                {total}
            </table>
        </div>
        {move || {
            let n = rows.with(Vec::len);
            (n > TABLE_ROWS && !show_all.get()).then(|| view! {
                <button type="button" class="button button-secondary" data-action="show-all-rows" on:click=move |_| show_all.set(true)>
                    {move || format!("{} ({})", Text::ShowAll.get(lang.get()), format::integer(n as i64, lang.get()))}
                </button>
            })
        }}
    }
}
