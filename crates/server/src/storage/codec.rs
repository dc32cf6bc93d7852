//! Turning domain values into columns and back. Enums are stored by their JSON names, so the
//! database, the API and CSV files all spell `in_development` the same way.

use super::StorageError;
use karya_core::{Month, Provenance, ProvenanceKind, Source};
use serde::de::DeserializeOwned;
use sqlx::any::AnyRow;
use sqlx::Row;

pub fn text_enum<T: DeserializeOwned>(text: &str) -> Result<T, StorageError> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|_| StorageError::Corrupt(format!("unknown value {text:?}")))
}

/// Columns of a record's provenance, joined with its source under `src_` names.
/// `{t}` stands for the record table's alias.
pub const PROVENANCE_SELECT: &str = "{t}.provenance, {t}.source_fact, {t}.source_quote, \
     src.id AS src_id, src.outlet AS src_outlet, src.title AS src_title, src.author AS src_author, \
     src.url AS src_url, src.document AS src_document";

pub fn provenance_select(alias: &str) -> String {
    PROVENANCE_SELECT.replace("{t}", alias)
}

pub fn source_join(alias: &str) -> String {
    format!("LEFT JOIN sources src ON src.id = {alias}.source_id")
}

pub fn read_source(row: &AnyRow) -> Result<Source, StorageError> {
    Ok(Source {
        id: row.try_get("src_id")?,
        outlet: row.try_get("src_outlet")?,
        title: row.try_get("src_title")?,
        author: row.try_get("src_author")?,
        url: row.try_get("src_url")?,
        document: row.try_get("src_document")?,
        fact: row.try_get("source_fact")?,
        quote: row.try_get("source_quote")?,
    })
}

pub fn read_provenance(row: &AnyRow) -> Result<Provenance, StorageError> {
    let kind: String = row.try_get("provenance")?;
    match ProvenanceKind::parse(&kind) {
        Some(ProvenanceKind::Illustrative) => Ok(Provenance::Illustrative),
        Some(ProvenanceKind::Reported) => Ok(Provenance::Reported {
            source: read_source(row)?,
        }),
        None => Err(StorageError::Corrupt(format!("provenance {kind:?}"))),
    }
}

/// A `YYYY-MM` column.
pub fn month_at(row: &AnyRow, column: &str) -> Result<Month, StorageError> {
    let text: String = row.try_get(column)?;
    text.parse()
        .map_err(|_| StorageError::Corrupt(format!("month {text:?}")))
}

pub fn all<T>(
    rows: Vec<AnyRow>,
    read: fn(&AnyRow) -> Result<T, StorageError>,
) -> Result<Vec<T>, StorageError> {
    rows.iter().map(read).collect()
}
