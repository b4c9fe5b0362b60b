//! Server-side sessions: the browser holds a random token in an HttpOnly
//! cookie; the database holds only its SHA-256, so a database leak does not
//! leak logins. Shared by every server process.

use super::entity::{account, membership, session};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, Set};
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
    /// The language the account chose, if it did.
    pub language: Option<shared::i18n::Language>,
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

/// A session with its account and one of the account's memberships (none
/// when the account is in no team): one row of `resolve`'s query.
#[derive(FromQueryResult)]
struct SessionRow {
    id: i32,
    account_id: i32,
    second_factor_pending: bool,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    email: String,
    display_name: String,
    role: String,
    active: bool,
    totp_enabled: bool,
    language: Option<String>,
    team_id: Option<i32>,
    coordinator: Option<bool>,
}

/// The live session for `token`, if any; an expired session is deleted and
/// a live one is marked as seen. Every request asks this, so the session,
/// its account and the account's teams come in one query.
pub async fn resolve(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<ActiveSession>, DbErr> {
    Ok(resolve_reading(db, token, now, &[]).await?.0)
}

/// `resolve`, reading in the same query the scalar BIGINT subqueries
/// `also` (what a request needs besides its session, such as the
/// fingerprint of the data a kept page was made from): their values in
/// order, or none when no session matched the token.
pub async fn resolve_reading(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
    also: &[&str],
) -> Result<(Option<ActiveSession>, Vec<Option<i64>>), DbErr> {
    use sea_orm::sea_query::{Alias, Expr, JoinType, Query};
    let mut query = Query::select();
    for (i, scalar) in also.iter().enumerate() {
        query.expr_as(
            Expr::cust(format!("({scalar})")),
            Alias::new(format!("also_{i}")),
        );
    }
    let query = query
        .columns([
            (session::Entity, session::Column::Id),
            (session::Entity, session::Column::AccountId),
            (session::Entity, session::Column::SecondFactorPending),
            (session::Entity, session::Column::CreatedAt),
            (session::Entity, session::Column::LastSeenAt),
        ])
        .columns([
            (account::Entity, account::Column::Email),
            (account::Entity, account::Column::DisplayName),
            (account::Entity, account::Column::Role),
            (account::Entity, account::Column::Active),
            (account::Entity, account::Column::TotpEnabled),
            (account::Entity, account::Column::Language),
        ])
        .columns([
            (membership::Entity, membership::Column::TeamId),
            (membership::Entity, membership::Column::Coordinator),
        ])
        .from(session::Entity)
        .join(
            JoinType::InnerJoin,
            account::Entity,
            Expr::col((account::Entity, account::Column::Id))
                .equals((session::Entity, session::Column::AccountId)),
        )
        .join(
            JoinType::LeftJoin,
            membership::Entity,
            Expr::col((membership::Entity, membership::Column::AccountId))
                .equals((account::Entity, account::Column::Id)),
        )
        .and_where(Expr::col((session::Entity, session::Column::TokenHash)).eq(hash_token(token)))
        .to_owned();
    let results = db
        .query_all(db.get_database_backend().build(&query))
        .await?;
    let Some(first) = results.first() else {
        return Ok((None, Vec::new()));
    };
    let values = (0..also.len())
        .map(|i| first.try_get::<Option<i64>>("", &format!("also_{i}")))
        .collect::<Result<Vec<_>, _>>()?;
    let rows = results
        .iter()
        .map(|row| SessionRow::from_query_result(row, ""))
        .collect::<Result<Vec<_>, _>>()?;
    let found = &rows[0];
    let (created, seen, at) = (
        found.created_at.timestamp(),
        found.last_seen_at.timestamp(),
        now.timestamp(),
    );
    if !shared::session::is_alive(created, seen, at) || !found.active {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok((None, values));
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
    let teams = rows
        .iter()
        .filter_map(|row| {
            Some(TeamMembership {
                team_id: row.team_id?,
                coordinator: row.coordinator.unwrap_or(false),
            })
        })
        .collect();
    let session = ActiveSession {
        session_id: found.id,
        viewer: Viewer {
            account_id: found.account_id,
            role: AccountRole::from_code(&found.role).unwrap_or(AccountRole::Professional),
            teams,
            two_factor: found.totp_enabled,
        },
        email: found.email.clone(),
        display_name: found.display_name.clone(),
        second_factor_pending: found.second_factor_pending,
        language: found
            .language
            .as_deref()
            .and_then(shared::i18n::Language::from_code),
    };
    Ok((Some(session), values))
}

/// Ends a session (logout).
pub async fn delete(db: &impl ConnectionTrait, session_id: i32) -> Result<(), DbErr> {
    session::Entity::delete_by_id(session_id).exec(db).await?;
    Ok(())
}
