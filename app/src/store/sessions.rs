//! Server-side sessions: the browser holds a random token in an HttpOnly
//! cookie; the database holds only its SHA-256, so a database leak does not
//! leak logins. Shared by every server process.

use super::entity::{account, membership, session};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use shared::network::AccountRole;
use shared::permissions::{TeamMembership, Viewer};

/// A session found for a request's cookie.
#[derive(Clone, Debug)]
pub struct ActiveSession {
    pub session_id: i32,
    pub viewer: Viewer,
    pub email: String,
    pub display_name: String,
    /// The password was right, the second factor is still to come: the
    /// session grants nothing until then.
    pub second_factor_pending: bool,
}

/// 256 random bits, hex encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session and returns its token for the cookie.
pub async fn create(
    db: &impl ConnectionTrait,
    account_id: i32,
    second_factor_pending: bool,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = new_token();
    session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        account_id: Set(account_id),
        second_factor_pending: Set(second_factor_pending),
        client_addr: Set(client_addr.to_string()),
        created_at: Set(now),
        last_seen_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The live session for `token`, if any; an expired session is deleted and
/// a live one is marked as seen.
pub async fn resolve(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<ActiveSession>, DbErr> {
    let Some(found) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let (created, seen, at) = (
        found.created_at.timestamp(),
        found.last_seen_at.timestamp(),
        now.timestamp(),
    );
    if !shared::session::is_alive(created, seen, at) {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    let Some(account) = account::Entity::find_by_id(found.account_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !account.active {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    if at - seen >= shared::session::TOUCH_INTERVAL_SECONDS {
        session::ActiveModel {
            id: Set(found.id),
            last_seen_at: Set(now),
            ..Default::default()
        }
        .update(db)
        .await?;
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
    Ok(Some(ActiveSession {
        session_id: found.id,
        viewer: Viewer {
            account_id: account.id,
            role: AccountRole::from_code(&account.role).unwrap_or(AccountRole::Professional),
            teams,
            two_factor: account.totp_enabled,
        },
        email: account.email,
        display_name: account.display_name,
        second_factor_pending: found.second_factor_pending,
    }))
}

/// Ends a session (logout).
pub async fn delete(db: &impl ConnectionTrait, session_id: i32) -> Result<(), DbErr> {
    session::Entity::delete_by_id(session_id).exec(db).await?;
    Ok(())
}
