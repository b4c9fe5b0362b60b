//! API tokens as stored: created (its fingerprint only), listed for the
//! account that created them, revoked, found by a request's token, and
//! marked when last used.

use super::entity::api_token;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::api_tokens::NewToken;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A token just created, waiting to be shown to its creator — once, on the
/// next page they load (with or without JavaScript), and for a few minutes
/// at most; per session, in this process only.
#[derive(Clone, Debug, Default)]
pub struct ToShow(Arc<Mutex<HashMap<i32, Waiting>>>);

/// A token and when it was made.
type Waiting = (String, DateTime<Utc>);

/// How long a new token waits to be shown.
const SHOWN_WITHIN_SECONDS: i64 = 300;

impl ToShow {
    pub fn put(&self, session: i32, token: String, now: DateTime<Utc>) {
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, (_, at)| (now - *at).num_seconds() < SHOWN_WITHIN_SECONDS);
            map.insert(session, (token, now));
        }
    }

    /// The token waiting for `session`, gone once taken.
    pub fn take(&self, session: i32, now: DateTime<Utc>) -> Option<String> {
        let (token, at) = self.0.lock().ok()?.remove(&session)?;
        ((now - at).num_seconds() < SHOWN_WITHIN_SECONDS).then_some(token)
    }
}

/// Saves `token` with `hash`, created by `account`; its id.
pub async fn create(
    db: &impl ConnectionTrait,
    token: &NewToken,
    hash: String,
    account: i32,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let saved = api_token::ActiveModel {
        token_hash: Set(hash),
        name: Set(token.name.clone()),
        scope: Set(token.scope.code().to_string()),
        team_id: Set(token.team),
        account_id: Set(account),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::days(i64::from(token.days))),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// The tokens `account` created, newest first.
pub async fn of_account(
    db: &impl ConnectionTrait,
    account: i32,
) -> Result<Vec<api_token::Model>, DbErr> {
    api_token::Entity::find()
        .filter(api_token::Column::AccountId.eq(account))
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await
}

/// Revokes token `id` of `account`; false when it has no such token that
/// is still active.
pub async fn revoke(
    db: &impl ConnectionTrait,
    id: i32,
    account: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let revoked = api_token::Entity::update_many()
        .col_expr(
            api_token::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::AccountId.eq(account))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(revoked.rows_affected > 0)
}

/// The token with fingerprint `hash`, if it is neither revoked nor
/// expired at `now`.
pub async fn active(
    db: &impl ConnectionTrait,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<api_token::Model>, DbErr> {
    api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .filter(api_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

/// Marks token `id` as used at `now`.
pub async fn used(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::LastUsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(api_token::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Who holds a token: its creator as they are now (an account made
/// inactive holds nothing, and a push token needs its creator to still
/// coordinate the team; `shared::api_tokens::may_create`).
pub async fn holder(
    db: &impl ConnectionTrait,
    token: &api_token::Model,
) -> Result<Option<super::sessions::ActiveSession>, DbErr> {
    use super::entity::{account, membership};
    use shared::network::AccountRole;
    use shared::permissions::{TeamMembership, Viewer};
    let Some(account) = account::Entity::find_by_id(token.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !account.active {
        return Ok(None);
    }
    let teams = membership::Entity::find()
        .filter(membership::Column::AccountId.eq(account.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| TeamMembership {
            team_id: m.team_id,
            coordinator: m.coordinator,
        })
        .collect();
    let viewer = Viewer {
        account_id: account.id,
        role: AccountRole::from_code(&account.role).unwrap_or(AccountRole::Professional),
        teams,
        two_factor: account.totp_enabled,
    };
    let scope = shared::api_tokens::TokenScope::from_code(&token.scope);
    if !scope.is_some_and(|scope| shared::api_tokens::may_create(&viewer, token.team_id, scope)) {
        return Ok(None);
    }
    Ok(Some(super::sessions::ActiveSession {
        session_id: 0,
        viewer,
        email: format!("{} (API-sleutel {})", account.email, token.id),
        display_name: account.display_name,
        second_factor_pending: false,
        language: None,
    }))
}
