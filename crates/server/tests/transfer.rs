//! Import, export and backup through the library `karya import/export/backup` call, on SQLite
//! or (with KARYA_TEST_POSTGRES) PostgreSQL: the round trip, every kind of bad row, and
//! all-or-nothing.

mod common;

use common::{fresh_database, import_path, test_app};
use karya_server::storage::Store;
use karya_server::transfer::{backup, export};
use std::path::Path;

fn read_dir_sorted(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn the_sample_exported_imports_into_an_empty_database_and_exports_again_identically() {
    let app = test_app().await;
    let first = app.dir.path().join("first");
    export::export(&app.store().await, &first).await.unwrap();

    let empty = Store::open(&fresh_database(&app.dir.path().join("b")).await)
        .await
        .unwrap();
    let report = import_path(&empty, &first).await.unwrap();
    assert_eq!(
        report.total(|t| t.updated) + report.total(|t| t.unchanged),
        0
    );
    assert!(report.total(|t| t.inserted) > 600, "{report:?}");
    let second = app.dir.path().join("second");
    export::export(&empty, &second).await.unwrap();
    let (a, b) = (read_dir_sorted(&first), read_dir_sorted(&second));
    assert_eq!(a.len(), karya_core::tables::Table::ALL.len());
    assert_eq!(a, b);
    // The same files again change nothing.
    let again = import_path(&empty, &first).await.unwrap();
    assert_eq!(
        again.total(|t| t.inserted) + again.total(|t| t.updated),
        0,
        "{again:?}"
    );
    // And the API of the imported database counts as the original's.
    assert_eq!(
        empty.dataset().await.unwrap(),
        app.store().await.dataset().await.unwrap()
    );
}

#[tokio::test]
async fn a_file_with_every_kind_of_bad_row_is_refused_whole_with_each_error_located() {
    let app = test_app().await;
    let store = app.store().await;
    let before = store.dataset().await.unwrap();
    let file = app.dir.path().join("shipments.csv");
    let header = "id,date,facility_id,product_id,country,quantity,unit,value_idr,value_usd,provisional,provenance,source_id,source_fact,source_quote";
    let rows = [
        "good-1,2025-06-01,lapas-cirebon,coco-shade,ES,100,piece,,,no,illustrative,,,",
        "bad-facility,2025-06-01,lapas-atlantis,coco-shade,ES,100,piece,,,no,illustrative,,,",
        "bad-product,2025-06-01,lapas-cirebon,unobtainium,ES,100,piece,,,no,illustrative,,,",
        "bad-country,2025-06-01,lapas-cirebon,coco-shade,XX,100,piece,,,no,illustrative,,,",
        "bad-date,17/06/2025,lapas-cirebon,coco-shade,ES,100,piece,,,no,illustrative,,,",
        "bad-negative,2025-06-01,lapas-cirebon,coco-shade,ES,-5,piece,,,no,illustrative,,,",
        "bad-number,2025-06-01,lapas-cirebon,coco-shade,ES,banyak,piece,,,no,illustrative,,,",
        "bad-unit,2025-06-01,lapas-cirebon,coco-shade,ES,100,kilogram,,,no,illustrative,,,",
        "good-1,2025-06-02,lapas-cirebon,coco-shade,ES,100,piece,,,no,illustrative,,,",
        "bad-source,2025-06-01,lapas-cirebon,coco-shade,ES,100,piece,,,no,reported,,,",
    ];
    std::fs::write(&file, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let errors = import_path(&store, &file).await.unwrap_err();
    let expected = [
        ("row 3, column facility_id", "lapas-atlantis"),
        ("row 4, column product_id", "unobtainium"),
        ("row 5, column country", "XX"),
        ("row 6, column date", "YYYY-MM-DD"),
        ("row 7, column quantity", "positive"),
        ("row 8, column quantity", "not a number"),
        ("row 9, column unit", "counted in pieces"),
        ("row 10", "row 2 has the same key"),
        ("row 11, column source_id", "needs its source"),
    ];
    for (place, words) in expected {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(place) && e.contains(words)),
            "no error at {place} saying {words:?} in {errors:#?}"
        );
    }
    assert!(
        errors.iter().all(|e| e.starts_with("shipments.csv, row ")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("row 2,")),
        "the good row has no error: {errors:#?}"
    );
    // Nothing was written, not even the good row.
    assert_eq!(store.dataset().await.unwrap(), before);
}

#[tokio::test]
async fn a_header_that_matches_no_template_is_refused_with_the_columns_to_use() {
    let app = test_app().await;
    let file = app.dir.path().join("data.csv");
    std::fs::write(
        &file,
        "facility,product,month,qty\nlapas-cirebon,coco-shade,2025-01,3\n",
    )
    .unwrap();
    let errors = import_path(&app.store().await, &file).await.unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("cannot tell which table"), "{errors:?}");
    let file = app.dir.path().join("production.csv");
    std::fs::write(&file, "facility_id,product_id,month,qty\n").unwrap();
    let errors = import_path(&app.store().await, &file).await.unwrap_err();
    assert!(
        errors[0].contains("missing columns") && errors[0].contains("unknown columns: qty"),
        "{errors:?}"
    );
}

