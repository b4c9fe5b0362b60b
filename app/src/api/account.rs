//! Logging in and out, and who is logged in.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::{AccountSummary, TwoFactorSetup};

/// A local path to return to after login; without one (or with anything
/// else) a member lands on their own team ("/mijn-team").
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if shared::validation::is_local_path(path) => path.to_string(),
        _ => "/mijn-team".to_string(),
    }
}

#[server(endpoint = "account/login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth;
    use crate::error::FormErrors;
    use crate::state::AppState;
    use crate::store::{accounts, audit, sessions, throttle};
    use shared::throttle::{ThrottlePolicy, Verdict};

    let state = AppState::current();
    let db = &state.db;
    let request = auth::request();
    let now = chrono::Utc::now();
    let next = safe_next(next.as_deref());
    let mut errors = FormErrors::new(&[("email", email.as_str()), ("next", next.as_str())]);
    if email.trim().is_empty() {
        errors.add("email", shared::i18n::Text::InvalidEmailMissing);
    } else if shared::validation::has_control_characters(&email) {
        errors.add("email", shared::i18n::Text::InvalidControlCharacters);
    }
    if password.is_empty() {
        errors.add("password", shared::i18n::Text::InvalidPasswordMissing);
    }
    errors.clone().into_result()?;

    let entry = |outcome, account_id| audit::Entry {
        actor_account_id: account_id,
        actor: email.as_str(),
        action: "inloggen",
        object_type: "account",
        object_id: None,
        outcome,
        client_addr: request.client_addr.as_str(),
        before: None,
        after: None,
    };
    let account_key = throttle::account_key(&email);
    let address_key = throttle::address_key(&request.client_addr);
    for (key, policy) in [
        (&account_key, ThrottlePolicy::PER_ACCOUNT),
        (&address_key, ThrottlePolicy::PER_ADDRESS),
    ] {
        if let Verdict::Wait(seconds) = throttle::check(db, key, policy, now).await? {
            audit::record(db, entry(audit::Outcome::Refused, None), now).await?;
            return Err(AppError::Throttled((seconds + 59) / 60).with_status());
        }
    }

    let account = accounts::find_by_email(db, &email).await?;
    let verified = accounts::verify_password(
        account.as_ref().and_then(|a| a.password_hash.as_deref()),
        &password,
    );
    let Some(account) = account.filter(|a| verified && a.active) else {
        throttle::record_failure(db, &account_key, ThrottlePolicy::PER_ACCOUNT, now).await?;
        throttle::record_failure(db, &address_key, ThrottlePolicy::PER_ADDRESS, now).await?;
        audit::record(db, entry(audit::Outcome::Failed, None), now).await?;
        errors.add("", shared::i18n::Text::InvalidLogin);
        return Err(AppError::Invalid(errors).with_status());
    };

    throttle::reset(db, &account_key).await?;
    // A fresh session id at every login; the old session ends.
    if let Some(old) = &request.session {
        sessions::delete(db, old.session_id).await?;
    }
    let token = sessions::create(
        db,
        account.id,
        account.totp_enabled,
        &request.client_addr,
        now,
    )
    .await?;
    auth::set_session_cookie(&token, request.https);
    audit::record(db, entry(audit::Outcome::Ok, Some(account.id)), now).await?;
    if account.totp_enabled {
        leptos_axum::redirect(&format!(
            "/inloggen/tweede-stap?volgende={}",
            encode_query(&next)
        ));
    } else {
        leptos_axum::redirect(&next);
    }
    Ok(())
}

