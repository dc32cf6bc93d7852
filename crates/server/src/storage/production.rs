//! Reads of monthly production records as they are kept: every record a filter keeps, or one
//! by its key. Sums over them are in `aggregates`.

use super::clause::production_where;
use super::codec::{all, month_at, provenance_select, read_provenance, source_join, text_enum};
use super::{StorageError, Store};
use karya_core::{Filter, Month, ProductionRecord};
use sqlx::any::AnyRow;
use sqlx::Row;

fn production(row: &AnyRow) -> Result<ProductionRecord, StorageError> {
    Ok(ProductionRecord {
        facility_id: row.try_get("facility_id")?,
        product_id: row.try_get("product_id")?,
        month: month_at(row, "month")?,
        quantity: row.try_get("quantity")?,
        unit: text_enum(&row.try_get::<String, _>("unit")?)?,
        provisional: row.try_get::<i64, _>("provisional")? != 0,
        provenance: read_provenance(row)?,
    })
}

impl Store {
    pub async fn production(&self, filter: &Filter) -> Result<Vec<ProductionRecord>, StorageError> {
        let w = production_where(filter);
        let sql = format!(
            "SELECT p.*, {} FROM production_records p {} {} ORDER BY p.month, p.facility_id, p.product_id",
            provenance_select("p"),
            source_join("p"),
            w.sql()
        );
        let rows = w.query(&sql).fetch_all(self.pool()).await?;
        all(rows, production)
    }

    pub async fn production_record(
        &self,
        facility_id: &str,
        product_id: &str,
        month: Month,
    ) -> Result<Option<ProductionRecord>, StorageError> {
        let sql = format!(
            "SELECT p.*, {} FROM production_records p {} \
             WHERE p.facility_id = $1 AND p.product_id = $2 AND p.month = $3",
            provenance_select("p"),
            source_join("p")
        );
        let row = sqlx::query(&sql)
            .bind(facility_id)
            .bind(product_id)
            .bind(month.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(production).transpose()
    }
}
