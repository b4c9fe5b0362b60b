//! Comparing two groups of teams (say, with and without an active agreement
//! on a theme) on a measure: the difference of their mean team values with
//! a 95% interval. An association, never proof of a cause. Groups of a few
//! teams are small, so intervals use Student's t (Welch–Satterthwaite
//! degrees of freedom for two groups), never the normal 1.96.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::collections::HashMap;
use std::hash::Hash;

/// Fewest teams per group for a comparison.
pub const MIN_TEAMS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupComparison {
    pub with_teams: u32,
    pub with_mean: f64,
    pub without_teams: u32,
    pub without_mean: f64,
    /// `with_mean - without_mean`.
    pub difference: f64,
    /// 95% interval of the difference (Welch: t with Welch–Satterthwaite
    /// degrees of freedom).
    pub low: f64,
    pub high: f64,
    /// Two-sided p-value of the difference (Welch's t-test).
    pub p_value: f64,
    /// Whether the difference is clear: the interval leaves out zero, and
    /// once `holm` has run, it still is among all the tests done at once.
    pub clear: bool,
}

/// Holm's step-down adjustment: which of `p_values` stay significant at
/// `alpha` when they are tested at once. The smallest p must pass
/// alpha/m, the next alpha/(m − 1), and so on, until one fails.
pub fn holm(p_values: &[f64], alpha: f64) -> Vec<bool> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut significant = vec![false; m];
    for (rank, &i) in order.iter().enumerate() {
        if p_values[i] > alpha / (m - rank) as f64 {
            break;
        }
        significant[i] = true;
    }
    significant
}

/// Marks as clear only the comparisons that stay so after Holm's
/// adjustment for all of them tested at once.
pub fn adjust_for_multiple_tests(comparisons: &mut [&mut GroupComparison]) {
    let p: Vec<f64> = comparisons.iter().map(|c| c.p_value).collect();
    for (c, significant) in comparisons.iter_mut().zip(holm(&p, 0.05)) {
        c.clear = c.clear && significant;
    }
}

/// The two-sided 95% quantile of Student's t with `df` degrees of freedom
/// (4.30 for 2, 2.78 for 4, towards 1.96 for many).
pub fn t95(df: f64) -> f64 {
    StudentsT::new(0.0, 1.0, df.max(1.0))
        .map(|t| t.inverse_cdf(0.975))
        .unwrap_or(f64::INFINITY)
}

/// The Welch–Satterthwaite degrees of freedom of two groups' variances
/// of the mean, `a = s₁²/n₁` and `b = s₂²/n₂`.
fn welch_df(a: f64, n1: usize, b: f64, n2: usize) -> f64 {
    let denominator = a * a / (n1 as f64 - 1.0) + b * b / (n2 as f64 - 1.0);
    if denominator > 0.0 {
        (a + b).powi(2) / denominator
    } else {
        (n1 + n2) as f64 - 2.0
    }
}

fn mean_and_variance(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, variance)
}

/// Compares team values `with` against `without`; `None` when either group
/// has fewer than `MIN_TEAMS` teams.
pub fn compare(with: &[f64], without: &[f64]) -> Option<GroupComparison> {
    if with.len() < MIN_TEAMS || without.len() < MIN_TEAMS {
        return None;
    }
    let (m1, v1) = mean_and_variance(with);
    let (m2, v2) = mean_and_variance(without);
    let (a, b) = (v1 / with.len() as f64, v2 / without.len() as f64);
    let se = (a + b).sqrt();
    let df = welch_df(a, with.len(), b, without.len());
    let t = t95(df);
    let difference = m1 - m2;
    let p_value = if se > 0.0 {
        StudentsT::new(0.0, 1.0, df.max(1.0))
            .map(|dist| 2.0 * (1.0 - dist.cdf((difference / se).abs())))
            .unwrap_or(1.0)
    } else if difference == 0.0 {
        1.0
    } else {
        0.0
    };
    let (low, high) = (difference - t * se, difference + t * se);
    Some(GroupComparison {
        with_teams: with.len() as u32,
        with_mean: m1,
        without_teams: without.len() as u32,
        without_mean: m2,
        difference,
        low,
        high,
        p_value,
        clear: low > 0.0 || high < 0.0,
    })
}

