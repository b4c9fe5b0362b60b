//! The one error type of server functions, shown to users in Dutch. Details
//! of server faults are logged on the server, never sent to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use shared::i18n::{t, Message, Text};
use shared::validation::Problems;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// Nobody is logged in.
    #[error("not logged in")]
    NotLoggedIn,
    /// Logged in, but not allowed to do this.
    #[error("forbidden")]
    Forbidden,
    /// A beheerder must turn on two-factor login first.
    #[error("two-factor login required")]
    NeedsTwoFactor,
    /// Too many failed attempts; try again after this many minutes.
    #[error("too many attempts")]
    Throttled(i64),
    /// The input was refused; the form shows why, next to the fields.
    #[error("invalid input")]
    Invalid(FormErrors),
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
            AppError::NotLoggedIn => t(Text::ErrorNotLoggedIn),
            AppError::Forbidden => t(Text::ErrorForbidden),
            AppError::NeedsTwoFactor => t(Text::ErrorNeedsTwoFactor),
            AppError::Throttled(_) => t(Text::ErrorThrottled),
            AppError::Invalid(_) => t(Text::ErrorInvalid),
            AppError::NotFound => t(Text::ErrorNotFound),
            AppError::Server => t(Text::ErrorServer),
            AppError::Request(_) => t(Text::ErrorRequest),
        }
    }

    /// The error, with the HTTP status of the response set to match.
    pub fn with_status(self) -> Self {
        self.set_response_status();
        self
    }

    /// Sets the HTTP status of the page being rendered on the server.
    /// A plain form post keeps its redirect back to the form instead.
    pub fn set_response_status(&self) {
        #[cfg(feature = "ssr")]
        if is_plain_form_post() {
            return;
        }
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            use axum::http::StatusCode;
            response.set_status(match self {
                AppError::NotLoggedIn => StatusCode::UNAUTHORIZED,
                AppError::Forbidden | AppError::NeedsTwoFactor => StatusCode::FORBIDDEN,
                AppError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
                AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                AppError::NotFound => StatusCode::NOT_FOUND,
                AppError::Server => StatusCode::INTERNAL_SERVER_ERROR,
                AppError::Request(_) => StatusCode::BAD_REQUEST,
            });
        }
    }
}

/// What was wrong with a submitted form, and what the user typed (never a
/// password), so a form without JavaScript comes back filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// (field name, message in the reader's language); the name "" is for
    /// the form as a whole.
    pub messages: Vec<(String, String)>,
    /// (field name, submitted value).
    pub input: Vec<(String, String)>,
}

impl FormErrors {
    pub fn new(input: &[(&str, &str)]) -> Self {
        Self {
            messages: Vec::new(),
            input: input
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
        }
    }

    /// What a form struct (`shared::…Form`) holds, under its field names:
    /// the names are written once, in the struct.
    #[cfg(feature = "ssr")]
    pub fn typed(form: &impl Serialize) -> Self {
        let mut errors = Self::default();
        if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(form) {
            for (name, value) in fields {
                if let serde_json::Value::String(value) = value {
                    errors.input.push((name, value));
                }
            }
        }
        errors
    }

    /// Also keeps `value` as typed at `field` (ticked boxes, hidden ids).
    pub fn keeping(mut self, field: &str, value: &str) -> Self {
        self.input.push((field.to_string(), value.to_string()));
        self
    }

    /// Refuses `field` with a catalogue message; "" is the form as a whole.
    pub fn add(&mut self, field: &str, message: impl Into<Message>) {
        self.messages
            .push((field.to_string(), message.into().to_string()));
    }

    /// A short message as typed at field `body` (a reaction, a question to
    /// another team), checked and kept.
    #[cfg(feature = "ssr")]
    pub fn short_message(body: &str, personal_data_checked: &Option<String>) -> Self {
        let mut errors = Self::default().keeping("body", body);
        errors.add_all(shared::validation::message(body));
        errors.check_personal_data(&[("body", body)], personal_data_checked);
        errors
    }

    /// Refuses each field a validation refused.
    pub fn add_all(&mut self, problems: Problems) {
        for (field, message) in problems {
            self.add(field, message);
        }
    }

    /// Warns at each of `texts` (field, value) that looks like it holds a
    /// client's personal data, until the writer ticks the confirmation
    /// (`personal_data_checked`). A BSN is refused by the fields' own
    /// validation.
    #[cfg(feature = "ssr")]
    pub fn check_personal_data(&mut self, texts: &[(&str, &str)], checked: &Option<String>) {
        let year = crate::store::this_month().year();
        for (field, message) in shared::personal_data::warnings(texts, checked.is_some(), year) {
            self.messages.push((field.to_string(), message));
        }
    }

    /// The value of a validation, or its problems added here: finish with
    /// `accepted` once every other check is made.
    pub fn take<T>(&mut self, checked: Result<T, Problems>) -> Option<T> {
        match checked {
            Ok(value) => Some(value),
            Err(problems) => {
                self.add_all(problems);
                None
            }
        }
    }

    /// The value `take` gave, unless anything was refused: then the
    /// refusal, with what was typed.
    pub fn accepted<T>(self, value: Option<T>) -> Result<T, AppError> {
        self.into_result()?;
        value.ok_or(AppError::Server)
    }

    /// Adds the message of a failed check to `field`.
    pub fn check(&mut self, field: &str, result: Result<(), Message>) {
        if let Err(message) = result {
            self.add(field, message);
        }
    }

    pub fn message(&self, field: &str) -> Option<&str> {
        self.messages
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.input
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }

    /// `Err(Invalid)`, with its HTTP status set, when any message was added.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.messages.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self).with_status())
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

/// Whether the request is a plain HTML form post (no JavaScript), which
/// must be answered with a redirect, not an error status.
#[cfg(feature = "ssr")]
fn is_plain_form_post() -> bool {
    use axum::http::{header, request::Parts, Method};
    leptos::prelude::use_context::<Parts>().is_some_and(|parts| {
        parts.method == Method::POST
            && parts
                .headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}
