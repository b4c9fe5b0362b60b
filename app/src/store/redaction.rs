//! Removing a passage that slipped through (a client's name, phone number
//! …) from a record everywhere it lives: the record's texts, what hangs on
//! it (reactions to a lesson, answers to a knelpunt), its earlier versions,
//! the search index and the before/after copies in the audit log. Nothing
//! keeps the passage; the redaction itself is audited by the caller with
//! only how much was removed.

use super::entity::{
    agreement, agreement_version, audit_event, canvas, knelpunt, knelpunt_answer, lesson,
    lesson_reaction,
};
use sea_orm::sea_query::{Alias, Expr, Func, LikeExpr, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};
use shared::personal_data::{redact, REDACTED};

/// A record whose texts can be redacted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Lesson(i32),
    Agreement(i32),
    Canvas(i32),
    Knelpunt(i32),
}

impl Target {
    /// From a kind code as forms send it ("les", "afspraak", "canvas",
    /// "knelpunt") and an id; also the audit log's object type.
    pub fn from_code(kind: &str, id: i32) -> Option<Target> {
        match kind {
            "les" => Some(Target::Lesson(id)),
            "afspraak" => Some(Target::Agreement(id)),
            "canvas" => Some(Target::Canvas(id)),
            "knelpunt" => Some(Target::Knelpunt(id)),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Target::Lesson(_) => "les",
            Target::Agreement(_) => "afspraak",
            Target::Canvas(_) => "canvas",
            Target::Knelpunt(_) => "knelpunt",
        }
    }

    /// The record's page.
    pub fn page(self) -> String {
        let path = match self {
            Target::Lesson(_) => "lessen",
            Target::Agreement(_) => "afspraken",
            Target::Canvas(_) => "canvassen",
            Target::Knelpunt(_) => "knelpunten",
        };
        format!("/{path}/{}", self.id())
    }

    pub fn id(self) -> i32 {
        match self {
            Target::Lesson(id)
            | Target::Agreement(id)
            | Target::Canvas(id)
            | Target::Knelpunt(id) => id,
        }
    }
}

/// The team whose record `target` is; `None` when it does not exist.
pub async fn team_of(db: &impl ConnectionTrait, target: Target) -> Result<Option<i32>, DbErr> {
    Ok(match target {
        Target::Lesson(id) => lesson::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|r| r.team_id),
        Target::Agreement(id) => agreement::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|r| r.team_id),
        Target::Canvas(id) => canvas::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|r| r.team_id),
        Target::Knelpunt(id) => knelpunt::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|r| r.team_id),
    })
}

/// Replaces `passage` wherever the record holds it; returns how many rows
/// changed (0 when the passage was nowhere). Call inside a transaction.
pub async fn redact_record(
    db: &impl ConnectionTrait,
    target: Target,
    passage: &str,
) -> Result<u64, DbErr> {
    let changed = match target {
        Target::Lesson(id) => {
            use lesson::Column as C;
            let own = replace_in::<lesson::Entity>(
                db,
                &[
                    C::Title,
                    C::WhatHappened,
                    C::WhatWorked,
                    C::WhatNeeded,
                    C::Tags,
                ],
                (C::Id, id),
                passage,
            )
            .await?;
            if let (true, Some(l)) = (own > 0, lesson::Entity::find_by_id(id).one(db).await?) {
                super::lessons::index(db, &l).await?;
            }
            use lesson_reaction::Column as R;
            own + replace_in::<lesson_reaction::Entity>(db, &[R::Body], (R::LessonId, id), passage)
                .await?
        }
        Target::Agreement(id) => {
            use agreement::Column as C;
            let own =
                replace_in::<agreement::Entity>(db, &[C::Title, C::Body], (C::Id, id), passage)
                    .await?;
            if let (true, Some(a)) = (own > 0, agreement::Entity::find_by_id(id).one(db).await?) {
                super::agreements::index(db, &a).await?;
            }
            use agreement_version::Column as V;
            own + replace_in::<agreement_version::Entity>(
                db,
                &[V::Title, V::Body],
                (V::AgreementId, id),
                passage,
            )
            .await?
        }
        Target::Canvas(id) => {
            use canvas::Column as C;
            replace_in::<canvas::Entity>(
                db,
                &[C::Title, C::FamilyWants, C::LawReason, C::SystemLesson],
                (C::Id, id),
                passage,
            )
            .await?
        }
        Target::Knelpunt(id) => {
            use knelpunt::Column as C;
            use knelpunt_answer::Column as A;
            replace_in::<knelpunt::Entity>(db, &[C::Title, C::Description], (C::Id, id), passage)
                .await?
                + replace_in::<knelpunt_answer::Entity>(
                    db,
                    &[A::Body],
                    (A::KnelpuntId, id),
                    passage,
                )
                .await?
        }
    };
    Ok(changed + redact_audit(db, target, passage).await?)
}

/// In the rows of `E` whose `key` is `id`, replaces `passage` in each of
/// `columns` by `REDACTED` (SQL `REPLACE`, the same on SQLite and
/// PostgreSQL); the number of rows that changed.
async fn replace_in<E: EntityTrait>(
    db: &impl ConnectionTrait,
    columns: &[E::Column],
    (key, id): (E::Column, i32),
    passage: &str,
) -> Result<u64, DbErr> {
    let replaced = |column: E::Column| -> SimpleExpr {
        Func::cust(Alias::new("REPLACE"))
            .arg(Expr::col(column))
            .arg(passage)
            .arg(REDACTED)
            .into()
    };
    let mut update = E::update_many().filter(key.eq(id));
    let mut holds = Condition::any();
    for &column in columns {
        update = update.col_expr(column, replaced(column));
        holds = holds.add(Expr::col(column).ne(replaced(column)));
    }
    Ok(update.filter(holds).exec(db).await?.rows_affected)
}

/// The audit log's copies of the record (before and after each change)
/// lose the passage too, as it stands inside their JSON.
async fn redact_audit(
    db: &impl ConnectionTrait,
    target: Target,
    passage: &str,
) -> Result<u64, DbErr> {
    // The passage as serde_json writes it inside a string.
    let quoted = serde_json::to_string(passage).unwrap_or_default();
    let inner = &quoted[1..quoted.len().saturating_sub(1).max(1)];
    let pattern = format!(
        "%{}%",
        inner
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let like = |column: audit_event::Column| {
        Expr::col(column).like(LikeExpr::new(pattern.clone()).escape('\\'))
    };
    let rows = audit_event::Entity::find()
        .filter(audit_event::Column::ObjectType.eq(target.code()))
        .filter(audit_event::Column::ObjectId.eq(target.id().to_string()))
        .filter(like(audit_event::Column::Before).or(like(audit_event::Column::After)))
        .all(db)
        .await?;
    let mut changed = 0;
    for row in rows {
        let scrub = |payload: &Option<String>| payload.as_deref().and_then(|p| redact(p, inner));
        let (before, after) = (scrub(&row.before), scrub(&row.after));
        if before.is_none() && after.is_none() {
            continue;
        }
        changed += 1;
        let mut active = row.clone().into_active_model();
        if before.is_some() {
            active.before = Set(before);
        }
        if after.is_some() {
            active.after = Set(after);
        }
        active.update(db).await?;
    }
    Ok(changed)
}
