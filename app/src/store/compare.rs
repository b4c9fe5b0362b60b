//! Comparing teams on one measure: each team's value over recent months
//! against all selected teams together, with funnel limits for its number
//! of cases. Suppressed as anything outside a team's own space: each team's
//! months enter its figure, the centre and the spread only as the months
//! themselves are shown (`Totals::add_as`), so no window tells more than
//! its months (docs/privacy.md). A fixed number of queries. Published
//! outside a team: audited as the team and group windows of
//! `shared::disclosure::publication`.

use super::entity::{gemeente, outcome_period, team, wijk};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Select};
use shared::disclosure::publication::Count;
use shared::dto::{CompareQuery, CompareRow, Comparison};
use shared::outcomes::MonthlyOutcome;
use shared::stats::aggregate::Totals;
use shared::stats::funnel;
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;
use std::collections::HashMap;

type Col = outcome_period::Column;

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
    let months: Vec<(i32, MonthlyOutcome)> = months_of(&selected, first, last)
        .all(db)
        .await?
        .iter()
        .map(|p| (p.team_id, super::outcomes::monthly(p)))
        .collect();
    let mut per_team: HashMap<i32, Totals> = HashMap::new();
    for (team_id, o) in &months {
        per_team.entry(*team_id).or_default().add_as(o, policy);
    }
    let mut all = Totals::default();
    for totals in per_team.values() {
        all.merge(totals);
    }
    let (centre, cases) = all.value(query.measure);
    let proportion = query.measure.is_share();
    // The months as shown: the spread of one case and the monthly range.
    let shown: Vec<(f64, u32)> = months
        .iter()
        .filter_map(|(_, o)| {
            let value = policy.month(o, query.measure).value()?;
            Some((value, Count::base_of(query.measure).of(o)))
        })
        .collect();
    let spread = match centre {
        Some(c) if !proportion => funnel::case_spread(&shown, c),
        _ => 0.0,
    };
    let monthly_range = shown
        .iter()
        .map(|(v, _)| *v)
        .fold(None, |range, v| match range {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        });
    // How much more the shown teams differ than chance alone: the limits
    // widen by √φ unless the within-team view is asked for.
    let shown_teams: Vec<(f64, u32)> = teams
        .iter()
        .filter_map(|t| {
            let totals = per_team.get(&t.id)?;
            let value = totals.figure(query.measure, policy).value()?;
            Some((value, totals.value(query.measure).1))
        })
        .collect();
    let overdispersion = centre.and_then(|c| {
        let z: Vec<f64> = shown_teams
            .iter()
            .filter_map(|&(v, n)| funnel::z_score(v, c, n, proportion, spread))
            .collect();
        funnel::overdispersion(&z)
    });
    let inflation = match overdispersion {
        Some(od) if query.adjusted => od.inflation(),
        _ => 1.0,
    };
    // An indicator only some teams record (uitval, doelrealisatie) leaves
    // out the teams with nothing to show for it.
    let rows: Vec<CompareRow> = teams
        .iter()
        .filter(|t| {
            !query.measure.is_optional()
                || per_team
                    .get(&t.id)
                    .is_some_and(|totals| totals.value(query.measure).1 > 0)
        })
        .map(|t| {
            let totals = per_team.get(&t.id).copied().unwrap_or_default();
            let (_, n) = totals.value(query.measure);
            let shown = totals.figure(query.measure, policy);
            let position = match (shown, centre) {
                (Figure::Value(v), Some(c)) => Some(funnel::position(
                    v,
                    &funnel::limits(c, n, proportion, spread, inflation),
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
    Ok(Comparison {
        query,
        gemeenten,
        period: Some((first, last)),
        centre,
        cases: policy.count(cases),
        spread,
        overdispersion,
        inflation,
        monthly_range,
        rows,
        html: Default::default(),
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
        overdispersion: None,
        inflation: 1.0,
        monthly_range: None,
        rows: Vec::new(),
        html: Default::default(),
    }
}
