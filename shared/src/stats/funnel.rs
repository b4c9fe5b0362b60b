//! Funnel plots: whether a team's proportion or mean differs from the
//! network's by more than chance, given how many cases it rests on. Small
//! teams get wide limits, so they are not ranked on noise. Teams differ
//! for real too (overdispersion): limits are widened by Spiegelhalter's
//! multiplicative factor when the teams' spread shows it (2005, "Funnel
//! plots for comparing institutional performance"; as FunnelPlotR does).

use serde::{Deserialize, Serialize};
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// z for two-sided 95% limits.
pub const Z95: f64 = 1.959_964;
/// z for two-sided 99.8% limits.
pub const Z998: f64 = 3.090_232;

/// The limits around a centre line for one denominator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelLimits {
    pub lower998: f64,
    pub lower95: f64,
    pub upper95: f64,
    pub upper998: f64,
}

/// Limits for a proportion around `centre` (0–1) with denominator `n`,
/// kept within 0–1.
pub fn proportion_limits(centre: f64, n: u32) -> FunnelLimits {
    inflated_proportion_limits(centre, n, 1.0)
}

/// `proportion_limits` with the standard error times `inflation`.
fn inflated_proportion_limits(centre: f64, n: u32, inflation: f64) -> FunnelLimits {
    let se = inflation * proportion_se(centre, n);
    let at = |z: f64| (centre + z * se).clamp(0.0, 1.0);
    FunnelLimits {
        lower998: at(-Z998),
        lower95: at(-Z95),
        upper95: at(Z95),
        upper998: at(Z998),
    }
}

/// Limits for a mean around `centre` with spread `sd` of single cases,
/// over `n` cases.
pub fn mean_limits(centre: f64, sd: f64, n: u32) -> FunnelLimits {
    let se = sd / f64::from(n.max(1)).sqrt();
    FunnelLimits {
        lower998: centre - Z998 * se,
        lower95: centre - Z95 * se,
        upper95: centre + Z95 * se,
        upper998: centre + Z998 * se,
    }
}

/// The spread of single cases behind means, estimated from group means
/// `(mean, n)` around `centre`: each group mean varies with variance σ²/n,
/// so Σ n·(mean − centre)² / (groups − 1) estimates σ². Groups without
/// cases are skipped; fewer than two groups give 0.
pub fn case_spread(groups: impl IntoIterator<Item = (f64, u32)>, centre: f64) -> f64 {
    let (mut sum, mut used) = (0.0, 0usize);
    for (mean, n) in groups.into_iter().filter(|&(_, n)| n > 0) {
        sum += f64::from(n) * (mean - centre).powi(2);
        used += 1;
    }
    if used < 2 {
        return 0.0;
    }
    (sum / (used - 1) as f64).sqrt()
}

/// The limits for a measure: a proportion's from its binomial spread, a
/// mean's from `spread`, both widened by `inflation` (√φ, or 1).
pub fn limits(centre: f64, n: u32, proportion: bool, spread: f64, inflation: f64) -> FunnelLimits {
    if proportion {
        inflated_proportion_limits(centre, n, inflation)
    } else {
        mean_limits(centre, spread * inflation, n)
    }
}

fn proportion_se(centre: f64, n: u32) -> f64 {
    (centre * (1.0 - centre) / f64::from(n.max(1))).sqrt()
}

/// A team's z-score against `centre`: how many standard errors (from the
/// within-team spread alone) its value lies away; `None` without a spread.
pub fn z_score(value: f64, centre: f64, n: u32, proportion: bool, spread: f64) -> Option<f64> {
    let se = if proportion {
        proportion_se(centre, n)
    } else {
        spread / f64::from(n.max(1)).sqrt()
    };
    (se > 0.0).then(|| (value - centre) / se)
}

/// The share of z-scores pulled in at each end before φ is estimated.
pub const WINSORISED: f64 = 0.1;

/// How much more the teams differ than chance alone would make them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overdispersion {
    /// φ: the mean squared winsorised z-score (1 under chance alone).
    pub phi: f64,
    /// The teams it was estimated from.
    pub teams: u32,
    /// Whether the limits are widened by √φ: when k·φ passes the 95 %
    /// point of χ² with k − 1 degrees of freedom.
    pub adjusted: bool,
}

impl Overdispersion {
    /// What the limits' standard errors are multiplied by.
    pub fn inflation(&self) -> f64 {
        if self.adjusted {
            self.phi.sqrt()
        } else {
            1.0
        }
    }
}

/// `z` with its lowest and highest `WINSORISED` share (rounded down)
/// replaced by the nearest value that stays.
pub fn winsorise(z: &[f64]) -> Vec<f64> {
    let mut sorted = z.to_vec();
    sorted.sort_by(f64::total_cmp);
    let cut = (z.len() as f64 * WINSORISED).floor() as usize;
    if sorted.is_empty() || 2 * cut >= sorted.len() {
        return z.to_vec();
    }
    let (low, high) = (sorted[cut], sorted[sorted.len() - 1 - cut]);
    z.iter().map(|v| v.clamp(low, high)).collect()
}

/// Spiegelhalter's multiplicative overdispersion of the teams' z-scores;
/// `None` below two teams.
pub fn overdispersion(z: &[f64]) -> Option<Overdispersion> {
    let k = z.len();
    if k < 2 {
        return None;
    }
    let phi = winsorise(z).iter().map(|v| v * v).sum::<f64>() / k as f64;
    let critical = ChiSquared::new(k as f64 - 1.0)
        .map(|c| c.inverse_cdf(0.95))
        .unwrap_or(f64::INFINITY);
    Some(Overdispersion {
        phi,
        teams: k as u32,
        adjusted: k as f64 * phi > critical,
    })
}

