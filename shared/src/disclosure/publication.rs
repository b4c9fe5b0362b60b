//! Everything Wijkwijs publishes outside a team, as cells of linked tables:
//! the team × month cells, and every combination of them a page, chart,
//! text alternative or export shows — a team's 3, 6, 12 and 24 months, and
//! the wijk, gemeente, doelgroep (in the network and in each gemeente) and
//! the network per month and per window. This is a superset of what the
//! pages show (server/tests/disclosure.rs checks the pages against it), so
//! auditing it audits them.
//!
//! Every combined figure is built by `Totals::add_as`, the same function
//! the pages use; a new page, chart or export that publishes a figure
//! outside a team adds its scope here.

use crate::network::{Doelgroep, Measure};
use crate::results::MonthlyResult;
use crate::stats::aggregate::Totals;
use crate::suppression::{Figure, SuppressionPolicy};
use crate::Month;
use std::collections::BTreeSet;

/// The windows (months up to the network's latest) any page publishes:
/// Vergelijken's 3, 6 and 12 months, the wijk's year, the bestuurderstafel's
/// 24 months.
pub const WINDOWS: [i32; 4] = [3, 6, 12, 24];

/// One team's recorded months, with where it sits in the network.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamCells {
    pub wijk: i32,
    pub gemeente: i32,
    pub doelgroep: Doelgroep,
    pub months: Vec<MonthlyResult>,
}

/// A cell: a team (its index in the network) and a month.
pub type Cell = (usize, Month);

/// The counts a team records each month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Count {
    Started,
    Ended,
    Responses,
}

impl Count {
    pub const ALL: [Count; 3] = [Count::Started, Count::Ended, Count::Responses];

    pub fn of(self, o: &MonthlyResult) -> u32 {
        match self {
            Count::Started => o.started,
            Count::Ended => o.ended,
            Count::Responses => o.client_responses,
        }
    }

    /// The count a measure's mean or share rests on.
    pub fn base_of(measure: Measure) -> Count {
        match measure {
            Measure::Wait => Count::Started,
            Measure::WithoutHelp | Measure::Uitval | Measure::Doelrealisatie => Count::Ended,
            Measure::ClientGrade => Count::Responses,
        }
    }
}

/// What a published figure tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quantity {
    /// A sum of counts.
    Count(Count),
    /// A mean (wait, grade) or share (without help) weighted by its base
    /// count.
    Value(Measure),
    /// The cases a mean or share rests on: its base count over the cells
    /// that entered it.
    Cases(Measure),
}

impl Quantity {
    /// The count a figure sums: its own, or a mean's cases.
    pub fn counted(self) -> Option<Count> {
        match self {
            Quantity::Count(c) => Some(c),
            Quantity::Cases(m) => Some(Count::base_of(m)),
            Quantity::Value(_) => None,
        }
    }
}

/// One figure as a viewer outside the team sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    /// Where it shows, for the audit's messages ("wijk 3, 2026-09").
    pub scope: String,
    pub quantity: Quantity,
    /// The cells that entered it.
    pub cells: Vec<Cell>,
    /// Its value before display rounding.
    pub value: f64,
}

/// Every figure a viewer under `policy` sees outside a team.
pub fn published(teams: &[TeamCells], policy: SuppressionPolicy) -> Vec<Published> {
    published_combining(teams, policy, policy)
}

