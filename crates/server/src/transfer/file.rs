//! A data file as both readers hand it on — a CSV file or a spreadsheet's sheet, its rows
//! not yet understood — and a problem located in one as a data officer would look for it.

use karya_core::tables::Table;
use std::fmt;

/// One problem, located as a data officer would look for it in a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: String,
    /// The spreadsheet's row number (the header is row 1); `None` for a whole-file problem
    /// or a record already in the database.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

pub fn file_error(file: &str, message: String) -> ImportError {
    ImportError {
        file: file.to_string(),
        row: None,
        column: None,
        message,
    }
}

/// One CSV file, read but not yet understood.
pub struct CsvFile {
    pub table: Table,
    pub name: String,
    pub header: Vec<String>,
    /// (spreadsheet row number, cells)
    pub rows: Vec<(usize, Vec<String>)>,
}
