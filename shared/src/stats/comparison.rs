//! Comparing teams, wijken or gemeenten on one measure over recent months:
//! each one's value against all of them together, with funnel limits for
//! its number of cases (widened for overdispersion unless asked not to).
//! Pure: the store reads the months once and any number of comparisons —
//! per measure, per doelgroep, per level — are worked out from them.
//!
//! Suppressed as anything outside a team's own space: every team-month
//! enters a figure, the centre and the spread only as the month itself is
//! shown (`Totals::add_as`), so no window tells more than its months. A
//! wijk or gemeente row is the same sum over more teams: audited as the
//! group windows of `disclosure::publication`.

use super::aggregate::Totals;
use super::funnel;
use crate::disclosure::publication::Count;
use crate::dto::{CompareQuery, CompareRow, Comparison};
use crate::network::Doelgroep;
use crate::results::MonthlyResult;
use crate::suppression::{Figure, SuppressionPolicy};
use crate::Month;
use std::collections::BTreeMap;

/// A team and its months in the compared period.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamMonths {
    pub doelgroep: Doelgroep,
    /// The team, its wijk and its gemeente: (id, name) each.
    pub team: (i32, String),
    pub wijk: (i32, String),
    pub gemeente: (i32, String),
    pub months: Vec<MonthlyResult>,
}

impl TeamMonths {
    /// The same team with other months.
    pub fn with_months(&self, months: Vec<MonthlyResult>) -> Self {
        Self {
            doelgroep: self.doelgroep,
            team: self.team.clone(),
            wijk: self.wijk.clone(),
            gemeente: self.gemeente.clone(),
            months,
        }
    }
}

