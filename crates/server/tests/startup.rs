//! The `karya` binary's start: the address it prints, and the clear errors it gives when it
//! cannot start.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn karya() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_karya"));
    cmd.env_remove("KARYA_DB")
        .env_remove("KARYA_ADDR")
        .env_remove("KARYA_DIST");
    cmd
}

#[test]
fn prints_the_address_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = karya()
        .args(["serve", "--addr", "127.0.0.1:0", "--dist"])
        .arg(dir.path().join("dist"))
        .arg("--db")
        .arg(dir.path().join("k.sqlite3"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
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
    let mut child = karya()
        .current_dir(dir.path())
        .args(["--addr", "127.0.0.1:0", "--db", "data dir/karya #1.sqlite3"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
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
