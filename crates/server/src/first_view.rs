//! The first view of a page (`karya_core::first_view`), worked out for the address asked: the
//! same questions the app will ask (`karya_core::scope::queries`), put to the same handlers
//! as the API's, and put into words by the same core functions. So the sentence a person
//! reads before the app arrives is the one the app then draws.
//!
//! Any address the app would answer differently (a filter or key it cannot read, an unknown
//! facility, an error from the data) gets no first view: the app's own loading, notice or
//! error panel is then what shows first, as before.

use crate::api::read;
use crate::api::AppState;
use axum::extract::{RawQuery, State};
use karya_core::embed::EmbedOptions;
use karya_core::first_view::{FirstPage, FirstView};
use karya_core::names::Names;
use karya_core::scope::queries;
use karya_core::sentence::{map_summary, production_summary, ranking_summary};
use karya_core::url::{FacilitiesView, FacilityView, MapView, PageKeys};
use karya_core::{Filter, Lang, Text};

/// The first view's HTML for `path` and its raw query, or `None` where there is none.
pub async fn for_address(state: &AppState, path: &str, query: Option<&str>) -> Option<String> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let pairs = || pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let lang = lang_of(query);
    let filter = Filter::from_pairs(pairs()).ok()?;
    let embed = EmbedOptions::from_pairs(pairs());
    let page = match path {
        "/" => overview(state, &filter).await?,
        "/map" => {
            let keys = MapView::from_pairs(pairs()).ok()?;
            map(state, &filter, &keys, lang).await?
        }
        "/facilities" => {
            let keys = FacilitiesView::from_pairs(pairs()).ok()?;
            facilities(state, &filter, &keys, lang).await?
        }
        "/briefing" => FirstPage::Briefing,
        _ => {
            let id = path.strip_prefix("/facility/")?;
            let keys = FacilityView::from_pairs(pairs()).ok()?;
            facility(state, &filter, id, &keys, lang).await?
        }
    };
    let view = FirstView {
        lang,
        filter,
        bare: embed.is_some() || path == "/briefing",
        hide_title: embed.as_ref().is_some_and(|o| o.hide_title),
        page,
    };
    Some(view.html())
}

/// The language the address asks for: the app reads `?lang=` alone, and so does the page.
pub fn lang_of(query: Option<&str>) -> Lang {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
        .unwrap_or_default()
}

fn state(s: &AppState) -> State<AppState> {
    State(s.clone())
}

async fn names(s: &AppState) -> Option<Names> {
    let store = &s.store;
    let (products, facilities, countries) = (
        store.products().await.ok()?,
        store.facilities().await.ok()?,
        store.countries().await.ok()?,
    );
    Some(Names::new(&products, &facilities, &countries))
}

async fn overview(s: &AppState, filter: &Filter) -> Option<FirstPage> {
    let summary = read::summary(state(s), RawQuery(Some(filter.to_query())))
        .await
        .ok()?;
    Some(FirstPage::Overview {
        illustrative: summary.has_illustrative(),
    })
}

async fn map(s: &AppState, filter: &Filter, keys: &MapView, lang: Lang) -> Option<FirstPage> {
    let query = queries::destinations(filter, keys.measure(filter));
    let answer = read::destinations(state(s), RawQuery(Some(query)))
        .await
        .ok()?;
    let names = names(s).await?;
    Some(FirstPage::Titled {
        section: "map-page",
        heading: Text::MapHeading.get(lang).to_string(),
        sentence: Some(map_summary(&answer, |c| names.country(c, lang), lang)),
    })
}

async fn facilities(
    s: &AppState,
    filter: &Filter,
    keys: &FacilitiesView,
    lang: Lang,
) -> Option<FirstPage> {
    let query = queries::ranking(filter, keys.measure(filter));
    let answer = read::ranking(state(s), RawQuery(Some(query))).await.ok()?;
    let names = names(s).await?;
    Some(FirstPage::Titled {
        section: "facilities-page",
        heading: Text::FacilitiesHeading.get(lang).to_string(),
        sentence: Some(ranking_summary(
            &answer,
            |id| names.facility(id, lang),
            lang,
        )),
    })
}

async fn facility(
    s: &AppState,
    filter: &Filter,
    id: &str,
    keys: &FacilityView,
    lang: Lang,
) -> Option<FirstPage> {
    let facility = s.store.facility(id).await.ok()??;
    // The page is this facility's: its id is the filter's facility, and it has no country.
    let filter = Filter {
        facility: Some(facility.id.clone()),
        country: None,
        ..filter.clone()
    };
    let query = queries::production(&filter, keys.grain);
    let answer = read::production(state(s), RawQuery(Some(query)))
        .await
        .ok()?;
    let names = names(s).await?;
    let sentence = production_summary(
        &facility.name,
        answer.comparison.as_ref(),
        |p| names.product(p, lang),
        lang,
    );
    Some(FirstPage::Titled {
        section: "facility-page",
        heading: facility.name.clone(),
        sentence: Some(sentence),
    })
}
