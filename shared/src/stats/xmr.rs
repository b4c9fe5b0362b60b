//! XmR (individuals and moving range) charts, as NHS "Making Data Count"
//! uses them and NHSRplotthedots (the NHS-R reference) computes them: the
//! mean, process limits at mean ± 2.66 × the mean moving range after
//! leaving out moving ranges of at least 3.267 × their mean (one jump does
//! not widen the limits), the four rules for special cause variation, and
//! the variation and assurance verdicts a bestuurder reads as icons.

use crate::results::Better;
use serde::{Deserialize, Serialize};

/// Fewest points for fixed process limits; below this a series is a plain
/// run chart.
pub const MIN_POINTS: usize = 12;
/// Points in a run (one side of the mean) or a trend that signal.
pub const RUN_LENGTH: usize = 7;
/// Process limits lie this many mean moving ranges from the mean (3σ).
pub const LIMIT_FACTOR: f64 = 2.66;
/// A moving range of at least this many mean moving ranges is left out
/// before the limits are set (the upper limit of a moving range chart).
pub const MOVING_RANGE_SCREEN: f64 = 3.267;

/// The side of the mean a signal points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    High,
    Low,
}

/// Which of the four rules flagged a point: the first that did, in the
/// reference's order (a trend before two of three and a run, so a trend
/// point takes the trend's direction — as the MDC tool colours it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// A point beyond a process limit.
    BeyondLimit,
    /// Seven or more points each rising (or falling) from the one before.
    Trend,
    /// Two of three points on one side of the mean, beyond two sigma but
    /// within the process limits (the third on the same side, unflagged).
    TwoOfThree,
    /// Seven or more points on one side of the mean.
    Run,
}

/// A flagged point: which rule, and to which side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    pub rule: Rule,
    pub side: Side,
}

/// What the latest point says about the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Variation {
    CommonCause,
    SpecialCauseImprovement,
    SpecialCauseConcern,
    /// Fewer than `MIN_POINTS`: no limits, so no verdict.
    NotEnoughData,
}

/// Whether the process can be relied on to meet a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assurance {
    ConsistentlyMeets,
    HitAndMiss,
    ConsistentlyFails,
}

/// The process limits of a series with enough points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    pub mean_moving_range: f64,
    pub lower: f64,
    pub upper: f64,
}

impl Limits {
    /// One sigma, estimated from the mean moving range.
    pub fn sigma(&self) -> f64 {
        LIMIT_FACTOR * self.mean_moving_range / 3.0
    }

    /// The limits as drawn: within what the measure can be (a share's
    /// upper limit at most 100 %, a wait's lower limit at least 0).
    pub fn within(self, (low, high): (f64, Option<f64>)) -> Limits {
        Limits {
            lower: self.lower.max(low),
            upper: high.map_or(self.upper, |high| self.upper.min(high)),
            ..self
        }
    }
}

/// An analysed series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Xmr {
    pub mean: f64,
    /// `None` below `MIN_POINTS`.
    pub limits: Option<Limits>,
    /// Per point, the signal it is part of.
    pub signals: Vec<Option<Signal>>,
    pub variation: Variation,
    /// Only with a target and limits.
    pub assurance: Option<Assurance>,
}

/// Analyses `values` (oldest first) of a measure improving in direction
/// `better`, against an optional `target`.
pub fn analyse(values: &[f64], better: Better, target: Option<f64>) -> Xmr {
    analyse_fixed(values, better, target, None)
}

/// Fewest months a fixed baseline may rest on (NHSRplotthedots refuses a
/// `fix_after_n_points` below 12).
pub const MIN_FIXED_POINTS: u32 = 12;