/// Months on either side of an agreement's start that a before/after
/// comparison looks at.
pub const WINDOW: i32 = 6;

/// A team's mean over the `WINDOW` months before `start` against the
/// `WINDOW` months from `start` on (after minus before); `None` unless both
/// sides have at least three shown months. `series` is oldest first.
pub fn window_change(series: &[(crate::Month, f64)], start: crate::Month) -> Option<f64> {
    let mut change = Vec::with_capacity(1);
    window_changes(series, &[Window::around(start)], &mut change);
    change[0]
}

/// The months a change around a start looks at: `before..start` against
/// `start..after`.
#[derive(Clone, Copy, Debug)]
struct Window {
    before: crate::Month,
    start: crate::Month,
    after: crate::Month,
}

impl Window {
    fn around(start: crate::Month) -> Self {
        Window {
            before: start.plus(-WINDOW),
            start,
            after: start.plus(WINDOW),
        }
    }
}

/// `window_change` around each of `windows` (oldest first), in one pass
/// over `series` (oldest first), added to `changes`.
fn window_changes(
    series: &[(crate::Month, f64)],
    windows: &[Window],
    changes: &mut Vec<Option<f64>>,
) {
    let mean = |values: &[(crate::Month, f64)]| {
        let sum = values.iter().fold(0.0, |sum, (_, v)| sum + v);
        (values.len() >= 3).then(|| sum / values.len() as f64)
    };
    let past = |mut at: usize, month: crate::Month| {
        while at < series.len() && series[at].0 < month {
            at += 1;
        }
        at
    };
    let (mut first, mut middle, mut last) = (0, 0, 0);
    changes.extend(windows.iter().map(|w| {
        first = past(first, w.before);
        middle = past(middle.max(first), w.start);
        last = past(last.max(middle), w.after);
        Some(mean(&series[middle..last])? - mean(&series[first..middle])?)
    }));
}

/// Each team's shown monthly figures of one measure (oldest first) with
/// its group, the teams in id order: what `differences_in_differences`
/// looks at. The figures lie end to end, so a national network's are a
/// few allocations, not one per team.
#[derive(Clone, Debug)]
pub struct TeamSeries<G> {
    /// (team, group), by team id.
    teams: Vec<(i32, G)>,
    /// Where each team's figures end in `points`.
    ends: Vec<usize>,
    points: Vec<(crate::Month, f64)>,
}

impl<G> Default for TeamSeries<G> {
    fn default() -> Self {
        Self {
            teams: Vec::new(),
            ends: Vec::new(),
            points: Vec::new(),
        }
    }
}

impl<G: Copy> TeamSeries<G> {
    /// Adds `team` of `group` with its figures (oldest first); teams come
    /// in id order.
    pub fn push(
        &mut self,
        team: i32,
        group: G,
        figures: impl IntoIterator<Item = (crate::Month, f64)>,
    ) {
        debug_assert!(self.teams.last().is_none_or(|&(last, _)| last < team));
        self.points.extend(figures);
        self.teams.push((team, group));
        self.ends.push(self.points.len());
    }

    /// The figures of the team at `row`.
    fn of(&self, row: usize) -> &[(crate::Month, f64)] {
        let from = if row == 0 { 0 } else { self.ends[row - 1] };
        &self.points[from..self.ends[row]]
    }

    /// The row of `team`, if it is here.
    fn row_of(&self, team: i32) -> Option<usize> {
        self.teams.binary_search_by_key(&team, |&(t, _)| t).ok()
    }
}

