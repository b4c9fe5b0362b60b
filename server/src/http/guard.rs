//! What every request passes before the app: the same-origin check for
//! state-changing requests (CSRF), the session lookup, the redirect of
//! anonymous visitors to the login page, and the security headers.

use app::api::account::encode_query;
use app::auth::{session_token, RequestContext};
use app::state::AppState;
use app::store::change_clock::Fingerprint;
use app::store::sessions;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use shared::i18n::{Language, Text};
use std::net::SocketAddr;

/// Pages anyone may open; everything else asks for a login first. Server
/// functions (/api) check permissions themselves.
fn is_public(path: &str) -> bool {
    path == "/inloggen"
        || path == "/inloggen/tweede-stap"
        || path == "/toegankelijkheid"
        || path == "/healthz"
        || path == "/metrics"
        || path == "/.well-known/security.txt"
        || path.starts_with("/account/instellen/")
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
}

/// The JSON API (`http::api`): its callers send a token, never a
/// session's cookie, so neither a same-origin check nor a session applies.
fn is_token_api(path: &str) -> bool {
    path == "/api/v1" || path.starts_with("/api/v1/")
}

pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr);
    let https = over_https(&state, request.headers(), peer);
    let token_api = is_token_api(request.uri().path());
    if !is_safe(request.method())
        && !token_api
        && !same_origin(request.headers(), state.public_origin.as_deref(), https)
    {
        let language = Language::for_request(
            None,
            language_cookie(request.headers(), https),
            accept_language(request.headers()),
        );
        let mut response =
            (StatusCode::FORBIDDEN, Text::ErrorOtherOrigin.text(language)).into_response();
        add_security_headers(response.headers_mut());
        return response;
    }

    if let Some(refused) = limit_body(&mut request, https) {
        let mut response = refused;
        add_security_headers(response.headers_mut());
        return response;
    }
    let reads_only = is_safe(request.method());
    let path = request.uri().path().to_string();
    let context = if is_bundle_file(&path) || token_api {
        anonymous_context(&state, request.headers(), peer)
    } else {
        request_context(&state, request.headers().clone(), peer, reads_only).await
    };
    let mut context = context;
    if reads_only && is_page(&path) {
        context.news = news_count(&state, &context).await;
    }
    let anonymous = context.viewer().is_none();
    let second_step = context
        .session
        .as_ref()
        .is_some_and(|s| s.second_factor_pending);
    let https = context.https;
    let language = context.language;
    let from_a_page = accepts_html(request.headers());
    request.extensions_mut().insert(context);

    let mut response = if anonymous && is_safe(request.method()) && !is_public(&path) {
        let target = request
            .uri()
            .path_and_query()
            .map(|pq| pq.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        let login = if second_step {
            "/inloggen/tweede-stap"
        } else {
            "/inloggen"
        };
        Redirect::to(&format!("{login}?volgende={}", encode_query(&target))).into_response()
    } else {
        next.run(request).await
    };
    if path.starts_with("/api/") && response.status() == StatusCode::INTERNAL_SERVER_ERROR {
        response = unreadable_request(response, language, from_a_page).await;
    }
    add_security_headers(response.headers_mut());
    if https {
        // Over https, browsers keep to https for a year.
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// The most a request body may hold: every form of the app fits many
/// times over.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Where files are uploaded (`app::api::imports`): results files, and
/// iJw/iWmo messages.
const UPLOAD_PATHS: [&str; 2] = ["/api/results/import", "/api/results/import/messages"];

/// The most an upload of files may hold. A file above the import's
/// own limit (`shared::import::MAX_FILE_BYTES`) up to this size is still
/// read to its end, so the browser gets the import page's message about it
/// instead of a broken connection.
pub const MAX_UPLOAD_BYTES: usize = 64 << 20;

/// The body limit of a request to `path`.
fn body_limit(path: &str) -> usize {
    if UPLOAD_PATHS.contains(&path) {
        MAX_UPLOAD_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// A body announced larger than `MAX_BODY_BYTES` is refused with 413 at
/// once; one that does not say its length is cut off there (its reader
/// gets an error, which the server function answers as unreadable). Server
/// functions read whole bodies, so without this one request could fill the
/// memory.
fn limit_body(request: &mut Request, https: bool) -> Option<Response> {
    let limit = body_limit(request.uri().path());
    // The upload's reader (server_fn's multipart codec) panics on a body
    // that does not say its multipart boundary: refused here with 415.
    if UPLOAD_PATHS.contains(&request.uri().path()) && !is_safe(request.method()) {
        let boundary = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| multer::parse_boundary(v).ok());
        if boundary.is_none() {
            let language = Language::for_request(
                None,
                language_cookie(request.headers(), https),
                accept_language(request.headers()),
            );
            return Some(
                (
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    Text::ErrorRequest.text(language),
                )
                    .into_response(),
            );
        }
    }
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit) {
        let language = Language::for_request(
            None,
            language_cookie(request.headers(), https),
            accept_language(request.headers()),
        );
        return Some(
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                Text::ErrorTooLarge.text(language),
            )
                .into_response(),
        );
    }
    let body = std::mem::take(request.body_mut());
    *request.body_mut() = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    None
}

/// Server functions answer arguments they cannot read (a missing field, a
/// word where a number belongs) with 500 and an English detail; that is
/// the client's fault, so it becomes a 400 with the message in the
/// reader's language — a page for a browser's plain form post, JSON for a
/// script — logged at debug only. Any other 500 passes unchanged.
async fn unreadable_request(response: Response, language: Language, page: bool) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if !bytes.starts_with(b"{\"Request\":") {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    }
    tracing::debug!(detail = %String::from_utf8_lossy(&bytes), "unreadable server function arguments");
    // The catalogue's texts hold no quote, backslash or markup to escape.
    let message = Text::ErrorRequest.text(language);
    if page {
        let body = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><link rel=\"stylesheet\" href=\"/pkg/wijkwijs.css\"></head>\
             <body><main id=\"inhoud\"><h1>{}</h1><p>{message}</p>\
             <p><a href=\"/\">{}</a></p></main></body></html>",
            language.code(),
            Text::AppName.text(language),
            Text::AppName.text(language),
            Text::BackToOverview.text(language),
        );
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response();
    }
    let body = format!("{{\"Request\":\"{message}\"}}");
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// A browser's own request (a page, a plain form post), not a script's.
fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// A page a person reads (not a server function, chart, export or file),
/// whose header shows what is new.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with("/grafieken/")
        || path.ends_with(".csv")
        || path == "/healthz"
        || path == "/metrics"
        || path.starts_with("/.well-known/"))
}