/// `analyse`, with the mean and limits fixed on the first `fixed_after`
/// values when given (NHSRplotthedots' `fix_after_n_points`): later values
/// are judged against them and do not move them. Until there are that
/// many values, all of them set the limits.
pub fn analyse_fixed(
    values: &[f64],
    better: Better,
    target: Option<f64>,
    fixed_after: Option<u32>,
) -> Xmr {
    let n = values.len();
    let basis = match fixed_after {
        Some(fixed) => &values[..n.min(fixed as usize)],
        None => values,
    };
    let mean = if basis.is_empty() {
        0.0
    } else {
        basis.iter().sum::<f64>() / basis.len() as f64
    };
    if basis.len() < MIN_POINTS {
        return Xmr {
            mean,
            limits: None,
            signals: vec![None; n],
            variation: Variation::NotEnoughData,
            assurance: None,
        };
    }
    let mean_moving_range = screened_mean_moving_range(basis);
    let limits = Limits {
        mean_moving_range,
        lower: mean - LIMIT_FACTOR * mean_moving_range,
        upper: mean + LIMIT_FACTOR * mean_moving_range,
    };
    let signals = signals(values, mean, &limits);
    let variation = match signals.last().copied().flatten() {
        None => Variation::CommonCause,
        Some(signal) if improves(signal.side, better) => Variation::SpecialCauseImprovement,
        Some(_) => Variation::SpecialCauseConcern,
    };
    let assurance = target.map(|target| assurance(&limits, better, target));
    Xmr {
        mean,
        limits: Some(limits),
        signals,
        variation,
        assurance,
    }
}

/// Whether a process within `limits` can be relied on to meet `target`.
pub fn assurance(limits: &Limits, better: Better, target: f64) -> Assurance {
    let (meets_all, fails_all) = match better {
        Better::Higher => (limits.lower > target, limits.upper < target),
        Better::Lower => (limits.upper < target, limits.lower > target),
    };
    if meets_all {
        Assurance::ConsistentlyMeets
    } else if fails_all {
        Assurance::ConsistentlyFails
    } else {
        Assurance::HitAndMiss
    }
}

/// The mean moving range, recomputed once without the moving ranges of at
/// least `MOVING_RANGE_SCREEN` times the first mean (NHSRplotthedots'
/// default; the mean of the values keeps every point).
pub fn screened_mean_moving_range(values: &[f64]) -> f64 {
    let ranges: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let mean = |r: &[f64]| {
        if r.is_empty() {
            0.0
        } else {
            r.iter().sum::<f64>() / r.len() as f64
        }
    };
    let first = mean(&ranges);
    let kept: Vec<f64> = ranges
        .iter()
        .copied()
        .filter(|&r| r < MOVING_RANGE_SCREEN * first)
        .collect();
    mean(&kept)
}

/// Whether a signal to `side` is good news for a measure improving `better`.
pub fn improves(side: Side, better: Better) -> bool {
    matches!(
        (side, better),
        (Side::High, Better::Higher) | (Side::Low, Better::Lower)
    )
}

/// The side of `centre` that `value` lies on; `None` when they are equal
/// up to rounding (a mean of equal values need not be exactly that value).
fn side_of(value: f64, centre: f64) -> Option<Side> {
    let tolerance = 1e-9 * centre.abs().max(1.0);
    if value > centre + tolerance {
        Some(Side::High)
    } else if value < centre - tolerance {
        Some(Side::Low)
    } else {
        None
    }
}