/// The change around each agreement's start beyond what changed for
/// comparable teams in the same months (a difference in differences): the
/// team's `window_change` minus the mean `window_change` of the teams of
/// its group (doelgroep) that did not start an agreement of the same kind
/// within `WINDOW` months of it. A network-wide trend or the season moves
/// both and drops out.
///
/// `series`: each team's shown monthly figures of one measure; `starts`:
/// (kind, team, month) per agreement. Returns (kind, difference) per
/// start that has its own change and at least one control's, in the order
/// of `starts`.
pub fn differences_in_differences<K: Copy + Eq + Hash, G: Copy + Eq + Hash>(
    series: &TeamSeries<G>,
    starts: &[(K, i32, crate::Month)],
) -> Vec<(K, f64)> {
    Starts::new(series, starts).differences(series)
}

/// Agreements' starts placed among a network's teams, with the teams that
/// are no control around each: worked out once for the series of every
/// measure of the same teams (`differences`).
pub struct Starts<K, G> {
    teams: Vec<(i32, G)>,
    /// Each start month's window, oldest first.
    windows: Vec<Window>,
    /// The starts of teams in the series, in the order given: (kind, the
    /// team's row, its window).
    placed: Vec<(K, usize, usize)>,
    /// Per kind, group and window, the rows of the teams of the group that
    /// started that kind of agreement around then (within `WINDOW` months
    /// either side), each once, in row order: they are no control. A start
    /// is near itself, so its own team is among them.
    left_out: HashMap<(K, G, usize), Vec<usize>>,
}

impl<K: Copy + Eq + Hash, G: Copy + Eq + Hash> Starts<K, G> {
    /// `starts` (kind, team, month) among the teams of `series`.
    pub fn new(series: &TeamSeries<G>, starts: &[(K, i32, crate::Month)]) -> Self {
        let months: Vec<crate::Month> = starts
            .iter()
            .map(|&(_, _, m)| m)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let windows: Vec<Window> = months.iter().map(|&m| Window::around(m)).collect();
        let index = |m: crate::Month| months.binary_search(&m).expect("a start month");
        let placed: Vec<(K, usize, usize)> = starts
            .iter()
            .filter_map(|&(kind, team, month)| Some((kind, series.row_of(team)?, index(month))))
            .collect();
        // Per kind and group, the starts by month, so each window looks
        // only at its own.
        let mut of_kind: HashMap<(K, G), Vec<(usize, usize)>> = HashMap::new();
        for &(kind, row, at) in &placed {
            of_kind
                .entry((kind, series.teams[row].1))
                .or_default()
                .push((at, row));
        }
        // Once per kind, group and start month, not per start: a national
        // network has tens of thousands of starts. A team is taken once per
        // window by marking it with the window's turn.
        let mut left_out = HashMap::new();
        let mut marked: Vec<usize> = vec![usize::MAX; series.teams.len()];
        let mut turn = 0;
        for ((kind, group), mut of) in of_kind {
            of.sort_unstable();
            for (at, w) in windows.iter().enumerate() {
                let from = of.partition_point(|&(m, _)| months[m] < w.before);
                let to = of.partition_point(|&(m, _)| months[m] < w.after);
                let mut rows = Vec::new();
                for &(_, row) in &of[from..to] {
                    if marked[row] != turn {
                        marked[row] = turn;
                        rows.push(row);
                    }
                }
                rows.sort_unstable();
                left_out.insert((kind, group, at), rows);
                turn += 1;
            }
        }
        Starts {
            teams: series.teams.clone(),
            windows,
            placed,
            left_out,
        }
    }

