//! A wijk as a whole: its teams with their latest figures, the wijk's
//! monthly totals per measure (weighted by the cases behind them), and its
//! teams' lessons. A fixed number of queries, whatever the wijk's size.
//! Published outside a team: its totals are built with `Totals::add_as`
//! and audited as the wijk scopes of `shared::disclosure::publication`.

use super::entity::{gemeente, lesson, outcome_period, team, wijk};
use super::network::headline;
use super::teams::doelgroep;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::dto::{TeamHeadline, WijkView};
use shared::network::Measure;
use shared::stats::aggregate::Totals;
use shared::stats::chart::{self, ChartSeries};
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;
use std::collections::{BTreeMap, HashMap};

/// How many recent lessons a wijk page lists.
const LESSONS: u64 = 20;

pub async fn wijk_page(
    db: &impl ConnectionTrait,
    wijk_id: i32,
    policy: SuppressionPolicy,
) -> Result<Option<WijkView>, DbErr> {
    let Some(w) = wijk::Entity::find_by_id(wijk_id).one(db).await? else {
        return Ok(None);
    };
    let gemeente_name = gemeente::Entity::find_by_id(w.gemeente_id)
        .one(db)
        .await?
        .map(|g| g.name)
        .unwrap_or_default();
    let teams = team::Entity::find()
        .filter(team::Column::WijkId.eq(wijk_id))
        .order_by_asc(team::Column::Name)
        .all(db)
        .await?;
    let ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
    let periods = periods_of(db, &ids).await?;
    let mut latest: HashMap<i32, &outcome_period::Model> = HashMap::new();
    for p in &periods {
        latest.insert(p.team_id, p);
    }
    let by_month = monthly_totals(&periods, policy);
    let charts = charts(&by_month, policy);
    let figures = |totals: &Totals, measure: Measure| {
        (totals.figure(measure, policy), totals.value(measure).1)
    };
    // The last twelve months with results, added up.
    let mut year = Totals::default();
    for totals in by_month.values().rev().take(12) {
        year.merge(totals);
    }
    // The measures charted: an indicator no team of the wijk records is
    // left out here as there.
    let year_totals = charts
        .iter()
        .map(|c| c.measure)
        .map(|m| {
            let (figure, n) = figures(&year, m);
            (m, figure, policy.count(n))
        })
        .collect();

    let names: HashMap<i32, String> = teams.iter().map(|t| (t.id, t.name.clone())).collect();
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::TeamId.is_in(ids))
        .order_by_desc(lesson::Column::CreatedAt)
        .order_by_desc(lesson::Column::Id)
        .limit(LESSONS)
        .all(db)
        .await?
        .into_iter()
        .map(|l| {
            (
                l.id,
                l.title,
                names.get(&l.team_id).cloned().unwrap_or_default(),
            )
        })
        .collect();
    Ok(Some(WijkView {
        id: w.id,
        name: w.name,
        cbs_code: w.cbs_code,
        gemeente_name,
        teams: teams
            .into_iter()
            .map(|t| TeamHeadline {
                latest: latest.get(&t.id).map(|o| headline(o, None, policy)),
                id: t.id,
                doelgroep: doelgroep(&t.doelgroep),
                name: t.name,
            })
            .collect(),
        year_totals,
        charts,
        lessons,
        html: Default::default(),
    }))
}

/// A wijk's name and its run chart series per measure, for the chart
/// images; `None` for an unknown wijk.
pub async fn wijk_charts(
    db: &impl ConnectionTrait,
    wijk_id: i32,
    policy: SuppressionPolicy,
) -> Result<Option<(String, Vec<ChartSeries>)>, DbErr> {
    let Some(w) = wijk::Entity::find_by_id(wijk_id).one(db).await? else {
        return Ok(None);
    };
    let ids: Vec<i32> = team::Entity::find()
        .select_only()
        .column(team::Column::Id)
        .filter(team::Column::WijkId.eq(wijk_id))
        .into_tuple()
        .all(db)
        .await?;
    let periods = periods_of(db, &ids).await?;
    Ok(Some((
        w.name,
        charts(&monthly_totals(&periods, policy), policy),
    )))
}

/// The teams' months of results, oldest first.
async fn periods_of(
    db: &impl ConnectionTrait,
    team_ids: &[i32],
) -> Result<Vec<outcome_period::Model>, DbErr> {
    outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.is_in(team_ids.to_vec()))
        .order_by_asc(outcome_period::Column::Month)
        .all(db)
        .await
}

/// The teams' results added up per month, each month as `policy` shows it.
fn monthly_totals(
    periods: &[outcome_period::Model],
    policy: SuppressionPolicy,
) -> BTreeMap<Month, Totals> {
    let mut by_month: BTreeMap<Month, Totals> = BTreeMap::new();
    for p in periods {
        if let Ok(month) = p.month.parse::<Month>() {
            let totals = by_month.entry(month).or_default();
            totals.add_as(&super::results::monthly(p), policy);
            totals.teams += 1;
        }
    }
    by_month
}

/// One run chart series per measure of the monthly totals, as `policy`
/// lets them be shown.
fn charts(by_month: &BTreeMap<Month, Totals>, policy: SuppressionPolicy) -> Vec<ChartSeries> {
    Measure::ALL
        .iter()
        .filter_map(|&measure| {
            let series: Vec<(Month, Figure)> = by_month
                .iter()
                .map(|(m, totals)| (*m, totals.figure(measure, policy)))
                .collect();
            super::series::recorded(measure, &series)
                .then(|| chart::series(measure, &series, Default::default()))
        })
        .collect()
}
