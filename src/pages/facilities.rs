//! The facilities (`/facilities`): the map of Indonesia with zoning and supply links, the
//! ranking of output by facility (bars and a sortable, searchable table) and the product
//! pipeline. Period and product use the shared keys; `rank`, `q` and `sort` are this page's.

use crate::api;
use crate::components::charts::{Bar, BarChart, ChartDownloads};
use crate::components::filters::{FallbackNotice, FilterBar, ProductSelect, RadioOption};
use crate::components::indonesia_map::IndonesiaMap;
use crate::components::later::Later;
use crate::components::pipeline::Pipeline;
use crate::components::ranking_table::RankingTable;
use crate::components::year_select::YearSelect;
use crate::page::{awaited, use_answers, use_page, Page};
use crate::reference::{both, use_names, use_reference, Tables};
use crate::view_state::{tr, use_lang};
use karya_core::export_csv::ranking_csv;
use karya_core::geo::RegionMap;
use karya_core::i18n::rank_measure_name;
use karya_core::pipeline::PipelineStage;
use karya_core::ranking::{RankMeasure, Ranking, RankingRow};
use karya_core::ranking_table::{search_matches, sort_rows};
use karya_core::sentence::{rank_value, ranking_summary};
use karya_core::url::FacilitiesView;
use karya_core::{ProductStatus, Text};
use leptos::prelude::*;
use std::sync::Arc;

/// Bars drawn; the table lists every facility.
const MAX_BARS: usize = 15;

type FacilitiesPageState = Page<FacilitiesView>;

/// What this page needs beside the shared tables: its map and the pipeline.
type Needed = ((Tables, Arc<RegionMap>), Vec<PipelineStage>);

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    let page = use_page::<FacilitiesView>();
    let measure = Memo::new(move |_| page.keys.with(|k| page.filter.with(|f| k.measure(f))));
    let reference = use_reference();
    let (tables, geo) = (reference.tables(), reference.indonesia_map());
    let pipeline = LocalResource::new(api::pipeline);
    // A memo: each answer reads it twice, and a derived signal would copy the pipeline each time.
    let needed = Memo::new(move |_| both(both(tables.get(), geo.get()), pipeline.get()));
    let ranking = use_answers(
        move || (page.filter.get(), measure.get()),
        |r: &Ranking| r.years,
        |f, m| async move { api::ranking(&f, m).await },
    );
    let open_facility = Callback::new(move |id: String| {
        let href = page.link(&format!("/facility/{id}"));
        page.go_to(&href);
    });
    let body = move |((tables, geo), stages): Needed, data: Memo<Ranking>| {
        let selected = Signal::derive(move || page.filter.with(|f| f.facility.clone()));
        let rows = visible_rows(page, tables.clone(), data);
        let bar_tables = tables.clone();
        view! {
            <FilterBar filter=page.filter>
                <FacilitiesControls page=page tables=bar_tables.clone() data=data measure=measure/>
            </FilterBar>
            <IndonesiaMap geo=geo facilities=tables.facilities.clone() links=tables.links.clone()
                ranking=data selected=selected title=map_title(page) on_select=open_facility/>
            <RankingSentence data=data/>
            <h2>{tr(Text::RankingTitle)}</h2>
            {move || rows.with(Vec::is_empty).then(|| view! {
                <p class="notice" data-empty="search">{tr(Text::NoMatch)}</p>
            })}
            <RankingBars page=page data=data measure=measure on_select=open_facility/>
            <Later>
            <RankingTable rows=rows data=data page=page tables=tables.clone()/>
            <h2>{tr(Text::PipelineTitle)}</h2>
            <Pipeline stages=stages facilities=tables.facilities.clone()/>
            </Later>
        }
    };
    view! {
        <section class="facilities-page view-first" data-page="facilities">
            <h1>{tr(Text::FacilitiesHeading)}</h1>
            <FallbackNotice when=page.fell_back text=Text::FacilitiesFallback/>
            {awaited(needed.into(), ranking, "ranking", body)}
        </section>
    }
}

/// Rows as the table shows them: searched by name, then sorted.
fn visible_rows(
    page: FacilitiesPageState,
    tables: Tables,
    data: Memo<Ranking>,
) -> Memo<Vec<RankingRow>> {
    Memo::new(move |_| {
        let keys = page.keys.get();
        let matches = |id: &str| {
            keys.search.trim().is_empty()
                || tables
                    .facility(id)
                    .is_some_and(|f| search_matches(&f.name, &keys.search))
        };
        let mut rows: Vec<_> = data.with(|d| {
            d.rows
                .iter()
                .filter(|r| matches(&r.facility_id))
                .cloned()
                .collect()
        });
        if let Some(sort) = &keys.sort {
            sort_rows(&mut rows, sort, |id| {
                tables.facility(id).map(|f| (f.name.clone(), f.role))
            });
        }
        rows
    })
}

/// "2025" or "All years", for titles.
fn period_words(page: FacilitiesPageState) -> String {
    let l = page.lang.get();
    let year = page.filter.with(|f| f.single_year());
    year.map_or_else(|| Text::AllYears.get(l).to_string(), |y| y.to_string())
}

