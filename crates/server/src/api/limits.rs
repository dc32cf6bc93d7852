//! Limits on the editors' API, in fixed windows: writes per client address, and failed
//! sign-ins per known token (a wrong secret for a real token id) or per client (unknown
//! tokens), so a stranger's guesses hold the stranger, never the editors behind the same
//! address. Kept in memory: each server counts its own clients.

use axum::extract::ConnectInfo;
use axum::http::Request;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed sign-ins a client may make per window before it must wait.
pub const MAX_FAILURES: u32 = 10;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Writes (and sign-in checks) a client may make per window.
pub const MAX_WRITES: u32 = 120;
pub const WRITE_WINDOW: Duration = Duration::from_secs(60);

pub struct Limits {
    /// Proxies (load balancers) whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Writes a client may make per [`WRITE_WINDOW`] ([`MAX_WRITES`] unless configured).
    pub max_writes: u32,
    failures: Mutex<HashMap<Bucket, Window>>,
    writes: Mutex<HashMap<IpAddr, Window>>,
}

/// Whose failed sign-ins a failure counts against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// A token whose id is on file: only guesses at its secret count here.
    Token(String),
    /// Tokens that name no known id, by client address.
    Client(IpAddr),
}

#[derive(Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
}

/// The client's address. Behind a load balancer every request comes from the balancer, so
/// for a peer in `trusted` the nearest address in `X-Forwarded-For` that is not itself a
/// trusted proxy is the client; a header from anyone else is ignored, or a client could
/// claim any address and escape its limits. Without a connection address (tests) all share one.
pub fn client_of<B>(req: &Request<B>, trusted: &[IpAddr]) -> IpAddr {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded
        .into_iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
}

fn count<K: Hash + Eq>(map: &Mutex<HashMap<K, Window>>, client: K, window: Duration) -> u32 {
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

fn seconds_left<K: Hash + Eq>(
    map: &Mutex<HashMap<K, Window>>,
    client: &K,
    window: Duration,
    max: u32,
) -> Option<u64> {
    let map = map.lock().unwrap_or_else(|p| p.into_inner());
    let w = map.get(client)?;
    let elapsed = w.started.elapsed();
    (elapsed < window && w.count >= max).then(|| (window - elapsed).as_secs().max(1))
}

impl Limits {
    pub fn new(trusted_proxies: Vec<IpAddr>, max_writes: u32) -> Limits {
        Limits {
            trusted_proxies,
            max_writes,
            failures: Mutex::default(),
            writes: Mutex::default(),
        }
    }

    /// `Some(seconds to wait)` if the client is over the write limit; otherwise counts this
    /// request.
    pub fn admit(&self, client: IpAddr) -> Option<u64> {
        if let Some(wait) = seconds_left(&self.writes, &client, WRITE_WINDOW, self.max_writes) {
            return Some(wait);
        }
        count(&self.writes, client, WRITE_WINDOW);
        None
    }

    /// `Some(seconds to wait)` if the bucket had too many failed sign-ins: then the token is
    /// not even checked, so a guesser cannot tell when it has guessed right.
    pub fn held(&self, bucket: &Bucket) -> Option<u64> {
        seconds_left(&self.failures, bucket, FAILURE_WINDOW, MAX_FAILURES)
    }

    pub fn failed(&self, bucket: Bucket) {
        count(&self.failures, bucket, FAILURE_WINDOW);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(peer: &str, forwarded: Option<&str>) -> Request<()> {
        let mut req = Request::builder();
        if let Some(f) = forwarded {
            req = req.header("x-forwarded-for", f);
        }
        let mut req = req.body(()).unwrap();
        req.extensions_mut().insert(ConnectInfo(
            format!("{peer}:5000").parse::<SocketAddr>().unwrap(),
        ));
        req
    }

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let lb: IpAddr = "10.0.0.2".parse().unwrap();
        let trusted = [lb];
        let direct = request("203.0.113.9", Some("198.51.100.1"));
        assert_eq!(client_of(&direct, &trusted).to_string(), "203.0.113.9");
        let proxied = request("10.0.0.2", Some("198.51.100.1, 203.0.113.7"));
        assert_eq!(client_of(&proxied, &trusted).to_string(), "203.0.113.7");
        let no_header = request("10.0.0.2", None);
        assert_eq!(client_of(&no_header, &trusted), lb);
    }

    #[test]
    fn failures_past_the_limit_hold_a_client_and_only_that_client() {
        let limits = Limits::new(vec![], MAX_WRITES);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let token = Bucket::Token("0a1b".into());
        for _ in 0..MAX_FAILURES {
            assert_eq!(limits.held(&Bucket::Client(a)), None);
            limits.failed(Bucket::Client(a));
        }
        assert!(limits.held(&Bucket::Client(a)).is_some_and(|wait| wait > 0));
        assert_eq!(limits.held(&Bucket::Client(b)), None);
        assert_eq!(limits.held(&token), None);
    }
}
