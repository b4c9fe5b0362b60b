//! Knelpunten: raising one, other teams' support, and the answers of the
//! bestuurders, each of which sets the knelpunt's status.

use super::entity::{knelpunt, knelpunt_answer, knelpunt_support};
use super::teams::team_names;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::dto::{AnswerView, KnelpuntSummary, KnelpuntView};
use shared::network::{KnelpuntCategory, KnelpuntStatus};
use std::collections::HashMap;

pub async fn raise(
    db: &impl ConnectionTrait,
    team_id: i32,
    category: KnelpuntCategory,
    title: &str,
    description: &str,
    now: DateTime<Utc>,
) -> Result<knelpunt::Model, DbErr> {
    knelpunt::ActiveModel {
        team_id: Set(team_id),
        category: Set(category.code().to_string()),
        title: Set(title.trim().to_string()),
        description: Set(description.trim().to_string()),
        status: Set(KnelpuntStatus::Nieuw.code().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<knelpunt::Model>, DbErr> {
    knelpunt::Entity::find_by_id(id).one(db).await
}

/// The teams that support a knelpunt, in the order they did.
pub async fn supporter_ids(db: &impl ConnectionTrait, knelpunt_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(knelpunt_support::Entity::find()
        .filter(knelpunt_support::Column::KnelpuntId.eq(knelpunt_id))
        .order_by_asc(knelpunt_support::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.team_id)
        .collect())
}

pub async fn support(
    db: &impl ConnectionTrait,
    knelpunt_id: i32,
    team_id: i32,
    account_id: i32,
    now: DateTime<Utc>,
) -> Result<knelpunt_support::Model, DbErr> {
    knelpunt_support::ActiveModel {
        knelpunt_id: Set(knelpunt_id),
        team_id: Set(team_id),
        account_id: Set(Some(account_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

fn category(code: &str) -> KnelpuntCategory {
    KnelpuntCategory::from_code(code).unwrap_or(KnelpuntCategory::Overig)
}

fn status(code: &str) -> KnelpuntStatus {
    KnelpuntStatus::from_code(code).unwrap_or(KnelpuntStatus::Nieuw)
}

/// A team's knelpunten, newest first, with how many teams support each.
pub async fn of_team(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Vec<KnelpuntSummary>, DbErr> {
    let knelpunten = knelpunt::Entity::find()
        .filter(knelpunt::Column::TeamId.eq(team_id))
        .order_by_desc(knelpunt::Column::CreatedAt)
        .order_by_desc(knelpunt::Column::Id)
        .all(db)
        .await?;
    let mut support: HashMap<i32, u32> = HashMap::new();
    for s in knelpunt_support::Entity::find()
        .filter(knelpunt_support::Column::KnelpuntId.is_in(knelpunten.iter().map(|k| k.id)))
        .all(db)
        .await?
    {
        *support.entry(s.knelpunt_id).or_insert(0) += 1;
    }
    Ok(knelpunten
        .into_iter()
        .map(|k| KnelpuntSummary {
            id: k.id,
            supporters: support.get(&k.id).copied().unwrap_or(0),
            category: category(&k.category),
            status: status(&k.status),
            title: k.title,
        })
        .collect())
}

/// A knelpunt with its supporters and answers (`supporting_teams` left
/// empty).
pub async fn view(db: &impl ConnectionTrait, k: knelpunt::Model) -> Result<KnelpuntView, DbErr> {
    let supporter_ids = supporter_ids(db, k.id).await?;
    let answers = knelpunt_answer::Entity::find()
        .filter(knelpunt_answer::Column::KnelpuntId.eq(k.id))
        .order_by_asc(knelpunt_answer::Column::Id)
        .all(db)
        .await?;
    let authors =
        super::accounts::display_names(db, answers.iter().filter_map(|a| a.account_id)).await?;
    let mut ids = supporter_ids.clone();
    ids.push(k.team_id);
    let names = team_names(db, &ids).await?;
    Ok(KnelpuntView {
        id: k.id,
        team_id: k.team_id,
        team_name: names.get(&k.team_id).cloned().unwrap_or_default(),
        category: category(&k.category),
        status: status(&k.status),
        raised_on: shared::clock::local_date(k.created_at).to_string(),
        supporters: supporter_ids
            .iter()
            .filter_map(|id| names.get(id).cloned())
            .collect(),
        answers: answers
            .into_iter()
            .map(|a| AnswerView {
                author: a.account_id.and_then(|id| authors.get(&id).cloned()),
                status: status(&a.status),
                body: a.body,
                at: shared::clock::local_timestamp(a.created_at),
            })
            .collect(),
        title: k.title,
        description: k.description,
        supporting_teams: Vec::new(),
        discussed_in: super::dialogue::of_knelpunt(db, k.id).await?,
        viewer_governs: false,
        viewer_redacts: false,
    })
}

/// A bestuurder's answer: the knelpunt takes the answer's status. Returns
/// the knelpunt after. Call inside a transaction.
pub async fn answer(
    db: &impl ConnectionTrait,
    k: &knelpunt::Model,
    author: i32,
    new_status: KnelpuntStatus,
    body: &str,
    now: DateTime<Utc>,
) -> Result<knelpunt::Model, DbErr> {
    knelpunt_answer::ActiveModel {
        knelpunt_id: Set(k.id),
        account_id: Set(Some(author)),
        status: Set(new_status.code().to_string()),
        body: Set(body.trim().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    knelpunt::ActiveModel {
        id: Set(k.id),
        status: Set(new_status.code().to_string()),
        ..Default::default()
    }
    .update(db)
    .await
}

/// The knelpunt as JSON for the audit log.
pub fn json(k: &knelpunt::Model) -> String {
    serde_json::json!({
        "team_id": k.team_id,
        "category": k.category,
        "title": k.title,
        "description": k.description,
        "status": k.status,
    })
    .to_string()
}