/// The comparison `query` asks for over `teams` (all teams of the chosen
/// gemeente, any doelgroep) in `period`; rows by name.
pub fn compare(
    query: CompareQuery,
    period: (Month, Month),
    teams: &[TeamMonths],
    policy: SuppressionPolicy,
) -> Comparison {
    use crate::network::CompareLevel;
    let measure = query.measure;
    let proportion = measure.is_share();
    let selected: Vec<&TeamMonths> = teams
        .iter()
        .filter(|t| query.doelgroep.is_none_or(|d| d == t.doelgroep))
        .collect();
    // The rows: each a team, or the selected teams of a wijk or gemeente.
    let mut groups: BTreeMap<i32, (String, String, Vec<&TeamMonths>)> = BTreeMap::new();
    for t in &selected {
        let (key, within) = match query.level {
            CompareLevel::Teams => (&t.team, t.wijk.1.clone()),
            CompareLevel::Wijken => (&t.wijk, t.gemeente.1.clone()),
            CompareLevel::Gemeenten => (&t.gemeente, String::new()),
        };
        groups
            .entry(key.0)
            .or_insert_with(|| (key.1.clone(), within, Vec::new()))
            .2
            .push(t);
    }
    let totals: BTreeMap<i32, Totals> = groups
        .iter()
        .map(|(&id, (_, _, members))| {
            let mut totals = Totals::default();
            for o in members.iter().flat_map(|t| &t.months) {
                totals.add_as(o, policy);
            }
            (id, totals)
        })
        .collect();
    let mut all = Totals::default();
    for t in totals.values() {
        all.merge(t);
    }
    let (centre, cases) = all.value(measure);
    // The spread of one case behind a mean, from the team-months as shown.
    let shown: Vec<(f64, u32)> = selected
        .iter()
        .flat_map(|t| &t.months)
        .filter_map(|o| {
            let value = policy.month(o, measure).value()?;
            Some((value, Count::base_of(measure).of(o)))
        })
        .collect();
    let spread = match centre {
        Some(c) if !proportion => funnel::case_spread(&shown, c),
        _ => 0.0,
    };
    // One scale for the small multiples: the rows' monthly figures.
    let mut monthly_range: Option<(f64, f64)> = None;
    for (_, _, members) in groups.values() {
        let mut by_month: BTreeMap<Month, Totals> = BTreeMap::new();
        for o in members.iter().flat_map(|t| &t.months) {
            by_month.entry(o.month).or_default().add_as(o, policy);
        }
        for v in by_month
            .values()
            .filter_map(|t| t.figure(measure, policy).value())
        {
            monthly_range = Some(match monthly_range {
                None => (v, v),
                Some((lo, hi)) => (lo.min(v), hi.max(v)),
            });
        }
    }
    // How much more the rows differ than chance alone: the limits widen by
    // √φ unless the within-team view is asked for.
    let overdispersion = centre.and_then(|c| {
        let z: Vec<f64> = totals
            .values()
            .filter_map(|t| {
                let value = t.figure(measure, policy).value()?;
                funnel::z_score(value, c, t.value(measure).1, proportion, spread)
            })
            .collect();
        funnel::overdispersion(&z)
    });
    let inflation = match overdispersion {
        Some(od) if query.adjusted => od.inflation(),
        _ => 1.0,
    };
    let mut rows: Vec<CompareRow> = groups
        .into_iter()
        // An indicator only some teams record (uitval, doelrealisatie)
        // leaves out the rows with nothing to show for it.
        .filter(|(id, _)| !measure.is_optional() || totals[id].value(measure).1 > 0)
        .map(|(id, (name, within, _))| {
            let t = totals[&id];
            let (_, n) = t.value(measure);
            let value = t.figure(measure, policy);
            let position = match (value, centre) {
                (Figure::Value(v), Some(c)) => Some(funnel::position(
                    v,
                    &funnel::limits(c, n, proportion, spread, inflation),
                )),
                _ => None,
            };
            CompareRow {
                id,
                name,
                within,
                value,
                cases: if value.value().is_some() {
                    policy.count(n)
                } else {
                    Figure::Hidden
                },
                position,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Comparison {
        query,
        gemeenten: Vec::new(),
        period: Some(period),
        centre,
        cases: policy.count(cases),
        spread,
        overdispersion,
        inflation,
        monthly_range,
        rows,
        html: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{CompareLevel, Measure};
    use crate::stats::funnel::FunnelPosition;

    fn month(i: i32, ended: u32, without: u32) -> MonthlyResult {
        MonthlyResult {
            month: Month::new(2026, 1).unwrap().plus(i),
            started: ended,
            mean_wait_days: Some(10.0),
            ended,
            without_help: without,
            client_grade: Some(7.0),
            client_responses: ended,
            uitval: None,
            doelrealisatie: None,
        }
    }

    fn team(id: i32, wijk: i32, doelgroep: Doelgroep, months: Vec<MonthlyResult>) -> TeamMonths {
        TeamMonths {
            doelgroep,
            team: (id, format!("Team {id}")),
            wijk: (wijk, format!("Wijk {wijk}")),
            gemeente: (1, "Utrecht".into()),
            months,
        }
    }

    fn query(level: CompareLevel, doelgroep: Option<Doelgroep>) -> CompareQuery {
        CompareQuery {
            measure: Measure::WithoutHelp,
            doelgroep,
            gemeente_id: None,
            months: 3,
            adjusted: false,
            level,
        }
    }

    fn network() -> Vec<TeamMonths> {
        vec![
            team(
                1,
                1,
                Doelgroep::Jeugd,
                (0..3).map(|i| month(i, 20, 10)).collect(),
            ),
            team(
                2,
                1,
                Doelgroep::Ouderen,
                (0..3).map(|i| month(i, 20, 16)).collect(),
            ),
            team(
                3,
                2,
                Doelgroep::Jeugd,
                (0..3).map(|i| month(i, 40, 30)).collect(),
            ),
            // A month of 3 ended stays out of every figure but its own.
            team(4, 2, Doelgroep::Jeugd, vec![month(0, 3, 3)]),
        ]
    }

    fn period() -> (Month, Month) {
        (Month::new(2026, 1).unwrap(), Month::new(2026, 3).unwrap())
    }

    #[test]
    fn wijken_add_up_their_teams_months_as_shown() {
        let c = compare(
            query(CompareLevel::Wijken, None),
            period(),
            &network(),
            SuppressionPolicy::default(),
        );
        let rows: Vec<(i32, &str, Option<f64>)> = c
            .rows
            .iter()
            .map(|r| (r.id, r.within.as_str(), r.value.value()))
            .collect();
        assert_eq!(
            rows,
            [
                (1, "Utrecht", Some(78.0 / 120.0)),
                (2, "Utrecht", Some(0.75))
            ]
        );
        assert_eq!(c.centre, Some((78.0 + 90.0) / 240.0));
        assert_eq!(c.cases, Figure::Value(240.0));
    }

    #[test]
    fn a_doelgroep_compares_only_its_own_teams() {
        let c = compare(
            query(CompareLevel::Teams, Some(Doelgroep::Jeugd)),
            period(),
            &network(),
            SuppressionPolicy::default(),
        );
        let names: Vec<&str> = c.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Team 1", "Team 3", "Team 4"]);
        assert_eq!(c.centre, Some(120.0 / 180.0));
        // Team 4's only month is too small to show.
        assert_eq!(c.rows[2].value, Figure::NoData);
        assert_eq!(c.rows[2].position, None);
        // 50 % on 60 cases against 66.7 % lies below the 95 % limit.
        assert_eq!(c.rows[0].position, Some(FunnelPosition::BelowWarning));
    }

    #[test]
    fn gemeenten_are_one_row_each() {
        let c = compare(
            query(CompareLevel::Gemeenten, None),
            period(),
            &network(),
            SuppressionPolicy::default(),
        );
        assert_eq!(c.rows.len(), 1);
        assert_eq!(c.rows[0].value.value(), c.centre);
    }
}
