//! Downloads. Every table a page shows, as CSV (RFC 4180, UTF-8, numbers
//! with a point) or XLSX: the page asked for with `?bestand=csv&tabel=…`
//! or `?bestand=xlsx` is rendered as usual while its tables are collected
//! (`app::components::data_table`), and the files are written instead of
//! the page. And the audit log as CSV, a route of its own (it holds more
//! rows than a page shows).

use super::reply::{loaded, permitted};
use app::auth::RequestContext;
use app::components::data_table::Collected;
use app::state::AppState;
use axum::extract::{Query, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shared::dto::{AuditFilter, AuditRow};
use shared::export::{Sheet, Value};
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
    let sheet = Sheet {
        title: "auditlog".to_string(),
        columns: AuditRow::CSV_HEADER.iter().map(|c| c.to_string()).collect(),
        rows: rows
            .iter()
            .map(|row| {
                row.csv_fields()
                    .iter()
                    .map(|field| Value::Text(field.to_string()))
                    .collect()
            })
            .collect(),
    };
    Ok(download("auditlog.csv", CSV, csv(&sheet)))
}

/// What a request for a page's tables asks: the format, and which table
/// (by its caption as a file name; all when none is named).
struct Wanted {
    xlsx: bool,
    table: Option<String>,
}

/// Answers `GET <page>?bestand=csv|xlsx[&tabel=…]` with the page's tables;
/// any other request passes on untouched.
pub async fn tables(mut request: Request, next: Next) -> Response {
    let Some((wanted, rest)) = wanted(&request) else {
        return next.run(request).await;
    };
    // The page is asked for without the export's own parameters.
    let path = request.uri().path().to_string();
    let uri = if rest.is_empty() {
        path.clone()
    } else {
        format!("{path}?{rest}")
    };
    if let Ok(uri) = uri.parse() {
        *request.uri_mut() = uri;
    }
    let collected = Collected::default();
    request.extensions_mut().insert(collected.clone());
    let response = next.run(request).await;
    if !response.status().is_success() {
        return response;
    }
    // Rendering finishes with the body; the tables are collected by then.
    if axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .is_err()
    {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let sheets = std::mem::take(&mut *collected.0.lock().expect("the export lock"));
    let chosen: Vec<Sheet> = match &wanted.table {
        Some(stem) => sheets
            .into_iter()
            .filter(|s| &shared::export::file_stem(&s.title) == stem)
            .take(1)
            .collect(),
        None => sheets,
    };
    let page = shared::export::file_stem(path.trim_matches('/'));
    match (wanted.xlsx, chosen.as_slice()) {
        (_, []) => StatusCode::NOT_FOUND.into_response(),
        (false, [sheet]) => {
            let stem = shared::export::file_stem(&sheet.title);
            download(&format!("{stem}.csv"), CSV, csv(sheet))
        }
        // A CSV holds one table: name it.
        (false, _) => StatusCode::NOT_FOUND.into_response(),
        (true, sheets) => match xlsx(sheets) {
            Ok(bytes) => {
                let stem = match (&wanted.table, sheets) {
                    (Some(_), [sheet]) => shared::export::file_stem(&sheet.title),
                    _ => page,
                };
                download(&format!("{stem}.xlsx"), XLSX, bytes)
            }
            Err(err) => {
                tracing::error!(error = %err, "writing an XLSX export");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
    }
}

/// The export a GET asks for, and the rest of its query.
fn wanted(request: &Request) -> Option<(Wanted, String)> {
    if request.method() != Method::GET {
        return None;
    }
    let query = request.uri().query()?;
    let mut format = None;
    let mut table = None;
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "bestand" => format = Some(value.into_owned()),
            "tabel" => table = Some(value.into_owned()).filter(|t| !t.is_empty()),
            _ => {
                rest.append_pair(&key, &value);
            }
        }
    }
    let xlsx = match format?.as_str() {
        "csv" => false,
        "xlsx" => true,
        _ => return None,
    };
    Some((Wanted { xlsx, table }, rest.finish()))
}

const CSV: &str = "text/csv; charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A sheet as CSV: RFC 4180 with commas, UTF-8 with a byte-order mark (so
/// spreadsheet programs read it as such), numbers with a point, and no
/// text a spreadsheet would run.
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let written: csv::Result<()> = (|| {
        out.write_record(
            sheet
                .columns
                .iter()
                .map(|c| shared::export::spreadsheet_safe(c).into_owned()),
        )?;
        for row in &sheet.rows {
            out.write_record(row.iter().map(|value| match value {
                Value::Text(text) => shared::export::spreadsheet_safe(text).into_owned(),
                Value::Number(n) => n.to_string(),
                Value::Empty => String::new(),
            }))?;
        }
        Ok(())
    })();
    written.expect("writing to memory does not fail");
    out.into_inner().expect("writing to memory does not fail")
}

/// Sheets as one XLSX workbook: a worksheet per table, its header row in
/// bold, numbers as numbers and text as text (never a formula).
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let names = shared::export::sheet_names(sheets.iter().map(|s| s.title.as_str()));
    for (sheet, name) in sheets.iter().zip(names) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&name)?;
        for (c, column) in sheet.columns.iter().enumerate() {
            worksheet.write_string_with_format(0, c as u16, column, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match value {
                    Value::Text(text) => {
                        worksheet.write_string(r, c, text)?;
                    }
                    Value::Number(n) => {
                        worksheet.write_number(r, c, *n)?;
                    }
                    Value::Empty => {}
                }
            }
        }
        worksheet.autofit();
    }
    workbook.save_to_buffer()
}

/// `bytes` of `content_type` as a download named `filename`, never kept
/// by a cache.
fn download(filename: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}
