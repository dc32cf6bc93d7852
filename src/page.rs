//! One setup for every page: its filter and own keys read from the address, navigation that
//! writes them back, and its answers through the cache, shown with one loading/error/data view.
//! A page is then only its sections.

use crate::answer_cache::{for_filter_and_neighbours, AnswerCache};
use crate::components::error_panel::{ErrorPanel, Loading};
use crate::reference::{use_reference, Load, ReferenceData, Tables};
use crate::view_state::{use_embed, use_filter, use_lang};
use karya_core::api::FetchError;
use karya_core::destinations::Measure;
use karya_core::embed::EmbedOptions;
use karya_core::production::Granularity;
use karya_core::ranking::RankMeasure;
use karya_core::url::{page_href, view_href, PageKeys};
use karya_core::{Filter, Lang};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use leptos_router::NavigateOptions;
use std::future::Future;

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// A page's view of the address, and the way to change it. `Copy`: every handler takes one.
pub struct Page<K: PageKeys> {
    pub lang: Signal<Lang>,
    pub filter: Memo<Filter>,
    pub keys: Memo<K>,
    /// The address held a filter or a key that could not be read: the page shows its default
    /// view and says so.
    pub fell_back: Memo<bool>,
    /// Read when the page is set up: an event handler has no context to look it up in.
    embed: Signal<Option<EmbedOptions>>,
    path: Memo<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl<K: PageKeys> Clone for Page<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: PageKeys> Copy for Page<K> {}

pub fn use_page<K: PageKeys>() -> Page<K> {
    let address = use_filter();
    let query = use_query_map();
    let parsed = Memo::new(move |_| {
        query.with(|q| K::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let navigate = leptos_router::hooks::use_navigate();
    Page {
        lang: use_lang(),
        filter: Memo::new(move |_| address.with(|a| a.filter.clone())),
        keys: Memo::new(move |_| parsed.get().unwrap_or_default()),
        fell_back: Memo::new(move |_| address.with(|a| a.fell_back) || parsed.with(Result::is_err)),
        embed: use_embed(),
        path: use_location().pathname,
        navigate: StoredValue::new_local(Box::new(move |href: &str, options| {
            navigate(href, options)
        })),
    }
}

impl<K: PageKeys> Page<K> {
    /// This page's address for `filter` and `keys`, in the language in force. An embedded view
    /// stays embedded: its options travel with every step.
    pub fn href(&self, filter: &Filter, keys: &K) -> String {
        let mut own = keys.to_pairs();
        if let Some(options) = self.embed.get_untracked() {
            own.extend(options.to_pairs());
        }
        page_href(
            &self.path.get_untracked(),
            filter,
            self.lang.get_untracked(),
            &own,
        )
    }

    /// Goes to this page with `filter` and `keys`, without scrolling. `replace` keeps the step
    /// out of the history (a search as it is typed, the year player).
    pub fn go(&self, filter: Filter, keys: K, replace: bool) {
        let href = self.href(&filter, &keys);
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|nav| nav(&href, options));
    }

    pub fn set_filter(&self, change: impl FnOnce(&mut Filter)) {
        let mut filter = self.filter.get_untracked();
        change(&mut filter);
        self.go(filter, self.keys.get_untracked(), false);
    }

    pub fn set_keys(&self, change: impl FnOnce(&mut K)) {
        let mut keys = self.keys.get_untracked();
        change(&mut keys);
        self.go(self.filter.get_untracked(), keys, false);
    }

    /// One year, or all years (`None`).
    pub fn set_year(&self, year: Option<i32>, replace: bool) {
        let filter = self.filter.get_untracked().with_year(year);
        self.go(filter, self.keys.get_untracked(), replace);
    }

    /// Goes to another page of the site (`href` from [`Page::link`]).
    pub fn go_to(&self, href: &str) {
        let options = NavigateOptions {
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|nav| nav(href, options));
    }

    /// Another page of the site with this page's filter and language (reactive).
    pub fn link(&self, path: &str) -> String {
        view_href(path, &self.filter.get(), self.lang.get())
    }
}

/// What tells apart two answers for the same filter (a measure, a granularity).
pub trait AnswerTag: Copy + PartialEq + Send + Sync + 'static {
    fn tag(self) -> &'static str;
}

/// A page whose figures depend on the filter alone.
impl AnswerTag for () {
    fn tag(self) -> &'static str {
        ""
    }
}
impl AnswerTag for Measure {
    fn tag(self) -> &'static str {
        self.code()
    }
}
impl AnswerTag for RankMeasure {
    fn tag(self) -> &'static str {
        self.code()
    }
}
impl AnswerTag for Granularity {
    fn tag(self) -> &'static str {
        self.code()
    }
}