    /// The differences in differences of the starts on `series`, of the
    /// same teams as the series they were placed in; in the order of the
    /// starts. Each team's change is worked out once per start month, so a
    /// national network takes no longer than a pass over its teams per
    /// month.
    pub fn differences(&self, series: &TeamSeries<G>) -> Vec<(K, f64)> {
        assert_eq!(series.teams.len(), self.teams.len(), "the same teams");
        debug_assert!(series.teams == self.teams, "the same teams");
        let teams = &self.teams;
        // Every team's change around every start month (a row per team, in
        // id order so the sums come out the same on every run), and per
        // group the sum.
        let width = self.windows.len();
        let mut change: Vec<Option<f64>> = Vec::with_capacity(teams.len() * width);
        let mut total: HashMap<G, Vec<(f64, u32)>> = HashMap::new();
        for (row, &(_, group)) in teams.iter().enumerate() {
            let from = change.len();
            window_changes(series.of(row), &self.windows, &mut change);
            let sums = total.entry(group).or_insert_with(|| vec![(0.0, 0); width]);
            for (sum, c) in sums.iter_mut().zip(&change[from..]) {
                if let Some(c) = c {
                    sum.0 += c;
                    sum.1 += 1;
                }
            }
        }
        let change_at = |row: usize, at: usize| change[row * width + at];
        // What the teams that are no control add up to.
        let left_out: HashMap<(K, G, usize), (f64, u32)> = self
            .left_out
            .iter()
            .map(|(&(kind, group, at), rows)| {
                let mut left = (0.0, 0);
                for c in rows.iter().filter_map(|&row| change_at(row, at)) {
                    left.0 += c;
                    left.1 += 1;
                }
                ((kind, group, at), left)
            })
            .collect();
        self.placed
            .iter()
            .filter_map(|&(kind, row, at)| {
                let own = change_at(row, at)?;
                let group = teams[row].1;
                let (sum, n) = total.get(&group)?[at];
                let (left, left_n) = left_out.get(&(kind, group, at)).copied()?;
                let n = n - left_n;
                (n > 0).then(|| (kind, own - (sum - left) / f64::from(n)))
            })
            .collect()
    }
}

/// The changes around many agreements' starts, summed up.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfter {
    pub agreements: u32,
    pub mean_change: f64,
    /// 95% interval of the mean change.
    pub low: f64,
    pub high: f64,
}

