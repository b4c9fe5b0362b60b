//! Imports of monthly results: what a file's teams have stored (for the
//! preview), the import kept between preview and confirmation, and the
//! import itself — in bulk, a national file being 200,000 months, with
//! every correction versioned exactly as `results::save` versions one.

use super::entity::{outcome_period, outcome_version, result_import, team};
use super::results::{monthly, period_of, version_of};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set,
};
use shared::results::MonthlyResult;
use shared::Month;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// Where an import this process took on stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Steps done and in all.
    Running(usize, usize),
    /// It failed and changed nothing; it may be confirmed again.
    Failed,
}

/// The imports this process is applying, for the progress bar (another
/// process's import shows as under way, unnumbered).
#[derive(Clone, Debug, Default)]
pub struct UnderWay(Arc<Mutex<HashMap<i32, Stage>>>);

impl UnderWay {
    pub fn set(&self, import: i32, stage: Stage) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(import, stage);
        }
    }

    pub fn get(&self, import: i32) -> Option<Stage> {
        self.0.lock().ok()?.get(&import).copied()
    }

    pub fn remove(&self, import: i32) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(&import);
        }
    }
}

/// Ids per `IN (…)`: well under SQLite's and PostgreSQL's limits.
const CHUNK: usize = 500;
/// The most months a query names; more are read as all the teams' months.
const MONTHS_FILTERED: usize = 240;
/// Rows per multi-row insert (at most twelve columns each: 12,000 values,
/// within SQLite's 32,766 and PostgreSQL's 65,535).
const INSERT_CHUNK: usize = 1000;

/// Which of `ids` are teams.
pub async fn existing_teams(db: &impl ConnectionTrait, ids: &[i32]) -> Result<HashSet<i32>, DbErr> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<i32> = team::Entity::find()
            .select_only()
            .column(team::Column::Id)
            .filter(team::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

/// The stored months `months` of `teams`, by team and month.
pub async fn stored_periods(
    db: &impl ConnectionTrait,
    teams: &[i32],
    months: &HashSet<Month>,
) -> Result<HashMap<(i32, Month), outcome_period::Model>, DbErr> {
    let mut stored = HashMap::new();
    let months: Vec<String> = months.iter().map(Month::to_string).collect();
    for chunk in teams.chunks(CHUNK) {
        let mut query = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.is_in(chunk.iter().copied()));
        // A file of many months reads its teams' every month instead.
        if months.len() <= MONTHS_FILTERED {
            query = query.filter(outcome_period::Column::Month.is_in(months.iter().cloned()));
        }
        let periods = query.all(db).await?;
        for period in periods {
            if let Ok(month) = period.month.parse::<Month>() {
                stored.insert((period.team_id, month), period);
            }
        }
    }
    Ok(stored)
}

/// The stored months `months` of `teams` as the domain's figures.
pub async fn stored_months(
    db: &impl ConnectionTrait,
    teams: &[i32],
    months: &HashSet<Month>,
) -> Result<HashMap<(i32, Month), MonthlyResult>, DbErr> {
    Ok(stored_periods(db, teams, months)
        .await?
        .into_iter()
        .map(|(key, period)| (key, monthly(&period)))
        .collect())
}

/// An import awaiting confirmation, as saved.
pub struct Pending<'a> {
    pub token_hash: String,
    pub account_id: i32,
    pub team_id: Option<i32>,
    pub kind: &'a str,
    pub preview: String,
    pub rows: String,
}

