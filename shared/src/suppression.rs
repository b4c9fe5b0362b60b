//! Small-cell suppression: which figures may be shown outside a team's own
//! space without letting anyone trace a client (product.md, "Privacy").
//! Suppression happens on the server, so a hidden value never reaches the
//! browser.

use serde::{Deserialize, Serialize};

/// A figure as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    /// Safe to show: a count, a mean or a share (0–1).
    Value(f64),
    /// A count below the minimum cell size, shown as "<min".
    FewerThan(u32),
    /// A mean or share over too few cases to show.
    Hidden,
    /// Nothing recorded.
    NoData,
}

impl Figure {
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// The thresholds that apply to a viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SuppressionPolicy {
    /// A mean or percentage needs at least this many cases.
    pub min_denominator: u32,
    /// A count below this is shown as "<min_count".
    pub min_count: u32,
}

impl Default for SuppressionPolicy {
    fn default() -> Self {
        Self {
            min_denominator: 10,
            min_count: 5,
        }
    }
}

impl SuppressionPolicy {
    /// Nothing is hidden: for a team looking at its own records.
    pub const OWN_TEAM: Self = Self {
        min_denominator: 1,
        min_count: 0,
    };

    pub fn count(&self, n: u32) -> Figure {
        if n < self.min_count {
            Figure::FewerThan(self.min_count)
        } else {
            Figure::Value(f64::from(n))
        }
    }

    /// A mean over `n` cases.
    pub fn mean(&self, mean: Option<f64>, n: u32) -> Figure {
        match mean {
            None => Figure::NoData,
            Some(_) if n == 0 => Figure::NoData,
            Some(_) if n < self.min_denominator => Figure::Hidden,
            Some(m) => Figure::Value(m),
        }
    }

    /// The share `part / whole`.
    pub fn share(&self, part: u32, whole: u32) -> Figure {
        if whole == 0 {
            Figure::NoData
        } else if whole < self.min_denominator {
            Figure::Hidden
        } else {
            Figure::Value(f64::from(part) / f64::from(whole))
        }
    }
}

/// Which of a row of counts to hide when their total is shown beside them.
/// Every count under the policy's minimum is hidden; and then, so that no
/// hidden count can be found by subtracting the shown ones from the total,
/// the smallest shown counts are hidden too until the hidden ones could add
/// up to their sum in more than one way. Returns one flag per count
/// and whether the total itself must be hidden (when even hiding every
/// count cannot protect them).
pub fn complementary(counts: &[u32], policy: SuppressionPolicy) -> (Vec<bool>, bool) {
    let min = policy.min_count;
    protect(counts, counts.iter().map(|&c| c < min).collect(), min)
}

