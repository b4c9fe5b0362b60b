//! Maatwerkcanvassen: recording and editing one, with its saving computed
//! by `shared::canvas` and stored for totals per team, wijk and network.

use super::entity::canvas;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::canvas::{saving_cents, CanvasContent, RouteCost};
use shared::dto::{CanvasSummary, CanvasView};
use shared::network::{CanvasStatus, Law};

fn months(m: Option<u32>) -> Option<i32> {
    m.map(|m| i32::try_from(m).unwrap_or(i32::MAX))
}

/// Records a new canvas (`id` none) or edits one of the team's; returns it
/// before (if any) and after. Call inside a transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    team_id: i32,
    id: Option<i32>,
    content: &CanvasContent,
    now: DateTime<Utc>,
) -> Result<(Option<canvas::Model>, canvas::Model), DbErr> {
    let before = match id {
        Some(id) => Some(
            canvas::Entity::find_by_id(id)
                .filter(canvas::Column::TeamId.eq(team_id))
                .one(db)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound(format!("canvas {id} of team {team_id}")))?,
        ),
        None => None,
    };
    let mut model = canvas::ActiveModel {
        team_id: Set(team_id),
        title: Set(content.title.clone()),
        family_wants: Set(content.family_wants.clone()),
        law: Set(content.law.code().to_string()),
        law_reason: Set(content.law_reason.clone()),
        regular_amount_cents: Set(content.regular.amount_cents),
        regular_months: Set(months(content.regular.months)),
        tailored_amount_cents: Set(content.tailored.amount_cents),
        tailored_months: Set(months(content.tailored.months)),
        saving_cents: Set(saving_cents(content.regular, content.tailored)),
        status: Set(content.status.code().to_string()),
        system_lesson: Set(content.system_lesson.clone()),
        updated_at: Set(now),
        ..Default::default()
    };
    if before.is_none() {
        model.created_at = Set(now);
    }
    let after = super::rows::upsert(db, before.as_ref(), model).await?;
    Ok((before, after))
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<canvas::Model>, DbErr> {
    canvas::Entity::find_by_id(id).one(db).await
}

/// A team's canvases, newest first.
pub async fn of_team(db: &impl ConnectionTrait, team_id: i32) -> Result<Vec<CanvasSummary>, DbErr> {
    Ok(canvas::Entity::find()
        .filter(canvas::Column::TeamId.eq(team_id))
        .order_by_desc(canvas::Column::CreatedAt)
        .order_by_desc(canvas::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| CanvasSummary {
            id: c.id,
            status: status(&c.status),
            title: c.title,
            saving_cents: c.saving_cents,
        })
        .collect())
}

fn status(code: &str) -> CanvasStatus {
    CanvasStatus::from_code(code).unwrap_or(CanvasStatus::Ingediend)
}

fn route(amount_cents: i64, months: Option<i32>) -> RouteCost {
    RouteCost {
        amount_cents,
        months: months.and_then(|m| u32::try_from(m).ok()),
    }
}

/// The canvas as its page shows it (`viewer_writes` left false).
pub fn view(c: canvas::Model, team_name: String) -> CanvasView {
    CanvasView {
        id: c.id,
        team_id: c.team_id,
        team_name,
        law: Law::from_code(&c.law).unwrap_or(Law::Anders),
        regular: route(c.regular_amount_cents, c.regular_months),
        tailored: route(c.tailored_amount_cents, c.tailored_months),
        saving_cents: c.saving_cents,
        status: status(&c.status),
        updated_at: shared::clock::local_timestamp(c.updated_at),
        title: c.title,
        family_wants: c.family_wants,
        law_reason: c.law_reason,
        system_lesson: c.system_lesson,
        viewer_writes: false,
        viewer_redacts: false,
    }
}

/// The canvas as JSON for the audit log.
pub fn json(c: &canvas::Model) -> String {
    serde_json::json!({
        "team_id": c.team_id,
        "title": c.title,
        "family_wants": c.family_wants,
        "law": c.law,
        "law_reason": c.law_reason,
        "regular_amount_cents": c.regular_amount_cents,
        "regular_months": c.regular_months,
        "tailored_amount_cents": c.tailored_amount_cents,
        "tailored_months": c.tailored_months,
        "saving_cents": c.saving_cents,
        "status": c.status,
        "system_lesson": c.system_lesson,
    })
    .to_string()
}
