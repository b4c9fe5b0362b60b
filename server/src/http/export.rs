//! CSV downloads. Plain GET routes beside the app, with the same
//! permission checks as the server functions.

use app::auth::RequestContext;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shared::dto::{AuditFilter, AuditRow};
use shared::permissions::{self, Permission};

/// Most rows one export holds.
const EXPORT_LIMIT: u64 = 100_000;

pub async fn audit_csv(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Query(filter): Query<AuditFilter>,
) -> Response {
    match permissions::check(request.viewer(), Permission::Administer) {
        Ok(()) => {}
        Err(permissions::Refusal::NotLoggedIn) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    }
    let rows = match app::store::audit::list(&state.db, &filter, EXPORT_LIMIT).await {
        Ok(rows) => rows,
        Err(err) => {
            tracing::error!(error = %err, "audit export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let audited = app::auth::audit(
        &state.db,
        &request,
        "auditlog-exporteren",
        ("auditlog", None),
        app::store::audit::Outcome::Ok,
        (None, None),
    )
    .await;
    if let Err(err) = audited {
        tracing::error!(error = %err, "audit export not audited");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    // A byte-order mark so spreadsheet programs read UTF-8.
    let mut csv = String::from("\u{feff}");
    csv.push_str(&shared::csv::line(&AuditRow::CSV_HEADER));
    for row in &rows {
        csv.push_str(&shared::csv::line(&row.csv_fields()));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"auditlog.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        csv,
    )
        .into_response()
}

/// `/bestuurderstafel.csv?gemeente=…`: the figures of the bestuurderstafel
/// as shown on screen (the same view, so the same suppression).
pub async fn governance_csv(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> Response {
    match permissions::check(request.viewer(), Permission::ReadNetwork) {
        Ok(()) => {}
        Err(permissions::Refusal::NotLoggedIn) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    }
    let typed = params.get("gemeente").map_or("", String::as_str);
    let Ok(gemeente) = shared::dto::gemeente_param(typed) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let view = match state
        .insight
        .table(&state.db, request.seen, gemeente, state.suppression)
        .await
    {
        Ok(Some(view)) => view,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "bestuurderstafel export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"bestuurderstafel.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        shared::governance::csv(&view),
    )
        .into_response()
}
