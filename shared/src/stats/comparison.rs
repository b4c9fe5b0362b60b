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
use crate::network::{Doelgroep, Measure};
use crate::results::MonthlyResult;
use crate::suppression::{Figure, SuppressionPolicy};
use crate::Month;
use std::borrow::Borrow;
use std::collections::HashMap;

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
pub fn compare<T: Borrow<TeamMonths>>(
    query: CompareQuery,
    period: (Month, Month),
    teams: &[T],
    policy: SuppressionPolicy,
) -> Comparison {
    compare_all(vec![query], period, teams, policy)
        .pop()
        .expect("one comparison per query")
}

/// The comparisons `queries` ask for over the same `teams` in `period`,
/// in their order: each team's months are added up once for all of them
/// (Wat werkt compares every measure within every doelgroep). Only the
/// months within `period` count.
pub fn compare_all<T: Borrow<TeamMonths>>(
    queries: Vec<CompareQuery>,
    period: (Month, Month),
    teams: &[T],
    policy: SuppressionPolicy,
) -> Vec<Comparison> {
    let within = |o: &&MonthlyResult| o.month >= period.0 && o.month <= period.1;
    let mut measures: Vec<Measure> = queries.iter().map(|q| q.measure).collect();
    measures.sort_unstable();
    measures.dedup();
    let mut shown = Shown {
        measures,
        of_team: Vec::with_capacity(teams.len()),
        points: Vec::new(),
    };
    let mut teams: Vec<Team> = teams
        .iter()
        .enumerate()
        .map(|(at, t)| {
            let t = t.borrow();
            let months: Vec<(&MonthlyResult, Totals)> = t
                .months
                .iter()
                .filter(within)
                .map(|o| {
                    let mut month = Totals::default();
                    month.add_as(o, policy);
                    (o, month)
                })
                .collect();
            let mut totals = Totals::default();
            for (_, month) in &months {
                totals.merge(month);
            }
            shown.add(&months, policy);
            Team {
                of: t,
                at,
                months,
                totals,
            }
        })
        .collect();
    // By name, as the rows are: a comparison of teams needs no sorting.
    teams.sort_by(|a, b| {
        a.of.team
            .1
            .cmp(&b.of.team.1)
            .then(a.of.team.0.cmp(&b.of.team.0))
    });
    queries
        .into_iter()
        .map(|query| compare_teams(query, period, &teams, &shown, policy))
        .collect()
}

/// A team with its months in the period, each and all added up as shown.
struct Team<'a> {
    of: &'a TeamMonths,
    /// Its place in `Shown`.
    at: usize,
    months: Vec<(&'a MonthlyResult, Totals)>,
    totals: Totals,
}

/// Per team and measure compared, its months as shown: worked out once
/// for all the comparisons of a measure (Wat werkt asks for six each).
struct Shown {
    /// The measures compared, in order.
    measures: Vec<Measure>,
    /// Per team (in the order given) and measure: where its shown months
    /// lie in `points`, and the range of its monthly figures.
    of_team: Vec<OnMeasure>,
    /// The shown months' figures with the cases behind them (more than
    /// none), team by team, oldest first.
    points: Vec<(f64, u32)>,
}

struct OnMeasure {
    points: std::ops::Range<usize>,
    range: Option<(f64, f64)>,
}

impl Shown {
    fn add(&mut self, months: &[(&MonthlyResult, Totals)], policy: SuppressionPolicy) {
        for &measure in &self.measures {
            let from = self.points.len();
            let base = Count::base_of(measure);
            self.points.extend(months.iter().filter_map(|(o, _)| {
                let value = policy.month(o, measure).value()?;
                Some((value, base.of(o))).filter(|&(_, n)| n > 0)
            }));
            let mut range = None;
            for (_, month) in months {
                if let Some(v) = month.figure(measure, policy).value() {
                    widen(&mut range, v);
                }
            }
            self.of_team.push(OnMeasure {
                points: from..self.points.len(),
                range,
            });
        }
    }

    /// The place of `measure`, which is among those compared.
    fn place(&self, measure: Measure) -> usize {
        self.measures
            .binary_search(&measure)
            .expect("a measure compared")
    }

    /// `team`'s months on the measure at `place`.
    fn of(&self, team: &Team, place: usize) -> &OnMeasure {
        &self.of_team[team.at * self.measures.len() + place]
    }
}

