//! The `karya` binary's start: the address it prints, and the clear errors it gives when it
//! cannot start.

mod common;

use common::{address_in, karya, new_postgres_database, serve, spawn_and_read_first_line};
use std::ffi::OsStr;
use std::process::Stdio;

#[test]
fn prints_the_address_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let (dist, db) = (dir.path().join("dist"), dir.path().join("k.sqlite3"));
    let args = [
        OsStr::new("--dist"),
        dist.as_os_str(),
        OsStr::new("--db"),
        db.as_os_str(),
    ];
    let (mut child, line) = serve(args, Stdio::null());
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        line.starts_with("Karya is running at http://127.0.0.1:"),
        "{line}"
    );
    assert!(dir.path().join("k.sqlite3").exists());
}

#[test]
fn a_relative_database_path_with_odd_characters_is_created_under_the_working_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, line) = spawn_and_read_first_line(
        karya()
            .current_dir(dir.path())
            .args(["--addr", "127.0.0.1:0", "--db", "data dir/karya #1.sqlite3"])
            .stderr(Stdio::piped()),
    );
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        line.contains("running at"),
        "{line} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("data dir/karya #1.sqlite3").exists());
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = karya()
        .args(["--addr", &addr, "--db"])
        .arg(dir.path().join("k.sqlite3"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("already in use") && err.contains(&addr) && err.contains("--addr"),
        "{err}"
    );
}

#[test]
fn an_unwritable_database_path_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let out = karya()
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(file.join("karya.sqlite3"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("database") && err.contains("--db"), "{err}");
}

#[test]
fn help_says_what_it_does_with_an_example() {
    let out = karya().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Karya") && help.contains("Examples:") && help.contains("KARYA_DB"),
        "{help}"
    );
    for sub in ["serve", "import", "export", "backup", "token"] {
        assert!(help.contains(sub), "{sub} missing from {help}");
        let out = karya().args([sub, "--help"]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("Example"),
            "{sub}: {text}"
        );
    }
}

/// Starts the server on `db`, sends one GET of `path`, stops it; returns its log.
fn log_of_one_request(db: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    let args = [
        OsStr::new("--db"),
        OsStr::new(db),
        OsStr::new("--dist"),
        dist.as_os_str(),
    ];
    let (mut child, line) = serve(args, Stdio::piped());
    let addr = address_in(&line);
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        conn,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn each_request_is_logged_at_info_without_its_query() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let log = log_of_one_request(db.to_str().unwrap(), "/api/v1/summary?country=ES");
    let line = log
        .lines()
        .find(|l| l.contains("/api/v1/summary"))
        .unwrap_or_else(|| panic!("no access line in {log}"));
    assert!(line.contains("GET") && line.contains("200"), "{line}");
    assert!(!log.contains("country=ES"), "{log}");
}

#[test]
fn the_database_password_is_never_logged() {
    let Ok(server) = std::env::var("KARYA_TEST_POSTGRES") else {
        return; // only a PostgreSQL URL carries a password
    };
    if server.is_empty() {
        return;
    }
    // A new database, so the sample is loaded (and that is logged); the test server trusts
    // loopback, so any password is accepted.
    let name = format!("karya_pw_{}", std::process::id());
    let url = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(new_postgres_database(&server, &name));
    let mut url = url::Url::parse(&url).unwrap();
    url.set_password(Some("s3cret-never-logged")).unwrap();
    let log = log_of_one_request(url.as_str(), "/api/v1/health");
    assert!(log.contains("loaded the sample"), "{log}");
    assert!(!log.contains("s3cret-never-logged"), "{log}");
}
