//! Writing records of any table: one `INSERT … ON CONFLICT … DO UPDATE` per batch, which both
//! SQLite and PostgreSQL understand, so an import, the sample load and the editors' API write
//! through the same few lines.

use super::columns::layout;
use super::{Engine, StorageError};
use karya_core::tables::{enum_cell, provenance_cells, Record, Table};
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

/// A record's cells in `layout`'s column order, the CSV file's order.
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
            Text(Some(enum_cell(&f.kind))),
            text(&f.province),
            Real(Some(f.latitude)),
            Real(Some(f.longitude)),
            Text(Some(enum_cell(&f.role))),
            Int(f.has_blk.map(i64::from)),
            Text(Some(enum_cell(&f.export_model))),
        ],
        Record::Product(p) => vec![
            text(&p.id),
            text(&p.name_id),
            text(&p.name_en),
            Text(Some(enum_cell(&p.category))),
            Text(Some(enum_cell(&p.unit))),
            Text(Some(enum_cell(&p.status))),
            Text(p.hs_code.clone()),
        ],
        Record::Shipment(s) => vec![
            text(&s.id),
            Text(s.date.map(|d| d.format("%Y-%m-%d").to_string())),
            text(&s.facility_id),
            text(&s.product_id),
            text(&s.country),
            Real(Some(s.quantity)),
            Text(Some(enum_cell(&s.unit))),
            Int(s.value_idr),
            Real(s.value_usd),
            Int(Some(i64::from(s.provisional))),
        ],
        Record::Production(r) => vec![
            text(&r.facility_id),
            text(&r.product_id),
            Text(Some(r.month.to_string())),
            Real(Some(r.quantity)),
            Text(Some(enum_cell(&r.unit))),
            Int(Some(i64::from(r.provisional))),
        ],
        Record::SupplyLink(l) => vec![
            text(&l.id),
            text(&l.supplier_id),
            text(&l.producer_id),
            text(&l.material_id),
            text(&l.material_en),
        ],
        Record::ExchangeRate(r) => vec![
            Text(Some(r.date.format("%Y-%m-%d").to_string())),
            Real(Some(r.idr_per_usd)),
            text(&r.source.id),
            Text(r.source.fact.clone()),
            Text(r.source.quote.clone()),
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
        out.extend(provenance_cells(provenance).map(Text));
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
    if table == Table::Shipments {
        let ids: Vec<String> = records.iter().map(Record::key).collect();
        remember_ids(tx, engine, &ids).await?;
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

/// Notes release ids as given out (those already noted stay as they are).
async fn remember_ids(tx: &mut Tx, engine: Engine, ids: &[String]) -> Result<(), StorageError> {
    for batch in ids.chunks(BATCH_ROWS) {
        let params: Vec<String> = (1..=batch.len())
            .map(|n| match engine {
                Engine::Sqlite => "(?)".to_string(),
                Engine::Postgres => format!("(${n})"),
            })
            .collect();
        let sql = format!(
            "INSERT INTO issued_ids (id) VALUES {} ON CONFLICT (id) DO NOTHING",
            params.join(", ")
        );
        let mut query = sqlx::query(&sql).persistent(false);
        for id in batch {
            query = query.bind(id.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Claims a new release id; `false` if it was ever given out before (even if withdrawn since).
/// Two transactions claiming one id are ordered by the primary key: the second gets `false`.
pub async fn claim_id(tx: &mut Tx, id: &str) -> Result<bool, StorageError> {
    let done = sqlx::query("INSERT INTO issued_ids (id) VALUES ($1) ON CONFLICT (id) DO NOTHING")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
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

#[cfg(test)]
mod tests {
    use super::*;
    use karya_core::tables::{records_of, rows_of};
    use std::collections::HashMap;

    /// A cell as the CSV file writes it: flags as yes/no, lists separated by `;`.
    fn as_csv(cell: &Cell) -> String {
        match cell {
            Text(v) => v.clone().unwrap_or_default(),
            Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Real(v) => v.map(|x| format!("{x}")).unwrap_or_default(),
        }
    }

    fn normal(csv: &str) -> String {
        match csv {
            "yes" => "1".into(),
            "no" => "0".into(),
            other => other.replace(';', ","),
        }
    }

    /// The database row and the CSV row of every sample record hold the same values under
    /// the same column, so the positional `cells` cannot drift from the column list.
    #[test]
    fn cells_hold_what_the_csv_file_holds_under_each_column() {
        let sample = crate::sample::sample_dataset().unwrap();
        for table in Table::ALL {
            let (_, columns, key) = layout(table);
            let csv_names: Vec<Option<&str>> = table
                .columns()
                .iter()
                .map(|c| super::super::columns::sql_column(table, c.name))
                .collect();
            let key_of = |row: &HashMap<&str, String>| -> Vec<String> {
                key.iter().map(|k| row[k].clone()).collect()
            };
            let mut stored = HashMap::new();
            for record in records_of(&sample, table) {
                let cells = cells(&record);
                assert_eq!(cells.len(), columns.len(), "{table:?}");
                let row: HashMap<&str, String> = columns
                    .iter()
                    .zip(&cells)
                    .map(|(c, v)| (*c, as_csv(v)))
                    .collect();
                stored.insert(key_of(&row), row);
            }
            let rows = rows_of(&sample, table);
            assert_eq!(rows.len(), stored.len(), "{table:?}");
            for csv_row in rows {
                let row: HashMap<&str, String> = csv_names
                    .iter()
                    .zip(csv_row)
                    .filter_map(|(c, v)| Some(((*c)?, normal(&v))))
                    .collect();
                let db = &stored[&key_of(&row)];
                for column in &columns {
                    assert_eq!(normal(&db[column]), row[column], "{table:?} {column}");
                }
            }
        }
    }
}
