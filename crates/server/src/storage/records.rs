//! Writing records of any table: one `INSERT … ON CONFLICT … DO UPDATE` per batch, which both
//! SQLite and PostgreSQL understand, so an import, the sample load and the editors' API write
//! through the same few lines.

use super::codec::{enum_text, provenance_columns};
use super::{Engine, StorageError};
use karya_core::tables::{Record, Table};
use sqlx::{Any, Transaction};

pub type Tx = Transaction<'static, Any>;

/// A column value with its type, so PostgreSQL gets numbers as numbers.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
}

use Cell::{Int, Real, Text};

fn text(s: &str) -> Cell {
    Text(Some(s.to_string()))
}

/// The database table, its columns and its key columns for each record table.
pub fn layout(
    table: Table,
) -> (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
) {
    const PROV: [&str; 4] = ["provenance", "source_id", "source_fact", "source_quote"];
    macro_rules! with_prov {
        ($($c:literal),*) => { &[$($c,)* PROV[0], PROV[1], PROV[2], PROV[3]] };
    }
    match table {
        Table::Sources => (
            "sources",
            &["id", "outlet", "title", "author", "url", "document"],
            &["id"],
        ),
        Table::Countries => (
            "countries",
            &[
                "alpha2",
                "numeric_code",
                "name_id",
                "name_en",
                "latitude",
                "longitude",
            ],
            &["alpha2"],
        ),
        Table::Facilities => (
            "facilities",
            with_prov!(
                "id",
                "name",
                "kind",
                "province",
                "latitude",
                "longitude",
                "zoning_role",
                "has_blk",
                "export_model"
            ),
            &["id"],
        ),
        Table::Products => (
            "products",
            with_prov!("id", "name_id", "name_en", "category", "unit", "status", "hs_code"),
            &["id"],
        ),
        Table::Shipments => (
            "shipments",
            with_prov!(
                "id",
                "release_date",
                "facility_id",
                "product_id",
                "country",
                "quantity",
                "unit",
                "value_idr",
                "value_usd",
                "provisional"
            ),
            &["id"],
        ),
        Table::Production => (
            "production_records",
            with_prov!(
                "facility_id",
                "product_id",
                "month",
                "quantity",
                "unit",
                "provisional"
            ),
            &["facility_id", "product_id", "month"],
        ),
        Table::SupplyLinks => (
            "supply_links",
            with_prov!(
                "id",
                "supplier_id",
                "producer_id",
                "material_id",
                "material_en"
            ),
            &["id"],
        ),
        Table::Statements => (
            "source_statements",
            &[
                "id",
                "text_id",
                "text_en",
                "figure",
                "approximate",
                "countries",
                "source_id",
                "source_fact",
                "source_quote",
            ],
            &["id"],
        ),
    }
}

fn provenance_cells(p: &karya_core::Provenance) -> [Cell; 4] {
    let (kind, source, fact, quote) = provenance_columns(p);
    [Text(Some(kind)), Text(source), Text(fact), Text(quote)]
}

/// A record's cells in `layout`'s column order.
pub fn cells(record: &Record) -> Vec<Cell> {
    let mut out = match record {
        Record::Source(s) => vec![
            text(&s.id),
            text(&s.outlet),
            Text(s.title.clone()),
            Text(s.author.clone()),
            Text(s.url.clone()),
            Text(s.document.clone()),
        ],
        Record::Country(c) => vec![
            text(&c.alpha2),
            text(&c.numeric),
            text(&c.name_id),
            text(&c.name_en),
            Real(c.latitude),
            Real(c.longitude),
        ],
        Record::Facility(f) => vec![
            text(&f.id),
            text(&f.name),
            Text(Some(enum_text(&f.kind))),
            text(&f.province),
            Real(Some(f.latitude)),
            Real(Some(f.longitude)),
            Text(Some(enum_text(&f.role))),
            Int(f.has_blk.map(i64::from)),
            Text(Some(enum_text(&f.export_model))),
        ],
        Record::Product(p) => vec![
            text(&p.id),
            text(&p.name_id),
            text(&p.name_en),
            Text(Some(enum_text(&p.category))),
            Text(Some(enum_text(&p.unit))),
            Text(Some(enum_text(&p.status))),
            Text(p.hs_code.clone()),
        ],
        Record::Shipment(s) => vec![
            text(&s.id),
            Text(s.date.map(|d| d.format("%Y-%m-%d").to_string())),
            text(&s.facility_id),
            text(&s.product_id),
            text(&s.country),
            Real(Some(s.quantity)),
            Text(Some(enum_text(&s.unit))),
            Int(s.value_idr),
            Real(s.value_usd),
            Int(Some(i64::from(s.provisional))),
        ],
        Record::Production(r) => vec![
            text(&r.facility_id),
            text(&r.product_id),
            Text(Some(r.month.to_string())),
            Real(Some(r.quantity)),
            Text(Some(enum_text(&r.unit))),
            Int(Some(i64::from(r.provisional))),
        ],
        Record::SupplyLink(l) => vec![
            text(&l.id),
            text(&l.supplier_id),
            text(&l.producer_id),
            text(&l.material_id),
            text(&l.material_en),
        ],
        Record::Statement(s) => {
            return vec![
                text(&s.id),
                text(&s.text_id),
                text(&s.text_en),
                Real(s.figure),
                Int(Some(i64::from(s.approximate))),
                Text(Some(s.countries.join(","))),
                text(&s.source.id),
                Text(s.source.fact.clone()),
                Text(s.source.quote.clone()),
            ]
        }
    };
    if let Some(provenance) = record.provenance() {
        out.extend(provenance_cells(provenance));
    }
    out
}