/// Widens a set of `hidden` counts (each known to lie below `bound`) so
/// that none can be found from the total and the shown counts: the smallest
/// shown counts are hidden too until the hidden ones could add up to their
/// sum in more than one way. Returns the flags and whether the total itself
/// must be hidden.
pub fn protect(counts: &[u32], mut hidden: Vec<bool>, bound: u32) -> (Vec<bool>, bool) {
    if !hidden.contains(&true) {
        return (hidden, false);
    }
    // Counts under the bound lie in 0..bound; any other hidden count may be
    // anything.
    let protected = |hidden: &[bool]| {
        let cells: Vec<u32> = counts
            .iter()
            .zip(hidden)
            .filter(|(_, &h)| h)
            .map(|(c, _)| *c)
            .collect();
        let sum: u32 = cells.iter().sum();
        let small = cells.iter().filter(|&&c| c < bound).count() as u32;
        let unbounded = cells.len() as u32 > small;
        cells.len() >= 2 && sum > 0 && (unbounded || sum < small * bound.saturating_sub(1))
    };
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| (counts[i], i));
    for i in order {
        if protected(&hidden) {
            break;
        }
        hidden[i] = true;
    }
    let hide_total = !protected(&hidden);
    (hidden, hide_total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        let p = SuppressionPolicy::default();
        assert_eq!(p.count(4), Figure::FewerThan(5));
        assert_eq!(p.count(0), Figure::FewerThan(5));
        assert_eq!(p.count(5), Figure::Value(5.0));
        assert_eq!(p.mean(Some(7.5), 9), Figure::Hidden);
        assert_eq!(p.mean(Some(7.5), 10), Figure::Value(7.5));
        assert_eq!(p.mean(None, 30), Figure::NoData);
        assert_eq!(p.share(3, 9), Figure::Hidden);
        assert_eq!(p.share(5, 10), Figure::Value(0.5));
        assert_eq!(p.share(0, 0), Figure::NoData);
        assert_eq!(SuppressionPolicy::OWN_TEAM.count(1), Figure::Value(1.0));
        assert_eq!(SuppressionPolicy::OWN_TEAM.share(1, 2), Figure::Value(0.5));
    }

    #[test]
    fn complementary_known_answers() {
        let p = SuppressionPolicy::default();
        // One small cell beside a total: the next smallest goes too.
        assert_eq!(
            complementary(&[3, 20, 8], p),
            (vec![true, false, true], false)
        );
        assert_eq!(complementary(&[30, 20, 8], p), (vec![false; 3], false));
        // Two zeros add up to nothing: hide a third, larger one.
        assert_eq!(
            complementary(&[0, 0, 9, 40], p),
            (vec![true, true, true, false], false)
        );
        // Two fours can only be four and four.
        assert_eq!(
            complementary(&[4, 4, 30], p),
            (vec![true, true, true], false)
        );
        // Nothing can protect a lone small cell: the total goes.
        assert_eq!(complementary(&[2], p), (vec![true], true));
    }

    /// How many ways the hidden counts could fill the gap between the shown
    /// total and the shown counts, each count under the minimum lying in
    /// 0..min and every other hidden count at least 0.
    fn ways(counts: &[u32], hidden: &[bool], min: u32) -> u32 {
        let gap: u32 = counts
            .iter()
            .zip(hidden)
            .filter(|(_, &h)| h)
            .map(|(c, _)| *c)
            .sum();
        let cells: Vec<u32> = counts
            .iter()
            .zip(hidden)
            .filter(|(_, &h)| h)
            .map(|(c, _)| *c)
            .collect();
        fn count(cells: &[u32], gap: u32, min: u32) -> u32 {
            match cells.split_first() {
                None => u32::from(gap == 0),
                Some((first, rest)) => {
                    let top = if *first < min { min - 1 } else { gap };
                    (0..=top.min(gap))
                        .map(|v| count(rest, gap - v, min))
                        .sum::<u32>()
                        .min(2)
                }
            }
        }
        count(&cells, gap, min)
    }

    #[test]
    fn a_team_hidden_for_too_few_cases_is_protected_in_a_total() {
        // One team's share hidden (8 cases, under 10): its count would follow
        // from the total, so the next smallest count goes too.
        let (hidden, hide_total) = protect(&[8, 40, 25], vec![true, false, false], 10);
        assert_eq!((hidden, hide_total), (vec![true, false, true], false));
    }

    proptest! {
        #[test]
        fn a_hidden_count_is_never_derivable(counts in proptest::collection::vec(0u32..15, 1..6)) {
            let p = SuppressionPolicy::default();
            let (hidden, hide_total) = complementary(&counts, p);
            for (c, h) in counts.iter().zip(&hidden) {
                prop_assert!(*c >= p.min_count || *h, "a small count is always hidden");
            }
            if hidden.contains(&true) && !hide_total {
                prop_assert!(ways(&counts, &hidden, p.min_count) >= 2, "{counts:?} {hidden:?}");
            }
        }

        #[test]
        fn a_shown_figure_always_has_enough_cases(
            part in 0u32..50, extra in 0u32..50, n in 0u32..50,
            min_den in 1u32..20, min_count in 0u32..10, mean in 1.0f64..10.0,
        ) {
            let p = SuppressionPolicy { min_denominator: min_den, min_count };
            let whole = part + extra;
            if let Figure::Value(v) = p.share(part, whole) {
                prop_assert!(whole >= min_den);
                prop_assert!((0.0..=1.0).contains(&v));
            }
            if p.mean(Some(mean), n).value().is_some() {
                prop_assert!(n >= min_den);
            }
            match p.count(n) {
                Figure::Value(v) => prop_assert!(n >= min_count && v == f64::from(n)),
                Figure::FewerThan(m) => prop_assert!(n < m),
                _ => prop_assert!(false),
            }
        }
    }
}
