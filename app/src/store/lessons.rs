//! Lessons: recording and editing one with its linked agreements, and what
//! other teams do with it — react, mark it useful (adopting it lives in
//! `adoptions`).

use super::entity::{agreement, lesson, lesson_agreement, lesson_reaction, lesson_useful};
use super::teams::team_names;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::dto::ReactionView;
use std::collections::HashMap;

/// A checked lesson, ready to save.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonContent {
    pub source: String,
    pub title: String,
    pub what_happened: String,
    pub what_worked: String,
    pub what_needed: String,
    pub tags: Vec<String>,
    /// Agreements of the same team.
    pub agreement_ids: Vec<i32>,
}

/// Records a new lesson (`id` none) or edits one of the team's lessons;
/// returns the lesson before (if any) and after. Call inside a transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    team_id: i32,
    id: Option<i32>,
    content: LessonContent,
    now: DateTime<Utc>,
) -> Result<(Option<lesson::Model>, lesson::Model), DbErr> {
    let before = match id {
        Some(id) => Some(
            lesson::Entity::find_by_id(id)
                .filter(lesson::Column::TeamId.eq(team_id))
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(format!("lesson {id} of team {team_id}")))?,
        ),
        None => None,
    };
    let mut model = lesson::ActiveModel {
        team_id: Set(team_id),
        source: Set(content.source),
        title: Set(content.title.trim().to_string()),
        what_happened: Set(content.what_happened.trim().to_string()),
        what_worked: Set(content.what_worked.trim().to_string()),
        what_needed: Set(content.what_needed.trim().to_string()),
        tags: Set(content.tags.join(",")),
        ..Default::default()
    };
    if before.is_none() {
        model.created_at = Set(now);
    }
    let after = super::rows::upsert(db, before.as_ref(), model).await?;
    index(db, &after).await?;
    lesson_agreement::Entity::delete_many()
        .filter(lesson_agreement::Column::LessonId.eq(after.id))
        .exec(db)
        .await?;
    let links: Vec<lesson_agreement::ActiveModel> = content
        .agreement_ids
        .iter()
        .map(|&agreement_id| lesson_agreement::ActiveModel {
            lesson_id: Set(after.id),
            agreement_id: Set(agreement_id),
            ..Default::default()
        })
        .collect();
    if !links.is_empty() {
        lesson_agreement::Entity::insert_many(links)
            .exec(db)
            .await?;
    }
    Ok((before, after))
}

/// Puts a lesson's current text in the search index.
pub async fn index(db: &impl ConnectionTrait, l: &lesson::Model) -> Result<(), DbErr> {
    super::search::index(
        db,
        super::search::Kind::Lesson,
        l.id,
        l.team_id,
        "",
        &l.title,
        &format!(
            "{} {} {} {}",
            l.what_happened, l.what_worked, l.what_needed, l.tags
        ),
    )
    .await
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<lesson::Model>, DbErr> {
    lesson::Entity::find_by_id(id).one(db).await
}

/// A team's agreements as (id, title), to link a lesson to.
pub async fn agreement_options(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Vec<(i32, String)>, DbErr> {
    Ok(agreement::Entity::find()
        .filter(agreement::Column::TeamId.eq(team_id))
        .order_by_asc(agreement::Column::Title)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect())
}

/// The agreements a lesson links to: (id, title).
pub async fn linked_agreements(
    db: &impl ConnectionTrait,
    lesson_id: i32,
) -> Result<Vec<(i32, String)>, DbErr> {
    let ids: Vec<i32> = lesson_agreement::Entity::find()
        .filter(lesson_agreement::Column::LessonId.eq(lesson_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.agreement_id)
        .collect();
    Ok(agreement::Entity::find()
        .filter(agreement::Column::Id.is_in(ids))
        .order_by_asc(agreement::Column::Title)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect())
}

/// Reactions, oldest first, with their authors and teams.
pub async fn reactions(
    db: &impl ConnectionTrait,
    lesson_id: i32,
) -> Result<Vec<ReactionView>, DbErr> {
    let reactions = lesson_reaction::Entity::find()
        .filter(lesson_reaction::Column::LessonId.eq(lesson_id))
        .order_by_asc(lesson_reaction::Column::Id)
        .all(db)
        .await?;
    let teams = team_names(db, &reactions.iter().map(|r| r.team_id).collect::<Vec<_>>()).await?;
    let authors =
        super::accounts::display_names(db, reactions.iter().filter_map(|r| r.account_id)).await?;
    Ok(reactions
        .into_iter()
        .map(|r| ReactionView {
            author: r.account_id.and_then(|id| authors.get(&id).cloned()),
            team_name: teams.get(&r.team_id).cloned().unwrap_or_default(),
            body: r.body,
            at: shared::clock::local_timestamp(r.created_at),
        })
        .collect())
}

/// The teams that found a lesson useful, by id.
pub async fn useful_team_ids(db: &impl ConnectionTrait, lesson_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(lesson_useful::Entity::find()
        .filter(lesson_useful::Column::LessonId.eq(lesson_id))
        .order_by_asc(lesson_useful::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.team_id)
        .collect())
}

/// How many teams found each of these lessons useful.
pub async fn useful_counts(
    db: &impl ConnectionTrait,
    lesson_ids: &[i32],
) -> Result<HashMap<i32, u32>, DbErr> {
    let mut counts = HashMap::new();
    for u in lesson_useful::Entity::find()
        .filter(lesson_useful::Column::LessonId.is_in(lesson_ids.to_vec()))
        .all(db)
        .await?
    {
        *counts.entry(u.lesson_id).or_insert(0) += 1;
    }
    Ok(counts)
}

pub async fn react(
    db: &impl ConnectionTrait,
    lesson_id: i32,
    team_id: i32,
    account_id: i32,
    body: &str,
    now: DateTime<Utc>,
) -> Result<lesson_reaction::Model, DbErr> {
    lesson_reaction::ActiveModel {
        lesson_id: Set(lesson_id),
        team_id: Set(team_id),
        account_id: Set(Some(account_id)),
        body: Set(body.trim().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn mark_useful(
    db: &impl ConnectionTrait,
    lesson_id: i32,
    team_id: i32,
    now: DateTime<Utc>,
) -> Result<lesson_useful::Model, DbErr> {
    lesson_useful::ActiveModel {
        lesson_id: Set(lesson_id),
        team_id: Set(team_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The lesson as JSON for the audit log.
pub fn json(l: &lesson::Model, agreement_ids: &[i32]) -> String {
    serde_json::json!({
        "team_id": l.team_id,
        "source": l.source,
        "title": l.title,
        "what_happened": l.what_happened,
        "what_worked": l.what_worked,
        "what_needed": l.what_needed,
        "tags": l.tags,
        "agreements": agreement_ids,
    })
    .to_string()
}