/// Rows per statement: well under both engines' limits on bound parameters (SQLite 32,766,
/// PostgreSQL 65,535) for the widest table, and large enough that a million rows take
/// a few thousand statements.
const BATCH_ROWS: usize = 500;

/// Inserts `records` (all of `table`), or updates those whose key is already there.
pub async fn upsert(
    tx: &mut Tx,
    engine: Engine,
    table: Table,
    records: &[Record],
) -> Result<(), StorageError> {
    let (name, columns, key) = layout(table);
    let updates: Vec<String> = columns
        .iter()
        .filter(|c| !key.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    for batch in records.chunks(BATCH_ROWS) {
        let mut n = 0;
        let rows: Vec<String> = batch
            .iter()
            .map(|_| {
                let params: Vec<String> = columns
                    .iter()
                    .map(|_| {
                        n += 1;
                        // sqlx's SQLite driver finds each `$n` by comparing it with every
                        // parameter's name (quadratic in a 5,000-parameter batch); a plain `?`
                        // is bound by position.
                        match engine {
                            Engine::Sqlite => "?".to_string(),
                            Engine::Postgres => format!("${n}"),
                        }
                    })
                    .collect();
                format!("({})", params.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO {name} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
            columns.join(", "),
            rows.join(", "),
            key.join(", "),
            updates.join(", ")
        );
        // Not kept as a prepared statement: sqlx's `Any` driver types a NULL number by the
        // first value it saw, and a later non-NULL value in a reused statement would be sent
        // in the wrong binary format to PostgreSQL.
        let mut query = sqlx::query(&sql).persistent(false);
        for record in batch {
            for cell in cells(record) {
                query = match cell {
                    Text(v) => query.bind(v),
                    Int(v) => query.bind(v),
                    Real(v) => query.bind(v),
                };
            }
        }
        query.execute(&mut **tx).await?;
    }
    if table == Table::Products {
        for record in records {
            if let Record::Product(p) = record {
                sqlx::query("DELETE FROM product_facilities WHERE product_id = $1")
                    .bind(&p.id)
                    .execute(&mut **tx)
                    .await?;
                for facility_id in &p.facilities {
                    sqlx::query(
                        "INSERT INTO product_facilities (product_id, facility_id) VALUES ($1, $2)",
                    )
                    .bind(&p.id)
                    .bind(facility_id)
                    .execute(&mut **tx)
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// Removes one shipment or production record by its key; returns whether it was there.
pub async fn delete(tx: &mut Tx, record: &Record) -> Result<bool, StorageError> {
    let done = match record {
        Record::Shipment(s) => sqlx::query("DELETE FROM shipments WHERE id = $1")
            .bind(&s.id)
            .execute(&mut **tx)
            .await?,
        Record::Production(r) => sqlx::query(
            "DELETE FROM production_records WHERE facility_id = $1 AND product_id = $2 AND month = $3",
        )
        .bind(&r.facility_id)
        .bind(&r.product_id)
        .bind(r.month.to_string())
        .execute(&mut **tx)
        .await?,
        other => {
            return Err(StorageError::Corrupt(format!(
                "only figures are withdrawn one by one, not {}",
                other.key()
            )))
        }
    };
    Ok(done.rows_affected() > 0)
}
