//! Files that would hurt whoever opens them or the server that reads them: cells a
//! spreadsheet would run as formulas, a workbook whose cells span billions of places, and
//! figures dated in the future, refused by the import as the editors' API refuses them.

mod common;

use common::{import_path, test_app};
use karya_server::transfer::export;

const SHIPMENT: &str = "id,date,facility_id,product_id,country,quantity,unit,value_idr,value_usd,provisional,provenance,source_id,source_fact,source_quote\n";

#[tokio::test]
async fn a_formula_in_a_cell_is_exported_as_text_and_read_back_unchanged() {
    let app = test_app().await;
    let store = app.store().await;
    let dir = app.dir.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("sources.csv"),
        "id,outlet,title,author,url,document\n\
         evil,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"line\rbreak\",,,doc\n",
    )
    .unwrap();
    import_path(&store, &dir).await.unwrap();
    let out = app.dir.path().join("out");
    export::export(&store, &out).await.unwrap();
    let csv = std::fs::read_to_string(out.join("sources.csv")).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.contains("\"line\rbreak\""), "{csv}");
    // Imported again, the text is what it was: the quote is the export's, not the data's.
    let again = import_path(&store, &out).await.unwrap();
    assert_eq!(again.total(|t| t.updated), 0, "{again:?}");
    let sources = store.sources().await.unwrap();
    let evil = sources.iter().find(|s| s.id == "evil").unwrap();
    assert_eq!(evil.outlet, "=HYPERLINK(\"http://x\",\"y\")");
}

#[tokio::test]
async fn a_workbook_spanning_the_whole_grid_is_refused_not_allocated() {
    let app = test_app().await;
    let path = app.dir.path().join("bomb.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("shipments").unwrap();
    sheet.write_string(0, 0, "id").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save(&path).unwrap();
    let errors = import_path(&app.store().await, &path).await.unwrap_err();
    assert!(errors[0].contains("spans"), "{errors:?}");
}

#[tokio::test]
async fn an_import_refuses_a_release_dated_in_the_future() {
    let app = test_app().await;
    let dir = app.dir.path().join("future");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("shipments.csv"),
        format!(
            "{SHIPMENT}f-1,2099-01-01,lapas-cirebon,coco-shade,ES,5,piece,,,no,illustrative,,,\n"
        ),
    )
    .unwrap();
    let errors = import_path(&app.store().await, &dir).await.unwrap_err();
    assert!(errors.iter().any(|e| e.contains("date")), "{errors:?}");
}
