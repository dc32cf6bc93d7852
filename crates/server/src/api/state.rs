//! What every handler is given: the store and the editors' rate limits. Its own module so
//! the handlers and the route table below `api` share it without importing each other.

use super::limits::Limits;
use crate::storage::Store;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub limits: Arc<Limits>,
    /// Aggregate answers kept until the data's version moves.
    pub answers: Arc<super::freshness::AnswerCache>,
    /// Every release, read once per data version, for the aggregates.
    pub releases: Arc<super::releases::ReleaseSnapshot>,
}

impl AppState {
    pub fn new(store: Store, trusted_proxies: Vec<std::net::IpAddr>, max_writes: u32) -> AppState {
        AppState {
            store,
            limits: Arc::new(Limits::new(trusted_proxies, max_writes)),
            answers: Arc::default(),
            releases: Arc::default(),
        }
    }
}
