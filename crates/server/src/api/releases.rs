//! Every export release held in memory for the aggregates (`/summary`, `/destinations`,
//! `/ranking`, `/pipeline`), read once per data version instead of once per address.
//!
//! Why: each new address used to read its matching releases from the database with their
//! sources (a join, a sort and a decode of every row: 15–55 ms for one year of the synthetic
//! set, 325 ms for the pipeline's all). After a write, a crowd asking for forty different
//! filters paid that forty times, and those waiting made the flood's p99. One read of every
//! release, then the core's own filter in memory, costs one such read per write.
//!
//! The core's `Filter::matches_shipment` is the same rule as the SQL clause (`clause.rs`),
//! and the list keeps the SQL order (newest first, undated last), so an answer is the same
//! whichever path made it. A database with more releases than `MAX_KEPT` is read per request
//! as before, which bounds the memory this takes.

use crate::storage::{ShipmentQuery, StorageError, Store};
use karya_core::{Filter, Provenance, Shipment};
use std::sync::{Arc, Mutex};

/// Most releases kept in memory. Each takes what `heap_bytes` counts, logged with every
/// read: 383 bytes on the synthetic dataset, so about 77 MB at most (more where sources carry
/// long quotes).
pub const MAX_KEPT: i64 = 200_000;

/// The releases of one data version, or `None` when there are too many to keep.
type Kept = Option<Arc<Vec<Shipment>>>;

pub struct ReleaseSnapshot {
    kept: Mutex<Option<(i64, Kept)>>,
    /// One reader at a time: those who come meanwhile find its result.
    reading: tokio::sync::Mutex<()>,
    limit: i64,
}

impl Default for ReleaseSnapshot {
    fn default() -> Self {
        Self::keeping_at_most(MAX_KEPT)
    }
}

impl ReleaseSnapshot {
    /// A snapshot that keeps the releases only while there are at most `limit` of them.
    pub fn keeping_at_most(limit: i64) -> Self {
        Self {
            kept: Mutex::default(),
            reading: tokio::sync::Mutex::default(),
            limit,
        }
    }

    /// Every release of the data's current version, newest first; `None` when there are more
    /// than the limit (then read the matching ones from the store).
    async fn all(&self, store: &Store) -> Result<Kept, StorageError> {
        let version = store.data_version().await?;
        if let Some(kept) = self.kept_for(version) {
            return Ok(kept);
        }
        let _reading = self.reading.lock().await;
        if let Some(kept) = self.kept_for(version) {
            return Ok(kept);
        }
        // Read after the version: a write landing in between makes the kept list newer than
        // its version, never older, and the next request reads again under the new version.
        let started = std::time::Instant::now();
        let kept = if store.release_count().await? > self.limit {
            None
        } else {
            let (_, all) = store.shipments(&ShipmentQuery::default()).await?;
            Some(Arc::new(all))
        };
        tracing::info!(
            version,
            releases = kept.as_ref().map(|k| k.len()),
            bytes = kept.as_ref().map(|k| heap_bytes(k)),
            ms = started.elapsed().as_millis() as u64,
            "releases read into memory for the aggregates"
        );
        *self.kept.lock().unwrap_or_else(|p| p.into_inner()) = Some((version, kept.clone()));
        Ok(kept)
    }

    /// Reads the releases ahead of the first request that needs them.
    pub async fn warm(&self, store: &Store) {
        if let Err(e) = self.all(store).await {
            tracing::debug!(error = %e, "releases not read ahead");
        }
    }

    fn kept_for(&self, version: i64) -> Option<Kept> {
        let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        kept.as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, k)| k.clone())
    }

    /// The releases a filter keeps, in the store's order.
    pub async fn matching(
        &self,
        store: &Store,
        filter: &Filter,
    ) -> Result<Vec<Shipment>, StorageError> {
        match self.all(store).await? {
            Some(all) => Ok(all
                .iter()
                .filter(|s| filter.matches_shipment(s))
                .cloned()
                .collect()),
            None => {
                let query = ShipmentQuery {
                    filter: filter.clone(),
                    ..Default::default()
                };
                Ok(store.shipments(&query).await?.1)
            }
        }
    }

    /// Every release (the pipeline's input), without copying the kept list.
    pub async fn every(&self, store: &Store) -> Result<Arc<Vec<Shipment>>, StorageError> {
        match self.all(store).await? {
            Some(all) => Ok(all),
            None => Ok(Arc::new(
                store.shipments(&ShipmentQuery::default()).await?.1,
            )),
        }
    }
}

/// The memory a kept list holds: the records themselves and the text they own.
fn heap_bytes(list: &[Shipment]) -> usize {
    let text = |s: &String| s.capacity();
    let maybe = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
    let owned: usize = list
        .iter()
        .map(|r| {
            let source = match &r.provenance {
                Provenance::Reported { source: s } => {
                    text(&s.id)
                        + text(&s.outlet)
                        + maybe(&s.title)
                        + maybe(&s.author)
                        + maybe(&s.url)
                        + maybe(&s.document)
                        + maybe(&s.fact)
                        + maybe(&s.quote)
                }
                Provenance::Illustrative => 0,
            };
            text(&r.id) + text(&r.facility_id) + text(&r.product_id) + text(&r.country) + source
        })
        .sum();
    std::mem::size_of_val(list) + owned
}
