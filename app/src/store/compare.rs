//! Comparing teams on one measure: each team's value over recent months
//! against all selected teams together, with funnel limits for its number
//! of cases. Suppressed as anything outside a team's own space; a fixed
//! number of queries, whatever the number of teams.

use super::entity::{gemeente, outcome_period, team, wijk};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::dto::{CompareQuery, CompareRow, Comparison};
use shared::network::Measure;
use shared::stats::aggregate::Totals;
use shared::stats::funnel;
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;
use std::collections::HashMap;

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
    let mut teams = team::Entity::find()
        .filter(team::Column::WijkId.is_in(wijken.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(team::Column::Name);
    if let Some(d) = query.doelgroep {
        teams = teams.filter(team::Column::Doelgroep.eq(d.code()));
    }
    let teams = teams.all(db).await?;
    let latest: Option<String> = outcome_period::Entity::find()
        .select_only()
        .column_as(Expr::col(outcome_period::Column::Month).max(), "latest")
        .into_tuple::<Option<String>>()
        .one(db)
        .await?
        .flatten();
    let Some(last) = latest.and_then(|m| m.parse::<Month>().ok()) else {
        return Ok(empty(query, gemeenten));
    };
    let first = last.plus(1 - query.months as i32);
    let periods = outcome_period::Entity::find()
        .filter(
            outcome_period::Column::TeamId.is_in(teams.iter().map(|t| t.id).collect::<Vec<_>>()),
        )
        .filter(outcome_period::Column::Month.gte(first.to_string()))
        .filter(outcome_period::Column::Month.lte(last.to_string()))
        .all(db)
        .await?;

    let mut per_team: HashMap<i32, Totals> = HashMap::new();
    let mut all = Totals::default();
    let mut month_means: Vec<(f64, u32)> = Vec::new();
    let mut monthly_range: Option<(f64, f64)> = None;
    for p in &periods {
        if let Some(v) = super::series::figure(p, query.measure, policy).value() {
            monthly_range = Some(monthly_range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        }
        let o = super::outcomes::monthly(p);
        per_team.entry(p.team_id).or_default().add(&o);
        all.add(&o);
        let one = shared::stats::aggregate::totals([&o]);
        if let (Some(v), n) = one.value(query.measure) {
            month_means.push((v, n));
        }
    }
    let (centre, cases) = all.value(query.measure);
    let proportion = query.measure == Measure::WithoutHelp;
    let spread = match (proportion, centre) {
        (false, Some(c)) => funnel::case_spread(&month_means, c),
        _ => 0.0,
    };
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
    })
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
    }
}
