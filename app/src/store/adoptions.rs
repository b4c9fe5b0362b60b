//! How lessons and agreements spread: another team adopts one as a concept
//! agreement of its own, and the `adoption` row remembers where it came
//! from, so both pages link to each other and Wat werkt can count it.

use super::agreements::{self, AgreementContent};
use super::entity::{adoption, agreement, lesson};
use super::teams::team_names;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::dto::AdoptionSource;
use shared::network::AgreementStatus;

/// What an agreement is adopted from.
pub enum Source<'a> {
    Lesson(&'a lesson::Model),
    Agreement(&'a agreement::Model),
}

/// Makes `source` a concept agreement of `team_id` with `theme`, recording
/// where it came from. Call inside a transaction.
pub async fn adopt(
    db: &impl ConnectionTrait,
    source: Source<'_>,
    team_id: i32,
    theme: &str,
    author: i32,
    now: DateTime<Utc>,
) -> Result<agreement::Model, DbErr> {
    let (title, body, from_team_id, lesson_id, source_agreement_id) = match source {
        Source::Lesson(l) => (
            l.title.clone(),
            shared::lessons::adopted_agreement_body(&l.what_worked, &l.what_needed),
            l.team_id,
            Some(l.id),
            None,
        ),
        Source::Agreement(a) => (a.title.clone(), a.body.clone(), a.team_id, None, Some(a.id)),
    };
    let (_, agreement) = agreements::save(
        db,
        team_id,
        None,
        AgreementContent {
            theme: theme.to_string(),
            title,
            body,
            status: AgreementStatus::Concept.code().to_string(),
            effective_from: None,
            review_date: None,
        },
        Some(author),
        now,
    )
    .await?;
    adoption::ActiveModel {
        agreement_id: Set(agreement.id),
        team_id: Set(team_id),
        from_team_id: Set(from_team_id),
        lesson_id: Set(lesson_id),
        source_agreement_id: Set(source_agreement_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(agreement)
}

/// The agreements other teams made from a lesson
/// (`adoption::Column::LessonId`) or an agreement
/// (`adoption::Column::SourceAgreementId`): (agreement id, adopting team
/// id), oldest first.
pub async fn made_from(
    db: &impl ConnectionTrait,
    source: adoption::Column,
    id: i32,
) -> Result<Vec<(i32, i32)>, DbErr> {
    Ok(adoption::Entity::find()
        .filter(source.eq(id))
        .order_by_asc(adoption::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.agreement_id, a.team_id))
        .collect())
}

/// Where an agreement came from, if it was adopted.
pub async fn origin(
    db: &impl ConnectionTrait,
    agreement_id: i32,
) -> Result<Option<AdoptionSource>, DbErr> {
    let Some(a) = adoption::Entity::find()
        .filter(adoption::Column::AgreementId.eq(agreement_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let source = match (a.lesson_id, a.source_agreement_id) {
        (Some(id), _) => lesson::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|l| (true, l.id, l.title)),
        (None, Some(id)) => agreement::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|s| (false, s.id, s.title)),
        (None, None) => None,
    };
    let Some((lesson, id, title)) = source else {
        return Ok(None);
    };
    let team = team_names(db, &[a.from_team_id])
        .await?
        .remove(&a.from_team_id)
        .unwrap_or_default();
    Ok(Some(AdoptionSource {
        lesson,
        id,
        title,
        team,
    }))
}