#[tokio::test]
async fn an_import_that_changes_a_figure_reports_it_and_keeps_the_old_value_in_the_audit_log() {
    let app = test_app().await;
    let store = app.store().await;
    let dir = app.dir.path().join("exp");
    export::export(&store, &dir).await.unwrap();
    let shipments = std::fs::read_to_string(dir.join("shipments.csv")).unwrap();
    let line = shipments
        .lines()
        .find(|l| l.starts_with("ilustrasi-2023-001,"))
        .unwrap();
    let changed = line.replacen(",400,piece,", ",410,piece,", 1);
    assert_ne!(line, changed);
    std::fs::write(
        dir.join("one.csv"),
        format!("{}\n{changed}\n", shipments.lines().next().unwrap()),
    )
    .unwrap();
    let report = import_path(&store, &dir.join("one.csv")).await.unwrap();
    assert_eq!(
        (report.total(|t| t.updated), report.total(|t| t.inserted)),
        (1, 0)
    );
    let entries = store
        .audit_log(
            Some((karya_core::tables::Table::Shipments, "ilustrasi-2023-001")),
            10,
        )
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].before.as_ref().unwrap()["quantity"], 400.0);
    assert_eq!(entries[0].after.as_ref().unwrap()["quantity"], 410.0);
}

#[tokio::test]
async fn a_backup_is_a_database_that_holds_the_same_data() {
    let app = test_app().await;
    let store = app.store().await;
    let file = app.dir.path().join("backups/karya.backup");
    let result = backup::backup(&store, &app.db, &file).await;
    if common::on_postgres() && which_pg_dump().is_none() {
        assert!(result.is_err());
        return;
    }
    result.unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > 10_000);
    // A second backup to the same file is refused rather than overwriting the first.
    assert!(backup::backup(&store, &app.db, &file).await.is_err());
    if !common::on_postgres() {
        let copy = Store::open(&file.to_string_lossy()).await.unwrap();
        assert_eq!(
            copy.dataset().await.unwrap(),
            store.dataset().await.unwrap()
        );
    }
}

fn which_pg_dump() -> Option<()> {
    std::process::Command::new("pg_dump")
        .arg("--version")
        .output()
        .ok()
        .map(|_| ())
}

/// A workbook as a data officer keeps it: one sheet per table, numbers as numbers, dates as
/// spreadsheet dates (the `month` cell too, as a spreadsheet turns "2025-06" into a date).
fn write_workbook(path: &Path, quantity: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("shipments").unwrap();
    for (c, h) in karya_core::tables::Table::Shipments
        .header()
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let row: [&str; 14] = [
        "xl-1",
        "",
        "lapas-cirebon",
        "coco-shade",
        "ES",
        "",
        "piece",
        "",
        "",
        "ya",
        "illustrative",
        "",
        "",
        "",
    ];
    for (c, v) in row.iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    sheet
        .write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2025, 6, 17).unwrap(), &date)
        .unwrap();
    match quantity.parse::<f64>() {
        Ok(n) => sheet.write_number(1, 5, n).unwrap(),
        Err(_) => sheet.write_string(1, 5, quantity).unwrap(),
    };
    let sheet = book.add_worksheet();
    sheet.set_name("production").unwrap();
    for (c, h) in karya_core::tables::Table::Production
        .header()
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "lapas-cirebon").unwrap();
    sheet.write_string(1, 1, "coco-shade").unwrap();
    sheet
        .write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2019, 3, 1).unwrap(), &date)
        .unwrap();
    sheet.write_number(1, 3, 25).unwrap();
    sheet.write_string(1, 4, "piece").unwrap();
    sheet.write_string(1, 6, "illustrative").unwrap();
    book.add_worksheet().set_name("notes").unwrap(); // a blank sheet is passed over
    book.save(path).unwrap();
}

#[tokio::test]
async fn a_workbook_is_imported_sheet_by_sheet_with_dates_and_numbers_read_as_typed() {
    let app = test_app().await;
    let store = app.store().await;
    let book = app.dir.path().join("laporan.xlsx");
    write_workbook(&book, "120");
    let report = import_path(&store, &book).await.unwrap();
    assert_eq!(report.total(|t| t.inserted), 2, "{report:?}");
    let s = store.shipment("xl-1").await.unwrap().unwrap();
    assert_eq!(
        (
            s.date.unwrap().to_string().as_str(),
            s.quantity,
            s.provisional
        ),
        ("2025-06-17", 120.0, true)
    );
    let month = "2019-03".parse().unwrap();
    let p = store
        .production_record("lapas-cirebon", "coco-shade", month)
        .await
        .unwrap();
    assert_eq!(p.map(|p| p.quantity), Some(25.0));

    let bad = app.dir.path().join("salah.xlsx");
    write_workbook(&bad, "banyak");
    let errors = import_path(&store, &bad).await.unwrap_err();
    assert_eq!(
        errors,
        ["salah.xlsx [shipments], row 2, column quantity: \"banyak\" is not a number"]
    );
}
