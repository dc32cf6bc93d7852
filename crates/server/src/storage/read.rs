//! Reads. Filtering is done in SQL so large datasets stay fast; the API then runs the core's
//! own filter and aggregation over the rows, so SQL and the app can never count differently.

use super::codec::{provenance_select, read_provenance, read_source, source_join, text_enum};
use super::{StorageError, Store};
use chrono::NaiveDate;
use karya_core::pipeline::ProductionStart;
use karya_core::production::MonthlyTotal;
use karya_core::ranking::ProductionTotal;
use karya_core::{
    Country, Facility, Filter, Month, Product, ProductionRecord, Shipment, SourceStatement,
    SupplyLink,
};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A page of the shipments that match a filter.
#[derive(Debug, Clone, Default)]
pub struct ShipmentQuery {
    pub filter: Filter,
    pub limit: Option<u32>,
    pub offset: u32,
    /// Only `reported` or only `illustrative` records.
    pub provenance: Option<&'static str>,
}

/// A WHERE clause with its text parameters, numbered `$1…` for both engines.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    binds: Vec<String>,
}

impl Where {
    fn push(&mut self, clause: &str, value: String) {
        self.binds.push(value);
        self.clauses
            .push(clause.replace('?', &format!("${}", self.binds.len())));
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    fn query<'q>(
        &'q self,
        sql: &'q str,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        self.binds
            .iter()
            .fold(sqlx::query(sql), |q, b| q.bind(b.as_str()))
    }
}

fn shipment_where(filter: &Filter) -> Where {
    let mut w = Where::default();
    let (start, end) = filter.date_range();
    if let Some(start) = start {
        w.push("s.release_date >= ?", start.format("%Y-%m-%d").to_string());
    }
    if let Some(end) = end {
        w.push("s.release_date <= ?", end.format("%Y-%m-%d").to_string());
    }
    if let Some(p) = &filter.product {
        w.push("s.product_id = ?", p.clone());
    }
    if let Some(f) = &filter.facility {
        w.push("s.facility_id = ?", f.clone());
    }
    if let Some(c) = &filter.country {
        w.push("s.country = ?", c.clone());
    }
    w
}

fn production_where(filter: &Filter) -> Where {
    let mut w = Where::default();
    let (start, end) = filter.date_range();
    // A month overlaps [start, end] exactly when it lies between their months.
    if let Some(start) = start {
        w.push("p.month >= ?", Month::of(start).to_string());
    }
    if let Some(end) = end {
        w.push("p.month <= ?", Month::of(end).to_string());
    }
    if let Some(prod) = &filter.product {
        w.push("p.product_id = ?", prod.clone());
    }
    if let Some(f) = &filter.facility {
        w.push("p.facility_id = ?", f.clone());
    }
    w
}

fn country(row: &AnyRow) -> Result<Country, StorageError> {
    Ok(Country {
        alpha2: row.try_get("alpha2")?,
        numeric: row.try_get("numeric_code")?,
        name_id: row.try_get("name_id")?,
        name_en: row.try_get("name_en")?,
        latitude: row.try_get("latitude")?,
        longitude: row.try_get("longitude")?,
    })
}

fn facility(row: &AnyRow) -> Result<Facility, StorageError> {
    let has_blk: Option<i64> = row.try_get("has_blk")?;
    Ok(Facility {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: text_enum(&row.try_get::<String, _>("kind")?)?,
        province: row.try_get("province")?,
        latitude: row.try_get("latitude")?,
        longitude: row.try_get("longitude")?,
        role: text_enum(&row.try_get::<String, _>("zoning_role")?)?,
        has_blk: has_blk.map(|v| v != 0),
        export_model: text_enum(&row.try_get::<String, _>("export_model")?)?,
        provenance: read_provenance(row)?,
    })
}

