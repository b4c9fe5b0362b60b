//! Who is asking, on the server: the session the request carries (put in
//! the request's extensions by the server's session middleware), the
//! permission checks every server function starts with, and the session
//! cookie.

use crate::error::AppError;
use crate::store::sessions::ActiveSession;
use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use shared::permissions::{self, Permission, Refusal, Viewer};

/// The session cookie's name (over https with the `__Host-` prefix:
/// `cookie_name`).
pub const SESSION_COOKIE: &str = "wijkwijs_sessie";

/// A cookie's name as sent: over https with the `__Host-` prefix, which
/// browsers accept only from a secure origin, for the whole site and
/// without a `Domain`, so no other host or path can set or shadow it.
pub fn cookie_name(base: &str, https: bool) -> String {
    if https {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// What the server knows about a request before the app sees it.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    pub session: Option<ActiveSession>,
    /// The fingerprint of the data kept pages are made from, read with the
    /// session for a page request (GET or HEAD: a request that changes
    /// data must read it after the change).
    pub seen: Option<crate::store::change_clock::Fingerprint>,
    pub client_addr: String,
    /// How much is new for the viewer in their teams (`store::news`),
    /// counted for page requests; the header shows it beside "Mijn team".
    pub news: usize,
    /// Served over https: cookies get `Secure`.
    pub https: bool,
    /// The language to answer in (`shared::i18n::Language::for_request`).
    pub language: shared::i18n::Language,
    /// Who acts outside any request: an operator at the command line
    /// ("beheer via de commandoregel: root") or the server's own upkeep.
    pub operator: Option<String>,
}

impl RequestContext {
    /// The logged-in viewer; a session still waiting for its second factor
    /// is nobody yet.
    pub fn viewer(&self) -> Option<&Viewer> {
        self.session
            .as_ref()
            .filter(|s| !s.second_factor_pending)
            .map(|s| &s.viewer)
    }

    /// The actor's name for the audit log.
    pub fn actor(&self) -> &str {
        if let Some(operator) = &self.operator {
            return operator;
        }
        self.session
            .as_ref()
            .map_or("anoniem", |s| s.email.as_str())
    }

    /// The context of work done outside any request by `actor` (an
    /// operator's command, the server's own upkeep), audited as such.
    pub fn outside_requests(actor: impl Into<String>) -> Self {
        RequestContext {
            operator: Some(actor.into()),
            client_addr: "lokaal".to_string(),
            ..RequestContext::default()
        }
    }
}

/// The current request's context (empty outside a request).
pub fn request() -> RequestContext {
    use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<RequestContext>().cloned())
        .unwrap_or_default()
}

/// Who is logged in (past any second step): read from the request's
/// session, which is already resolved, so it costs no query.
pub fn signed_in() -> Option<shared::dto::SignedIn> {
    let parts = use_context::<Parts>()?;
    let context = parts.extensions.get::<RequestContext>()?;
    context
        .session
        .as_ref()
        .filter(|s| !s.second_factor_pending)
        .map(|s| shared::dto::SignedIn {
            display_name: s.display_name.clone(),
            role: s.viewer.role,
            in_a_team: !s.viewer.teams.is_empty(),
            news: context.news,
        })
}

/// The viewer if `permission` is granted; otherwise the matching error,
/// with its HTTP status set.
pub fn require(permission: Permission) -> Result<(RequestContext, Viewer), AppError> {
    let request = request();
    match permissions::check(request.viewer(), permission) {
        Ok(()) => {
            let viewer = request.viewer().cloned().expect("checked above");
            Ok((request, viewer))
        }
        Err(refusal) => {
            let error = match refusal {
                Refusal::NotLoggedIn => AppError::NotLoggedIn,
                Refusal::NotAllowed => AppError::Forbidden,
                Refusal::NeedsTwoFactor => AppError::NeedsTwoFactor,
            };
            Err(error.with_status())
        }
    }
}

fn cookie(value: &str, max_age: Option<i64>, https: bool) -> HeaderValue {
    let name = cookie_name(SESSION_COOKIE, https);
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if https {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).expect("cookie is ASCII")
}

/// Hands the browser a new session token.
pub fn set_session_cookie(token: &str, https: bool) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(
            header::SET_COOKIE,
            cookie(
                token,
                Some(shared::session::ABSOLUTE_LIFETIME_SECONDS),
                https,
            ),
        );
    }
}

/// Tells the browser to forget its session token.
pub fn clear_session_cookie(https: bool) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(header::SET_COOKIE, cookie("", Some(0), https));
    }
}

/// The token in a `Cookie` header, if any.
pub fn session_token(cookie_header: &str, https: bool) -> Option<&str> {
    cookie_value(cookie_header, &cookie_name(SESSION_COOKIE, https))
}

/// The non-empty value of cookie `name` in a `Cookie` header, if any.
pub fn cookie_value<'h>(cookie_header: &'h str, name: &str) -> Option<&'h str> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// Writes an audit entry for the current request's actor.
pub async fn audit(
    db: &impl sea_orm::ConnectionTrait,
    request: &RequestContext,
    action: &str,
    object: (&str, Option<String>),
    outcome: crate::store::audit::Outcome,
    change: (Option<String>, Option<String>),
) -> Result<(), sea_orm::DbErr> {
    crate::store::audit::record(
        db,
        audit_entry(request, action, object, outcome, change),
        chrono::Utc::now(),
    )
    .await
}

fn audit_entry<'a>(
    request: &'a RequestContext,
    action: &'a str,
    object: (&'a str, Option<String>),
    outcome: crate::store::audit::Outcome,
    change: (Option<String>, Option<String>),
) -> crate::store::audit::Entry<'a> {
    crate::store::audit::Entry {
        actor_account_id: request.session.as_ref().map(|s| s.viewer.account_id),
        actor: request.actor(),
        action,
        object_type: object.0,
        object_id: object.1,
        outcome,
        client_addr: &request.client_addr,
        before: change.0,
        after: change.1,
    }
}

/// Audits a read of `team_id`'s records by someone outside that team (a
/// team's own reads are not audited): product.md's "every read of another
/// team's space". The entry is committed, together with any others under
/// way, before the read is answered.
pub async fn audit_outside_view(
    writer: &crate::store::audit::GroupWriter,
    request: &RequestContext,
    team_id: i32,
    object: (&str, Option<String>),
) -> Result<(), sea_orm::DbErr> {
    if request.viewer().is_some_and(|v| v.is_member(team_id)) {
        return Ok(());
    }
    let entry = audit_entry(
        request,
        "bekijken",
        object,
        crate::store::audit::Outcome::Ok,
        (None, None),
    );
    writer.record(entry, chrono::Utc::now()).await
}
