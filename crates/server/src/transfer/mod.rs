//! Moving data in and out as files: CSV (and spreadsheet) import and export in the format of
//! `karya_core::tables`, and consistent backups of the running database.

pub mod backup;
pub mod export;
mod file;
pub mod import;
pub mod workbook;
