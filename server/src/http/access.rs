//! One access-log line per request at info — method, route, status and
//! duration; the route is the pattern (`/teams/{id}`) when one matched,
//! never the query string, which can hold what someone searched for — and
//! the same figures counted for `/metrics`.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || unmatched(request.uri().path()),
        |m| m.as_str().to_string(),
    );
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    tracing::info!(
        target: "wijkwijs::access",
        %method,
        %route,
        status,
        ms = (seconds * 1000.0 * 10.0).round() / 10.0,
    );
    super::metrics::request_done(known_method(&method), &route, status, seconds);
    response
}

/// The method as a bounded label: any client may send a method of its own
/// making, and each label would be a new series kept for ever.
fn known_method(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

/// A path no route pattern matched (the bundle's files, a page that does
/// not exist) as a bounded label: the bundle's folder, else "other".
fn unmatched(path: &str) -> String {
    if path.starts_with("/pkg/") {
        "/pkg/*".to_string()
    } else {
        "(other)".to_string()
    }
}