/// Percent-encodes a value for a query string.
pub fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The second step of login: a code from the authenticator app or a
/// recovery code. Only a session whose password step succeeded may try.
#[server(endpoint = "account/second-factor")]
pub async fn login_second_factor(code: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth;
    use crate::error::FormErrors;
    use crate::state::AppState;
    use crate::store::{accounts, audit, sessions, throttle, two_factor};
    use shared::throttle::{ThrottlePolicy, Verdict};

    let state = AppState::current();
    let db = &state.db;
    let request = auth::request();
    let now = chrono::Utc::now();
    let next = safe_next(next.as_deref());
    let Some(pending) = request.session.clone().filter(|s| s.second_factor_pending) else {
        return Err(AppError::NotLoggedIn.with_status());
    };
    let object = ("account", Some(pending.viewer.account_id.to_string()));
    let key = throttle::account_key(&pending.email);
    if let Verdict::Wait(seconds) =
        throttle::check(db, &key, ThrottlePolicy::PER_ACCOUNT, now).await?
    {
        auth::audit(
            db,
            &request,
            "inloggen-tweede-stap",
            object,
            audit::Outcome::Refused,
            (None, None),
        )
        .await?;
        return Err(AppError::Throttled((seconds + 59) / 60).with_status());
    }
    let account = accounts::find_by_id(db, pending.viewer.account_id)
        .await?
        .ok_or(AppError::NotLoggedIn)?;
    if !two_factor::verify_login(db, &account, &code, now).await? {
        throttle::record_failure(db, &key, ThrottlePolicy::PER_ACCOUNT, now).await?;
        auth::audit(
            db,
            &request,
            "inloggen-tweede-stap",
            object,
            audit::Outcome::Failed,
            (None, None),
        )
        .await?;
        let mut errors = FormErrors::new(&[("next", next.as_str())]);
        errors.add("code", shared::i18n::Text::InvalidSecondFactor);
        return Err(AppError::Invalid(errors).with_status());
    }
    throttle::reset(db, &key).await?;
    // Fully logged in now: again a fresh session id.
    sessions::delete(db, pending.session_id).await?;
    let token = sessions::create(db, account.id, false, &request.client_addr, now).await?;
    auth::set_session_cookie(&token, request.https);
    auth::audit(
        db,
        &request,
        "inloggen-tweede-stap",
        object,
        audit::Outcome::Ok,
        (None, None),
    )
    .await?;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Two-factor login of the logged-in account, with the enrolment under way.
#[server(endpoint = "account/two-factor")]
pub async fn two_factor_status() -> Result<TwoFactorSetup, AppError> {
    use crate::state::AppState;
    use crate::store::{accounts, two_factor};
    use shared::dto::TwoFactorEnrolment;
    use shared::permissions::Permission;

    let (_, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    let state = AppState::current();
    let account = accounts::find_by_id(&state.db, viewer.account_id)
        .await?
        .ok_or(AppError::NotLoggedIn)?;
    let pending = two_factor::pending(&account).map(|enrolment| {
        let uri =
            shared::totp::provisioning_uri("Wijkwijs", &account.email, &enrolment.secret_base32);
        TwoFactorEnrolment {
            qr_code: qr_data_uri(&uri),
            secret: enrolment.secret_base32,
            recovery_codes: enrolment.recovery_codes,
        }
    });
    Ok(TwoFactorSetup {
        enabled: account.totp_enabled,
        pending,
    })
}

/// An SVG QR code as a data URI for an `<img>`.
#[cfg(feature = "ssr")]
fn qr_data_uri(text: &str) -> String {
    use base64::Engine;
    let svg = qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

#[server(endpoint = "account/two-factor/start")]
pub async fn start_two_factor() -> Result<(), AppError> {
    use crate::store::two_factor;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    if !viewer.two_factor {
        let write = super::write::AuditedWrite::begin(&request).await?;
        two_factor::start(write.db(), viewer.account_id).await?;
        write
            .commit(
                super::write::AuditAction::TwoFactorStarted,
                super::write::Change::of("account", viewer.account_id),
            )
            .await?;
    }
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(endpoint = "account/two-factor/confirm")]
pub async fn confirm_two_factor(code: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::state::AppState;
    use crate::store::{accounts, audit, two_factor};
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    let state = AppState::current();
    let account = accounts::find_by_id(&state.db, viewer.account_id)
        .await?
        .ok_or(AppError::NotLoggedIn)?;
    let object = ("account", Some(account.id.to_string()));
    let write = super::write::AuditedWrite::begin(&request).await?;
    if !two_factor::confirm(write.db(), &account, &code, chrono::Utc::now()).await? {
        // Nothing was written; the failed attempt is an event of its own.
        drop(write);
        crate::auth::audit(
            &state.db,
            &request,
            "tweestaps-aanzetten",
            object,
            audit::Outcome::Failed,
            (None, None),
        )
        .await?;
        let mut errors = FormErrors::new(&[("code", code.as_str())]);
        errors.add("code", shared::i18n::Text::InvalidTotpConfirmation);
        return Err(AppError::Invalid(errors).with_status());
    }
    write
        .commit(
            super::write::AuditAction::TwoFactorTurnedOn,
            super::write::Change::of("account", account.id)
                .before(Some(r#"{"totp_enabled":false}"#.to_string()))
                .after(r#"{"totp_enabled":true}"#),
        )
        .await?;
    leptos_axum::redirect("/account");
    Ok(())
}

#[server(endpoint = "account/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::auth;
    use crate::state::AppState;
    use crate::store::{audit, sessions};

    let state = AppState::current();
    let request = auth::request();
    if let Some(session) = &request.session {
        let now = chrono::Utc::now();
        sessions::delete(&state.db, session.session_id).await?;
        audit::record(
            &state.db,
            audit::Entry {
                actor_account_id: Some(session.viewer.account_id),
                actor: &session.email,
                action: "uitloggen",
                object_type: "account",
                object_id: Some(session.viewer.account_id.to_string()),
                outcome: audit::Outcome::Ok,
                client_addr: &request.client_addr,
                before: None,
                after: None,
            },
            now,
        )
        .await?;
    }
    auth::clear_session_cookie(request.https);
    leptos_axum::redirect("/inloggen");
    Ok(())
}

/// The logged-in person, or `None` for anonymous visitors.
#[server(endpoint = "account/current")]
pub async fn current_account() -> Result<Option<AccountSummary>, AppError> {
    use crate::auth;
    use crate::state::AppState;

    let request = auth::request();
    let Some(session) = request
        .session
        .as_ref()
        .filter(|s| !s.second_factor_pending)
    else {
        return Ok(None);
    };
    let state = AppState::current();
    let teams = crate::store::teams::team_names(
        &state.db,
        &session
            .viewer
            .teams
            .iter()
            .map(|m| m.team_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    Ok(Some(AccountSummary {
        display_name: session.display_name.clone(),
        email: session.email.clone(),
        role: session.viewer.role,
        two_factor: session.viewer.two_factor,
        teams: session
            .viewer
            .teams
            .iter()
            .map(|m| {
                let name = teams.get(&m.team_id).cloned().unwrap_or_default();
                (m.team_id, name, m.coordinator)
            })
            .collect(),
    }))
}

/// Whether a setup link still works (for the setup page).
#[server(endpoint = "account/setup-link")]
pub async fn setup_link_valid(token: String) -> Result<bool, AppError> {
    let state = crate::state::AppState::current();
    Ok(
        crate::store::accounts::setup_link_account(&state.db, &token, chrono::Utc::now())
            .await?
            .is_some(),
    )
}

/// Sets a new account's password through its one-time setup link.
#[server(endpoint = "account/setup")]
pub async fn setup_account(
    token: String,
    password: String,
    password_repeat: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::accounts;

    let state = crate::state::AppState::current();
    let request = crate::auth::request();
    let now = chrono::Utc::now();
    let mut errors = FormErrors::new(&[("token", token.as_str())]);
    let Some((link_id, account)) = accounts::setup_link_account(&state.db, &token, now).await?
    else {
        errors.add("", shared::i18n::Text::SetupLinkExpired);
        return Err(AppError::Invalid(errors).with_status());
    };
    errors.check("password", shared::validation::password(&password));
    if errors.message("password").is_none() && password != password_repeat {
        errors.add(
            "password_repeat",
            shared::i18n::Text::InvalidPasswordsDiffer,
        );
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    accounts::complete_setup(write.db(), link_id, account.id, &password, now).await?;
    write
        .commit_for(
            (account.id, &account.email),
            super::write::AuditAction::AccountSetUp,
            super::write::Change::of("account", account.id),
        )
        .await?;
    leptos_axum::redirect("/inloggen?ingesteld=1");
    Ok(())
}