/// A page's figures for `(filter, tag)`: kept for the visit, the neighbouring years of a
/// one-year view fetched ahead, so a year step or the player redraws without waiting.
pub fn use_answers<P, T, Fut>(
    query: impl Fn() -> (Filter, P) + Send + Sync + 'static,
    years: fn(&T) -> Option<(i32, i32)>,
    fetch: impl Fn(Filter, P) -> Fut + Copy + 'static,
) -> LocalResource<Result<T, FetchError>>
where
    P: AnswerTag,
    T: Clone + 'static,
    Fut: Future<Output = Result<T, FetchError>> + 'static,
{
    let cache = StoredValue::new_local(AnswerCache::<T>::default());
    LocalResource::new(move || {
        let (filter, tag) = query();
        for_filter_and_neighbours(cache, filter, tag.tag(), years, move |f| fetch(f, tag))
    })
}

/// Where a page that needs reference data and figures stands. Pages draw from this memo, not
/// from the answers, so new figures redraw what shows them instead of rebuilding the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Loading,
    Failed(FetchError),
    Ready,
}

impl Status {
    pub fn of<R, D>(reference: &Load<R>, data: &Load<D>) -> Status {
        match (reference, data) {
            (Some(Err(e)), _) | (_, Some(Err(e))) => Status::Failed(e.clone()),
            (Some(Ok(_)), Some(Ok(_))) => Status::Ready,
            _ => Status::Loading,
        }
    }
}

/// The one loading/error/data view: `Loading` until both the page's reference and its figures
/// are in, an error panel whose one retry loads again everything that failed, then `body`,
/// built once and fed each new answer through a memo. `mark` names the benchmarks' mark.
pub fn awaited<R, T, V>(
    reference: Signal<Load<R>>,
    data: LocalResource<Result<T, FetchError>>,
    mark: &'static str,
    body: impl Fn(R, Memo<T>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    R: Clone + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Read by reference: a ranking's 500 rows were cloned twice more on every answer.
    let status = Memo::new(move |_| reference.with(|r| data.with(|d| Status::of(r, d))));
    Effect::new(move |_| {
        let reference_in = reference.with(|r| matches!(r, Some(Ok(_))));
        if data.with(|d| matches!(d, Some(Ok(_)))) && reference_in {
            // `updated`: the DOM holds the new figures; `drawn`: the next frame shows them.
            crate::perf::mark_drawn(mark);
        }
    });
    let reference_data = use_reference();
    move || match status.get() {
        Status::Loading => view! { <Loading/> }.into_any(),
        Status::Failed(e) => failed(e, reference_data.clone(), data),
        Status::Ready => {
            let (Some(Ok(r)), Some(Ok(first))) = (reference.get_untracked(), data.get_untracked())
            else {
                return view! { <Loading/> }.into_any();
            };
            // Before the body is built, in the same task: the body may measure itself.
            crate::first_view::retire();
            // A memo, not a derived signal: every reader borrows the one copy. It keeps the
            // last answer while the next loads.
            let latest = Memo::new(move |previous: Option<&T>| match data.get() {
                Some(Ok(d)) => d,
                _ => previous.cloned().unwrap_or_else(|| first.clone()),
            });
            body(r, latest).into_any()
        }
    }
}

/// The same pattern for a view drawn anew with each answer (the overview, a briefing slide,
/// the entry form): `Loading` until the tables and the answer are in, then `body`; a failure
/// ends in the error panel whose one retry loads again whatever failed. Lighter than
/// [`awaited`]: no memo of the answer to redraw parts of the view from.
pub fn answered<T, V>(
    data: LocalResource<Result<T, FetchError>>,
    body: impl Fn(Tables, T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let reference_data = use_reference();
    let tables = reference_data.tables();
    move || match (tables.get(), data.get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => failed(e, reference_data.clone(), data),
        (Some(Ok(t)), Some(Ok(d))) => {
            crate::first_view::retire();
            body(t, d).into_any()
        }
        _ => view! { <Loading/> }.into_any(),
    }
}

/// The error panel of a page: one click loads again everything that failed, the reference
/// data and the page's own answer.
fn failed<T: Clone + 'static>(
    error: FetchError,
    reference_data: ReferenceData,
    data: LocalResource<Result<T, FetchError>>,
) -> AnyView {
    let on_retry = move |_| {
        reference_data.retry_failed();
        if matches!(data.get_untracked(), Some(Err(_))) {
            data.refetch();
        }
    };
    crate::first_view::retire();
    view! { <ErrorPanel error=error on_retry=on_retry/> }.into_any()
}
