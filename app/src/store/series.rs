//! A team's monthly series per measure, suppressed for the viewer, with
//! the XmR analysis per phase of its baselines, the agreements that took
//! effect and its notes on months: what run charts, their text
//! alternatives and their tables show.

use super::entity::{agreement, outcome_period};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use shared::network::{AgreementStatus, Measure};
use shared::stats::chart::{self, Annotation, ChartSeries, Marks};
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;

/// A team's name and series: what its run charts and sparklines draw.
/// `None` for a team that does not exist.
pub async fn team_charts(
    db: &impl ConnectionTrait,
    team_id: i32,
    policy: SuppressionPolicy,
) -> Result<Option<(String, Vec<ChartSeries>)>, DbErr> {
    let Some(name) = super::teams::team_names(db, &[team_id])
        .await?
        .remove(&team_id)
    else {
        return Ok(None);
    };
    Ok(Some((name, team_series(db, team_id, policy).await?)))
}

/// Every month of a team's results, oldest first, as one series per
/// measure.
pub async fn team_series(
    db: &impl ConnectionTrait,
    team_id: i32,
    policy: SuppressionPolicy,
) -> Result<Vec<ChartSeries>, DbErr> {
    let periods = periods_of(db, team_id).await?;
    let mut started: Vec<(Month, String)> = agreement::Entity::find()
        .filter(agreement::Column::TeamId.eq(team_id))
        .filter(agreement::Column::Status.ne(AgreementStatus::Concept.code()))
        .order_by_asc(agreement::Column::EffectiveFrom)
        .order_by_asc(agreement::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| {
            let day = a.effective_from?;
            let month = Month::new(
                chrono::Datelike::year(&day),
                chrono::Datelike::month(&day) as u8,
            )?;
            Some((month, a.title))
        })
        .collect();
    started.retain(|(m, _)| periods.iter().any(|(month, _)| month == m));
    let annotations: Vec<Annotation> = started
        .into_iter()
        .map(|(month, label)| Annotation { month, label })
        .collect();
    let mut baselines = super::chart_marks::baselines(db, &[team_id]).await?;
    let mut notes = super::chart_marks::notes(db, team_id).await?;
    Ok(Measure::ALL
        .iter()
        .filter_map(|&measure| {
            let figures = figures_of(&periods, measure, policy);
            let marks = Marks {
                annotations: annotations.clone(),
                baselines: baselines.remove(&(team_id, measure)).unwrap_or_default(),
                notes: notes.remove(&measure).unwrap_or_default(),
            };
            recorded(measure, &figures).then(|| chart::series(measure, &figures, marks))
        })
        .collect())
}

/// A team's months of results, oldest first.
async fn periods_of(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Vec<(Month, outcome_period::Model)>, DbErr> {
    Ok(outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .order_by_asc(outcome_period::Column::Month)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.month.parse().ok()?, p)))
        .collect())
}

/// Each month's figure of `measure`, as `policy` shows it.
fn figures_of(
    periods: &[(Month, outcome_period::Model)],
    measure: Measure,
    policy: SuppressionPolicy,
) -> Vec<(Month, Figure)> {
    periods
        .iter()
        .map(|(m, p)| (*m, figure(p, measure, policy)))
        .collect()
}

/// The months of a team's chart of `measure` — every month it recorded —
/// which a baseline or note may be set on; `None` when there is no such
/// chart (an indicator the team never recorded).
pub async fn chart_months(
    db: &impl ConnectionTrait,
    team_id: i32,
    measure: Measure,
) -> Result<Option<Vec<Month>>, DbErr> {
    let figures = figures_of(
        &periods_of(db, team_id).await?,
        measure,
        SuppressionPolicy::OWN_TEAM,
    );
    Ok(recorded(measure, &figures).then(|| figures.into_iter().map(|(m, _)| m).collect()))
}

/// Whether a series has anything to chart: a measure every team records
/// always has (an empty chart says so); an optional indicator only once it
/// was recorded in some month.
pub fn recorded(measure: Measure, figures: &[(Month, Figure)]) -> bool {
    !measure.is_optional() || figures.iter().any(|(_, f)| *f != Figure::NoData)
}

/// The latest month with results anywhere in the network.
pub async fn latest_month(db: &impl ConnectionTrait) -> Result<Option<Month>, DbErr> {
    use sea_orm::{sea_query::Expr, QuerySelect};
    Ok(outcome_period::Entity::find()
        .select_only()
        .column_as(Expr::col(outcome_period::Column::Month).max(), "latest")
        .into_tuple::<Option<String>>()
        .one(db)
        .await?
        .flatten()
        .and_then(|m| m.parse().ok()))
}

/// A month's figure of a measure, as `policy` lets it be shown: the stored
/// mean itself (a round trip through weighted totals could change its last
/// digit).
pub fn figure(o: &outcome_period::Model, measure: Measure, policy: SuppressionPolicy) -> Figure {
    policy.month(&super::results::monthly(o), measure)
}
