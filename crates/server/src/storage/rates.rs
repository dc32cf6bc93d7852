//! The exchange-rate table: rupiah per US dollar by day with its source, read for export, for
//! the API and for converting a release's missing currency (`karya_core::currency`).

use super::codec::{all, read_source};
use super::{StorageError, Store};
use karya_core::currency::ExchangeRate;
use sqlx::any::AnyRow;
use sqlx::Row;

fn rate(row: &AnyRow) -> Result<ExchangeRate, StorageError> {
    let day: String = row.try_get("rate_date")?;
    Ok(ExchangeRate {
        date: day
            .parse()
            .map_err(|_| StorageError::Corrupt(format!("exchange rate date {day:?}")))?,
        idr_per_usd: row.try_get("idr_per_usd")?,
        source: read_source(row)?,
    })
}

impl Store {
    /// Every rate, oldest first.
    pub async fn exchange_rates(&self) -> Result<Vec<ExchangeRate>, StorageError> {
        let sql = "SELECT r.*, src.id AS src_id, src.outlet AS src_outlet, src.title AS src_title, \
                   src.author AS src_author, src.url AS src_url, src.document AS src_document \
                   FROM exchange_rates r JOIN sources src ON src.id = r.source_id ORDER BY r.rate_date";
        let rows = sqlx::query(sql).fetch_all(self.pool()).await?;
        all(rows, rate)
    }
}