/// Where a unit lies in the funnel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FunnelPosition {
    Within,
    /// Between the 95% and 99.8% limits.
    AboveWarning,
    BelowWarning,
    /// Beyond the 99.8% limits.
    AboveControl,
    BelowControl,
}

pub fn position(value: f64, limits: &FunnelLimits) -> FunnelPosition {
    if value > limits.upper998 {
        FunnelPosition::AboveControl
    } else if value < limits.lower998 {
        FunnelPosition::BelowControl
    } else if value > limits.upper95 {
        FunnelPosition::AboveWarning
    } else if value < limits.lower95 {
        FunnelPosition::BelowWarning
    } else {
        FunnelPosition::Within
    }
}

impl FunnelPosition {
    pub fn label(self) -> &'static str {
        use crate::i18n::{t, Text};
        t(match self {
            FunnelPosition::Within => Text::FunnelWithin,
            FunnelPosition::AboveWarning => Text::FunnelAboveWarning,
            FunnelPosition::BelowWarning => Text::FunnelBelowWarning,
            FunnelPosition::AboveControl => Text::FunnelAboveControl,
            FunnelPosition::BelowControl => Text::FunnelBelowControl,
        })
    }

    /// Whether lying here is good news for a measure improving `better`;
    /// `None` within the limits.
    pub fn favourable(self, better: crate::results::Better) -> Option<bool> {
        use crate::results::Better;
        match self {
            FunnelPosition::Within => None,
            FunnelPosition::AboveWarning | FunnelPosition::AboveControl => {
                Some(better == Better::Higher)
            }
            FunnelPosition::BelowWarning | FunnelPosition::BelowControl => {
                Some(better == Better::Lower)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        // p = 0.5, n = 100: standard error 0.05.
        let l = proportion_limits(0.5, 100);
        assert!((l.upper95 - 0.598).abs() < 1e-3 && (l.lower95 - 0.402).abs() < 1e-3);
        assert!((l.upper998 - 0.6545).abs() < 1e-3);
        // Mean 7.5, sd 1.2, n = 36: standard error 0.2.
        let m = mean_limits(7.5, 1.2, 36);
        assert!((m.upper95 - 7.892).abs() < 1e-3 && (m.lower998 - 6.882).abs() < 1e-3);
        assert_eq!(position(0.7, &l), FunnelPosition::AboveControl);
        assert_eq!(position(0.62, &l), FunnelPosition::AboveWarning);
        assert_eq!(position(0.5, &l), FunnelPosition::Within);
        assert_eq!(position(0.3, &l), FunnelPosition::BelowControl);
    }

    #[test]
    fn overdispersion_known_answers() {
        // Ten z-scores: the lowest (−3) and highest (3) are pulled in to
        // −2 and 2; φ = 20.75 / 10 = 2.075; 10 × 2.075 = 20.75 > χ²₉(95 %)
        // = 16.919, so the limits widen by √2.075 = 1.4405.
        let z = [-3.0, -1.0, 0.0, 1.0, 3.0, 0.5, -0.5, 2.0, -2.0, 1.5];
        assert_eq!(winsorise(&z)[0], -2.0);
        assert_eq!(winsorise(&z)[4], 2.0);
        let od = overdispersion(&z).unwrap();
        assert!((od.phi - 2.075).abs() < 1e-12 && od.adjusted);
        assert!((od.inflation() - 2.075f64.sqrt()).abs() < 1e-12);
        // Chance alone: z of about one, no widening.
        let calm = [-1.0, 1.0, -0.5, 0.5, 0.0, 1.2, -1.2, 0.8, -0.8, 0.3];
        let od = overdispersion(&calm).unwrap();
        assert!(!od.adjusted && od.inflation() == 1.0, "{od:?}");
        assert_eq!(overdispersion(&[1.0]), None);
        // A widened funnel: p = 0.5, n = 100, φ = 4 doubles the width.
        let wide = limits(0.5, 100, true, 0.0, 2.0);
        assert!((wide.upper95 - (0.5 + 2.0 * Z95 * 0.05)).abs() < 1e-12);
        assert!((z_score(0.6, 0.5, 100, true, 0.0).unwrap() - 2.0).abs() < 1e-9);
        assert_eq!(z_score(8.0, 7.5, 36, false, 0.0), None);
    }

    #[test]
    fn spread_known_answer() {
        // Means 7 and 9 over 4 cases each around 8: (4 + 4) / 1 = 8.
        assert!((case_spread([(7.0, 4), (9.0, 4), (3.0, 0)], 8.0) - 8f64.sqrt()).abs() < 1e-12);
        assert_eq!(case_spread([(7.0, 4)], 7.0), 0.0);
    }

    proptest! {
        #[test]
        fn limits_narrow_as_n_grows(p in 0.05f64..0.95, n in 1u32..10_000) {
            let small = proportion_limits(p, n);
            let large = proportion_limits(p, n * 4);
            prop_assert!(large.upper95 - large.lower95 <= small.upper95 - small.lower95 + 1e-12);
            prop_assert!(small.lower998 <= small.lower95 && small.lower95 <= p && p <= small.upper95 && small.upper95 <= small.upper998);
        }

        #[test]
        fn mean_limits_are_symmetric(c in 0.0f64..100.0, sd in 0.0f64..20.0, n in 1u32..1000) {
            let l = mean_limits(c, sd, n);
            prop_assert!(((l.upper95 - c) - (c - l.lower95)).abs() < 1e-9);
            prop_assert!(((l.upper998 - c) - (c - l.lower998)).abs() < 1e-9);
        }
    }
}
