//! The one error type of server functions, shown to users in Dutch. Details
//! of server faults are logged on the server, never sent to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use shared::i18n::{t, Text};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A fault on the server; the cause is in the server log.
    #[error("server error")]
    Server,
    /// The request could not be sent, read or decoded.
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    /// The Dutch message for the user.
    pub fn message(&self) -> &'static str {
        match self {
            AppError::NotFound => t(Text::ErrorNotFound),
            AppError::Server => t(Text::ErrorServer),
            AppError::Request(_) => t(Text::ErrorRequest),
        }
    }

    /// Sets the HTTP status of the page being rendered on the server.
    pub fn set_response_status(&self) {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            use axum::http::StatusCode;
            response.set_status(match self {
                AppError::NotFound => StatusCode::NOT_FOUND,
                AppError::Server => StatusCode::INTERNAL_SERVER_ERROR,
                AppError::Request(_) => StatusCode::BAD_REQUEST,
            });
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Server
    }
}
