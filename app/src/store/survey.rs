//! The anonymous survey: an answer only ever adds to a team's sums for the
//! month, in one atomic step; separately, that the member answered is kept,
//! so nobody answers twice. Nothing links the two.

use super::entity::{survey_participation, survey_tally};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::survey::{SurveyAnswer, Tally};
use shared::Month;
use std::collections::HashMap;

fn int(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn tally(t: &survey_tally::Model) -> Tally {
    Tally {
        respondents: count(t.respondents),
        grade_sum: count(t.grade_sum),
        item_sums: [
            count(t.know_whom_sum),
            count(t.information_sum),
            count(t.vision_sum),
            count(t.tools_sum),
        ],
    }
}

fn month(code: &str) -> Month {
    code.parse()
        .unwrap_or_else(|_| panic!("survey_tally.month holds {code:?}, not YYYY-MM"))
}

/// The months of `months` for which the member answered already.
pub async fn answered(
    db: &impl ConnectionTrait,
    team_id: i32,
    account_id: i32,
    months: &[Month],
) -> Result<Vec<Month>, DbErr> {
    Ok(survey_participation::Entity::find()
        .filter(survey_participation::Column::TeamId.eq(team_id))
        .filter(survey_participation::Column::AccountId.eq(account_id))
        .filter(survey_participation::Column::Month.is_in(months.iter().map(Month::to_string)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| month(&p.month))
        .collect())
}

/// Adds a member's answer; `false` (and nothing changed) when they had
/// answered for that month already. Call inside a transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    team_id: i32,
    account_id: i32,
    answer: &SurveyAnswer,
) -> Result<bool, DbErr> {
    let period = answer.month.to_string();
    if !answered(db, team_id, account_id, &[answer.month])
        .await?
        .is_empty()
    {
        return Ok(false);
    }
    survey_participation::ActiveModel {
        team_id: Set(team_id),
        month: Set(period.clone()),
        account_id: Set(account_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    add(db, team_id, answer.month, Tally::default().with(answer)).await?;
    Ok(true)
}

/// Adds `extra` to a team's sums for a month, atomically (also when two
/// members answer at once).
pub async fn add(
    db: &impl ConnectionTrait,
    team_id: i32,
    period: Month,
    extra: Tally,
) -> Result<(), DbErr> {
    use survey_tally::Column as C;
    let sums = [
        (C::Respondents, extra.respondents),
        (C::GradeSum, extra.grade_sum),
        (C::KnowWhomSum, extra.item_sums[0]),
        (C::InformationSum, extra.item_sums[1]),
        (C::VisionSum, extra.item_sums[2]),
        (C::ToolsSum, extra.item_sums[3]),
    ];
    let mut upsert = OnConflict::columns([C::TeamId, C::Month]);
    for (column, value) in sums {
        upsert.value(
            column,
            Expr::col((survey_tally::Entity, column)).add(int(value)),
        );
    }
    survey_tally::Entity::insert(survey_tally::ActiveModel {
        team_id: Set(team_id),
        month: Set(period.to_string()),
        respondents: Set(int(extra.respondents)),
        grade_sum: Set(int(extra.grade_sum)),
        know_whom_sum: Set(int(extra.item_sums[0])),
        information_sum: Set(int(extra.item_sums[1])),
        vision_sum: Set(int(extra.item_sums[2])),
        tools_sum: Set(int(extra.item_sums[3])),
        ..Default::default()
    })
    .on_conflict(upsert)
    .exec(db)
    .await?;
    Ok(())
}

/// A team's sums for its most recent `limit` months with answers, newest
/// first.
pub async fn recent(
    db: &impl ConnectionTrait,
    team_id: i32,
    limit: u64,
) -> Result<Vec<(Month, Tally)>, DbErr> {
    Ok(survey_tally::Entity::find()
        .filter(survey_tally::Column::TeamId.eq(team_id))
        .order_by_desc(survey_tally::Column::Month)
        .limit(limit)
        .all(db)
        .await?
        .iter()
        .map(|t| (month(&t.month), tally(t)))
        .collect())
}

/// A team's sums for the given months.
pub async fn for_months(
    db: &impl ConnectionTrait,
    team_id: i32,
    months: &[Month],
) -> Result<HashMap<Month, Tally>, DbErr> {
    Ok(survey_tally::Entity::find()
        .filter(survey_tally::Column::TeamId.eq(team_id))
        .filter(survey_tally::Column::Month.is_in(months.iter().map(Month::to_string)))
        .all(db)
        .await?
        .iter()
        .map(|t| (month(&t.month), tally(t)))
        .collect())
}

/// Each team's sums for the month of its latest results, in one query.
/// The tallies of the given (team, month) pairs.
pub async fn at_months(
    db: &impl ConnectionTrait,
    months: &HashMap<i32, String>,
) -> Result<HashMap<i32, Tally>, DbErr> {
    let mut distinct: Vec<&String> = months.values().collect();
    distinct.sort();
    distinct.dedup();
    Ok(survey_tally::Entity::find()
        .filter(survey_tally::Column::TeamId.is_in(months.keys().copied()))
        .filter(survey_tally::Column::Month.is_in(distinct))
        .all(db)
        .await?
        .iter()
        .filter(|t| months.get(&t.team_id) == Some(&t.month))
        .map(|t| (t.team_id, tally(t)))
        .collect())
}
