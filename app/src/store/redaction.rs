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
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};
use shared::personal_data::redact;

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

/// Replaces `passage` wherever the record holds it; returns how many texts
/// changed (0 when the passage was nowhere). Call inside a transaction.
pub async fn redact_record(
    db: &impl ConnectionTrait,
    target: Target,
    passage: &str,
) -> Result<u32, DbErr> {
    let mut changed = 0;
    // Each text of a row: replaced when it holds the passage.
    let mut apply = |text: &mut String| {
        if let Some(redacted) = redact(text, passage) {
            *text = redacted;
            changed += 1;
            true
        } else {
            false
        }
    };
    match target {
        Target::Lesson(id) => {
            if let Some(row) = lesson::Entity::find_by_id(id).one(db).await? {
                let mut l = row.clone();
                let hit = [
                    &mut l.title,
                    &mut l.what_happened,
                    &mut l.what_worked,
                    &mut l.what_needed,
                    &mut l.tags,
                ]
                .into_iter()
                .map(&mut apply)
                .filter(|&changed| changed)
                .count()
                    > 0;
                if hit {
                    let saved = lesson::ActiveModel {
                        title: Set(l.title),
                        what_happened: Set(l.what_happened),
                        what_worked: Set(l.what_worked),
                        what_needed: Set(l.what_needed),
                        tags: Set(l.tags),
                        ..row.into_active_model()
                    }
                    .update(db)
                    .await?;
                    super::lessons::index(db, &saved).await?;
                }
            }
            for row in lesson_reaction::Entity::find()
                .filter(lesson_reaction::Column::LessonId.eq(id))
                .all(db)
                .await?
            {
                let mut body = row.body.clone();
                if apply(&mut body) {
                    let mut active = row.into_active_model();
                    active.body = Set(body);
                    active.update(db).await?;
                }
            }
        }
        Target::Agreement(id) => {
            if let Some(row) = agreement::Entity::find_by_id(id).one(db).await? {
                let (mut title, mut body) = (row.title.clone(), row.body.clone());
                if apply(&mut title) | apply(&mut body) {
                    let mut active = row.into_active_model();
                    active.title = Set(title);
                    active.body = Set(body);
                    let saved = active.update(db).await?;
                    super::agreements::index(db, &saved).await?;
                }
            }
            for row in agreement_version::Entity::find()
                .filter(agreement_version::Column::AgreementId.eq(id))
                .all(db)
                .await?
            {
                let (mut title, mut body) = (row.title.clone(), row.body.clone());
                if apply(&mut title) | apply(&mut body) {
                    let mut active = row.into_active_model();
                    active.title = Set(title);
                    active.body = Set(body);
                    active.update(db).await?;
                }
            }
        }
        Target::Canvas(id) => {
            if let Some(row) = canvas::Entity::find_by_id(id).one(db).await? {
                let mut c = row.clone();
                let hit = [
                    &mut c.title,
                    &mut c.family_wants,
                    &mut c.law_reason,
                    &mut c.system_lesson,
                ]
                .into_iter()
                .map(&mut apply)
                .filter(|&changed| changed)
                .count()
                    > 0;
                if hit {
                    canvas::ActiveModel {
                        title: Set(c.title),
                        family_wants: Set(c.family_wants),
                        law_reason: Set(c.law_reason),
                        system_lesson: Set(c.system_lesson),
                        ..row.into_active_model()
                    }
                    .update(db)
                    .await?;
                }
            }
        }
        Target::Knelpunt(id) => {
            if let Some(row) = knelpunt::Entity::find_by_id(id).one(db).await? {
                let (mut title, mut description) = (row.title.clone(), row.description.clone());
                if apply(&mut title) | apply(&mut description) {
                    let mut active = row.into_active_model();
                    active.title = Set(title);
                    active.description = Set(description);
                    active.update(db).await?;
                }
            }
            for row in knelpunt_answer::Entity::find()
                .filter(knelpunt_answer::Column::KnelpuntId.eq(id))
                .all(db)
                .await?
            {
                let mut body = row.body.clone();
                if apply(&mut body) {
                    let mut active = row.into_active_model();
                    active.body = Set(body);
                    active.update(db).await?;
                }
            }
        }
    }
    changed += redact_audit(db, target, passage).await?;
    Ok(changed)
}

/// The audit log's copies of the record (before and after each change)
/// lose the passage too, as it stands inside their JSON.
async fn redact_audit(
    db: &impl ConnectionTrait,
    target: Target,
    passage: &str,
) -> Result<u32, DbErr> {
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
        let scrub = |payload: &Option<String>| {
            payload.as_deref().and_then(|p| {
                p.contains(inner)
                    .then(|| p.replace(inner, shared::personal_data::REDACTED))
            })
        };
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
