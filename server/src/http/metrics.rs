//! `/metrics` in Prometheus's text format, for the operator's monitoring:
//! requests and their durations per route (`access`), the database pool,
//! and kept results found or made (`store::insight_cache`). It answers
//! only a request with `Authorization: Bearer <WIJKWIJS_METRICS_TOKEN>`;
//! with no token configured there is no such route (404).

use app::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

const DURATION: &str = "wijkwijs_http_request_duration_seconds";

/// Request durations fall in these buckets (seconds).
const BUCKETS: [f64; 11] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// The process's one recorder, installed on first use.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.to_string()), &BUCKETS)
            .expect("the buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder was installed first");
        }
        handle
    })
}

/// Counts a finished request.
pub fn request_done(method: &str, route: &str, status: u16, seconds: f64) {
    let (method, route) = (method.to_string(), route.to_string());
    metrics::counter!(
        "wijkwijs_http_requests_total",
        "method" => method.clone(),
        "route" => route.clone(),
        "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!(DURATION, "method" => method, "route" => route).record(seconds);
}

pub async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !presented.is_some_and(|p| same_secret(p, token)) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    record_pool(&state.db);
    let handle = handle();
    handle.run_upkeep();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle.render(),
    )
        .into_response()
}

/// Compares digests, so the time taken does not tell how much matched.
fn same_secret(presented: &str, expected: &str) -> bool {
    use sha2::{Digest, Sha256};
    Sha256::digest(presented.as_bytes()) == Sha256::digest(expected.as_bytes())
}

/// The database pool's connections, open and idle, at scrape time.
fn record_pool(db: &sea_orm::DatabaseConnection) {
    use sea_orm::ConnectionTrait;
    let (size, idle) = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
    };
    metrics::gauge!("wijkwijs_db_connections", "state" => "open").set(f64::from(size));
    metrics::gauge!("wijkwijs_db_connections", "state" => "idle").set(idle as f64);
}
