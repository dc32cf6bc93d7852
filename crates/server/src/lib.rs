//! Karya's backend: the JSON API under `/api/v1`, the built app, and the SQLite storage
//! behind them. `main.rs` only reads the command line; everything here is testable.

pub mod api;
pub mod discovery;
pub mod first_view;
pub mod sample;
pub mod security;
pub mod serve;
pub mod storage;
pub mod transfer;
pub mod web;

use api::AppState;
use axum::http::{HeaderValue, Method};
use axum::{middleware, Router};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use storage::{StorageError, Store};
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

#[derive(Debug, Clone)]
pub struct Config {
    /// A SQLite file path (created with its folder if missing) or a `sqlite://` URL.
    pub db: String,
    pub addr: String,
    /// The release build of the app (`trunk build --release` writes it).
    pub dist: PathBuf,
    /// Origins allowed to call the API from another site (an app hosted elsewhere).
    pub cors_origins: Vec<String>,
    /// A dataset file to load into an empty database instead of the sample.
    pub dataset: Option<PathBuf>,
    /// Origins allowed to embed the app in a frame (CSP `frame-ancestors`), beside our own.
    pub frame_ancestors: Vec<String>,
    /// Leave an empty database empty (a deployment whose data comes by import).
    pub no_sample: bool,
    /// Load balancers whose `X-Forwarded-For` names the client (for per-client limits).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Time limits, requests in flight and the shutdown deadline.
    pub limits: serve::ServeLimits,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{0}")]
    Sample(String),
    #[error("the address {addr:?} is not an IP address and port such as 127.0.0.1:8080")]
    BadAddress { addr: String },
    #[error("the address {addr} is already in use: stop the program using it, or choose another with --addr or KARYA_ADDR")]
    AddressInUse { addr: String },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("{0:?} is not an origin such as https://portal.example.go.id (a scheme and a host, no path)")]
    BadOrigin(String),
}

/// Opens the store and loads the sample dataset into an empty database.
pub async fn open_store(db: &str) -> Result<Store, StartupError> {
    open_store_with(db, None).await
}

/// As [`open_store`], but an empty database gets the dataset file `dataset` instead of the
/// sample (the benchmarks' synthetic data).
pub async fn open_store_with(
    db: &str,
    dataset: Option<&std::path::Path>,
) -> Result<Store, StartupError> {
    let store = Store::open(db).await?;
    let sample = match dataset {
        None => sample::sample_dataset(),
        Some(path) => sample::dataset_file(path),
    }
    .map_err(StartupError::Sample)?;
    if store.load_sample_if_empty(&sample).await? {
        // A PostgreSQL URL may hold a password: never in the log.
        let db = storage::redact_password(db);
        tracing::info!(db, "loaded the sample dataset into the new database");
    }
    Ok(store)
}

/// The whole HTTP application: API, app files and the layers around them.
pub fn app(store: Store, config: &Config) -> Result<Router, StartupError> {
    Ok(app_and_answers(store, config)?.0)
}

/// As [`app`], with its cache of aggregate answers, whose counter tests read.
pub fn app_and_answers(
    store: Store,
    config: &Config,
) -> Result<(Router, Arc<api::freshness::AnswerCache>), StartupError> {
    let state = AppState::new(
        store,
        config.trusted_proxies.clone(),
        config.limits.writes_per_minute,
    );
    let answers = state.answers.clone();
    // Read every release into memory now, so the first readers after a start do not wait for
    // it; a failure here is left for the first request to report.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        let (releases, store) = (state.releases.clone(), state.store.clone());
        runtime.spawn(async move { releases.warm(&store).await });
    }
    let pages = web::static_files(config.dist.clone(), state.clone());
    let api = Router::new()
        .nest("/v1", api::router(state))
        .fallback(api::no_such_route);
    let mut router = Router::new()
        .nest("/api", api)
        .merge(pages)
        .layer(middleware::from_fn(web::cache_headers))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(api::MAX_BODY_BYTES))
        .layer(middleware::from_fn(web::guard_request))
        .layer(middleware::from_fn_with_state(
            (
                Arc::new(tokio::sync::Semaphore::new(config.limits.max_in_flight)),
                config.limits.request,
            ),
            serve::back_pressure,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            serve::panic_answer,
        ))
        // Outside the guard, so its refusals (413, 414, 400, 503) carry the headers too.
        .layer(middleware::from_fn_with_state(
            Arc::new(security::Policy {
                index: config.dist.join("index.html"),
                frame_ancestors: checked_origins(&config.frame_ancestors)?,
            }),
            security::security_headers,
        ))
        .layer(access_log());
    if let Some(cors) = cors(&config.cors_origins)? {
        router = router.layer(cors);
    }
    Ok((router, answers))
}