/// Flags every point that is part of a pattern, by the first rule in the
/// order of `Rule` that applies to it.
fn signals(values: &[f64], mean: f64, limits: &Limits) -> Vec<Option<Signal>> {
    let n = values.len();
    let mut flags: Vec<Option<Signal>> = vec![None; n];
    let flag = |i: usize, rule: Rule, side: Side, flags: &mut Vec<Option<Signal>>| {
        let rank = |r: Rule| r as u8;
        match flags[i] {
            Some(existing) if rank(existing.rule) <= rank(rule) => {}
            _ => flags[i] = Some(Signal { rule, side }),
        }
    };
    // 1. Beyond a limit.
    for (i, &v) in values.iter().enumerate() {
        if side_of(v, limits.upper) == Some(Side::High) {
            flag(i, Rule::BeyondLimit, Side::High, &mut flags);
        } else if side_of(v, limits.lower) == Some(Side::Low) {
            flag(i, Rule::BeyondLimit, Side::Low, &mut flags);
        }
    }
    // 2. Two of three points beyond two sigma but within the limits, all
    //    three on the same side of the mean; the close points are flagged.
    let two_sigma = 2.0 * limits.sigma();
    let close = |i: usize| -> Option<Side> {
        let v = values[i];
        let outside = side_of(v, limits.upper) == Some(Side::High)
            || side_of(v, limits.lower) == Some(Side::Low);
        if outside {
            None
        } else if side_of(v, mean + two_sigma) == Some(Side::High) {
            Some(Side::High)
        } else if side_of(v, mean - two_sigma) == Some(Side::Low) {
            Some(Side::Low)
        } else {
            None
        }
    };
    for start in 0..n.saturating_sub(2) {
        let window = start..start + 3;
        let Some(side) = side_of(values[start], mean) else {
            continue;
        };
        if window
            .clone()
            .any(|i| side_of(values[i], mean) != Some(side))
        {
            continue;
        }
        let near: Vec<usize> = window.filter(|&i| close(i) == Some(side)).collect();
        if near.len() >= 2 {
            for i in near {
                flag(i, Rule::TwoOfThree, side, &mut flags);
            }
        }
    }
    // 3. A run of seven or more on one side of the mean.
    let mut start = 0;
    while start < n {
        let side = side_of(values[start], mean);
        let mut end = start + 1;
        while end < n && side.is_some() && side_of(values[end], mean) == side {
            end += 1;
        }
        if let Some(side) = side {
            if end - start >= RUN_LENGTH {
                for i in start..end {
                    flag(i, Rule::Run, side, &mut flags);
                }
            }
        }
        start = end;
    }
    // 4. Seven or more points each rising (or falling) from the one before.
    let mut i = 1;
    while i < n {
        let direction = side_of(values[i], values[i - 1]);
        let mut j = i;
        while direction.is_some() && j + 1 < n && side_of(values[j + 1], values[j]) == direction {
            j += 1;
        }
        if let Some(side) = direction {
            // Steps i..=j join points i-1..=j.
            if j + 2 - i >= RUN_LENGTH {
                for p in i - 1..=j {
                    flag(p, Rule::Trend, side, &mut flags);
                }
            }
        }
        i = j + 1;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn known_answer_limits() {
        // Mean 10, moving ranges all 2 → limits 10 ± 5.32.
        let values = [
            9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0, 9.0, 11.0,
        ];
        let xmr = analyse(&values, Better::Higher, None);
        let limits = xmr.limits.unwrap();
        assert!(close(xmr.mean, 10.0));
        assert!(close(limits.mean_moving_range, 2.0));
        assert!(close(limits.upper, 15.32) && close(limits.lower, 4.68));
        assert!(xmr.signals.iter().all(Option::is_none));
        assert_eq!(xmr.variation, Variation::CommonCause);
    }

    #[test]
    fn too_few_points_make_a_run_chart() {
        let xmr = analyse(&[1.0, 2.0, 3.0], Better::Lower, Some(2.0));
        assert_eq!(
            (xmr.limits, xmr.variation, xmr.assurance),
            (None, Variation::NotEnoughData, None)
        );
        assert!(close(xmr.mean, 2.0));
    }

    #[test]
    fn each_rule_fires_on_its_pattern() {
        // A point far above the rest.
        let mut spike = vec![
            10.0, 11.0, 10.0, 9.0, 10.0, 11.0, 10.0, 9.0, 10.0, 11.0, 10.0, 9.0,
        ];
        spike.push(30.0);
        let xmr = analyse(&spike, Better::Lower, None);
        assert_eq!(
            xmr.signals[12],
            Some(Signal {
                rule: Rule::BeyondLimit,
                side: Side::High
            })
        );
        assert_eq!(
            xmr.variation,
            Variation::SpecialCauseConcern,
            "a high wait is a concern"
        );
        assert_eq!(
            analyse(&spike, Better::Higher, None).variation,
            Variation::SpecialCauseImprovement
        );

        // Seven below the mean at the end, after seven above.
        let shift = [
            12.0, 13.0, 12.0, 13.0, 12.0, 13.0, 12.0, 8.0, 7.0, 8.0, 7.0, 8.0, 7.0, 8.0,
        ];
        let xmr = analyse(&shift, Better::Lower, None);
        assert!(xmr.signals[7..]
            .iter()
            .all(|s| s.map(|s| s.side) == Some(Side::Low)));
        assert_eq!(xmr.variation, Variation::SpecialCauseImprovement);

        // Seven rising points (a trend) with no run and no point beyond.
        let trend = [5.0, 9.0, 5.0, 9.0, 5.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
        let xmr = analyse(&trend, Better::Higher, None);
        assert!(
            xmr.signals[5..].iter().all(|s| s.is_some()),
            "{:?}",
            xmr.signals
        );
        assert_eq!(xmr.signals[11].unwrap().side, Side::High);
        assert_eq!(xmr.signals[0], None);
    }

    use crate::stats::reference::RNORM_20;

    fn near(a: f64, b: f64, digits: i32) -> bool {
        (a - b).abs() < 0.5 * 10f64.powi(-digits)
    }

    #[test]
    fn known_answers_of_the_reference() {
        // Nothing to screen: the reference's limits, all common cause.
        let xmr = analyse(&RNORM_20, Better::Higher, None);
        let l = xmr.limits.unwrap();
        assert!(near(xmr.mean, 0.1416238, 7));
        assert!(near(l.mean_moving_range, 1.185340, 6));
        assert!(near(l.lower, -3.01138, 5) && near(l.upper, 3.294627, 6));
        assert!(xmr.signals.iter().all(Option::is_none));
        // One value made 10: its two moving ranges (9.9 and 8.2, over
        // 3.267 × 1.98) are left out; the mean keeps it.
        let mut jump = RNORM_20;
        jump[14] = 10.0;
        let xmr = analyse(&jump, Better::Higher, None);
        let l = xmr.limits.unwrap();
        assert!(near(xmr.mean, 0.6694159, 7));
        assert!(near(l.mean_moving_range, 1.147775, 6));
        assert!(near(l.lower, -2.383666, 6) && near(l.upper, 3.722497, 6));
        assert_eq!(
            xmr.signals[14],
            Some(Signal {
                rule: Rule::BeyondLimit,
                side: Side::High
            })
        );
        // The reference's "deviations" vignette: screened limits 4.60 and
        // −0.72 (the MDC spreadsheet, unscreened, draws 6.95 and −3.06);
        // only the fifth point is special.
        let values = [
            1.0, 2.0, 1.0, 2.0, 10.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0,
            1.0,
        ];
        let xmr = analyse(&values, Better::Higher, None);
        let l = xmr.limits.unwrap();
        assert!(near(xmr.mean, 1.944444, 6) && near(l.mean_moving_range, 1.0, 9));
        assert!(near(l.upper, 4.604444, 6) && near(l.lower, -0.715556, 6));
        let special: Vec<usize> = (0..values.len())
            .filter(|&i| xmr.signals[i].is_some())
            .collect();
        assert_eq!(special, vec![4]);
        assert_eq!(xmr.variation, Variation::CommonCause);
    }

    #[test]
    fn two_of_three_needs_the_same_side_and_stays_within_the_limits() {
        // The reference's test: ±1 alternating, then 5.5 and −5.5 — both
        // beyond two sigma but on opposite sides: common cause.
        let mut values: Vec<f64> = [1.0, -1.0].repeat(8);
        values[14] = 5.5;
        values[15] = -5.5;
        let xmr = analyse(&values, Better::Higher, None);
        let l = xmr.limits.unwrap();
        assert!(near(l.mean_moving_range, 2.321429, 6) && near(l.upper, 6.175, 9));
        assert_eq!((xmr.signals[14], xmr.signals[15]), (None, None));
        // Two close points with the third between them on the same side:
        // 10 and 11 alternating, then 13, 11, 13 (mean 10.67, two sigma
        // at 12.61, the upper limit at 13.58).
        let mut values: Vec<f64> = [10.0, 11.0].repeat(15);
        values.extend([13.0, 11.0, 13.0]);
        let xmr = analyse(&values, Better::Higher, None);
        let (l, n) = (xmr.limits.unwrap(), values.len());
        assert!(13.0 > xmr.mean + 2.0 * l.sigma() && 13.0 < l.upper && 11.0 > xmr.mean);
        let rules: Vec<Option<Rule>> = xmr.signals[n - 3..]
            .iter()
            .map(|s| s.map(|s| s.rule))
            .collect();
        assert_eq!(
            rules,
            vec![Some(Rule::TwoOfThree), None, Some(Rule::TwoOfThree)]
        );
        // The middle point below the mean breaks it.
        values[n - 2] = 10.0;
        let xmr = analyse(&values, Better::Higher, None);
        assert!(10.0 < xmr.mean);
        assert!(
            xmr.signals[n - 3..].iter().all(Option::is_none),
            "{:?}",
            xmr.signals
        );
        // A point beyond the limit does not count towards two of three.
        values[n - 2] = 11.0;
        values[n - 3] = 30.0;
        let xmr = analyse(&values, Better::Higher, None);
        assert_eq!(xmr.signals[n - 3].map(|s| s.rule), Some(Rule::BeyondLimit));
        assert_eq!(xmr.signals[n - 1], None, "{:?}", xmr.limits);
    }

    #[test]
    fn a_trend_point_takes_the_trends_direction() {
        // 0..=7 rising (the reference: below the lower limit, six trend
        // points, above the upper limit); the trend's points below the
        // mean are still "rising", as the MDC tool colours them.
        let values: Vec<f64> = (0..8).map(f64::from).chain([3.5, 3.5, 3.5, 3.5]).collect();
        let xmr = analyse(&values, Better::Higher, None);
        // Points 0, 1, 6 and 7 lie beyond the limits; 2 and 3 are below
        // the mean of 3.5, 4 and 5 above.
        for i in 2..6 {
            assert_eq!(
                xmr.signals[i].map(|s| (s.rule, s.side)),
                Some((Rule::Trend, Side::High)),
                "{i}"
            );
        }
    }

    #[test]
    fn assurance_against_a_target() {
        let steady = [
            20.0, 21.0, 20.0, 21.0, 20.0, 21.0, 20.0, 21.0, 20.0, 21.0, 20.0, 21.0,
        ];
        let verdict = |better, target| analyse(&steady, better, Some(target)).assurance;
        assert_eq!(
            verdict(Better::Lower, 30.0),
            Some(Assurance::ConsistentlyMeets)
        );
        assert_eq!(
            verdict(Better::Lower, 10.0),
            Some(Assurance::ConsistentlyFails)
        );
        assert_eq!(verdict(Better::Lower, 20.5), Some(Assurance::HitAndMiss));
        assert_eq!(
            verdict(Better::Higher, 10.0),
            Some(Assurance::ConsistentlyMeets)
        );
    }

    proptest! {
        #[test]
        fn limits_are_symmetric_around_the_mean(values in proptest::collection::vec(0.0f64..100.0, 12..40)) {
            let xmr = analyse(&values, Better::Higher, None);
            let limits = xmr.limits.unwrap();
            prop_assert!(((limits.upper - xmr.mean) - (xmr.mean - limits.lower)).abs() < 1e-9);
            prop_assert!(limits.upper >= limits.lower);
            prop_assert_eq!(xmr.signals.len(), values.len());
        }

        #[test]
        fn a_constant_series_signals_nothing(value in 0.0f64..100.0, n in 12usize..40) {
            let xmr = analyse(&vec![value; n], Better::Lower, None);
            prop_assert!(xmr.signals.iter().all(Option::is_none));
            prop_assert_eq!(xmr.variation, Variation::CommonCause);
        }

        #[test]
        fn mirroring_a_series_mirrors_its_verdict(values in proptest::collection::vec(0.0f64..100.0, 12..30)) {
            let mirrored: Vec<f64> = values.iter().map(|v| -v).collect();
            let a = analyse(&values, Better::Higher, None);
            let b = analyse(&mirrored, Better::Lower, None);
            prop_assert_eq!(a.variation, b.variation);
        }
    }
}
