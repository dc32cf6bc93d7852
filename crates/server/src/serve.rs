//! The HTTP loop and the limits that keep one client or a crowd from taking the server down:
//! a header-read time limit per connection, a whole-request time limit, a cap on requests in
//! flight (503 + `Retry-After` past it), a panic caught as the JSON 500, and a shutdown that
//! lets in-flight requests finish within a deadline.

use crate::api::ApiError;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::Layer;

/// The limits, each in the README's configuration table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServeLimits {
    /// A client must send a request's headers within this time (slow-header attacks).
    pub header_read: Duration,
    /// A request is answered within this time, or with 503.
    pub request: Duration,
    /// Requests handled at once; more are answered 503 at once rather than queued.
    pub max_in_flight: usize,
    /// After SIGTERM or Ctrl-C, in-flight requests may finish for this long.
    pub shutdown_deadline: Duration,
    /// Editors' requests one client may make per minute (raised for contract test runs).
    pub writes_per_minute: u32,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_read: Duration::from_secs(10),
            request: Duration::from_secs(30),
            max_in_flight: 512,
            shutdown_deadline: Duration::from_secs(20),
            writes_per_minute: crate::api::limits::MAX_WRITES,
        }
    }
}

/// Seconds a client is told to wait when the server is at its limit.
const BUSY_RETRY_SECONDS: u64 = 1;

/// Answers 503 at once when `max_in_flight` requests are being handled, and 503 when a
/// request outlives `request` (its work is dropped: a write's transaction rolls back).
pub async fn back_pressure(
    State((slots, limit)): State<(Arc<Semaphore>, Duration)>,
    req: Request,
    next: Next,
) -> Response {
    let Ok(_slot) = slots.try_acquire_owned() else {
        tracing::warn!(
            path = req.uri().path(),
            "refused: too many requests in flight"
        );
        return ApiError::Unavailable(
            "the server is answering as many requests as it can: try again in a moment".into(),
            BUSY_RETRY_SECONDS,
        )
        .into_response();
    };
    let path = req.uri().path().to_string();
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::warn!(
                path,
                seconds = limit.as_secs(),
                "request cut off at the time limit"
            );
            ApiError::Unavailable(
                format!(
                    "the request took longer than {} seconds and was stopped (nothing of it was written): try again",
                    limit.as_secs()
                ),
                BUSY_RETRY_SECONDS,
            )
            .into_response()
        }
    }
}

/// A handler that panics answers the API's JSON 500; the panic is logged, the server goes on.
pub fn panic_answer(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    tracing::error!(panic = what, "a request handler panicked");
    ApiError::Fault.into_response()
}

/// Serves `app` on `listener` until `shutdown` completes, then waits for in-flight requests
/// up to `limits.shutdown_deadline` and returns (cutting what is left).
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // The peer address reaches the handlers: the editors' API limits each client by it.
        let service = TowerToHyperService::new(Extension(ConnectInfo(peer)).layer(app.clone()));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("every request in flight finished"),
        () = tokio::time::sleep(limits.shutdown_deadline) => tracing::warn!(
            seconds = limits.shutdown_deadline.as_secs(),
            "shutdown deadline passed: open connections are cut"
        ),
    }
}
