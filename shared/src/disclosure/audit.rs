//! The inference audit: how far a viewer outside a team can narrow each
//! hidden cell from everything published, by linear programming, as
//! statistical offices compute protection intervals (CBS, τ-ARGUS).
//!
//! Each team-month is a cell with, per measure, a base count `n` (started,
//! ended or responses) and a sum `s` (days waited, clients without help,
//! grade points). What a cell shows is fixed; what it hides is a variable
//! within its domain (a count shown as "<5" lies in 0..=4; a mean between
//! its lowest and highest possible value times `n`). Every published figure
//! over several cells is a linear constraint: a count as `Σ n = N`, a mean
//! or share `V`, rounded for display, as `(V − r)·Σ n ≤ Σ s ≤ (V + r)·Σ n`.
//! For each hidden quantity the audit minimises and maximises it and
//! checks the interval against the `Rule`.

use super::publication::{Cell, Count, Published, Quantity, TeamCells};
use crate::network::Measure;
use crate::suppression::{Figure, SuppressionPolicy};
use minilp::{ComparisonOp, OptimizationDirection, Problem};
use std::collections::HashMap;

/// The longest wait the audit takes as possible, in days.
pub const LONGEST_WAIT: f64 = 365.0;

/// How wide a hidden cell's interval must stay (docs/privacy.md).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// A hidden count keeps at least this many possible values.
    pub count_values: u32,
    /// A hidden mean keeps at least ± this share of its value...
    pub relative: f64,
    /// ...and never less than ± this many days of wait...
    pub wait_days: f64,
    /// ...or ± this many points of grade.
    pub grade_points: f64,
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            count_values: 5,
            relative: 0.15,
            wait_days: 2.0,
            grade_points: 1.0,
        }
    }
}

/// A hidden quantity the published figures narrow too far.
#[derive(Clone, Debug, PartialEq)]
pub struct Pinned {
    pub cell: Cell,
    /// The count itself, or the measure whose sum it is.
    pub quantity: Quantity,
    /// The feasible interval (of the count, the mean, or the count of
    /// clients without help).
    pub interval: (f64, f64),
    /// The narrowest width the rule allows.
    pub required: f64,
    /// The published figures that hold this cell.
    pub by: Vec<String>,
}

impl std::fmt::Display for Pinned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "team {} in {}: {:?} lies in {:.2}..{:.2} (needs a width of {:.2}), pinned by {}",
            self.cell.0,
            self.cell.1,
            self.quantity,
            self.interval.0,
            self.interval.1,
            self.required,
            self.by.join("; ")
        )
    }
}

/// The display rounding of a published value: wait and grade to one
/// decimal, a share to a whole percent.
fn rounding(quantity: Quantity) -> f64 {
    match quantity {
        Quantity::Count(_) | Quantity::Cases(_) => 0.0,
        Quantity::Value(m) if m.is_share() => 0.005,
        Quantity::Value(_) => 0.05,
    }
}

/// The possible values of one case: days, 0/1 for a share, grade.
fn case_range(measure: Measure) -> (f64, f64) {
    match measure {
        Measure::Wait => (0.0, LONGEST_WAIT),
        Measure::ClientGrade => (1.0, 10.0),
        _ => (0.0, 1.0),
    }
}

/// A term of a linear expression: a variable's index, or a constant.
#[derive(Clone, Copy)]
enum Term {
    Var(usize),
    Known(f64),
}

/// `Σ coef·var (op) rhs`.
struct Constraint {
    terms: Vec<(usize, f64)>,
    op: ComparisonOp,
    rhs: f64,
    /// The published figure it comes from (`None`: a cell's own domain).
    figure: Option<usize>,
}

/// One measure's cells as linear terms.
struct Model {
    /// Per variable: its bounds.
    bounds: Vec<(f64, f64)>,
    /// Per cell: (n, s).
    cells: HashMap<Cell, (Term, Term)>,
    constraints: Vec<Constraint>,
}

impl Model {
    fn var(&mut self, bounds: (f64, f64)) -> Term {
        self.bounds.push(bounds);
        Term::Var(self.bounds.len() - 1)
    }