/// How much is new for a member in their teams; 0 for anyone else, and
/// when it cannot be read (the page still opens).
async fn news_count(state: &AppState, context: &RequestContext) -> usize {
    let Some(viewer) = context.viewer().filter(|v| !v.teams.is_empty()) else {
        return 0;
    };
    let teams: Vec<i32> = viewer.teams.iter().map(|m| m.team_id).collect();
    state
        .insight
        .news_count(&state.db, context.seen, viewer.account_id, &teams)
        .await
        .unwrap_or_else(|err| {
            tracing::error!(error = %err, "counting news failed");
            0
        })
}

/// The browser bundle's files (script, wasm, stylesheet) are the same for
/// everyone: a page load fetches several, and none needs its session found
/// (or its idle time reset).
fn is_bundle_file(path: &str) -> bool {
    path.starts_with("/pkg/")
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A state-changing request must come from a page of this site: its
/// `Origin` (or, lacking that, its `Referer`) must be the site's origin:
/// the configured one, else the request's host, over https when a trusted
/// proxy says so (`over_https`).
fn same_origin(headers: &HeaderMap, public_origin: Option<&str>, https: bool) -> bool {
    let expected = match public_origin {
        Some(origin) => origin.trim_end_matches('/').to_string(),
        None => {
            let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
                return false;
            };
            let scheme = if https { "https" } else { "http" };
            format!("{scheme}://{host}")
        }
    };
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match (value(header::ORIGIN), value(header::REFERER)) {
        (Some(origin), _) => origin == expected,
        (None, Some(referer)) => {
            referer == expected || referer.starts_with(&format!("{expected}/"))
        }
        (None, None) => false,
    }
}