fn compare_teams(
    query: CompareQuery,
    period: (Month, Month),
    teams: &[Team],
    shown: &Shown,
    policy: SuppressionPolicy,
) -> Comparison {
    use crate::network::CompareLevel;
    let measure = query.measure;
    let proportion = measure.is_share();
    let selected: Vec<&Team> = teams
        .iter()
        .filter(|t| query.doelgroep.is_none_or(|d| d == t.of.doelgroep))
        .collect();
    // The rows: each a team, or the selected teams of a wijk or gemeente,
    // with their totals.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<i32, usize> = HashMap::new();
    for &t in &selected {
        let of = t.of;
        let (key, within) = match query.level {
            CompareLevel::Teams => (&of.team, of.wijk.1.as_str()),
            CompareLevel::Wijken => (&of.wijk, of.gemeente.1.as_str()),
            CompareLevel::Gemeenten => (&of.gemeente, ""),
        };
        // A team is a row of its own.
        let row = match query.level {
            CompareLevel::Teams => None,
            _ => group_of.get(&key.0).copied(),
        };
        match row {
            Some(at) => {
                groups[at].more.push(t);
                groups[at].totals.merge(&t.totals);
            }
            None => {
                if query.level != CompareLevel::Teams {
                    group_of.insert(key.0, groups.len());
                }
                let mut totals = Totals::default();
                totals.merge(&t.totals);
                groups.push(Group {
                    id: key.0,
                    name: &key.1,
                    within,
                    first: t,
                    more: Vec::new(),
                    totals,
                });
            }
        }
    }
    let mut all = Totals::default();
    for g in &groups {
        all.merge(&g.totals);
    }
    let (centre, cases) = all.value(measure);
    // The spread of one case behind a mean, from the team-months as shown.
    let place = shown.place(measure);
    let spread = match centre {
        Some(c) if !proportion => funnel::case_spread(
            selected.iter().flat_map(|t| {
                shown.points[shown.of(t, place).points.clone()]
                    .iter()
                    .copied()
            }),
            c,
        ),
        _ => 0.0,
    };
    // One scale for the small multiples: the rows' monthly figures.
    let mut monthly_range: Option<(f64, f64)> = None;
    let mut months: Vec<(Month, &Totals)> = Vec::new();
    for g in &groups {
        if g.more.is_empty() {
            // One team's months are each a month of the row already.
            if let Some((lo, hi)) = shown.of(g.first, place).range {
                widen(&mut monthly_range, lo);
                widen(&mut monthly_range, hi);
            }
            continue;
        }
        // Month by month, each month's teams in the order of the row.
        months.clear();
        months.extend(
            std::iter::once(g.first)
                .chain(g.more.iter().copied())
                .flat_map(|t| t.months.iter().map(|(o, month)| (o.month, month))),
        );
        months.sort_by_key(|(month, _)| *month);
        for same in months.chunk_by(|a, b| a.0 == b.0) {
            let mut totals = Totals::default();
            for (_, month) in same {
                totals.merge(month);
            }
            if let Some(v) = totals.figure(measure, policy).value() {
                widen(&mut monthly_range, v);
            }
        }
    }
    // How much more the rows differ than chance alone: the limits widen by
    // √φ unless the within-team view is asked for.
    let overdispersion = centre.and_then(|c| {
        let z: Vec<f64> = groups
            .iter()
            .filter_map(|g| {
                let value = g.totals.figure(measure, policy).value()?;
                funnel::z_score(value, c, g.totals.value(measure).1, proportion, spread)
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
        .filter(|g| !measure.is_optional() || g.totals.value(measure).1 > 0)
        .map(|g| {
            let (_, n) = g.totals.value(measure);
            let value = g.totals.figure(measure, policy);
            let position = match (value, centre) {
                (Figure::Value(v), Some(c)) => Some(funnel::position(
                    v,
                    &funnel::limits(c, n, proportion, spread, inflation),
                )),
                _ => None,
            };
            CompareRow {
                id: g.id,
                name: g.name.to_string(),
                within: g.within.to_string(),
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
    // Teams come in this order already; wijken and gemeenten are few.
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

/// `range` widened to take in `value`.
fn widen(range: &mut Option<(f64, f64)>, value: f64) {
    *range = Some(match *range {
        None => (value, value),
        Some((lo, hi)) => (lo.min(value), hi.max(value)),
    });
}

/// A row of a comparison: its name, what it lies within, its teams and
/// their months added up.
struct Group<'a> {
    id: i32,
    name: &'a str,
    within: &'a str,
    /// Its first team, and any more (most rows have one).
    first: &'a Team<'a>,
    more: Vec<&'a Team<'a>>,
    totals: Totals,
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