/// `published`, with combined figures built from the cells as `combining`
/// shows them: `policy` itself is the protection; `OWN_TEAM` is the way
/// Wijkwijs worked before it (every cell entered every total), kept so the
/// audit can show it catches that.
pub fn published_combining(
    teams: &[TeamCells],
    policy: SuppressionPolicy,
    combining: SuppressionPolicy,
) -> Vec<Published> {
    let mut out = Vec::new();
    // The cells, each as the team's page shows it.
    for (i, team) in teams.iter().enumerate() {
        for o in &team.months {
            let scope = format!("team {i}, {}", o.month);
            for count in Count::ALL {
                if policy.shows_count(count.of(o)) {
                    out.push(Published {
                        scope: scope.clone(),
                        quantity: Quantity::Count(count),
                        cells: vec![(i, o.month)],
                        value: f64::from(count.of(o)),
                    });
                }
            }
            for &measure in Measure::ALL {
                if let Figure::Value(v) = policy.month(o, measure) {
                    out.push(Published {
                        scope: scope.clone(),
                        quantity: Quantity::Value(measure),
                        cells: vec![(i, o.month)],
                        value: v,
                    });
                }
            }
        }
    }
    let Some(latest) = teams.iter().flat_map(|t| &t.months).map(|o| o.month).max() else {
        return out;
    };
    let months: BTreeSet<Month> = teams
        .iter()
        .flat_map(|t| &t.months)
        .map(|o| o.month)
        .collect();
    // Periods: every single month (for groups) and every window.
    let mut periods: Vec<(String, Month, Month)> = WINDOWS
        .iter()
        .map(|&w| (format!("{w} maanden"), latest.plus(1 - w), latest))
        .collect();
    let windows = periods.len();
    periods.extend(months.iter().map(|&m| (m.to_string(), m, m)));
    for (scope, members) in groups(teams) {
        // A single team's single month is the cell itself.
        let periods = if members.len() == 1 {
            &periods[..windows]
        } else {
            &periods[..]
        };
        for (period, first, last) in periods {
            combine(
                teams,
                &members,
                (*first, *last),
                combining,
                &format!("{scope}, {period}"),
                &mut out,
            );
        }
    }
    out
}

/// Every group of teams a page adds up: each team, wijk, gemeente,
/// doelgroep in the network, in each gemeente and in each wijk
/// (Vergelijken's wijken within a doelgroep), and the network.
fn groups(teams: &[TeamCells]) -> Vec<(String, Vec<usize>)> {
    let mut keyed: Vec<(String, Vec<usize>)> = Vec::new();
    let mut add = |key: String, i: usize| match keyed.iter_mut().find(|(k, _)| *k == key) {
        Some((_, members)) => members.push(i),
        None => keyed.push((key, vec![i])),
    };
    for (i, t) in teams.iter().enumerate() {
        add(format!("team {i}"), i);
        add(format!("wijk {}", t.wijk), i);
        add(format!("gemeente {}", t.gemeente), i);
        add(format!("doelgroep {}", t.doelgroep.code()), i);
        add(
            format!("gemeente {} doelgroep {}", t.gemeente, t.doelgroep.code()),
            i,
        );
        add(
            format!("wijk {} doelgroep {}", t.wijk, t.doelgroep.code()),
            i,
        );
        add("netwerk".to_string(), i);
    }
    keyed
}

/// The figures of `members`' months in `first..=last`, added up as
/// `combining` shows each month, with the cells that entered each.
fn combine(
    teams: &[TeamCells],
    members: &[usize],
    (first, last): (Month, Month),
    combining: SuppressionPolicy,
    scope: &str,
    out: &mut Vec<Published>,
) {
    let mut totals = Totals::default();
    let mut entered: Vec<(Quantity, Vec<Cell>)> = Vec::new();
    let mut enter = |q: Quantity, cell: Cell| match entered.iter_mut().find(|(k, _)| *k == q) {
        Some((_, cells)) => cells.push(cell),
        None => entered.push((q, vec![cell])),
    };
    for &i in members {
        for o in teams[i]
            .months
            .iter()
            .filter(|o| (first..=last).contains(&o.month))
        {
            totals.add_as(o, combining);
            for count in Count::ALL {
                if combining.shows_count(count.of(o)) {
                    enter(Quantity::Count(count), (i, o.month));
                }
            }
            for &measure in Measure::ALL {
                if combining.month(o, measure).value().is_some() {
                    enter(Quantity::Value(measure), (i, o.month));
                }
            }
        }
    }
    for (quantity, cells) in entered {
        let value = match quantity {
            Quantity::Count(Count::Started) => Some(f64::from(totals.started)),
            Quantity::Count(Count::Ended) => Some(f64::from(totals.ended)),
            Quantity::Count(Count::Responses) => Some(f64::from(totals.client_responses)),
            Quantity::Value(measure) => totals.value(measure).0,
            Quantity::Cases(measure) => Some(f64::from(totals.value(measure).1)),
        };
        if let Some(value) = value {
            if let Quantity::Value(measure) = quantity {
                // A mean shows with the cases it rests on.
                out.push(Published {
                    scope: scope.to_string(),
                    quantity: Quantity::Cases(measure),
                    cells: cells.clone(),
                    value: f64::from(totals.value(measure).1),
                });
            }
            out.push(Published {
                scope: scope.to_string(),
                quantity,
                cells,
                value,
            });
        }
    }
}
