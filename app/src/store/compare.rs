//! Comparing teams on one measure: each team's value over recent months
//! against all selected teams together, with funnel limits for its number
//! of cases. Suppressed as anything outside a team's own space. The
//! database adds the months up (one row per team leaves it), so the cost
//! follows the number of teams, not of months; a fixed number of queries.

use super::entity::{gemeente, outcome_period, team, wijk};
use sea_orm::sea_query::{BinOper, Expr, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use shared::dto::{CompareQuery, CompareRow, Comparison};
use shared::network::Measure;
use shared::stats::aggregate::Totals;
use shared::stats::funnel;
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;
use std::collections::HashMap;

type Col = outcome_period::Column;

/// One team's months added up by the database.
#[derive(FromQueryResult)]
struct TeamSums {
    team_id: i32,
    started: Option<i64>,
    wait_day_sum: Option<f64>,
    wait_cases: Option<i64>,
    ended: Option<i64>,
    without_help: Option<i64>,
    client_responses: Option<i64>,
    grade_sum: Option<f64>,
    grade_cases: Option<i64>,
}

impl TeamSums {
    fn totals(&self) -> Totals {
        let count = |n: Option<i64>| u32::try_from(n.unwrap_or(0)).unwrap_or(u32::MAX);
        Totals {
            teams: 1,
            started: count(self.started),
            wait_day_sum: self.wait_day_sum.unwrap_or(0.0),
            wait_cases: count(self.wait_cases),
            ended: count(self.ended),
            without_help: count(self.without_help),
            client_responses: count(self.client_responses),
            grade_sum: self.grade_sum.unwrap_or(0.0),
            grade_cases: count(self.grade_cases),
        }
    }
}

/// `column` where `present` is set, else 0.
fn when(present: Col, column: Col) -> SimpleExpr {
    Expr::case(Expr::col(present).is_not_null(), Expr::col(column))
        .finally(0)
        .into()
}

/// A month's value of `measure` and the cases behind it, as SQL; rows
/// without a value are filtered out by the caller with `has_value`.
fn month_value(measure: Measure) -> (SimpleExpr, SimpleExpr) {
    match measure {
        Measure::Wait => (
            Expr::col(Col::MeanWaitDays).into(),
            Expr::col(Col::Started).into(),
        ),
        Measure::WithoutHelp => (
            Expr::col(Col::WithoutHelp)
                .mul(1.0_f64)
                .div(Expr::col(Col::Ended)),
            Expr::col(Col::Ended).into(),
        ),
        Measure::ClientGrade => (
            Expr::col(Col::ClientGrade).into(),
            Expr::col(Col::ClientResponses).into(),
        ),
    }
}

fn has_value(measure: Measure) -> SimpleExpr {
    match measure {
        Measure::Wait => Expr::col(Col::MeanWaitDays)
            .is_not_null()
            .and(Expr::col(Col::Started).gt(0)),
        Measure::WithoutHelp => Expr::col(Col::Ended).gt(0),
        Measure::ClientGrade => Expr::col(Col::ClientGrade)
            .is_not_null()
            .and(Expr::col(Col::ClientResponses).gt(0)),
    }
}

/// The selected teams' months in `first..=last`, as a query to build on.
pub(super) fn months_of(
    teams: &Select<team::Entity>,
    first: Month,
    last: Month,
) -> Select<outcome_period::Entity> {
    outcome_period::Entity::find()
        .filter(Col::TeamId.in_subquery(super::network::team_ids(teams)))
        .filter(Col::Month.gte(first.to_string()))
        .filter(Col::Month.lte(last.to_string()))
}

pub async fn compare(
    db: &impl ConnectionTrait,
    query: CompareQuery,
    policy: SuppressionPolicy,
) -> Result<Comparison, DbErr> {
    let gemeenten: Vec<(i32, String)> = gemeente::Entity::find()
        .order_by_asc(gemeente::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let mut selected = super::network::teams_in(query.gemeente_id);
    if let Some(d) = query.doelgroep {
        selected = selected.filter(team::Column::Doelgroep.eq(d.code()));
    }
    let teams = selected.clone().all(db).await?;
    let mut wijken = wijk::Entity::find();
    if let Some(g) = query.gemeente_id {
        wijken = wijken.filter(wijk::Column::GemeenteId.eq(g));
    }
    let wijken: HashMap<i32, String> = wijken
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, w.name))
        .collect();
    let latest = super::series::latest_month(db).await?;
    let Some(last) = latest else {
        return Ok(empty(query, gemeenten));
    };
    let first = last.plus(1 - query.months as i32);
    let sum = |e: SimpleExpr| SimpleExpr::from(Func::sum(e));
    let per_team: HashMap<i32, Totals> = months_of(&selected, first, last)
        .select_only()
        .column(Col::TeamId)
        .column_as(sum(Expr::col(Col::Started).into()), "started")
        .column_as(
            sum(Expr::col(Col::MeanWaitDays).mul(Expr::col(Col::Started))),
            "wait_day_sum",
        )
        .column_as(sum(when(Col::MeanWaitDays, Col::Started)), "wait_cases")
        .column_as(sum(Expr::col(Col::Ended).into()), "ended")
        .column_as(sum(Expr::col(Col::WithoutHelp).into()), "without_help")
        .column_as(
            sum(Expr::col(Col::ClientResponses).into()),
            "client_responses",
        )
        .column_as(
            sum(Expr::col(Col::ClientGrade).mul(Expr::col(Col::ClientResponses))),
            "grade_sum",
        )
        .column_as(
            sum(when(Col::ClientGrade, Col::ClientResponses)),
            "grade_cases",
        )
        .group_by(Col::TeamId)
        .into_model::<TeamSums>()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.team_id, s.totals()))
        .collect();
    let mut all = Totals::default();
    for totals in per_team.values() {
        all.merge(totals);
    }
    let (centre, cases) = all.value(query.measure);
    let proportion = query.measure == Measure::WithoutHelp;
    let (spread, monthly_range) =
        month_spread(db, &selected, (first, last), query.measure, centre, policy).await?;
    let spread = if proportion { 0.0 } else { spread };
    let mut rows: Vec<CompareRow> = teams
        .iter()
        .map(|t| {
            let totals = per_team.get(&t.id).copied().unwrap_or_default();
            let (_, n) = totals.value(query.measure);
            let shown = totals.figure(query.measure, policy);
            let position = match (shown, centre) {
                (Figure::Value(v), Some(c)) => Some(funnel::position(
                    v,
                    &funnel::limits(c, n, proportion, spread),
                )),
                _ => None,
            };
            CompareRow {
                team_id: t.id,
                team: t.name.clone(),
                wijk: wijken.get(&t.wijk_id).cloned().unwrap_or_default(),
                value: shown,
                cases: if shown.value().is_some() {
                    policy.count(n)
                } else {
                    Figure::Hidden
                },
                position,
            }
        })
        .collect();
    // A hidden team's cases must not follow from the total minus the shown
    // ones: hide more counts, or the total.
    let counts: Vec<u32> = teams
        .iter()
        .map(|t| {
            per_team
                .get(&t.id)
                .map_or(0, |totals| totals.value(query.measure).1)
        })
        .collect();
    let hidden: Vec<bool> = rows.iter().map(|r| r.cases.value().is_none()).collect();
    let (hidden, hide_total) =
        shared::suppression::protect(&counts, hidden, policy.min_denominator);
    for (row, hide) in rows.iter_mut().zip(hidden) {
        if hide {
            row.cases = Figure::Hidden;
        }
    }
    let cases = if hide_total {
        Figure::Hidden
    } else {
        policy.count(cases)
    };
    Ok(Comparison {
        query,
        gemeenten,
        period: Some((first, last)),
        centre,
        cases,
        spread,
        monthly_range,
        rows,
        html: Default::default(),
    })
}

