//! Sums and bounds computed in SQL, so a view of ten years of production reads a few rows,
//! not every record: the inputs of the production series, the ranking and the pipeline.

use super::clause::production_where;
use super::codec::{all, month_at, text_enum};
use super::{StorageError, Store};
use karya_core::pipeline::ProductionStart;
use karya_core::production::MonthlyTotal;
use karya_core::ranking::ProductionTotal;
use karya_core::{Filter, Month};
use sqlx::Row;

impl Store {
    /// First and last year with a dated export release.
    pub async fn release_years(&self) -> Result<Option<(i32, i32)>, StorageError> {
        // One aggregate per subquery: SQLite answers a lone MIN or MAX from the index, but
        // scans the whole table for both together.
        let row = sqlx::query(
            "SELECT (SELECT MIN(release_date) FROM shipments) AS first, \
             (SELECT MAX(release_date) FROM shipments) AS last",
        )
        .fetch_one(self.pool())
        .await?;
        let year = |col: &str| -> Result<Option<i32>, StorageError> {
            let text: Option<String> = row.try_get(col)?;
            Ok(text.and_then(|t| t.get(..4).and_then(|y| y.parse().ok())))
        };
        Ok(year("first")?.zip(year("last")?))
    }

    /// First and last year with a dated release or a production record.
    pub async fn data_years(&self) -> Result<Option<(i32, i32)>, StorageError> {
        let row = sqlx::query(
            "SELECT (SELECT MIN(month) FROM production_records) AS first, \
             (SELECT MAX(month) FROM production_records) AS last",
        )
        .fetch_one(self.pool())
        .await?;
        let year = |col: &str| -> Result<Option<i32>, StorageError> {
            let text: Option<String> = row.try_get(col)?;
            Ok(text.and_then(|t| t.get(..4).and_then(|y| y.parse().ok())))
        };
        let made = year("first")?.zip(year("last")?);
        let released = self.release_years().await?;
        Ok(match (made, released) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        })
    }

    /// Production per product, unit and month for a filter: the production series' input.
    pub async fn production_monthly(
        &self,
        filter: &Filter,
    ) -> Result<Vec<MonthlyTotal>, StorageError> {
        let w = production_where(filter);
        let sql = format!(
            "SELECT p.product_id, p.unit, p.month, SUM(p.quantity) AS quantity, \
             MAX(CASE WHEN p.provenance = 'illustrative' THEN 1 ELSE 0 END) AS illustrative, \
             MAX(p.provisional) AS provisional \
             FROM production_records p {} GROUP BY p.product_id, p.unit, p.month \
             ORDER BY p.product_id, p.month",
            w.sql()
        );
        let rows = w.query(&sql).fetch_all(self.pool()).await?;
        all(rows, |row| {
            Ok(MonthlyTotal {
                product_id: row.try_get("product_id")?,
                unit: text_enum(&row.try_get::<String, _>("unit")?)?,
                month: month_at(row, "month")?,
                quantity: row.try_get("quantity")?,
                illustrative: row.try_get::<i64, _>("illustrative")? != 0,
                provisional: row.try_get::<i64, _>("provisional")? != 0,
            })
        })
    }

    /// Production per facility, product and unit for a filter: a ranking's input.
    pub async fn production_totals(
        &self,
        filter: &Filter,
    ) -> Result<Vec<ProductionTotal>, StorageError> {
        let w = production_where(filter);
        let sql = format!(
            "SELECT p.facility_id, p.product_id, p.unit, SUM(p.quantity) AS quantity, \
             MAX(CASE WHEN p.provenance = 'illustrative' THEN 1 ELSE 0 END) AS illustrative \
             FROM production_records p {} GROUP BY p.facility_id, p.product_id, p.unit \
             ORDER BY p.facility_id, p.product_id",
            w.sql()
        );
        let rows = w.query(&sql).fetch_all(self.pool()).await?;
        all(rows, |row| {
            Ok(ProductionTotal {
                facility_id: row.try_get("facility_id")?,
                product_id: row.try_get("product_id")?,
                unit: text_enum(&row.try_get::<String, _>("unit")?)?,
                quantity: row.try_get("quantity")?,
                illustrative: row.try_get::<i64, _>("illustrative")? != 0,
            })
        })
    }

    /// The latest month with production for a filter's product and facility (its period is
    /// ignored): where an open-ended view's comparison ends.
    pub async fn latest_production_month(
        &self,
        filter: &Filter,
    ) -> Result<Option<Month>, StorageError> {
        let w = production_where(&Filter {
            from: None,
            to: None,
            ..filter.clone()
        });
        let sql = format!(
            "SELECT MAX(p.month) AS last FROM production_records p {}",
            w.sql()
        );
        let last: Option<String> = w
            .query(&sql)
            .fetch_one(self.pool())
            .await?
            .try_get("last")?;
        last.map(|m| {
            m.parse()
                .map_err(|_| StorageError::Corrupt(format!("month {m:?}")))
        })
        .transpose()
    }

    /// When each facility first made each product: the pipeline's input.
    pub async fn production_starts(&self) -> Result<Vec<ProductionStart>, StorageError> {
        let rows = sqlx::query(
            "SELECT product_id, facility_id, MIN(month) AS first FROM production_records \
             GROUP BY product_id, facility_id ORDER BY product_id, facility_id",
        )
        .fetch_all(self.pool())
        .await?;
        all(rows, |row| {
            Ok(ProductionStart {
                product_id: row.try_get("product_id")?,
                facility_id: row.try_get("facility_id")?,
                first: month_at(row, "first")?,
            })
        })
    }
}
