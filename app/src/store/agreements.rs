//! Collaboration agreements: saving one (a new version each time, the
//! current state in `agreement`) and reading its history.

use super::entity::{agreement, agreement_version};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

/// A validated agreement, ready to save.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementContent {
    pub theme: String,
    pub title: String,
    pub body: String,
    pub status: String,
    pub effective_from: Option<NaiveDate>,
    pub review_date: Option<NaiveDate>,
}

/// Saves a new agreement (`id` none) or a new version of one of the team's
/// agreements; returns the agreement before (if any) and after. Call inside
/// a transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    team_id: i32,
    id: Option<i32>,
    content: AgreementContent,
    author: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(Option<agreement::Model>, agreement::Model), DbErr> {
    let before = match id {
        Some(id) => Some(
            agreement::Entity::find_by_id(id)
                .filter(agreement::Column::TeamId.eq(team_id))
                .one(db)
                .await?
                .ok_or_else(|| {
                    DbErr::RecordNotFound(format!("agreement {id} of team {team_id}"))
                })?,
        ),
        None => None,
    };
    let mut model = agreement::ActiveModel {
        team_id: Set(team_id),
        theme: Set(content.theme.clone()),
        title: Set(content.title.trim().to_string()),
        body: Set(content.body.trim().to_string()),
        status: Set(content.status.clone()),
        effective_from: Set(content.effective_from),
        review_date: Set(content.review_date),
        ..Default::default()
    };
    if before.is_none() {
        model.created_at = Set(now);
    }
    let after = super::rows::upsert(db, before.as_ref(), model).await?;
    index(db, &after).await?;
    let version = agreement_version::Entity::find()
        .filter(agreement_version::Column::AgreementId.eq(after.id))
        .count(db)
        .await?
        + 1;
    agreement_version::ActiveModel {
        agreement_id: Set(after.id),
        version: Set(i32::try_from(version).unwrap_or(i32::MAX)),
        theme: Set(after.theme.clone()),
        title: Set(after.title.clone()),
        body: Set(after.body.clone()),
        status: Set(after.status.clone()),
        effective_from: Set(after.effective_from),
        review_date: Set(after.review_date),
        author_account_id: Set(author),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((before, after))
}

/// Puts an agreement's current text in the search index.
pub async fn index(db: &impl ConnectionTrait, a: &agreement::Model) -> Result<(), DbErr> {
    super::search::index(
        db,
        super::search::Kind::Agreement,
        a.id,
        a.team_id,
        &a.theme,
        &a.title,
        &a.body,
    )
    .await
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<agreement::Model>, DbErr> {
    agreement::Entity::find_by_id(id).one(db).await
}

/// Every version, newest first, with its author's name.
pub async fn history(
    db: &impl ConnectionTrait,
    agreement_id: i32,
) -> Result<Vec<(agreement_version::Model, Option<String>)>, DbErr> {
    let versions = agreement_version::Entity::find()
        .filter(agreement_version::Column::AgreementId.eq(agreement_id))
        .order_by_desc(agreement_version::Column::Version)
        .all(db)
        .await?;
    let author_ids: Vec<i32> = versions
        .iter()
        .filter_map(|v| v.author_account_id)
        .collect();
    let names = super::accounts::display_names(db, author_ids).await?;
    Ok(versions
        .into_iter()
        .map(|v| {
            let name = v.author_account_id.and_then(|id| names.get(&id).cloned());
            (v, name)
        })
        .collect())
}

/// The agreement as JSON for the audit log.
pub fn json(a: &agreement::Model) -> String {
    serde_json::json!({
        "team_id": a.team_id,
        "theme": a.theme,
        "title": a.title,
        "body": a.body,
        "status": a.status,
        "effective_from": a.effective_from.map(|d| d.to_string()),
        "review_date": a.review_date.map(|d| d.to_string()),
    })
    .to_string()
}

/// An agreement as its page and the team's space show it.
pub fn agreement_view(a: &agreement::Model) -> shared::dto::AgreementView {
    use shared::network::AgreementStatus;
    shared::dto::AgreementView {
        id: a.id,
        title: a.title.clone(),
        body: a.body.clone(),
        status: AgreementStatus::from_code(&a.status).unwrap_or(AgreementStatus::Concept),
        effective_from: a.effective_from.map(|d| d.to_string()),
        review_date: a.review_date.map(|d| d.to_string()),
    }
}
