//! `karya import`: CSV files into the database, all or nothing. Every row is read and checked
//! against the database and the rest of the import before anything is written; one bad row
//! and nothing is, and every problem is listed by file, row and column.

use super::file::file_error;
pub use super::file::{CsvFile, ImportError};
use crate::storage::{Actor, ChangeSet, StorageError, Store};
use karya_core::dataset::{sources_of, Dataset, DatasetError};
use karya_core::tables::{index_of, read_row, Record, RowReader, Table};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How many records an import adds, changes and finds as they are, per table.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ImportReport {
    pub tables: Vec<TableReport>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct TableReport {
    pub table: &'static str,
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportReport {
    pub fn total(&self, pick: fn(&TableReport) -> usize) -> usize {
        self.tables.iter().map(pick).sum()
    }
}

/// The CSV files at `path`: one file (its table named by its file name or recognised by its
/// header), or every `<table>.csv` in a folder such as `karya export` writes.
pub fn read_path(
    path: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<CsvFile>, Vec<ImportError>> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| {
            vec![file_error(
                &path.display().to_string(),
                format!("cannot read the folder: {e}"),
            )]
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"))
                    || super::workbook::is_workbook(p)
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(vec![file_error(
                &path.display().to_string(),
                "the folder holds no .csv or spreadsheet files".into(),
            )]);
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        if super::workbook::is_workbook(&file) {
            match super::workbook::read_workbook(&file) {
                Ok(sheets) => read.extend(sheets),
                Err(e) => errors.extend(e),
            }
            continue;
        }
        match read_file(&file, progress) {
            Ok(f) => read.push(f),
            Err(e) => errors.push(e),
        }
    }
    let mut seen: HashMap<Table, &str> = HashMap::new();
    for f in &read {
        if let Some(other) = seen.insert(f.table, &f.name) {
            errors.push(file_error(
                &f.name,
                format!("{other} holds {} too: give each table once", f.table.name()),
            ));
        }
    }
    if errors.is_empty() {
        read.sort_by_key(|f| f.table);
        Ok(read)
    } else {
        Err(errors)
    }
}

fn read_file(path: &Path, progress: &mut dyn FnMut(&str)) -> Result<CsvFile, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| file_error(&name, format!("cannot open the file: {e}")))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| file_error(&name, csv_problem(&e)))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let table = Table::parse(path.file_stem().and_then(|s| s.to_str()).unwrap_or(""))
        .or_else(|| Table::of_header(&header))
        .ok_or_else(|| {
            file_error(
                &name,
                format!(
                    "cannot tell which table this is: name the file after one ({}) or give it a template's header",
                    Table::ALL.map(|t| t.file_name()).join(", ")
                ),
            )
        })?;
    check_header(&name, table, &header)?;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row_number = i + 2;
        let record = record.map_err(|e| ImportError {
            file: name.clone(),
            row: Some(row_number),
            column: None,
            message: csv_problem(&e),
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank line a spreadsheet left behind
        }
        if record.len() != header.len() {
            return Err(ImportError {
                file: name.clone(),
                row: Some(row_number),
                column: None,
                message: format!(
                    "the row has {} cells but the header has {} columns",
                    record.len(),
                    header.len()
                ),
            });
        }
        rows.push((row_number, record.iter().map(str::to_string).collect()));
        if rows.len() % 250_000 == 0 {
            progress(&format!("{name}: read {} rows", rows.len()));
        }
    }
    Ok(CsvFile {
        table,
        name,
        header,
        rows,
    })
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"".into()
        }
        _ => format!("not a readable CSV file: {e}"),
    }
}

fn check_header(name: &str, table: Table, header: &[String]) -> Result<(), ImportError> {
    let known: Vec<&str> = table.header();
    let unknown: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|h| !known.contains(h))
        .collect();
    let missing: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| !header.iter().any(|h| h == k))
        .collect();
    if unknown.is_empty() && missing.is_empty() {
        return Ok(());
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing columns: {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        parts.push(format!("unknown columns: {}", unknown.join(", ")));
    }
    Err(file_error(
        name,
        format!(
            "the header does not match the {} template ({}); the template's columns are: {}",
            table.name(),
            parts.join("; "),
            known.join(", ")
        ),
    ))
}

/// An import, checked and ready to write.
pub struct ImportPlan {
    pub changes: ChangeSet,
    pub report: ImportReport,
    /// The data's version the plan was checked against: written only if still current.
    pub version: i64,
}