type MakeSpan = fn(&axum::http::Request<axum::body::Body>) -> tracing::Span;
type AccessLog = TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    MakeSpan,
>;

/// One line per request at `info`: method, path (never the query, which may hold a search
/// or a token someone pasted), status and duration.
fn access_log() -> AccessLog {
    let span: MakeSpan =
        |req| tracing::info_span!("request", method = %req.method(), path = %req.uri().path());
    TraceLayer::new_for_http().make_span_with(span).on_response(
        tower_http::trace::DefaultOnResponse::new()
            .level(tracing::Level::INFO)
            .latency_unit(tower_http::LatencyUnit::Millis),
    )
}

/// Cross-origin access for the configured origins: reads, and the editors' writes with
/// their token (`Authorization`). `*` alone opens the API to every origin (the token, not
/// the origin, guards the writes); `*` beside named origins is refused as ambiguous.
fn cors(origins: &[String]) -> Result<Option<CorsLayer>, StartupError> {
    use tower_http::cors::AllowOrigin;
    if origins.is_empty() {
        return Ok(None);
    }
    let allow = if origins.iter().any(|o| o == "*") {
        if origins.len() > 1 {
            return Err(StartupError::BadOrigin(
                "* together with named origins (give either * alone, or the origins)".into(),
            ));
        }
        AllowOrigin::any()
    } else {
        let checked = checked_origins(origins)?;
        let values = checked
            .iter()
            .map(|o| HeaderValue::from_str(o).map_err(|_| StartupError::BadOrigin(o.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(values)
    };
    Ok(Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                axum::http::header::AUTHORIZATION,
                axum::http::header::CONTENT_TYPE,
                axum::http::header::ACCEPT_LANGUAGE,
                axum::http::header::IF_NONE_MATCH,
            ])
            .expose_headers([
                axum::http::header::ETAG,
                axum::http::header::RETRY_AFTER,
                axum::http::header::CONTENT_LANGUAGE,
            ])
            .max_age(std::time::Duration::from_secs(600)),
    ))
}

/// Origins as a browser writes them (`https://portal.example.go.id`), refused by name otherwise.
fn checked_origins(origins: &[String]) -> Result<Vec<String>, StartupError> {
    origins
        .iter()
        .map(|o| {
            let ok = url::Url::parse(o).is_ok_and(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host().is_some()
                    && u.path() == "/"
                    && !o.ends_with('/')
            });
            if ok {
                Ok(o.clone())
            } else {
                Err(StartupError::BadOrigin(o.clone()))
            }
        })
        .collect()
}

/// Binds the address; `on_ready` hears the real address (port 0 picks a free one).
pub async fn serve(config: Config, on_ready: impl FnOnce(SocketAddr)) -> Result<(), StartupError> {
    let addr: SocketAddr = config.addr.parse().map_err(|_| StartupError::BadAddress {
        addr: config.addr.clone(),
    })?;
    let store = if config.no_sample {
        Store::open(&config.db).await?
    } else {
        open_store_with(&config.db, config.dataset.as_deref()).await?
    };
    let app = app(store, &config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => StartupError::AddressInUse {
                addr: config.addr.clone(),
            },
            _ => StartupError::Listen {
                addr: config.addr.clone(),
                source,
            },
        })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartupError::Listen {
            addr: config.addr.clone(),
            source,
        })?;
    if !config.dist.join("index.html").exists() {
        tracing::warn!(dist = %config.dist.display(), "the app is not built: only the API is served");
    }
    on_ready(local);
    serve::run(listener, app, config.limits, shutdown_signal()).await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
