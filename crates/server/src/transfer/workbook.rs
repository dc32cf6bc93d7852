//! Spreadsheets read directly (`.xlsx`, `.xls`, `.ods`): each sheet named after a table (or
//! with a template's header) is read as that table's CSV file would be, so a data officer can
//! import the workbook they keep without saving each sheet as CSV.

use super::file::{CsvFile, ImportError};
use calamine::{open_workbook_auto, Data, DataType, Reader};
use karya_core::tables::Table;
use std::path::Path;

pub fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        matches!(
            x.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// Every sheet that holds a table; blank sheets are passed over, any other sheet is an error.
pub fn read_workbook(path: &Path) -> Result<Vec<CsvFile>, Vec<ImportError>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let whole = |message: String| ImportError {
        file: name.clone(),
        row: None,
        column: None,
        message,
    };
    if let Err(message) = sheets_fit(path) {
        return Err(vec![whole(message)]);
    }
    let mut book = open_workbook_auto(path)
        .map_err(|e| vec![whole(format!("cannot read the workbook: {e}"))])?;
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for sheet in book.sheet_names() {
        let label = format!("{name} [{sheet}]");
        let range = match book.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(e) => {
                errors.push(ImportError {
                    file: label,
                    row: None,
                    column: None,
                    message: format!("cannot read the sheet: {e}"),
                });
                continue;
            }
        };
        let Some((first_row, _)) = range.start() else {
            continue; // an empty sheet
        };
        let mut rows = range.rows();
        let mut header: Vec<String> = match rows.next() {
            Some(cells) => cells.iter().map(|c| cell_text(c, "")).collect(),
            None => continue,
        };
        // A sheet's used range often runs past its last column: drop the empty headers there.
        let width = header
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        header.truncate(width);
        let Some(table) = Table::parse(sheet.trim()).or_else(|| Table::of_header(&header)) else {
            errors.push(ImportError {
                file: label,
                row: None,
                column: None,
                message: format!(
                    "cannot tell which table this sheet is: name it after one ({}) or give it a template's header",
                    Table::ALL.map(|t| t.name()).join(", ")
                ),
            });
            continue;
        };
        let mut read = Vec::new();
        for (i, cells) in rows.enumerate() {
            let values: Vec<String> = header
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    cells
                        .get(c)
                        .map(|d| cell_text(d, column))
                        .unwrap_or_default()
                })
                .collect();
            if values.iter().all(|v| v.trim().is_empty()) {
                continue;
            }
            // The spreadsheet's own row number: the header's row plus one, counted from 1.
            read.push((first_row as usize + i + 2, values));
        }
        files.push(CsvFile {
            table,
            name: label,
            header,
            rows: read,
        });
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// The most cells a sheet's rectangle may span: a million rows of sixteen columns. The reader
/// holds the whole rectangle in memory, so a 2 KB file naming cells A1 and XFD1048576 would
/// otherwise ask for hundreds of gigabytes and abort the process.
pub const MAX_SHEET_CELLS: u64 = 16_000_000;

/// Checks each `.xlsx` sheet's declared dimension and the rectangle its cells really span,
/// reading cells one by one (nothing is allocated per empty cell). Other formats are read
/// as they are.
fn sheets_fit(path: &Path) -> Result<(), String> {
    let xlsx = path
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "xlsx" | "xlsm"));
    if !xlsx {
        return Ok(());
    }
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e| format!("cannot read the workbook: {e}"))?;
    let too_big = |sheet: &str, cells: u64| {
        format!(
            "the sheet {sheet:?} spans {cells} cells; at most {MAX_SHEET_CELLS} are read \
             (delete the stray cells far below or right of the table)"
        )
    };
    for sheet in book.sheet_names() {
        let mut cells = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| format!("cannot read the sheet {sheet:?}: {e}"))?;
        let declared = cells.dimensions().len();
        if declared > MAX_SHEET_CELLS {
            return Err(too_big(&sheet, declared));
        }
        let (mut low, mut high) = ((u32::MAX, u32::MAX), (0u32, 0u32));
        while let Some(cell) = cells
            .next_cell()
            .map_err(|e| format!("cannot read the sheet {sheet:?}: {e}"))?
        {
            let (r, c) = cell.get_position();
            low = (low.0.min(r), low.1.min(c));
            high = (high.0.max(r), high.1.max(c));
        }
        if low.0 <= high.0 {
            let spanned = u64::from(high.0 - low.0 + 1) * u64::from(high.1 - low.1 + 1);
            if spanned > MAX_SHEET_CELLS {
                return Err(too_big(&sheet, spanned));
            }
        }
    }
    Ok(())
}

/// A cell as the text a CSV file would hold: whole numbers without ".0", dates as
/// YYYY-MM-DD (YYYY-MM in a `month` column, where a spreadsheet turns "2025-06" into a date).
fn cell_text(cell: &Data, column: &str) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(_) => match cell.as_date() {
            Some(d) if column == "month" => d.format("%Y-%m").to_string(),
            Some(d) => d.format("%Y-%m-%d").to_string(),
            None => String::new(),
        },
        // The import refuses "#N/A" and the like as it refuses any unreadable value.
        Data::Error(e) => format!("#{e:?}"),
    }
}