pub async fn save_pending(
    db: &impl ConnectionTrait,
    pending: Pending<'_>,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let saved = result_import::ActiveModel {
        token_hash: Set(pending.token_hash),
        account_id: Set(pending.account_id),
        team_id: Set(pending.team_id),
        kind: Set(pending.kind.to_string()),
        preview: Set(pending.preview),
        rows: Set(pending.rows),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// The import with this token hash, whoever made it, without its rows
/// (a national file's are megabytes; only the confirmation reads them).
pub async fn find_summary(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<result_import::Model>, DbErr> {
    use sea_orm::{sea_query::Expr, Iterable};
    result_import::Entity::find()
        .select_only()
        .columns(
            result_import::Column::iter().filter(|c| !matches!(c, result_import::Column::Rows)),
        )
        .column_as(Expr::value(""), "rows")
        .filter(result_import::Column::TokenHash.eq(token_hash))
        .into_model::<result_import::Model>()
        .one(db)
        .await
}

/// The import with this token hash, whoever made it.
pub async fn find(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<result_import::Model>, DbErr> {
    result_import::Entity::find()
        .filter(result_import::Column::TokenHash.eq(token_hash))
        .one(db)
        .await
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub corrected: usize,
    pub unchanged: usize,
    /// Months whose figures stored since the preview no longer fit the
    /// file's (`shared::import::results::settle`): left alone.
    pub refused: usize,
    pub teams: usize,
    pub first_month: Option<Month>,
    pub last_month: Option<Month>,
}

/// A month's figures as a stored row reads them back (id and team aside).
fn stored_as(r: &MonthlyResult) -> outcome_period::Model {
    let int = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    outcome_period::Model {
        id: 0,
        team_id: 0,
        month: r.month.to_string(),
        started: int(r.started),
        mean_wait_days: r.mean_wait_days,
        ended: int(r.ended),
        without_help: int(r.without_help),
        client_grade: r.client_grade,
        client_responses: int(r.client_responses),
        uitval: r.uitval.map(int),
        doelrealisatie: r.doelrealisatie.map(int),
    }
}

/// The newest version number of each of `periods` that has one.
async fn newest_versions(
    db: &impl ConnectionTrait,
    periods: &[i32],
) -> Result<HashMap<i32, i32>, DbErr> {
    use sea_orm::sea_query::Expr;
    let mut newest = HashMap::new();
    for chunk in periods.chunks(CHUNK) {
        let rows: Vec<(i32, Option<i32>)> = outcome_version::Entity::find()
            .select_only()
            .column(outcome_version::Column::OutcomePeriodId)
            .column_as(Expr::col(outcome_version::Column::Version).max(), "newest")
            .filter(outcome_version::Column::OutcomePeriodId.is_in(chunk.iter().copied()))
            .group_by(outcome_version::Column::OutcomePeriodId)
            .into_tuple()
            .all(db)
            .await?;
        newest.extend(rows.into_iter().filter_map(|(id, v)| v.map(|v| (id, v))));
    }
    Ok(newest)
}

/// Adds and corrects the months of `rows` as `author`; a month already
/// stored with the same figures is left alone, so importing a file twice
/// changes nothing the second time. Call inside a transaction.
pub async fn apply(
    db: &impl ConnectionTrait,
    rows: &[(i32, MonthlyResult)],
    settle: &(dyn Fn(&MonthlyResult, Option<&MonthlyResult>) -> Option<MonthlyResult> + Sync),
    author: i32,
    now: DateTime<Utc>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Applied, DbErr> {
    let teams: Vec<i32> = rows
        .iter()
        .map(|(team, _)| *team)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let months: HashSet<Month> = rows.iter().map(|(_, r)| r.month).collect();
    let stored = stored_periods(db, &teams, &months).await?;
    let mut applied = Applied::default();
    let mut additions: Vec<(i32, MonthlyResult)> = Vec::new();
    let mut corrections: Vec<(&outcome_period::Model, MonthlyResult)> = Vec::new();
    let mut touched_teams = HashSet::new();
    for (team, imported) in rows {
        let period = stored.get(&(*team, imported.month));
        let Some(result) = settle(imported, period.map(monthly).as_ref()) else {
            applied.refused += 1;
            continue;
        };
        match period {
            Some(period) if monthly(period) == result => {
                applied.unchanged += 1;
                continue;
            }
            Some(period) => corrections.push((period, result.clone())),
            None => additions.push((*team, result.clone())),
        }
        touched_teams.insert(*team);
        applied.first_month = Some(
            applied
                .first_month
                .map_or(result.month, |m| m.min(result.month)),
        );
        applied.last_month = Some(
            applied
                .last_month
                .map_or(result.month, |m| m.max(result.month)),
        );
    }
    applied.added = additions.len();
    applied.corrected = corrections.len();
    applied.teams = touched_teams.len();
    // Steps: each month written, then each of its versions.
    let total = 2 * (additions.len() + corrections.len());
    let mut done = 0;
    progress(done, total);

    // Added and corrected months alike, in multi-row statements: a
    // correction is an insert that meets its month (team and month are
    // unique) and updates it, portable to SQLite and PostgreSQL, instead
    // of an UPDATE per month.
    let corrected_columns = [
        outcome_period::Column::Started,
        outcome_period::Column::MeanWaitDays,
        outcome_period::Column::Ended,
        outcome_period::Column::WithoutHelp,
        outcome_period::Column::ClientGrade,
        outcome_period::Column::ClientResponses,
        outcome_period::Column::Uitval,
        outcome_period::Column::Doelrealisatie,
    ];
    let written: Vec<(i32, &MonthlyResult)> = additions
        .iter()
        .map(|(team, r)| (*team, r))
        .chain(corrections.iter().map(|(p, r)| (p.team_id, r)))
        .collect();
    for chunk in written.chunks(INSERT_CHUNK) {
        outcome_period::Entity::insert_many(chunk.iter().map(|(team, r)| period_of(*team, r)))
            .on_conflict(
                OnConflict::columns([
                    outcome_period::Column::TeamId,
                    outcome_period::Column::Month,
                ])
                .update_columns(corrected_columns)
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        done += chunk.len();
        progress(done, total);
    }
    // The added months' ids, to hang their first versions on.
    let added_teams: Vec<i32> = additions
        .iter()
        .map(|(team, _)| *team)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let added_months: HashSet<Month> = additions.iter().map(|(_, r)| r.month).collect();
    let now_stored = stored_periods(db, &added_teams, &added_months).await?;
    let mut versions: Vec<outcome_version::ActiveModel> = Vec::new();
    for (team, result) in &additions {
        let period = now_stored
            .get(&(*team, result.month))
            .ok_or(DbErr::RecordNotInserted)?;
        versions.push(version_of(period, 1, Some(author), Some(now)));
    }
    let corrected_ids: Vec<i32> = corrections.iter().map(|(p, _)| p.id).collect();
    let newest = newest_versions(db, &corrected_ids).await?;
    for (period, result) in &corrections {
        let next = match newest.get(&period.id) {
            Some(v) => v + 1,
            None => {
                // Figures loaded in bulk have no version yet: keep them first,
                // as stored.
                versions.push(version_of(period, 1, None, None));
                2
            }
        };
        let updated = outcome_period::Model {
            id: period.id,
            team_id: period.team_id,
            ..stored_as(result)
        };
        versions.push(version_of(&updated, next, Some(author), Some(now)));
    }
    // A month of figures loaded in bulk has two versions (the loaded ones
    // kept first): the step counts the month, not each version.
    let steps_left = total - done;
    let versions_count = versions.len();
    let mut written = 0;
    let mut versions = versions.into_iter().peekable();
    while versions.peek().is_some() {
        let chunk: Vec<_> = versions.by_ref().take(INSERT_CHUNK).collect();
        written += chunk.len();
        outcome_version::Entity::insert_many(chunk).exec(db).await?;
        progress(done + steps_left * written / versions_count.max(1), total);
    }
    progress(total, total);
    Ok(applied)
}

/// Marks an import as begun, unless it is done or begun (and not stale):
/// false when someone else began it.
pub async fn start(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> Result<bool, DbErr> {
    use sea_orm::{sea_query::Expr, Condition};
    let stale = now - chrono::Duration::seconds(shared::import::APPLY_STALE_SECONDS);
    let taken = result_import::Entity::update_many()
        .col_expr(result_import::Column::StartedAt, Expr::value(now))
        .filter(result_import::Column::Id.eq(id))
        .filter(result_import::Column::AppliedAt.is_null())
        .filter(
            Condition::any()
                .add(result_import::Column::StartedAt.is_null())
                .add(result_import::Column::StartedAt.lt(stale)),
        )
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Lets an import that failed be confirmed again.
pub async fn unstart(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    use sea_orm::sea_query::{Expr, Value};
    result_import::Entity::update_many()
        .col_expr(
            result_import::Column::StartedAt,
            Expr::value(Value::ChronoDateTimeUtc(None)),
        )
        .filter(result_import::Column::Id.eq(id))
        .filter(result_import::Column::AppliedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Takes an import for confirming: false when another request took it
/// first (on PostgreSQL the second waits for the first to commit, then
/// finds it taken).
pub async fn claim(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let taken = result_import::Entity::update_many()
        .col_expr(
            result_import::Column::AppliedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(result_import::Column::Id.eq(id))
        .filter(result_import::Column::AppliedAt.is_null())
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Records what a claimed import did, and lets go of its rows.
pub async fn mark_applied(
    db: &impl ConnectionTrait,
    id: i32,
    applied: &Applied,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    result_import::Entity::update_many()
        .col_expr(
            result_import::Column::AppliedAdded,
            Expr::value(count(applied.added)),
        )
        .col_expr(
            result_import::Column::AppliedCorrected,
            Expr::value(count(applied.corrected)),
        )
        .col_expr(
            result_import::Column::AppliedRefused,
            Expr::value(count(applied.refused)),
        )
        .col_expr(result_import::Column::Rows, Expr::value("[]"))
        .filter(result_import::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes the imports made before `before`; returns how many.
pub async fn remove_made_before(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(result_import::Entity::delete_many()
        .filter(result_import::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
