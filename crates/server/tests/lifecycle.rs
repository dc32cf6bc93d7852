//! The `karya` process under a slow client and a shutdown: headers sent a byte a second are
//! cut off at the limit while others are served, and SIGTERM lets a write in flight finish
//! (and land) before the process exits 0.

mod common;

use common::{address_in, karya, serve};
use sqlx::Connection;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `karya serve` on `db` with `extra` flags; returns the process and its address.
fn start(db: &str, extra: &[&str]) -> (Child, String) {
    let args = ["--dist", "/nonexistent", "--db", db];
    let (child, line) = serve(args.iter().chain(extra), Stdio::null());
    (child, address_in(&line))
}

fn request(addr: &str, raw: &str) -> String {
    let mut conn = TcpStream::connect(addr).unwrap();
    conn.write_all(raw.as_bytes()).unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn a_client_sending_headers_a_byte_a_second_is_cut_off_while_others_are_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let (mut child, addr) = start(db.to_str().unwrap(), &["--header-timeout", "2"]);
    let slow = TcpStream::connect(&addr).unwrap();
    let mut reader = slow.try_clone().unwrap();
    let started = Instant::now();
    let writer = std::thread::spawn(move || {
        let mut slow = slow;
        for b in b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n" {
            if slow.write_all(&[*b]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    // Others are served meanwhile.
    let ok = request(
        &addr,
        "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    let cut = started.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();
    drop(writer);
    assert!(
        cut >= Duration::from_millis(1500) && cut < Duration::from_secs(8),
        "cut off after {cut:?}"
    );
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_a_write_in_flight_finish_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    let db = db.to_str().unwrap().to_string();
    let out = karya()
        .args(["token", "create", "siti", "--db", &db])
        .output()
        .unwrap();
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(token.starts_with("karya_"), "{token}");
    let (mut child, addr) = start(&db, &["--shutdown-deadline", "10"]);

    // Another writer holds the lock: the release below waits for it inside the server.
    sqlx::any::install_default_drivers();
    let mut lock = sqlx::AnyConnection::connect(&format!("sqlite://{db}"))
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut lock)
        .await
        .unwrap();
    let body = r#"{"date":"2025-06-17","facility_id":"lapas-cirebon","product_id":"coco-shade","country":"ES","quantity":5,"unit":"piece","source":{"id":"","outlet":"Antara","title":"t"}}"#;
    let raw = format!(
        "POST /api/v1/shipments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let in_flight = {
        let addr = addr.clone();
        std::thread::spawn(move || request(&addr, &raw))
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    tokio::time::sleep(Duration::from_millis(500)).await;
    sqlx::query("ROLLBACK").execute(&mut lock).await.unwrap();

    let answer = in_flight.join().unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    // The acknowledged write is in the database.
    let id = answer
        .split("\"id\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let store = karya_server::storage::Store::open(&db).await.unwrap();
    assert!(store.shipment(&id).await.unwrap().is_some());
}
