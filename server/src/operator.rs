//! The operator's account commands (`wijkwijs user …`): for someone who
//! runs the server and has lost the way in through the app — a forgotten
//! password, a lost second factor, an account to stop. Each change is an
//! audited write by "beheer via de commandoregel" and the operating-system
//! user who ran it, and ends the account's sessions.

use anyhow::{bail, Context};
use app::api::write::{AuditAction, AuditedWrite, Change};
use app::auth::RequestContext;
use app::store::accounts::{self, NewAccount};
use app::store::entity::{account, membership, recovery_code, session};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::network::AccountRole;

/// Who is acting, as the audit log names them.
pub fn operator() -> RequestContext {
    let set = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    let user = set("SUDO_USER")
        .or_else(|| set("USER"))
        .unwrap_or_else(|| "onbekend".to_string());
    RequestContext::outside_requests(format!("beheer via de commandoregel ({user})"))
}

async fn find(db: &DatabaseConnection, email: &str) -> anyhow::Result<account::Model> {
    accounts::find_by_email(db, email)
        .await?
        .with_context(|| format!("there is no account {email}"))
}

/// Creates a beheerder account with `password`.
pub async fn create_beheerder(
    db: &DatabaseConnection,
    by: &RequestContext,
    email: &str,
    name: &str,
    password: &str,
) -> anyhow::Result<account::Model> {
    shared::validation::email(email).map_err(anyhow::Error::msg)?;
    if name.trim().is_empty() {
        bail!("--name must not be empty");
    }
    shared::validation::password(password).map_err(anyhow::Error::msg)?;
    let write = AuditedWrite::begin_on(db, by).await?;
    let made = accounts::create(
        write.db(),
        NewAccount {
            email,
            display_name: name,
            role: AccountRole::Beheerder,
            password: Some(password),
        },
    )
    .await
    .with_context(|| format!("cannot create the account {email}"))?;
    let after =
        serde_json::json!({ "e-mail": made.email, "naam": made.display_name, "rol": made.role });
    write
        .commit(
            AuditAction::AccountCreated,
            Change::of("account", made.id).after(after.to_string()),
        )
        .await?;
    Ok(made)
}