/// Reads every row, merges the records into what the database holds and checks the result as
/// a whole: all the problems, or the changes to write.
pub async fn plan(store: &Store, files: &[CsvFile]) -> Result<ImportPlan, PlanError> {
    // The version first: a write landing before the read below moves it, so the plan is
    // refused at write time rather than written over data it did not see.
    let version = store.data_version().await?;
    let current = store.dataset().await?;
    let mut plan = plan_against(current, files).map_err(PlanError::Invalid)?;
    plan.version = version;
    Ok(plan)
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{} problems", .0.len())]
    Invalid(Vec<ImportError>),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// [`plan`] over a dataset already read: the pure part, tested without a database.
pub fn plan_against(
    mut merged: Dataset,
    files: &[CsvFile],
) -> Result<ImportPlan, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut index = index_of(&merged);
    let mut sources = sources_of(&merged).into_iter().collect::<HashMap<_, _>>();
    // Where each imported record came from, to point the dataset's checks back at a row.
    let mut origin: HashMap<(Table, String), (String, usize)> = HashMap::new();
    let mut changes = ChangeSet::default();
    let mut report = ImportReport::default();
    for file in files {
        let mut counts = TableReport {
            table: file.table.name(),
            ..Default::default()
        };
        for (row_number, cells) in &file.rows {
            let mut row = RowReader::new(&file.header, cells);
            let record = read_row(file.table, &mut row, &sources);
            for e in row.errors {
                errors.push(ImportError {
                    file: file.name.clone(),
                    row: Some(*row_number),
                    column: Some(e.column.to_string()),
                    message: e.message,
                });
            }
            let key = (file.table, record.key());
            if let Some((_, first)) = origin.get(&key) {
                errors.push(ImportError {
                    file: file.name.clone(),
                    row: Some(*row_number),
                    column: None,
                    message: format!(
                        "row {first} has the same key ({}): give each record once",
                        key.1
                    ),
                });
                continue;
            }
            origin.insert(key, (file.name.clone(), *row_number));
            if let Record::Source(s) = &record {
                sources.insert(s.id.clone(), s.clone());
            }
            let old = record.clone().put_into(&mut merged, &mut index);
            match old {
                None => counts.inserted += 1,
                Some(ref o) if *o == record => {
                    counts.unchanged += 1;
                    continue;
                }
                Some(_) => counts.updated += 1,
            }
            changes.changes.push((record, old));
        }
        report.tables.push(counts);
    }
    // A changed publication changes every citation of it.
    merged.resync_sources(&sources);
    if let Err(problems) =
        merged.validate_at(Some(karya_core::entry::today_wib(chrono::Utc::now())))
    {
        // A cell already refused holds a stand-in value: its checks would only repeat that.
        let refused: std::collections::HashSet<(String, Option<usize>, Option<String>)> = errors
            .iter()
            .map(|e| (e.file.clone(), e.row, e.column.clone()))
            .collect();
        errors.extend(
            problems
                .into_iter()
                .map(|p| locate(p, &origin))
                .filter(|e| !refused.contains(&(e.file.clone(), e.row, e.column.clone()))),
        );
    }
    if errors.is_empty() {
        Ok(ImportPlan {
            changes,
            report,
            version: 0,
        })
    } else {
        errors.sort_by(|a, b| (&a.file, a.row).cmp(&(&b.file, b.row)));
        Err(errors)
    }
}

fn locate(p: DatasetError, origin: &HashMap<(Table, String), (String, usize)>) -> ImportError {
    let table = match p.record_type {
        "country" => Table::Countries,
        "facility" => Table::Facilities,
        "product" => Table::Products,
        "shipment" => Table::Shipments,
        "production record" => Table::Production,
        "supply link" => Table::SupplyLinks,
        "exchange rate" => Table::ExchangeRates,
        _ => Table::Statements,
    };
    match origin.get(&(table, p.record.clone())) {
        Some((file, row)) => ImportError {
            file: file.clone(),
            row: Some(*row),
            column: Some(p.field.to_string()),
            message: p.message,
        },
        None => ImportError {
            file: format!("{} already in the database", p.record_type),
            row: None,
            column: Some(p.field.to_string()),
            message: format!(
                "{:?}: {} (the import would make it wrong)",
                p.record, p.message
            ),
        },
    }
}

/// Writes a checked import in one transaction, with one audit entry for the import and one
/// for each record it changes.
pub async fn write(
    store: &Store,
    plan: &ImportPlan,
    actor: &str,
    what: &str,
) -> Result<(), StorageError> {
    let summary = serde_json::to_value(&plan.report).unwrap_or_default();
    let actor = Actor {
        name: actor.to_string(),
        action: karya_core::api::AuditAction::Import,
    };
    store
        .apply_import(&plan.changes, &actor, (what, summary), plan.version)
        .await
}

/// Whether a refused write was only in another's way (the data moved since the check, or
/// another import holds the lock): checking again and retrying is then the answer.
pub fn contended(e: &StorageError) -> bool {
    match e {
        StorageError::Moved => true,
        StorageError::Sql(sql) => crate::api::is_busy(sql),
        _ => false,
    }
}
