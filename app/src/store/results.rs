//! A team's monthly results: entering or correcting a month, keeping every
//! earlier version of its figures. Stored in the tables `outcome_period`
//! and `outcome_version` (named so by the first schema; a released
//! migration is never edited).

use super::entity::{outcome_period, outcome_version};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use shared::results::MonthlyResult;

fn int(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A month's row as stored, for `team_id`.
pub fn period_of(team_id: i32, figures: &MonthlyResult) -> outcome_period::ActiveModel {
    outcome_period::ActiveModel {
        team_id: Set(team_id),
        month: Set(figures.month.to_string()),
        started: Set(int(figures.started)),
        mean_wait_days: Set(figures.mean_wait_days),
        ended: Set(int(figures.ended)),
        without_help: Set(int(figures.without_help)),
        client_grade: Set(figures.client_grade),
        client_responses: Set(int(figures.client_responses)),
        uitval: Set(figures.uitval.map(int)),
        doelrealisatie: Set(figures.doelrealisatie.map(int)),
        ..Default::default()
    }
}

/// Version `version` of the stored month `o`: who saved it and when (none
/// for figures loaded in bulk).
pub fn version_of(
    o: &outcome_period::Model,
    version: i32,
    author: Option<i32>,
    at: Option<DateTime<Utc>>,
) -> outcome_version::ActiveModel {
    outcome_version::ActiveModel {
        outcome_period_id: Set(o.id),
        version: Set(version),
        started: Set(o.started),
        mean_wait_days: Set(o.mean_wait_days),
        ended: Set(o.ended),
        without_help: Set(o.without_help),
        client_grade: Set(o.client_grade),
        client_responses: Set(o.client_responses),
        uitval: Set(o.uitval),
        doelrealisatie: Set(o.doelrealisatie),
        author_account_id: Set(author),
        created_at: Set(at),
        ..Default::default()
    }
}

/// Enters or corrects one month of a team's results; returns the month
/// before (if it existed) and after. Call inside a transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    team_id: i32,
    figures: &MonthlyResult,
    author: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(Option<outcome_period::Model>, outcome_period::Model), DbErr> {
    let before = outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .filter(outcome_period::Column::Month.eq(figures.month.to_string()))
        .one(db)
        .await?;
    let mut model = period_of(team_id, figures);
    let after = match &before {
        Some(b) => {
            model.id = Set(b.id);
            model.update(db).await?
        }
        None => model.insert(db).await?,
    };
    let mut versions = outcome_version::Entity::find()
        .filter(outcome_version::Column::OutcomePeriodId.eq(after.id))
        .count(db)
        .await?;
    if versions == 0 {
        if let Some(b) = &before {
            // Figures loaded in bulk have no version yet: keep them first.
            version_of(b, 1, None, None).insert(db).await?;
            versions = 1;
        }
    }
    version_of(
        &after,
        int(u32::try_from(versions + 1).unwrap_or(u32::MAX)),
        author,
        Some(now),
    )
    .insert(db)
    .await?;
    Ok((before, after))
}

/// The versions of one month, newest first.
pub async fn history(
    db: &impl ConnectionTrait,
    team_id: i32,
    month: &str,
) -> Result<Vec<outcome_version::Model>, DbErr> {
    let Some(period) = outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .filter(outcome_period::Column::Month.eq(month))
        .one(db)
        .await?
    else {
        return Ok(Vec::new());
    };
    outcome_version::Entity::find()
        .filter(outcome_version::Column::OutcomePeriodId.eq(period.id))
        .order_by_desc(outcome_version::Column::Version)
        .all(db)
        .await
}

/// The figures as JSON for the audit log.
pub fn json(o: &outcome_period::Model) -> String {
    serde_json::json!({
        "team_id": o.team_id,
        "month": o.month,
        "started": o.started,
        "mean_wait_days": o.mean_wait_days,
        "ended": o.ended,
        "without_help": o.without_help,
        "client_grade": o.client_grade,
        "client_responses": o.client_responses,
        "uitval": o.uitval,
        "doelrealisatie": o.doelrealisatie,
    })
    .to_string()
}

/// A stored month as the domain's `MonthlyResult`.
pub fn monthly(p: &outcome_period::Model) -> MonthlyResult {
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    MonthlyResult {
        month: p
            .month
            .parse()
            .unwrap_or_else(|_| panic!("outcome_period.month holds {:?}, not YYYY-MM", p.month)),
        started: count(p.started),
        mean_wait_days: p.mean_wait_days,
        ended: count(p.ended),
        without_help: count(p.without_help),
        client_grade: p.client_grade,
        client_responses: count(p.client_responses),
        uitval: p.uitval.map(count),
        doelrealisatie: p.doelrealisatie.map(count),
    }
}