/// Sets a new password, ends the account's sessions and clears its
/// login throttle.
pub async fn reset_password(
    db: &DatabaseConnection,
    by: &RequestContext,
    email: &str,
    password: &str,
) -> anyhow::Result<()> {
    shared::validation::password(password).map_err(anyhow::Error::msg)?;
    let found = find(db, email).await?;
    let write = AuditedWrite::begin_on(db, by).await?;
    account::ActiveModel {
        id: Set(found.id),
        password_hash: Set(Some(accounts::hash_password(password))),
        ..Default::default()
    }
    .update(write.db())
    .await?;
    end_sessions(write.db(), found.id).await?;
    app::store::throttle::reset(write.db(), &app::store::throttle::account_key(email)).await?;
    write
        .commit(
            AuditAction::PasswordReset,
            Change::of("account", found.id).after(r#"{"wachtwoord":"nieuw"}"#),
        )
        .await?;
    Ok(())
}

/// Turns two-factor login off (secret and recovery codes gone) and ends
/// the account's sessions; the user turns it on again from Mijn account
/// (a beheerder must, before any beheer screen opens).
pub async fn reset_two_factor(
    db: &DatabaseConnection,
    by: &RequestContext,
    email: &str,
) -> anyhow::Result<()> {
    let found = find(db, email).await?;
    let write = AuditedWrite::begin_on(db, by).await?;
    account::ActiveModel {
        id: Set(found.id),
        totp_enabled: Set(false),
        totp_secret: Set(None),
        totp_last_step: Set(None),
        pending_recovery_codes: Set(None),
        ..Default::default()
    }
    .update(write.db())
    .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(found.id))
        .exec(write.db())
        .await?;
    end_sessions(write.db(), found.id).await?;
    let before = serde_json::json!({ "tweestaps": found.totp_enabled });
    write
        .commit(
            AuditAction::TwoFactorReset,
            Change::of("account", found.id)
                .before(Some(before.to_string()))
                .after(r#"{"tweestaps":false}"#),
        )
        .await?;
    Ok(())
}

/// Deactivates the account and ends its sessions.
pub async fn deactivate(
    db: &DatabaseConnection,
    by: &RequestContext,
    email: &str,
) -> anyhow::Result<()> {
    let found = find(db, email).await?;
    let write = AuditedWrite::begin_on(db, by).await?;
    account::ActiveModel {
        id: Set(found.id),
        active: Set(false),
        ..Default::default()
    }
    .update(write.db())
    .await?;
    end_sessions(write.db(), found.id).await?;
    write
        .commit(
            AuditAction::AccountDeactivated,
            Change::of("account", found.id)
                .before(Some(format!(r#"{{"actief":{}}}"#, found.active)))
                .after(r#"{"actief":false}"#),
        )
        .await?;
    Ok(())
}

/// One line per account: e-mail, role, active, two-factor, teams, name.
pub async fn list(db: &DatabaseConnection, by: &RequestContext) -> anyhow::Result<Vec<String>> {
    let mut lines = vec!["e-mail\trol\tactief\ttweestaps\tteams\tnaam".to_string()];
    for a in account::Entity::find()
        .order_by_asc(account::Column::Email)
        .all(db)
        .await?
    {
        let teams = membership::Entity::find()
            .filter(membership::Column::AccountId.eq(a.id))
            .count(db)
            .await?;
        let yes_no = |b: bool| if b { "ja" } else { "nee" };
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{teams}\t{}",
            a.email,
            a.role,
            yes_no(a.active),
            yes_no(a.totp_enabled),
            a.display_name
        ));
    }
    app::auth::audit(
        db,
        by,
        "accounts-bekijken",
        ("account", None),
        app::store::audit::Outcome::Ok,
        (None, None),
    )
    .await?;
    Ok(lines)
}

async fn end_sessions(
    db: &impl sea_orm::ConnectionTrait,
    account_id: i32,
) -> Result<(), sea_orm::DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Makes an API token on behalf of the account `email`, as it could in
/// the app (`shared::api_tokens::may_create`): for a system set up by the
/// operator. The token is returned to print once; only its fingerprint
/// is kept.
pub async fn create_api_token(
    db: &DatabaseConnection,
    by: &RequestContext,
    email: &str,
    form: &shared::api_tokens::TokenForm,
) -> anyhow::Result<String> {
    let holder = find(db, email).await?;
    let token = shared::api_tokens::check(form).map_err(|problems| {
        let said: Vec<String> = problems
            .iter()
            .map(|(field, message)| format!("--{field}: {message}"))
            .collect();
        anyhow::Error::msg(said.join("; "))
    })?;
    let probe = app::store::entity::api_token::Model {
        id: 0,
        token_hash: String::new(),
        name: token.name.clone(),
        scope: token.scope.code().to_string(),
        team_id: token.team,
        account_id: holder.id,
        created_at: chrono::Utc::now(),
        expires_at: chrono::Utc::now(),
        revoked_at: None,
        last_used_at: None,
    };
    if app::store::api_tokens::holder(db, &probe).await?.is_none() {
        bail!("{email} may not hold such a token: a coördinator for their team, a bestuurder or beheerder (two-factor) read tokens for the network");
    }
    let secret = app::store::sessions::new_token();
    let write = AuditedWrite::begin_on(db, by).await?;
    let id = app::store::api_tokens::create(
        write.db(),
        &token,
        app::store::sessions::hash_token(&secret),
        holder.id,
        chrono::Utc::now(),
    )
    .await?;
    let after = serde_json::json!({
        "name": token.name,
        "scope": token.scope.code(),
        "team": token.team,
        "days": token.days,
        "account": email,
    });
    write
        .commit(
            AuditAction::ApiTokenCreated,
            Change::of("api-sleutel", id).after(after.to_string()),
        )
        .await?;
    Ok(secret)
}
