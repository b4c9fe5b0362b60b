//! Removing what is past its retention (`shared::retention`): dead
//! sessions, stale login throttles, and audit entries older than the
//! configured years (in the caller's audited write, so the removal is
//! itself in the log).

use super::entity::{audit_event, login_throttle, session};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::retention::Cutoffs;

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Removes dead sessions and stale throttles; returns how many of each.
pub async fn remove_dead_sessions_and_throttles(
    db: &impl ConnectionTrait,
    cutoffs: &Cutoffs,
) -> Result<(u64, u64), DbErr> {
    let sessions = session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::LastSeenAt.lt(instant(cutoffs.session_last_seen)))
                .add(session::Column::CreatedAt.lt(instant(cutoffs.session_created))),
        )
        .exec(db)
        .await?
        .rows_affected;
    let throttles = login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::LastFailureAt.lt(instant(cutoffs.throttle_last_failure)))
        .exec(db)
        .await?
        .rows_affected;
    Ok((sessions, throttles))
}

/// Removes the audit entries from before `before`; returns how many.
pub async fn remove_audit_entries_before(
    db: &impl ConnectionTrait,
    before: i64,
) -> Result<u64, DbErr> {
    Ok(audit_event::Entity::delete_many()
        .filter(audit_event::Column::At.lt(instant(before)))
        .exec(db)
        .await?
        .rows_affected)
}
