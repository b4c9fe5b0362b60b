//! What a team records per month: aggregates only, never a client record.
//! Derived figures are computed here, never typed in.

use crate::Month;
use serde::{Deserialize, Serialize};

/// One month of a team's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyResult {
    pub month: Month,
    /// Clients whose help started this month.
    pub started: u32,
    /// Mean days from aanmelding to start of help, over `started`.
    pub mean_wait_days: Option<f64>,
    /// Clients whose help ended this month.
    pub ended: u32,
    /// Of `ended`, how many continue without help.
    pub without_help: u32,
    /// Mean client grade 1–10 over `client_responses`.
    pub client_grade: Option<f64>,
    pub client_responses: u32,
    /// Of `ended`, how many ended early and one-sidedly (optional indicator).
    pub uitval: Option<u32>,
    /// Of `ended`, how many met their goals (optional indicator).
    pub doelrealisatie: Option<u32>,
}

impl MonthlyResult {
    /// Share (0–1) of ended clients who continue without help.
    pub fn share_without_help(&self) -> Option<f64> {
        share(self.without_help, self.ended)
    }

    /// The clients a share measure counts, out of `ended`: `None` for a
    /// mean, or for an optional indicator the team did not record.
    pub fn share_part(&self, measure: crate::network::Measure) -> Option<u32> {
        use crate::network::Measure;
        match measure {
            Measure::WithoutHelp => Some(self.without_help),
            Measure::Uitval => self.uitval,
            Measure::Doelrealisatie => self.doelrealisatie,
            Measure::Wait | Measure::ClientGrade => None,
        }
    }
}

/// `part / whole`, or `None` when there is no whole.
pub fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// Which way a measure improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Better {
    /// E.g. the wait: shorter is better.
    Lower,
    /// E.g. the share without help, grades: higher is better.
    Higher,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_without_help_is_derived() {
        let o = MonthlyResult {
            month: Month::new(2026, 1).unwrap(),
            started: 12,
            mean_wait_days: Some(9.5),
            ended: 20,
            without_help: 15,
            client_grade: Some(7.8),
            client_responses: 11,
            uitval: None,
            doelrealisatie: None,
        };
        assert_eq!(o.share_without_help(), Some(0.75));
        assert_eq!(share(0, 0), None);
    }
}