/// Whether the client came over https: the public origin is https, or a
/// trusted proxy says so.
fn over_https(state: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> bool {
    state
        .public_origin
        .as_deref()
        .is_some_and(|o| o.starts_with("https://"))
        || state.trusted_proxies.https(
            peer.map(|p| p.ip()),
            &header_values(headers, "x-forwarded-proto"),
        )
}

/// Every value of header `name`, in the order they came.
fn header_values<'h>(headers: &'h HeaderMap, name: &str) -> Vec<&'h str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

/// Where a request comes from, before (or without) its session.
fn anonymous_context(
    state: &AppState,
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
) -> RequestContext {
    let forwarded_for = header_values(headers, "x-forwarded-for");
    RequestContext {
        client_addr: peer.map_or_else(
            || "onbekend".to_string(),
            |addr| {
                state
                    .trusted_proxies
                    .client(addr.ip(), &forwarded_for)
                    .to_string()
            },
        ),
        https: over_https(state, headers, peer),
        ..RequestContext::default()
    }
}

/// Who is asking, from where; for a request that only reads (`reads_only`),
/// also the fingerprint of the data in the same query as the session.
async fn request_context(
    state: &AppState,
    headers: HeaderMap,
    peer: Option<SocketAddr>,
    reads_only: bool,
) -> RequestContext {
    let base = anonymous_context(state, &headers, peer);
    let token = cookies(&headers).find_map(|c| session_token(c, base.https));
    let also: &[&str] = if reads_only {
        &Fingerprint::QUERIES
    } else {
        &[]
    };
    let (session, seen) = match token {
        Some(token) => {
            match sessions::resolve_reading(&state.db, token, chrono::Utc::now(), also).await {
                Ok((session, values)) => (session, Fingerprint::from_values(&values)),
                Err(err) => {
                    tracing::error!(error = %err, "session lookup failed");
                    (None, None)
                }
            }
        }
        None => (None, None),
    };
    let language = Language::for_request(
        session.as_ref().and_then(|s| s.language),
        language_cookie(&headers, base.https),
        accept_language(&headers),
    );
    RequestContext {
        session,
        seen,
        language,
        ..base
    }
}

/// The language chosen with the switch, as the cookie remembers it.
fn language_cookie(headers: &HeaderMap, https: bool) -> Option<&str> {
    let name = app::auth::cookie_name(app::language::COOKIE, https);
    cookies(headers).find_map(|c| app::auth::cookie_value(c, &name))
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

/// The request's `Cookie` headers.
fn cookies(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
}

fn add_security_headers(headers: &mut HeaderMap) {
    let defaults = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn same_origin_rules() {
        let host = ("host", "wijk.example:3000");
        assert!(same_origin(
            &headers(&[host, ("origin", "http://wijk.example:3000")]),
            None,
            false
        ));
        assert!(!same_origin(
            &headers(&[host, ("origin", "http://evil.example")]),
            None,
            false
        ));
        assert!(same_origin(
            &headers(&[host, ("referer", "http://wijk.example:3000/inloggen")]),
            None,
            false
        ));
        assert!(!same_origin(
            &headers(&[host, ("referer", "http://wijk.example:3000.evil/")]),
            None,
            false
        ));
        assert!(!same_origin(&headers(&[host]), None, false));
        assert!(same_origin(
            &headers(&[host, ("origin", "https://wijk.example:3000")]),
            None,
            true
        ));
        let public = Some("https://wijkwijs.example.nl");
        assert!(same_origin(
            &headers(&[host, ("origin", "https://wijkwijs.example.nl")]),
            public,
            false
        ));
        assert!(!same_origin(
            &headers(&[host, ("origin", "http://wijk.example:3000")]),
            public,
            false
        ));
    }

    #[test]
    fn encodes_next_paths() {
        assert_eq!(encode_query("/teams/3?x=1&y=2"), "/teams/3%3Fx%3D1%26y%3D2");
    }
}