    /// Adds `Σ coef·term (op) rhs`, constants moved to the right.
    fn constrain(
        &mut self,
        terms: &[(Term, f64)],
        op: ComparisonOp,
        rhs: f64,
        figure: Option<usize>,
    ) {
        let mut rhs = rhs;
        let mut vars: Vec<(usize, f64)> = Vec::new();
        for &(term, coef) in terms {
            match term {
                Term::Known(v) => rhs -= coef * v,
                Term::Var(i) => match vars.iter_mut().find(|(j, _)| *j == i) {
                    Some((_, c)) => *c += coef,
                    None => vars.push((i, coef)),
                },
            }
        }
        if !vars.is_empty() {
            self.constraints.push(Constraint {
                terms: vars,
                op,
                rhs,
                figure,
            });
        }
    }
}

/// Every hidden quantity `figures` narrow below `rule`, for a viewer under
/// `policy` of the network `teams`. Empty when the protection holds.
pub fn audit(
    teams: &[TeamCells],
    policy: SuppressionPolicy,
    figures: &[Published],
    rule: Rule,
) -> Vec<Pinned> {
    Measure::ALL
        .iter()
        .flat_map(|&m| audit_measure(teams, policy, figures, rule, m))
        .collect()
}

fn audit_measure(
    teams: &[TeamCells],
    policy: SuppressionPolicy,
    figures: &[Published],
    rule: Rule,
    measure: Measure,
) -> Vec<Pinned> {
    let base = Count::base_of(measure);
    let (low, high) = case_range(measure);
    let mut model = Model {
        bounds: Vec::new(),
        cells: HashMap::new(),
        constraints: Vec::new(),
    };
    // The cells: what each shows is known, the rest is a variable.
    let mut truth: Vec<(Cell, Term, Term, u32, Option<f64>)> = Vec::new();
    for (i, team) in teams.iter().enumerate() {
        for o in &team.months {
            let count = base.of(o);
            let n = if policy.shows_count(count) {
                Term::Known(f64::from(count))
            } else {
                model.var((0.0, f64::from(policy.min_count.saturating_sub(1))))
            };
            let value = match measure {
                Measure::Wait => o.mean_wait_days.map(|w| w * f64::from(count)),
                Measure::ClientGrade => o.client_grade.map(|g| g * f64::from(count)),
                share => o.share_part(share).filter(|_| o.ended > 0).map(f64::from),
            };
            let s = match (policy.month(o, measure), n) {
                (Figure::Value(_), _) => Term::Known(value.unwrap_or(0.0)),
                (_, Term::Known(n)) => model.var((low * n, high * n)),
                (_, Term::Var(_)) => {
                    let s = model.var((0.0, f64::INFINITY));
                    model.constrain(&[(s, 1.0), (n, -high)], ComparisonOp::Le, 0.0, None);
                    model.constrain(&[(s, 1.0), (n, -low)], ComparisonOp::Ge, 0.0, None);
                    s
                }
            };
            model.cells.insert((i, o.month), (n, s));
            truth.push(((i, o.month), n, s, count, value));
        }
    }
    // The published figures.
    for (f, figure) in figures.iter().enumerate() {
        match figure.quantity {
            // A count, or the cases behind a mean: Σ n = N.
            q if q.counted() == Some(base) => {
                let terms: Vec<(Term, f64)> = figure
                    .cells
                    .iter()
                    .map(|c| (model.cells[c].0, 1.0))
                    .collect();
                model.constrain(&terms, ComparisonOp::Eq, figure.value, Some(f));
            }
            Quantity::Value(m) if m == measure => {
                let r = rounding(figure.quantity);
                for (bound, op) in [
                    (figure.value + r, ComparisonOp::Le),
                    (figure.value - r, ComparisonOp::Ge),
                ] {
                    let terms: Vec<(Term, f64)> = figure
                        .cells
                        .iter()
                        .flat_map(|c| {
                            let (n, s) = model.cells[c];
                            [(s, 1.0), (n, -bound)]
                        })
                        .collect();
                    model.constrain(&terms, op, 0.0, Some(f));
                }
            }
            _ => {}
        }
    }
    let components = components(&model);
    let mut pinned = Vec::new();
    for (cell, n, s, count, value) in truth {
        let held_by = |var: usize| -> Vec<String> {
            let mut by: Vec<String> = model
                .constraints
                .iter()
                .filter(|c| c.terms.iter().any(|(v, _)| *v == var))
                .filter_map(|c| c.figure)
                .map(|f| format!("{} ({:?})", figures[f].scope, figures[f].quantity))
                .collect();
            by.dedup();
            by
        };
        if let Term::Var(v) = n {
            let interval = range(&model, &components, v, None);
            let required =
                f64::from(rule.count_values - 1).min(model.bounds[v].1 - model.bounds[v].0);
            if interval.1 - interval.0 < required - 1e-6 {
                pinned.push(Pinned {
                    cell,
                    quantity: Quantity::Count(base),
                    interval,
                    required,
                    by: held_by(v),
                });
            }
        }
        let (Term::Var(v), Some(value)) = (s, value) else {
            continue;
        };
        if count == 0 {
            continue;
        }
        // The interval with the cell's count as it truly is: the viewer
        // knows no more than that, so this is the narrowest case.
        let fixed = match n {
            Term::Var(nv) => Some((nv, f64::from(count))),
            Term::Known(_) => None,
        };
        let (lo, hi) = range(&model, &components, v, fixed);
        let per = f64::from(count);
        let (interval, required) = match measure {
            // The count behind the share: e.g. clients without help.
            share if share.is_share() => ((lo, hi), f64::from(rule.count_values - 1).min(per)),
            _ => {
                let mean = value / per;
                let floor = if measure == Measure::Wait {
                    rule.wait_days
                } else {
                    rule.grade_points
                };
                (
                    (lo / per, hi / per),
                    (2.0 * (rule.relative * mean.abs()).max(floor)).min(high - low),
                )
            }
        };
        if interval.1 - interval.0 < required - 1e-6 {
            pinned.push(Pinned {
                cell,
                quantity: Quantity::Value(measure),
                interval,
                required,
                by: held_by(v),
            });
        }
    }
    pinned
}

