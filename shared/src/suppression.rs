//! Small-cell suppression: which figures may be shown outside a team's own
//! space without letting anyone trace a client (product.md, "Privacy";
//! docs/privacy.md). Suppression happens on the server, so a hidden value
//! never reaches the browser.
//!
//! The rule has two halves. A team's month (the cell) shows a count from
//! `min_count` on and a mean or share from `min_denominator` cases on. And
//! every figure that combines cells — a team's 3, 6, 12 or 24 months, a
//! wijk, gemeente, doelgroep or the network, a funnel's centre and spread —
//! is built only from what the cells themselves show
//! (`stats::aggregate::Totals::add_as`). A combined figure is then a
//! function of figures every viewer already sees, so no subtraction, period
//! or margin narrows a hidden cell below what its own "<5" or "—" says;
//! `disclosure::audit` proves it by linear programming.

use crate::network::Measure;
use crate::results::MonthlyResult;
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

    /// Whether a count of `n` is shown as it is (else as "<min_count").
    pub fn shows_count(&self, n: u32) -> bool {
        n >= self.min_count
    }

    /// A team's month of `measure`, as this policy lets it be shown: the
    /// one definition of a cell's figure, for pages and for margins alike.
    pub fn month(&self, o: &MonthlyResult, measure: Measure) -> Figure {
        match measure {
            Measure::Wait => self.mean(o.mean_wait_days, o.started),
            Measure::WithoutHelp => self.share(o.without_help, o.ended),
            Measure::ClientGrade => self.mean(o.client_grade, o.client_responses),
            Measure::Uitval => o.uitval.map_or(Figure::NoData, |n| self.share(n, o.ended)),
            Measure::Doelrealisatie => o
                .doelrealisatie
                .map_or(Figure::NoData, |n| self.share(n, o.ended)),
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

    proptest! {
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
