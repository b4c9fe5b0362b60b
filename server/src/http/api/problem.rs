//! Errors of the JSON API as RFC 9457 problem details
//! (`application/problem+json`), in Dutch, with the fields a request got
//! wrong.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// A refused or failed request.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Identifies the kind of problem; "about:blank" when the status says
    /// it all.
    #[schema(example = "about:blank")]
    pub r#type: String,
    /// What went wrong, in short.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong here, and what to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The fields of the request that were refused, each with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

/// A refused field.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct InvalidParam {
    pub name: String,
    pub reason: String,
}

impl Problem {
    pub fn new(status: StatusCode, title: &str, detail: Option<String>) -> Self {
        Problem {
            r#type: "about:blank".to_string(),
            title: title.to_string(),
            status: status.as_u16(),
            detail,
            invalid_params: Vec::new(),
        }
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "Niet geautoriseerd",
            Some(
                "Stuur een geldige API-sleutel mee: Authorization: Bearer <sleutel>. Een sleutel die is ingetrokken of verlopen, werkt niet meer."
                    .to_string(),
            ),
        )
    }

    pub fn forbidden(detail: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "Niet toegestaan",
            Some(detail.to_string()),
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "Niet gevonden",
            Some("Dit adres bestaat niet in deze API; zie /api/v1/openapi.json.".to_string()),
        )
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "Ongeldige aanvraag",
            Some(detail.into()),
        )
    }

    /// A request whose fields the domain's rules refused.
    pub fn invalid(params: Vec<InvalidParam>) -> Self {
        Problem {
            invalid_params: params,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Niet alles is goed ingevuld",
                Some("Zie invalidParams voor de velden en waarom.".to_string()),
            )
        }
    }

    pub fn server() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Er ging iets mis",
            Some("Probeer het later opnieuw.".to_string()),
        )
    }
}

impl From<sea_orm::DbErr> for Problem {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "the JSON API cannot read or write the database");
        Problem::server()
    }
}

impl From<app::error::AppError> for Problem {
    fn from(err: app::error::AppError) -> Self {
        tracing::error!(error = %err, "the JSON API failed");
        Problem::server()
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let unauthorized = status == StatusCode::UNAUTHORIZED;
        let mut response = (status, axum::Json(self)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if unauthorized {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
