//! CSV downloads. Plain GET routes beside the app, with the same
//! permission checks as the server functions.

use super::reply::{found, loaded, permitted};
use app::auth::RequestContext;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shared::dto::{AuditFilter, AuditRow};
use shared::permissions::Permission;

/// Most rows one export holds.
const EXPORT_LIMIT: u64 = 100_000;

pub async fn audit_csv(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Query(filter): Query<AuditFilter>,
) -> Result<Response, StatusCode> {
    permitted(&request, Permission::Administer)?;
    let rows = loaded(
        app::store::audit::list(&state.db, &filter, EXPORT_LIMIT).await,
        "audit export",
    )?;
    loaded(
        app::auth::audit(
            &state.db,
            &request,
            "auditlog-exporteren",
            ("auditlog", None),
            app::store::audit::Outcome::Ok,
            (None, None),
        )
        .await,
        "auditing the audit export",
    )?;
    // A byte-order mark so spreadsheet programs read UTF-8.
    let mut csv = String::from("\u{feff}");
    csv.push_str(&shared::csv::line(&AuditRow::CSV_HEADER));
    for row in &rows {
        csv.push_str(&shared::csv::line(&row.csv_fields()));
    }
    Ok(download("auditlog.csv", csv))
}

/// `/bestuurderstafel.csv?gemeente=…`: the figures of the bestuurderstafel
/// as shown on screen (the same view, so the same suppression).
pub async fn governance_csv(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, StatusCode> {
    permitted(&request, Permission::ReadNetwork)?;
    let typed = params.get("gemeente").map_or("", String::as_str);
    let gemeente = shared::dto::gemeente_param(typed).map_err(|()| StatusCode::NOT_FOUND)?;
    let view = found(
        state
            .insight
            .table(&state.db, request.seen, gemeente, state.suppression)
            .await,
        "bestuurderstafel export",
    )?;
    Ok(download(
        "bestuurderstafel.csv",
        shared::governance::csv(&view),
    ))
}

/// `csv` as a download named `filename`, never kept by a cache.
fn download(filename: &str, csv: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        csv,
    )
        .into_response()
}
