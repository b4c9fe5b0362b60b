//! Beheer of accounts: list, create (with a one-time setup link), edit,
//! deactivate. Only for beheerders who log in with two factors.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::AccountRow;

/// An account as the beheer screens show it.
#[cfg(feature = "ssr")]
fn account_row(a: crate::store::entity::account::Model) -> AccountRow {
    AccountRow {
        id: a.id,
        role: shared::network::AccountRole::from_code(&a.role)
            .unwrap_or(shared::network::AccountRole::Professional),
        set_up: a.password_hash.is_some(),
        two_factor: a.totp_enabled,
        active: a.active,
        display_name: a.display_name,
        email: a.email,
    }
}

#[server(endpoint = "admin/accounts")]
pub async fn admin_accounts() -> Result<Vec<AccountRow>, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    Ok(crate::store::accounts::list(&state.db)
        .await?
        .into_iter()
        .map(account_row)
        .collect())
}

#[cfg(feature = "ssr")]
fn account_json(a: &crate::store::entity::account::Model) -> String {
    serde_json::json!({
        "email": a.email,
        "display_name": a.display_name,
        "role": a.role,
        "active": a.active,
    })
    .to_string()
}

/// Creates an account without a password and shows its setup link.
#[server(endpoint = "admin/accounts/create")]
pub async fn create_account(
    email: String,
    display_name: String,
    role: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::accounts;
    use shared::network::AccountRole;
    use shared::permissions::Permission;
    use shared::validation;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    let mut errors = FormErrors::new(&[
        ("email", email.as_str()),
        ("display_name", display_name.as_str()),
        ("role", role.as_str()),
    ]);
    errors.check("email", validation::email(&email));
    errors.check("display_name", validation::name(&display_name));
    let parsed_role = AccountRole::from_code(&role);
    if parsed_role.is_none() {
        errors.add("role", shared::i18n::Text::InvalidChooseRole);
    }
    if errors.message("email").is_none()
        && accounts::find_by_email(&state.db, &email).await?.is_some()
    {
        errors.add("email", shared::i18n::Text::InvalidEmailTaken);
    }
    errors.into_result()?;
    let now = chrono::Utc::now();
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let account = accounts::create(
        txn,
        accounts::NewAccount {
            email: &email,
            display_name: &display_name,
            role: parsed_role.expect("checked above"),
            password: None,
        },
    )
    .await?;
    let token = accounts::new_setup_link(txn, account.id, now).await?;
    write
        .commit(
            AuditAction::AccountCreated,
            Change::of("account", account.id).after(account_json(&account)),
        )
        .await?;
    leptos_axum::redirect(&format!("/beheer/accounts/{}?link={token}", account.id));
    Ok(())
}

/// One account for the edit page.
#[server(endpoint = "admin/account")]
pub async fn admin_account(id: i32) -> Result<AccountRow, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    crate::store::accounts::find_by_id(&state.db, id)
        .await?
        .map(account_row)
        .ok_or_else(|| AppError::NotFound.with_status())
}

#[server(endpoint = "admin/accounts/update")]
pub async fn update_account(id: i32, display_name: String, role: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::account;
    use sea_orm::Set;
    use shared::network::AccountRole;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let mut errors = FormErrors::new(&[
        ("display_name", display_name.as_str()),
        ("role", role.as_str()),
    ]);
    errors.check("display_name", shared::validation::name(&display_name));
    let parsed_role = AccountRole::from_code(&role);
    if parsed_role.is_none() {
        errors.add("role", shared::i18n::Text::InvalidChooseRole);
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let values = account::ActiveModel {
        display_name: Set(display_name.trim().to_string()),
        role: Set(parsed_role.expect("checked above").code().to_string()),
        ..Default::default()
    };
    edit_account(write, AuditAction::AccountEdited, id, values).await
}

/// Deactivates (ending its sessions) or reactivates an account.
#[server(endpoint = "admin/accounts/active")]
pub async fn set_account_active(id: i32, active: bool) -> Result<(), AppError> {
    use crate::store::entity::{account, session};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::Administer)?;
    if viewer.account_id == id && !active {
        let mut errors = crate::error::FormErrors::default();
        errors.add("", shared::i18n::Text::InvalidDeactivateSelf);
        return Err(AppError::Invalid(errors).with_status());
    }
    let write = super::write::AuditedWrite::begin(&request).await?;
    if !active {
        session::Entity::delete_many()
            .filter(session::Column::AccountId.eq(id))
            .exec(write.db())
            .await?;
    }
    let action = if active {
        AuditAction::AccountActivated
    } else {
        AuditAction::AccountDeactivated
    };
    let values = account::ActiveModel {
        active: Set(active),
        ..Default::default()
    };
    edit_account(write, action, id, values).await
}

/// Writes `values` over account `id` with its audit entry, and returns to
/// the account's page.
#[cfg(feature = "ssr")]
async fn edit_account(
    write: super::write::AuditedWrite<'_>,
    action: AuditAction,
    id: i32,
    values: crate::store::entity::account::ActiveModel,
) -> Result<(), AppError> {
    use crate::store::{entity::account, rows};
    let before =
        super::write::found(rows::existing::<account::Entity>(write.db(), Some(id)).await)?;
    let after = rows::upsert(write.db(), before.as_ref(), values).await?;
    write
        .commit(
            action,
            Change::of("account", id)
                .before(before.as_ref().map(account_json))
                .after(account_json(&after)),
        )
        .await?;
    leptos_axum::redirect(&format!("/beheer/accounts/{id}"));
    Ok(())
}

/// A fresh setup link (the old one stops working), e.g. when it expired.
#[server(endpoint = "admin/accounts/setup-link")]
pub async fn new_setup_link(id: i32) -> Result<(), AppError> {
    use crate::store::accounts;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    accounts::find_by_id(txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let token = accounts::new_setup_link(txn, id, chrono::Utc::now()).await?;
    write
        .commit(AuditAction::SetupLinkMade, Change::of("account", id))
        .await?;
    leptos_axum::redirect(&format!("/beheer/accounts/{id}?link={token}"));
    Ok(())
}

/// How many entries the audit page shows; the CSV export has them all.
pub const AUDIT_PAGE_ROWS: u64 = 200;

/// The newest audit entries matching `filter`.
#[server(endpoint = "admin/audit")]
pub async fn audit_log(
    filter: shared::dto::AuditFilter,
) -> Result<Vec<shared::dto::AuditRow>, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    Ok(crate::store::audit::list(&state.db, &filter, AUDIT_PAGE_ROWS).await?)
}
