//! Reads of export releases: a filtered, paged list newest first, or one by id. Filtering is
//! done in SQL so large datasets stay fast; the API then runs the core's own filter too.

use super::clause::shipment_where;
use super::codec::{all, provenance_select, read_provenance, source_join, text_enum};
use super::{StorageError, Store};
use chrono::NaiveDate;
use karya_core::{Filter, ProvenanceKind, Shipment};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A page of the shipments that match a filter.
#[derive(Debug, Clone, Default)]
pub struct ShipmentQuery {
    pub filter: Filter,
    pub limit: Option<u32>,
    pub offset: u32,
    /// Only reported or only illustrative records.
    pub provenance: Option<ProvenanceKind>,
}

fn shipment(row: &AnyRow) -> Result<Shipment, StorageError> {
    let date: Option<String> = row.try_get("release_date")?;
    let date = date
        .map(|d| {
            NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| StorageError::Corrupt(format!("date {d:?}")))
        })
        .transpose()?;
    Ok(Shipment {
        id: row.try_get("id")?,
        date,
        facility_id: row.try_get("facility_id")?,
        product_id: row.try_get("product_id")?,
        country: row.try_get("country")?,
        quantity: row.try_get("quantity")?,
        unit: text_enum(&row.try_get::<String, _>("unit")?)?,
        value_idr: row.try_get("value_idr")?,
        value_usd: row.try_get("value_usd")?,
        provisional: row.try_get::<i64, _>("provisional")? != 0,
        provenance: read_provenance(row)?,
    })
}

impl Store {
    /// The matching shipments, newest first and undated last, and how many match in all.
    pub async fn shipments(&self, q: &ShipmentQuery) -> Result<(u32, Vec<Shipment>), StorageError> {
        let mut w = shipment_where(&q.filter);
        if let Some(kind) = q.provenance {
            w.push("s.provenance = ?", kind.as_str().to_string());
        }
        let count_sql = format!("SELECT COUNT(*) AS n FROM shipments s {}", w.sql());
        let total: i64 = w
            .query(&count_sql)
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        let page = match q.limit {
            Some(limit) => format!("LIMIT {limit} OFFSET {}", q.offset),
            None if q.offset > 0 => format!("LIMIT {} OFFSET {}", i64::MAX, q.offset),
            None => String::new(),
        };
        let sql = format!(
            "SELECT s.*, {} FROM shipments s {} {} \
             ORDER BY CASE WHEN s.release_date IS NULL THEN 1 ELSE 0 END, s.release_date DESC, s.id {page}",
            provenance_select("s"),
            source_join("s"),
            w.sql()
        );
        let rows = w.query(&sql).fetch_all(self.pool()).await?;
        Ok((total as u32, all(rows, shipment)?))
    }

    /// How many releases there are in all.
    pub async fn release_count(&self) -> Result<i64, StorageError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM shipments")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }

    pub async fn shipment(&self, id: &str) -> Result<Option<Shipment>, StorageError> {
        let row = sqlx::query(&one_shipment_sql())
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(shipment).transpose()
    }
}

fn one_shipment_sql() -> String {
    format!(
        "SELECT s.*, {} FROM shipments s {} WHERE s.id = $1",
        provenance_select("s"),
        source_join("s")
    )
}

/// One release as a transaction sees it.
pub(super) async fn shipment_in(
    tx: &mut super::records::Tx,
    id: &str,
) -> Result<Option<Shipment>, StorageError> {
    let row = sqlx::query(&one_shipment_sql())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(shipment).transpose()
}