fn product(row: &AnyRow) -> Result<Product, StorageError> {
    Ok(Product {
        id: row.try_get("id")?,
        name_id: row.try_get("name_id")?,
        name_en: row.try_get("name_en")?,
        category: text_enum(&row.try_get::<String, _>("category")?)?,
        unit: text_enum(&row.try_get::<String, _>("unit")?)?,
        status: text_enum(&row.try_get::<String, _>("status")?)?,
        hs_code: row.try_get("hs_code")?,
        facilities: Vec::new(),
        provenance: read_provenance(row)?,
    })
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

fn supply_link(row: &AnyRow) -> Result<SupplyLink, StorageError> {
    Ok(SupplyLink {
        id: row.try_get("id")?,
        supplier_id: row.try_get("supplier_id")?,
        producer_id: row.try_get("producer_id")?,
        material_id: row.try_get("material_id")?,
        material_en: row.try_get("material_en")?,
        provenance: read_provenance(row)?,
    })
}

fn statement(row: &AnyRow) -> Result<SourceStatement, StorageError> {
    let countries: String = row.try_get("countries")?;
    Ok(SourceStatement {
        id: row.try_get("id")?,
        text_id: row.try_get("text_id")?,
        text_en: row.try_get("text_en")?,
        figure: row.try_get("figure")?,
        approximate: row.try_get::<i64, _>("approximate")? != 0,
        countries: countries
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        source: read_source(row)?,
    })
}

/// A `YYYY-MM` column.
fn month_at(row: &AnyRow, column: &str) -> Result<Month, StorageError> {
    let text: String = row.try_get(column)?;
    text.parse()
        .map_err(|_| StorageError::Corrupt(format!("month {text:?}")))
}

fn all<T>(
    rows: Vec<AnyRow>,
    read: fn(&AnyRow) -> Result<T, StorageError>,
) -> Result<Vec<T>, StorageError> {
    rows.iter().map(read).collect()
}

impl Store {
    pub async fn countries(&self) -> Result<Vec<Country>, StorageError> {
        let rows = sqlx::query("SELECT * FROM countries ORDER BY alpha2")
            .fetch_all(self.pool())
            .await?;
        all(rows, country)
    }

    pub async fn country(&self, alpha2: &str) -> Result<Option<Country>, StorageError> {
        let row = sqlx::query("SELECT * FROM countries WHERE alpha2 = $1")
            .bind(alpha2)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(country).transpose()
    }

    fn facility_sql(where_clause: &str) -> String {
        format!(
            "SELECT f.*, {} FROM facilities f {} {where_clause} ORDER BY f.name",
            provenance_select("f"),
            source_join("f")
        )
    }

    pub async fn facilities(&self) -> Result<Vec<Facility>, StorageError> {
        let rows = sqlx::query(&Self::facility_sql(""))
            .fetch_all(self.pool())
            .await?;
        all(rows, facility)
    }

    pub async fn facility(&self, id: &str) -> Result<Option<Facility>, StorageError> {
        let sql = Self::facility_sql("WHERE f.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(facility).transpose()
    }

    fn product_sql(where_clause: &str) -> String {
        format!(
            "SELECT p.*, {} FROM products p {} {where_clause} ORDER BY p.id",
            provenance_select("p"),
            source_join("p")
        )
    }

    pub async fn products(&self) -> Result<Vec<Product>, StorageError> {
        let rows = sqlx::query(&Self::product_sql(""))
            .fetch_all(self.pool())
            .await?;
        let mut products = all(rows, product)?;
        let links = sqlx::query(
            "SELECT product_id, facility_id FROM product_facilities ORDER BY product_id, facility_id",
        )
        .fetch_all(self.pool())
        .await?;
        for link in links {
            let product_id: String = link.try_get("product_id")?;
            if let Some(p) = products.iter_mut().find(|p| p.id == product_id) {
                p.facilities.push(link.try_get("facility_id")?);
            }
        }
        Ok(products)
    }

    pub async fn product(&self, id: &str) -> Result<Option<Product>, StorageError> {
        let sql = Self::product_sql("WHERE p.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        let Some(mut found) = row.as_ref().map(product).transpose()? else {
            return Ok(None);
        };
        let links = sqlx::query(
            "SELECT facility_id FROM product_facilities WHERE product_id = $1 ORDER BY facility_id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        found.facilities = links
            .iter()
            .map(|l| l.try_get("facility_id"))
            .collect::<Result<_, _>>()?;
        Ok(Some(found))
    }

    /// The matching shipments, newest first and undated last, and how many match in all.
    pub async fn shipments(&self, q: &ShipmentQuery) -> Result<(u32, Vec<Shipment>), StorageError> {
        let mut w = shipment_where(&q.filter);
        if let Some(kind) = q.provenance {
            w.push("s.provenance = ?", kind.to_string());
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

    pub async fn supply_links(&self) -> Result<Vec<SupplyLink>, StorageError> {
        let sql = format!(
            "SELECT l.*, {} FROM supply_links l {} ORDER BY l.id",
            provenance_select("l"),
            source_join("l")
        );
        let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
        all(rows, supply_link)
    }

    pub async fn statements(&self) -> Result<Vec<SourceStatement>, StorageError> {
        let sql = "SELECT st.*, st.source_fact, st.source_quote, src.id AS src_id, src.outlet AS src_outlet, \
                   src.title AS src_title, src.author AS src_author, src.url AS src_url, \
                   src.document AS src_document \
                   FROM source_statements st JOIN sources src ON src.id = st.source_id ORDER BY st.id";
        let rows = sqlx::query(sql).fetch_all(self.pool()).await?;
        all(rows, statement)
    }
}

impl Store {
    /// Every publication in the sources table, without a record's fact and quote.
    pub async fn sources(&self) -> Result<Vec<karya_core::Source>, StorageError> {
        let rows = sqlx::query("SELECT * FROM sources ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        all(rows, |r| {
            Ok(karya_core::Source {
                id: r.try_get("id")?,
                outlet: r.try_get("outlet")?,
                title: r.try_get("title")?,
                author: r.try_get("author")?,
                url: r.try_get("url")?,
                document: r.try_get("document")?,
                fact: None,
                quote: None,
            })
        })
    }

    /// Everything the database holds, as one dataset: what export writes and an import is
    /// checked against.
    pub async fn dataset(&self) -> Result<karya_core::dataset::Dataset, StorageError> {
        let (_, shipments) = self.shipments(&ShipmentQuery::default()).await?;
        Ok(karya_core::dataset::Dataset {
            countries: self.countries().await?,
            facilities: self.facilities().await?,
            products: self.products().await?,
            shipments,
            production: self.production(&Filter::default()).await?,
            supply_links: self.supply_links().await?,
            statements: self.statements().await?,
            sources: self.sources().await?,
        })
    }

    /// What a new figure may refer to.
    pub async fn known(&self) -> Result<karya_core::entry::Known, StorageError> {
        Ok(karya_core::entry::Known::new(
            &self.facilities().await?,
            &self.products().await?,
            &self.countries().await?,
        ))
    }
}

impl Store {
    pub async fn shipment(&self, id: &str) -> Result<Option<Shipment>, StorageError> {
        let sql = format!(
            "SELECT s.*, {} FROM shipments s {} WHERE s.id = $1",
            provenance_select("s"),
            source_join("s")
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(shipment).transpose()
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
