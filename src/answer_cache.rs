//! API answers kept for this visit, by the query that produced them, and fetched ahead for the
//! years next to a one-year view: a year step, or the play button, then redraws without
//! waiting for the network. Bounded: a few hundred KB at most.

use karya_core::api::FetchError;
use karya_core::Filter;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::future::Future;

pub struct AnswerCache<T> {
    answers: HashMap<String, T>,
    pending: HashSet<String>,
}

impl<T> Default for AnswerCache<T> {
    fn default() -> Self {
        Self {
            answers: HashMap::new(),
            pending: HashSet::new(),
        }
    }
}

impl<T: Clone> AnswerCache<T> {
    const MAX_ENTRIES: usize = 64;

    pub fn get(&self, key: &str) -> Option<T> {
        self.answers.get(key).cloned()
    }

    pub fn put(&mut self, key: String, answer: T) {
        if self.answers.len() >= Self::MAX_ENTRIES {
            self.answers.clear();
        }
        self.answers.insert(key, answer);
    }
}

pub type SharedCache<T> = StoredValue<AnswerCache<T>, LocalStorage>;

/// The cached answer for `key`, or `fetch`ed and kept.
async fn cached<T, Fut>(cache: SharedCache<T>, key: String, fetch: Fut) -> Result<T, FetchError>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, FetchError>>,
{
    if let Some(hit) = cache.try_with_value(|c| c.get(&key)).flatten() {
        return Ok(hit);
    }
    let answer = fetch.await?;
    // `try_`: the page may have been left while the answer came; it is then kept by no one.
    cache.try_update_value(|c| c.put(key, answer.clone()));
    Ok(answer)
}

/// Fetches `key` in the background unless it is known or already on its way.
fn fetch_ahead<T, Fut>(cache: SharedCache<T>, key: String, fetch: Fut)
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, FetchError>> + 'static,
{
    let known = cache
        .try_with_value(|c| c.answers.contains_key(&key) || c.pending.contains(&key))
        .unwrap_or(true);
    if known {
        return;
    }
    cache.update_value(|c| {
        c.pending.insert(key.clone());
    });
    // Started once the view asked for is on screen: sending the requests and reading their
    // answers must not hold up the frame a person is waiting for.
    crate::perf::after_next_paint(move || {
        leptos::task::spawn_local(async move {
            // The page may be gone by the time the answer comes: then nothing is kept.
            if let Ok(answer) = fetch.await {
                cache.try_update_value(|c| c.put(key.clone(), answer));
            }
            cache.try_update_value(|c| {
                c.pending.remove(&key);
            });
        })
    });
}

/// The answer for `filter` (cached, or fetched and kept), and the answers for the years next
/// to a one-year view fetched ahead. `tag` tells apart answers of the same filter (a measure,
/// a granularity); `years` reads the span of years with data from an answer.
pub async fn for_filter_and_neighbours<T, Fut>(
    cache: SharedCache<T>,
    filter: Filter,
    tag: &'static str,
    years: fn(&T) -> Option<(i32, i32)>,
    fetch: impl Fn(Filter) -> Fut,
) -> Result<T, FetchError>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, FetchError>> + 'static,
{
    let key = |f: &Filter| format!("{}|{tag}", f.to_query());
    let answer = cached(cache, key(&filter), fetch(filter.clone())).await?;
    for next in filter.neighbour_years(years(&answer)) {
        fetch_ahead(cache, key(&next), fetch(next));
    }
    Ok(answer)
}