/// The connected groups of variables (linked by a constraint): each is
/// solved on its own, so the linear programs stay small.
fn components(model: &Model) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..model.bounds.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for c in &model.constraints {
        if let Some(&(first, _)) = c.terms.first() {
            for &(v, _) in &c.terms[1..] {
                let (a, b) = (root(&mut parent, first), root(&mut parent, v));
                parent[a] = b;
            }
        }
    }
    (0..parent.len()).map(|i| root(&mut parent, i)).collect()
}

/// The smallest and largest value of variable `target` over its
/// component's constraints, with one other variable optionally fixed.
fn range(
    model: &Model,
    components: &[usize],
    target: usize,
    fixed: Option<(usize, f64)>,
) -> (f64, f64) {
    let group = components[target];
    let members: Vec<usize> = (0..model.bounds.len())
        .filter(|&v| components[v] == group)
        .collect();
    let solve = |direction: OptimizationDirection| -> f64 {
        let mut problem = Problem::new(direction);
        let mut index = HashMap::new();
        for &v in &members {
            let (lo, hi) = match fixed {
                Some((f, value)) if f == v => (value, value),
                _ => model.bounds[v],
            };
            let objective = if v == target { 1.0 } else { 0.0 };
            index.insert(v, problem.add_var(objective, (lo, hi)));
        }
        for c in &model.constraints {
            if components[c.terms[0].0] == group {
                let terms: Vec<_> = c.terms.iter().map(|(v, k)| (index[v], *k)).collect();
                problem.add_constraint(&terms[..], c.op, c.rhs);
            }
        }
        // Every variable is bounded and the truth satisfies every
        // constraint, so a failure means the model itself is wrong.
        match problem.solve() {
            Ok(solution) => solution[index[&target]],
            Err(e) => panic!("the audit's linear program has no answer: {e}"),
        }
    };
    (
        solve(OptimizationDirection::Minimize),
        solve(OptimizationDirection::Maximize),
    )
}
