//! Per-client limits on the editors' API: failed sign-ins and writes are counted per client
//! address in fixed windows, and a client over either limit is told to wait (429) before
//! anything is checked or written. Kept in memory: each server counts its own clients.

use axum::extract::ConnectInfo;
use axum::http::Request;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed sign-ins a client may make per window before it must wait.
pub const MAX_FAILURES: u32 = 10;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Writes (and sign-in checks) a client may make per window.
pub const MAX_WRITES: u32 = 120;
pub const WRITE_WINDOW: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct Limits {
    failures: Mutex<HashMap<IpAddr, Window>>,
    writes: Mutex<HashMap<IpAddr, Window>>,
}

#[derive(Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
}

/// The client's address as the connection gives it; tests and proxies without it share one.
pub fn client_of<B>(req: &Request<B>) -> IpAddr {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

fn count(map: &Mutex<HashMap<IpAddr, Window>>, client: IpAddr, window: Duration) -> u32 {
    let mut map = map.lock().unwrap_or_else(|p| p.into_inner());
    let now = Instant::now();
    // Forget finished windows now and then, so the map does not grow with every client seen.
    if map.len() > 10_000 {
        map.retain(|_, w| now.duration_since(w.started) < window);
    }
    let w = map.entry(client).or_insert(Window {
        started: now,
        count: 0,
    });
    if now.duration_since(w.started) >= window {
        *w = Window {
            started: now,
            count: 0,
        };
    }
    w.count += 1;
    w.count
}

fn seconds_left(
    map: &Mutex<HashMap<IpAddr, Window>>,
    client: IpAddr,
    window: Duration,
    max: u32,
) -> Option<u64> {
    let map = map.lock().unwrap_or_else(|p| p.into_inner());
    let w = map.get(&client)?;
    let elapsed = w.started.elapsed();
    (elapsed < window && w.count >= max).then(|| (window - elapsed).as_secs().max(1))
}

impl Limits {
    /// `Some(seconds to wait)` if the client is over a limit; otherwise counts this request.
    pub fn admit(&self, client: IpAddr) -> Option<u64> {
        if let Some(wait) = seconds_left(&self.failures, client, FAILURE_WINDOW, MAX_FAILURES) {
            return Some(wait);
        }
        if let Some(wait) = seconds_left(&self.writes, client, WRITE_WINDOW, MAX_WRITES) {
            return Some(wait);
        }
        count(&self.writes, client, WRITE_WINDOW);
        None
    }

    pub fn failed(&self, client: IpAddr) {
        count(&self.failures, client, FAILURE_WINDOW);
    }
}
