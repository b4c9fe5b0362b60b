//! The audit log (NEN 7513): who did what, to which object, when, from
//! where, with what result, and for changes the object before and after.
//! Append-only: this module inserts and reads, nothing updates or deletes.

use super::entity::audit_event;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

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
    audit_event::Entity::insert(entry.into_row(at))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

impl Entry<'_> {
    fn into_row(self, at: DateTime<Utc>) -> audit_event::ActiveModel {
        audit_event::ActiveModel {
            at: Set(at),
            actor_account_id: Set(self.actor_account_id),
            actor: Set(self.actor.to_string()),
            action: Set(self.action.to_string()),
            object_type: Set(self.object_type.to_string()),
            object_id: Set(self.object_id),
            outcome: Set(self.outcome.code().to_string()),
            client_addr: Set(self.client_addr.to_string()),
            before: Set(self.before),
            after: Set(self.after),
            ..Default::default()
        }
    }
}

/// Most entries one grouped write holds.
const GROUP_LIMIT: usize = 256;

/// Writes audit entries that stand on their own (reads of another team's
/// space) by group commit. Every caller still waits until its entry is
/// durably written, but entries that arrive while a write is under way
/// share the next one: under load one disk flush serves many reads instead
/// of one each. Changes are not written here: their entry belongs in the
/// change's own transaction.
#[derive(Clone)]
pub struct GroupWriter {
    queue: tokio::sync::mpsc::UnboundedSender<Queued>,
}

struct Queued {
    row: audit_event::ActiveModel,
    written: tokio::sync::oneshot::Sender<Result<(), String>>,
}

impl GroupWriter {
    /// Starts the writer on the current Tokio runtime; it stops when the
    /// last handle is dropped.
    pub fn start(db: sea_orm::DatabaseConnection) -> Self {
        let (queue, mut arrivals) = tokio::sync::mpsc::unbounded_channel::<Queued>();
        tokio::spawn(async move {
            let mut group = Vec::with_capacity(GROUP_LIMIT);
            while arrivals.recv_many(&mut group, GROUP_LIMIT).await > 0 {
                let (rows, waiting): (Vec<_>, Vec<_>) =
                    group.drain(..).map(|q| (q.row, q.written)).unzip();
                let result = audit_event::Entity::insert_many(rows)
                    .exec_without_returning(&db)
                    .await
                    .map(|_| ())
                    .map_err(|err| err.to_string());
                for caller in waiting {
                    // A caller that gave up no longer needs the answer.
                    let _ = caller.send(result.clone());
                }
            }
        });
        Self { queue }
    }

    /// Writes `entry`; returns once it is committed with its group.
    pub async fn record(&self, entry: Entry<'_>, at: DateTime<Utc>) -> Result<(), DbErr> {
        let stopped = || DbErr::Custom("the audit writer has stopped".into());
        let (written, answer) = tokio::sync::oneshot::channel();
        self.queue
            .send(Queued {
                row: entry.into_row(at),
                written,
            })
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(DbErr::Custom)
    }
}

/// Entries matching `filter`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &shared::dto::AuditFilter,
    limit: u64,
) -> Result<Vec<shared::dto::AuditRow>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
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
        query = query.filter(audit_event::Column::At.gte(shared::clock::start_of_day(from)));
    }
    if let Some(to) = day(&filter.to) {
        let next = shared::clock::start_of_day(to.succ_opt().unwrap_or(to));
        query = query.filter(audit_event::Column::At.lt(next));
    }
    Ok(query
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|e| shared::dto::AuditRow {
            at: shared::clock::local_timestamp(e.at),
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