/// Over the selected teams' months: the spread of one case around
/// `centre` estimated from the months' means (see `funnel::case_spread`),
/// and the lowest and highest month value that may be shown.
async fn month_spread(
    db: &impl ConnectionTrait,
    teams: &Select<team::Entity>,
    (first, last): (Month, Month),
    measure: Measure,
    centre: Option<f64>,
    policy: SuppressionPolicy,
) -> Result<(f64, Option<(f64, f64)>), DbErr> {
    let (value, cases) = month_value(measure);
    let deviation = value.clone().sub(centre.unwrap_or(0.0));
    let shown = |e: SimpleExpr| -> SimpleExpr {
        let enough = cases
            .clone()
            .binary(BinOper::GreaterThanOrEqual, policy.min_denominator.max(1));
        Expr::case(enough, e).finally(Expr::val(None::<f64>)).into()
    };
    let (squares, months, low, high) = months_of(teams, first, last)
        .filter(has_value(measure))
        .select_only()
        .column_as(
            SimpleExpr::from(Func::sum(
                cases.clone().mul(deviation.clone().mul(deviation)),
            )),
            "squares",
        )
        .column_as(SimpleExpr::from(Func::count(Expr::col(Col::Id))), "months")
        .column_as(SimpleExpr::from(Func::min(shown(value.clone()))), "low")
        .column_as(SimpleExpr::from(Func::max(shown(value))), "high")
        .into_tuple::<(Option<f64>, i64, Option<f64>, Option<f64>)>()
        .one(db)
        .await?
        .unwrap_or((None, 0, None, None));
    let spread = match (centre, squares) {
        (Some(_), Some(squares)) if months >= 2 => (squares / (months - 1) as f64).sqrt(),
        _ => 0.0,
    };
    Ok((spread, low.zip(high)))
}

fn empty(query: CompareQuery, gemeenten: Vec<(i32, String)>) -> Comparison {
    Comparison {
        query,
        gemeenten,
        period: None,
        centre: None,
        cases: Figure::NoData,
        spread: 0.0,
        monthly_range: None,
        rows: Vec::new(),
        html: Default::default(),
    }
}