/// The mean of `changes` with its 95% interval; `None` below `MIN_TEAMS`.
pub fn before_after(changes: &[f64]) -> Option<BeforeAfter> {
    if changes.len() < MIN_TEAMS {
        return None;
    }
    let (mean, variance) = mean_and_variance(changes);
    let se = (variance / changes.len() as f64).sqrt();
    let t = t95(changes.len() as f64 - 1.0);
    Some(BeforeAfter {
        agreements: changes.len() as u32,
        mean_change: mean,
        low: mean - t * se,
        high: mean + t * se,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The series of `teams` that have a group, in id order.
    fn table<G: Copy>(
        teams: &HashMap<i32, Vec<(crate::Month, f64)>>,
        group_of: &HashMap<i32, G>,
    ) -> TeamSeries<G> {
        let mut ids: Vec<&i32> = teams.keys().collect();
        ids.sort();
        let mut table = TeamSeries::default();
        for id in ids {
            if let Some(&group) = group_of.get(id) {
                table.push(*id, group, teams[id].iter().copied());
            }
        }
        table
    }

    #[test]
    fn known_answer() {
        // Means 0.7 and 0.6; variances 0.02/3 each over 4 teams: equal
        // groups give Welch–Satterthwaite df 6, t = 2.4469.
        let c = compare(&[0.6, 0.7, 0.7, 0.8], &[0.5, 0.6, 0.6, 0.7]).unwrap();
        assert!((c.difference - 0.1).abs() < 1e-12);
        let se = (0.02 / 3.0 / 4.0 * 2.0f64).sqrt();
        assert!((c.high - (0.1 + 2.446912 * se)).abs() < 1e-6);
        assert!(!c.clear);
        assert_eq!(compare(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
        // [1, 2, 3] against [4, 5, 6]: df 4, t 2.7764, −3 ± 2.267.
        let c = compare(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]).unwrap();
        assert!((c.low - (-3.0 - 2.776445 * (2.0f64 / 3.0).sqrt())).abs() < 1e-5);
        // Unequal spreads: [1, 2, 3] (var 1) against [0, 10, 20, 30]
        // (var 166.7): df = (1/3 + 41.67)² / ((1/3)²/2 + 41.67²/3) ≈ 3.05.
        let df = welch_df(1.0 / 3.0, 3, 500.0 / 3.0 / 4.0, 4);
        assert!((df - 3.0479).abs() < 1e-3, "{df}");
    }

    #[test]
    fn a_change_everyone_shares_drops_out_of_the_difference_in_differences() {
        let m = |i: i32| crate::Month::new(2025, 1).unwrap().plus(i);
        // Everyone's wait drops 4 days in month 6 (a season); the teams
        // with the agreement drop 10.
        let series = |base: f64, drop: f64| -> Vec<(crate::Month, f64)> {
            (0..12)
                .map(|i| (m(i), if i < 6 { base } else { base - drop }))
                .collect()
        };
        let teams: HashMap<i32, Vec<(crate::Month, f64)>> = [
            (1, series(30.0, 10.0)),
            (2, series(20.0, 4.0)),
            (3, series(40.0, 4.0)),
            // Started the same kind three months later: no control for 1.
            (4, series(50.0, 10.0)),
            // Another group: no control either.
            (5, series(10.0, 0.0)),
            // Too few months before the start: no change of its own.
            (6, series(20.0, 4.0).into_iter().skip(4).collect()),
        ]
        .into_iter()
        .collect();
        let group: HashMap<i32, char> =
            [(1, 'j'), (2, 'j'), (3, 'j'), (4, 'j'), (5, 'o'), (6, 'j')]
                .into_iter()
                .collect();
        let starts = [("visie", 1, m(6)), ("visie", 4, m(9)), ("regie", 5, m(6))];
        let did = differences_in_differences(&table(&teams, &group), &starts);
        // Team 1 against teams 2 and 3 (−4 each; team 6 has no change
        // yet): −10 − (−4) = −6. Team 4 (−5) against teams 2, 3 (−2 each)
        // and 6 (−1.6). Team 5 has no group mate.
        assert_eq!(did.len(), 2);
        assert_eq!(did[0], ("visie", -6.0));
        assert_eq!(did[1].0, "visie");
        assert!((did[1].1 - (-5.0 + 5.6 / 3.0)).abs() < 1e-9, "{did:?}");
        assert_eq!(window_change(&teams[&1], m(6)), Some(-10.0));
    }

    #[test]
    fn holm_known_answer() {
        // Sorted: 0.005 ≤ 0.05/4, 0.01 ≤ 0.05/3, 0.03 > 0.05/2: stop.
        assert_eq!(
            holm(&[0.01, 0.04, 0.03, 0.005], 0.05),
            vec![true, false, false, true]
        );
        assert_eq!(holm(&[0.04], 0.05), vec![true]);
        assert_eq!(holm(&[], 0.05), Vec::<bool>::new());
        // A clear difference among many tests need not stay clear.
        let mut one = compare(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]).unwrap();
        assert!(one.clear && one.p_value < 0.05 && one.p_value > 0.01);
        let mut others: Vec<GroupComparison> = (0..29)
            .map(|_| compare(&[1.0, 2.0, 3.0], &[1.5, 2.0, 2.5]).unwrap())
            .collect();
        let mut all: Vec<&mut GroupComparison> = others.iter_mut().collect();
        all.push(&mut one);
        adjust_for_multiple_tests(&mut all);
        assert!(!one.clear);
    }

    #[test]
    fn known_t_quantiles() {
        for (df, t) in [
            (2.0, 4.302653),
            (4.0, 2.776445),
            (10.0, 2.228139),
            (1000.0, 1.962339),
        ] {
            assert!((t95(df) - t).abs() < 1e-5, "{df}: {}", t95(df));
        }
    }

    #[test]
    fn before_and_after_an_agreement() {
        let m = |i: i32| crate::Month::new(2025, 1).unwrap().plus(i);
        let series: Vec<(crate::Month, f64)> = (0..12)
            .map(|i| (m(i), if i < 6 { 30.0 } else { 24.0 }))
            .collect();
        assert_eq!(window_change(&series, m(6)), Some(-6.0));
        assert_eq!(
            window_change(&series, m(1)),
            None,
            "one month before is too few"
        );
        let summed = before_after(&[-6.0, -4.0, -5.0]).unwrap();
        assert_eq!((summed.agreements, summed.mean_change), (3, -5.0));
        assert!(summed.high < 0.0);
        assert_eq!(before_after(&[1.0, 2.0]), None);
    }

    proptest! {
        #[test]
        fn the_interval_holds_the_difference(
            with in proptest::collection::vec(0.0f64..1.0, 3..20),
            without in proptest::collection::vec(0.0f64..1.0, 3..20),
        ) {
            let c = compare(&with, &without).unwrap();
            prop_assert!(c.low <= c.difference && c.difference <= c.high);
            let swapped = compare(&without, &with).unwrap();
            prop_assert!((swapped.difference + c.difference).abs() < 1e-12);
        }

        /// As the definition reads, start by start: the team's change
        /// minus the mean change of its group's teams that did not start
        /// the same kind within `WINDOW` months.
        #[test]
        fn differences_in_differences_are_as_defined_start_by_start(
            values in proptest::collection::vec(
                proptest::collection::vec(proptest::option::of(0.0f64..50.0), 24),
                2..16,
            ),
            groups in proptest::collection::vec(0u8..2, 16),
            starts in proptest::collection::vec((0u8..2, 0usize..16, 0i32..24), 0..40),
        ) {
            let m = |i: i32| crate::Month::new(2024, 1).unwrap().plus(i);
            let series: HashMap<i32, Vec<(crate::Month, f64)>> = values
                .iter()
                .enumerate()
                .map(|(t, months)| {
                    let shown = months.iter().enumerate().filter_map(|(i, v)| Some((m(i as i32), (*v)?)));
                    (t as i32, shown.collect())
                })
                .collect();
            let group_of: HashMap<i32, u8> =
                (0..values.len()).map(|t| (t as i32, groups[t])).collect();
            let starts: Vec<(u8, i32, crate::Month)> = starts
                .into_iter()
                .filter(|&(_, t, _)| t < values.len())
                .map(|(kind, t, i)| (kind, t as i32, m(i)))
                .collect();
            let near = |a: crate::Month, b: crate::Month| b >= a.plus(-WINDOW) && b < a.plus(WINDOW);
            let expected: Vec<(u8, f64)> = starts
                .iter()
                .filter_map(|&(kind, team, start)| {
                    let own = window_change(&series[&team], start)?;
                    let controls: Vec<f64> = (0..values.len() as i32)
                        .filter(|t| group_of[t] == group_of[&team] && *t != team)
                        .filter(|t| !starts.iter().any(|&(k, s, at)| k == kind && s == *t && near(start, at)))
                        .filter_map(|t| window_change(&series[&t], start))
                        .collect();
                    (!controls.is_empty())
                        .then(|| (kind, own - controls.iter().sum::<f64>() / controls.len() as f64))
                })
                .collect();
            let did = differences_in_differences(&table(&series, &group_of), &starts);
            prop_assert_eq!(did.len(), expected.len());
            for (got, want) in did.iter().zip(&expected) {
                prop_assert_eq!(got.0, want.0);
                prop_assert!((got.1 - want.1).abs() < 1e-9, "{:?} against {:?}", got, want);
            }
        }
    }
}
