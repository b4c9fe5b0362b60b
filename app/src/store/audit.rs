//! The audit log (NEN 7513): who did what, to which object, when, from
//! where, with what result, and for changes the object before and after.
//! Append-only: this module inserts and reads, nothing updates or deletes.

use super::entity::audit_event;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

/// The result of an audited action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Refused,
    Failed,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "geweigerd",
            Outcome::Failed => "mislukt",
        }
    }
}

/// One entry to write.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub actor_account_id: Option<i32>,
    /// The actor's e-mail, or "anoniem".
    pub actor: &'a str,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub outcome: Outcome,
    pub client_addr: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    entry: Entry<'_>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_event::ActiveModel {
        at: Set(at),
        actor_account_id: Set(entry.actor_account_id),
        actor: Set(entry.actor.to_string()),
        action: Set(entry.action.to_string()),
        object_type: Set(entry.object_type.to_string()),
        object_id: Set(entry.object_id),
        outcome: Set(entry.outcome.code().to_string()),
        client_addr: Set(entry.client_addr.to_string()),
        before: Set(entry.before),
        after: Set(entry.after),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Entries matching `filter`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &shared::dto::AuditFilter,
    limit: u64,
) -> Result<Vec<shared::dto::AuditRow>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let mut query = audit_event::Entity::find();
    if !filter.actor.trim().is_empty() {
        query =
            query.filter(audit_event::Column::Actor.contains(filter.actor.trim().to_lowercase()));
    }
    if !filter.action.trim().is_empty() {
        query = query.filter(audit_event::Column::Action.eq(filter.action.trim()));
    }
    if !filter.outcome.trim().is_empty() {
        query = query.filter(audit_event::Column::Outcome.eq(filter.outcome.trim()));
    }
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    if let Some(from) = day(&filter.from) {
        query =
            query.filter(audit_event::Column::At.gte(from.and_hms_opt(0, 0, 0).unwrap().and_utc()));
    }
    if let Some(to) = day(&filter.to) {
        let next = to
            .succ_opt()
            .unwrap_or(to)
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        query = query.filter(audit_event::Column::At.lt(next));
    }
    Ok(query
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| shared::dto::AuditRow {
            at: e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            actor: e.actor,
            action: e.action,
            object: match e.object_id {
                Some(id) => format!("{} {id}", e.object_type),
                None => e.object_type,
            },
            outcome: e.outcome,
            client_addr: e.client_addr,
            before: e.before,
            after: e.after,
        })
        .collect())
}
