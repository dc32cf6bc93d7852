//! The real `karya import` on a large generated file, on SQLite or (with KARYA_TEST_POSTGRES)
//! PostgreSQL: killed with SIGKILL while writing, the database holds all of the import or
//! none of it and the import runs again cleanly; two imports at once both end whole, one
//! after the other, with nothing half-written.

mod common;

use common::{fresh_database, on_postgres};
use karya_server::storage::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const HEADER: &str = "id,date,facility_id,product_id,country,quantity,unit,value_idr,value_usd,\
provisional,provenance,source_id,source_fact,source_quote";

/// `rows` releases of the sample's facility and product, ids `{prefix}-000000`…, each with
/// quantity `quantity`.
fn write_file(dir: &Path, prefix: &str, rows: usize, quantity: u32) -> std::path::PathBuf {
    let folder = dir.join(prefix);
    std::fs::create_dir_all(&folder).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut text = format!("{HEADER}\n");
    for i in 0..rows {
        let date = start + chrono::Days::new((i % 600) as u64);
        text.push_str(&format!(
            "{prefix}-{i:06},{date},lapas-cirebon,coco-shade,ES,{quantity},piece,,,no,illustrative,,,\n"
        ));
    }
    let file = folder.join("shipments.csv");
    std::fs::write(&file, text).unwrap();
    file
}

fn import(db: &str, actor: &str, file: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_karya"));
    cmd.env_remove("KARYA_DB")
        .args(["import", "--db", db, "--as", actor])
        .arg(file);
    cmd
}

/// How many of the import's releases the database holds, how many distinct quantities they
/// have, and how many audit entries `actor` left.
async fn held(store: &Store, prefix: &str, actor: &str) -> (i64, i64, i64) {
    let like = format!("{prefix}-%");
    let (rows, quantities): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT quantity) FROM shipments WHERE id LIKE $1")
            .bind(&like)
            .fetch_one(store.pool())
            .await
            .unwrap();
    let (audits,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE actor = $1")
        .bind(actor)
        .fetch_one(store.pool())
        .await
        .unwrap();
    (rows, quantities, audits)
}

#[tokio::test]
async fn an_import_killed_while_writing_leaves_all_or_nothing_and_runs_again_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(dir.path()).await;
    karya_server::open_store(&db).await.unwrap(); // the sample, so the references exist
    const ROWS: usize = 60_000;
    let file = write_file(dir.path(), "crash", ROWS, 7);
    let mut child = import(&db, "crash", &file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let writing = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.contains("writing"));
    assert!(writing, "the import never reached its write");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import ended before the kill"
    );
    child.kill().unwrap(); // SIGKILL: no chance to roll back or clean up
    child.wait().unwrap();

    let store = Store::open(&db).await.unwrap();
    let (rows, _, audits) = held(&store, "crash", "crash").await;
    assert!(
        (rows, audits) == (0, 0) || (rows, audits) == (ROWS as i64, 1),
        "half an import: {rows} rows, {audits} audit entries"
    );
    if !on_postgres() {
        let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(check, "ok");
    }
    drop(store);

    let again = import(&db, "crash", &file).output().unwrap();
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{err}");
    let store = Store::open(&db).await.unwrap();
    assert_eq!(held(&store, "crash", "crash").await, (ROWS as i64, 1, 1));
}

#[tokio::test]
async fn two_imports_at_once_land_one_after_the_other_each_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(dir.path()).await;
    karya_server::open_store(&db).await.unwrap();
    const ROWS: usize = 20_000;
    // The same releases with different quantities: interleaved writes would mix them.
    let first = write_file(&dir.path().join("a"), "both", ROWS, 1);
    let second = write_file(&dir.path().join("b"), "both", ROWS, 2);
    let a = import(&db, "first", &first)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let b = import(&db, "second", &second)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for (who, out) in [("first", &a), ("second", &b)] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{who}: {err}");
        assert!(!err.contains("database error"), "{who}: {err}");
    }
    let store = Store::open(&db).await.unwrap();
    let (rows, quantities, _) = held(&store, "both", "first").await;
    assert_eq!(
        (rows, quantities),
        (ROWS as i64, 1),
        "one import's figures, not a mix"
    );
    // The one that landed second saw the first's releases: it reported them updated, and
    // its audit log names the first's figures as the values replaced.
    let (kept,): (f64,) =
        sqlx::query_as("SELECT MAX(quantity) FROM shipments WHERE id LIKE 'both-%'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    let (last, earlier) = if kept == 1.0 {
        ("first", "second")
    } else {
        ("second", "first")
    };
    let (_, _, last_audits) = held(&store, "both", last).await;
    let (_, _, earlier_audits) = held(&store, "both", earlier).await;
    assert_eq!(
        earlier_audits, 1,
        "the earlier import: one entry, its new releases unlisted"
    );
    assert_eq!(
        last_audits,
        ROWS as i64 + 1,
        "the later one: each release it replaced"
    );
}
