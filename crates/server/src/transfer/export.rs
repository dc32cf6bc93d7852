//! `karya export`: every table as a CSV file in the import format, rows sorted by key, so an
//! export imported into an empty database exports again byte for byte the same.

use crate::storage::{StorageError, Store};
use karya_core::tables::{rows_of, Table};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Writes `<table>.csv` for every table into `dir` (created if missing); returns the number
/// of rows written per table.
pub async fn export(store: &Store, dir: &Path) -> Result<Vec<(Table, usize)>, ExportError> {
    let write_error = |path: &Path, source: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let dataset = store.dataset().await?;
    let mut counts = Vec::new();
    for table in Table::ALL {
        let path = dir.join(table.file_name());
        let rows = rows_of(&dataset, table);
        let mut out = csv::Writer::from_path(&path).map_err(|e| write_error(&path, e.into()))?;
        out.write_record(table.header())
            .map_err(|e| write_error(&path, e.into()))?;
        for row in &rows {
            // A cell such as `=HYPERLINK(…)` is written as text (the import reads it back).
            out.write_record(
                row.iter()
                    .map(|c| karya_core::tables::cell::neutralise(c).into_owned()),
            )
            .map_err(|e| write_error(&path, e.into()))?;
        }
        out.flush().map_err(|e| write_error(&path, e))?;
        counts.push((table, rows.len()));
    }
    Ok(counts)
}

/// The template of a table: its header row alone.
pub fn template(table: Table) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(table.header());
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}
