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
    let periods = outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .order_by_asc(outcome_period::Column::Month)
        .all(db)
        .await?;
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
    let months: Vec<Month> = periods
        .iter()
        .filter_map(|p| p.month.parse().ok())
        .collect();
    started.retain(|(m, _)| months.contains(m));
    let annotations: Vec<Annotation> = started
        .into_iter()
        .map(|(month, label)| Annotation { month, label })
        .collect();
    let mut baselines = super::chart_marks::baselines(db, &[team_id]).await?;
    let mut notes = super::chart_marks::notes(db, team_id).await?;
    Ok(Measure::ALL
        .iter()
        .filter_map(|&measure| {
            let figures: Vec<(Month, Figure)> = periods
                .iter()
                .zip(&months)
                .map(|(p, m)| (*m, figure(p, measure, policy)))
                .collect();
            let marks = Marks {
                annotations: annotations.clone(),
                baselines: baselines.remove(&(team_id, measure)).unwrap_or_default(),
                notes: notes.remove(&measure).unwrap_or_default(),
            };
            recorded(measure, &figures).then(|| chart::series(measure, &figures, marks))
        })
        .collect())
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