fn map_title(page: FacilitiesPageState) -> Signal<String> {
    Signal::derive(move || {
        format!(
            "{} · {}",
            Text::IndonesiaMapTitle.get(page.lang.get()),
            period_words(page)
        )
    })
}

/// Year, product, what the ranking orders by, and the name search.
#[component]
fn FacilitiesControls(
    page: FacilitiesPageState,
    tables: Tables,
    data: Memo<Ranking>,
    measure: Memo<RankMeasure>,
) -> impl IntoView {
    let (filter, lang) = (page.filter, page.lang);
    let years = Signal::derive(move || data.with(|d| d.years));
    let choosable = tables
        .products
        .iter()
        .filter(|p| p.status != ProductStatus::Planned)
        .cloned()
        .collect::<Vec<_>>();
    let no_product = move || filter.with(|f| f.product.is_none());
    let radio = move |m: RankMeasure| {
        view! {
            <RadioOption name="rank" value=m.code() checked=Signal::derive(move || measure.get() == m)
                disabled=Signal::derive(move || m == RankMeasure::Quantity && no_product())
                on_choose=move |_| page.set_keys(|k| k.rank = Some(m))>
                {move || rank_measure_name(m, lang.get())}
            </RadioOption>
        }
    };
    let search = move |e| {
        let mut keys = page.keys.get_untracked();
        keys.search = event_target_value(&e);
        // Typing replaces the address: the back button does not step through each letter.
        page.go(filter.get_untracked(), keys, true);
    };
    view! {
        <form class="map-controls" on:submit=|e| e.prevent_default()>
            <YearSelect filter=filter years=years on_change=move |y| page.set_year(y, false)/>
            <ProductSelect filter=filter choices=choosable on_change=move |p| page.set_filter(|f| f.product = p)/>
            <fieldset class="control control-measure">
                <legend>{tr(Text::RankLabel)}</legend>
                {RankMeasure::ALL.into_iter().map(radio).collect_view()}
                {move || no_product().then(|| view! { <p class="hint">{tr(Text::QuantityNeedsProduct)}</p> })}
            </fieldset>
            <label class="control">
                <span>{tr(Text::SearchLabel)}</span>
                <input type="search" data-control="search" prop:value=move || page.keys.get().search on:input=search/>
            </label>
        </form>
    }
}

#[component]
fn RankingSentence(data: Memo<Ranking>) -> impl IntoView {
    let (lang, names) = (use_lang(), use_names());
    let summary = move || {
        let l = lang.get();
        names.with(|n| data.with(|d| ranking_summary(d, |id| n.facility(id, l), l)))
    };
    view! { <p class="map-summary" data-summary="ranking" aria-live="polite">{summary}</p> }
}

/// The largest facilities as bars, with their downloads; a period without any figure says so
/// rather than drawing an empty axis.
#[component]
fn RankingBars(
    page: FacilitiesPageState,
    data: Memo<Ranking>,
    measure: Memo<RankMeasure>,
    on_select: Callback<String>,
) -> impl IntoView {
    let (lang, names) = (page.lang, use_names());
    let bars = Memo::new(move |_| {
        let (l, selected) = (lang.get(), page.filter.with(|f| f.facility.clone()));
        let search = page.keys.with(|k| k.search.clone());
        names.with(|n| {
            data.with(|d| {
                let bar = |r: &RankingRow| Bar {
                    key: r.facility_id.clone(),
                    label: n.facility(&r.facility_id, l),
                    value: r.value,
                    text: rank_value(d, r.value, l),
                    selected: selected.as_deref() == Some(r.facility_id.as_str()),
                };
                d.rows
                    .iter()
                    .map(bar)
                    .filter(|b| search_matches(&b.label, &search))
                    .take(MAX_BARS)
                    .collect()
            })
        })
    });
    let title = Signal::derive(move || {
        let l = lang.get();
        let measure = rank_measure_name(measure.get(), l);
        format!(
            "{} · {measure} · {}",
            Text::RankingTitle.get(l),
            period_words(page)
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
    let csv = Callback::new(move |_: ()| {
        let (l, n) = (lang.get_untracked(), names.get_untracked());
        data.with_untracked(|d| ranking_csv(d, |id| n.facility(id, l), |p| n.product(p, l), l))
    });
    let has_figures =
        move || data.with(|d| d.rows.iter().any(|r| r.value.is_some_and(|v| v > 0.0)));
    let integral = matches!(
        measure.get_untracked(),
        RankMeasure::Releases | RankMeasure::Products
    );
    view! {
        <Show when=has_figures
            fallback=|| view! { <p class="notice" data-empty="period">{tr(Text::NoDataInPeriod)}</p> }>
            <BarChart bars=bars title=title source=source integral=integral on_select=on_select/>
            <ChartDownloads svg="svg.bar-chart".to_string() name="karya-facilities".to_string() csv=csv/>
        </Show>
    }
}
