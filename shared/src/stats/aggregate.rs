//! Adding teams up into wijken, gemeenten and the network: counts are
//! summed, means weighted by the cases they rest on, shares recomputed from
//! the summed counts (never averaged). A month enters a total only as the
//! viewer's suppression policy shows it (`Totals::add_as`), so a total
//! never tells more than its parts (see `suppression`).

use crate::network::Measure;
use crate::results::MonthlyResult;
use crate::suppression::{Figure, SuppressionPolicy};
use serde::{Deserialize, Serialize};

/// The clients a share counts and the ended clients it is out of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareSum {
    pub part: u32,
    pub cases: u32,
}

impl ShareSum {
    fn merge(&mut self, other: ShareSum) {
        self.part += other.part;
        self.cases += other.cases;
    }
}

/// Summed results of several teams (or months).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub teams: u32,
    pub started: u32,
    /// Σ started × mean wait, over months that have a wait.
    pub wait_day_sum: f64,
    /// Σ started, over months that have a wait.
    pub wait_cases: u32,
    pub ended: u32,
    /// Clients who continue without help, over months that show the share.
    pub without_help: ShareSum,
    /// Clients who dropped out, over months that show uitval.
    pub uitval: ShareSum,
    /// Clients who met their goals, over months that show doelrealisatie.
    pub goals_met: ShareSum,
    pub client_responses: u32,
    /// Σ responses × grade, over months that have a grade.
    pub grade_sum: f64,
    /// Σ responses, over months that have a grade.
    pub grade_cases: u32,
}

impl Totals {
    /// Adds one team's month as `policy` shows it: a count only when it is
    /// shown as it is, a mean or share only when the month's own figure is
    /// shown. With `SuppressionPolicy::OWN_TEAM` everything is added.
    pub fn add_as(&mut self, o: &MonthlyResult, policy: SuppressionPolicy) {
        let count = |n: u32| if policy.shows_count(n) { n } else { 0 };
        self.started += count(o.started);
        self.ended += count(o.ended);
        self.client_responses += count(o.client_responses);
        if let Figure::Value(wait) = policy.month(o, Measure::Wait) {
            self.wait_day_sum += wait * f64::from(o.started);
            self.wait_cases += o.started;
        }
        for measure in [
            Measure::WithoutHelp,
            Measure::Uitval,
            Measure::Doelrealisatie,
        ] {
            if let (Figure::Value(_), Some(part)) =
                (policy.month(o, measure), o.share_part(measure))
            {
                self.share_mut(measure).merge(ShareSum {
                    part,
                    cases: o.ended,
                });
            }
        }
        if let Figure::Value(grade) = policy.month(o, Measure::ClientGrade) {
            self.grade_sum += grade * f64::from(o.client_responses);
            self.grade_cases += o.client_responses;
        }
    }

    fn share_mut(&mut self, measure: Measure) -> &mut ShareSum {
        match measure {
            Measure::Uitval => &mut self.uitval,
            Measure::Doelrealisatie => &mut self.goals_met,
            _ => &mut self.without_help,
        }
    }

    /// The summed share behind a share measure.
    pub fn share(&self, measure: Measure) -> ShareSum {
        match measure {
            Measure::Uitval => self.uitval,
            Measure::Doelrealisatie => self.goals_met,
            _ => self.without_help,
        }
    }

    /// Adds another group's totals.
    pub fn merge(&mut self, other: &Totals) {
        self.teams += other.teams;
        self.started += other.started;
        self.wait_day_sum += other.wait_day_sum;
        self.wait_cases += other.wait_cases;
        self.ended += other.ended;
        self.without_help.merge(other.without_help);
        self.uitval.merge(other.uitval);
        self.goals_met.merge(other.goals_met);
        self.client_responses += other.client_responses;
        self.grade_sum += other.grade_sum;
        self.grade_cases += other.grade_cases;
    }

    /// Mean wait in days, weighted by clients started; with its n.
    pub fn mean_wait(&self) -> (Option<f64>, u32) {
        let n = self.wait_cases;
        ((n > 0).then(|| self.wait_day_sum / f64::from(n)), n)
    }

    /// Share of ended clients who continue without help; with its n.
    pub fn share_without_help(&self) -> (Option<f64>, u32) {
        let s = self.without_help;
        (crate::results::share(s.part, s.cases), s.cases)
    }

    /// Mean client grade weighted by responses; with its n.
    pub fn client_grade(&self) -> (Option<f64>, u32) {
        let n = self.grade_cases;
        ((n > 0).then(|| self.grade_sum / f64::from(n)), n)
    }
}

impl Totals {
    /// The value of `measure` and the cases it rests on.
    pub fn value(&self, measure: Measure) -> (Option<f64>, u32) {
        match measure {
            Measure::Wait => self.mean_wait(),
            Measure::ClientGrade => self.client_grade(),
            share => {
                let s = self.share(share);
                (crate::results::share(s.part, s.cases), s.cases)
            }
        }
    }

    /// The value of `measure` as `policy` lets it be shown.
    pub fn figure(&self, measure: Measure, policy: SuppressionPolicy) -> Figure {
        match measure {
            share if share.is_share() => {
                let s = self.share(share);
                policy.share(s.part, s.cases)
            }
            _ => {
                let (value, n) = self.value(measure);
                policy.mean(value, n)
            }
        }
    }
}

/// The totals of the given months (of one or more teams), as `policy`
/// shows them.
pub fn totals<'a>(
    months: impl IntoIterator<Item = &'a MonthlyResult>,
    policy: SuppressionPolicy,
) -> Totals {
    let mut totals = Totals::default();
    for o in months {
        totals.add_as(o, policy);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;
    use proptest::prelude::*;

    /// The totals as the team itself sees them: nothing hidden.
    fn everything(months: &[MonthlyResult]) -> Totals {
        totals(months, SuppressionPolicy::OWN_TEAM)
    }

    #[test]
    fn an_outsider_total_holds_only_months_it_shows() {
        let small = month(7, 30.0, 4, 4, 3, 9.0);
        let large = month(20, 10.0, 12, 6, 10, 7.0);
        let t = totals(&[small, large], SuppressionPolicy::default());
        // The small month's wait, share and grade stay out; so do its
        // counts under five (ended 4, responses 3), but not its started 7.
        assert_eq!(t.mean_wait(), (Some(10.0), 20));
        assert_eq!(t.share_without_help(), (Some(0.5), 12));
        assert_eq!(t.client_grade(), (Some(7.0), 10));
        assert_eq!((t.started, t.ended, t.client_responses), (27, 12, 10));
    }

    #[test]
    fn the_nji_indicators_add_up_over_the_months_that_record_them() {
        let mut recorded = month(12, 10.0, 20, 10, 12, 7.0);
        recorded.uitval = Some(2);
        recorded.doelrealisatie = Some(15);
        let mut small = month(12, 10.0, 8, 4, 12, 7.0);
        small.uitval = Some(1);
        // Ended 30 without a recorded uitval: it stays out of the base.
        let unrecorded = month(12, 10.0, 30, 10, 12, 7.0);
        let all = [recorded, small, unrecorded];
        let t = totals(&all, SuppressionPolicy::default());
        assert_eq!(t.uitval, ShareSum { part: 2, cases: 20 });
        assert_eq!(t.value(Measure::Uitval), (Some(0.1), 20));
        assert_eq!(t.value(Measure::Doelrealisatie), (Some(0.75), 20));
        assert_eq!(t.share_without_help(), (Some(20.0 / 50.0), 50));
        let own = everything(&all);
        assert_eq!(own.uitval, ShareSum { part: 3, cases: 28 });
        assert_eq!(
            Totals::default().figure(Measure::Uitval, SuppressionPolicy::default()),
            Figure::NoData
        );
    }

    fn month(
        started: u32,
        wait: f64,
        ended: u32,
        without: u32,
        responses: u32,
        grade: f64,
    ) -> MonthlyResult {
        MonthlyResult {
            month: Month::new(2026, 10).unwrap(),
            started,
            mean_wait_days: (started > 0).then_some(wait),
            ended,
            without_help: without.min(ended),
            client_grade: (responses > 0).then_some(grade),
            client_responses: responses,
            uitval: None,
            doelrealisatie: None,
        }
    }

    #[test]
    fn known_answer() {
        // 10 clients at 20 days and 30 at 40 days wait 35 days on average.
        let t = everything(&[
            month(10, 20.0, 10, 5, 4, 6.0),
            month(30, 40.0, 30, 27, 12, 8.0),
        ]);
        assert_eq!(t.mean_wait(), (Some(35.0), 40));
        assert_eq!(t.share_without_help(), (Some(0.8), 40));
        assert_eq!(t.client_grade(), (Some(7.5), 16));
        assert_eq!(everything(&[]).mean_wait(), (None, 0));
    }

    fn arb_month() -> impl Strategy<Value = MonthlyResult> {
        (
            0u32..50,
            0.0f64..100.0,
            0u32..50,
            0u32..50,
            0u32..50,
            1.0f64..10.0,
        )
            .prop_map(|(s, w, e, wh, r, g)| month(s, w, e, wh, r, g))
    }

    proptest! {
        #[test]
        fn a_weighted_mean_lies_between_its_parts(months in proptest::collection::vec(arb_month(), 1..12)) {
            let t = everything(&months);
            if let (Some(wait), _) = t.mean_wait() {
                let waits: Vec<f64> = months.iter().filter(|m| m.started > 0).filter_map(|m| m.mean_wait_days).collect();
                let (lo, hi) = waits.iter().fold((f64::MAX, f64::MIN), |(lo, hi), w| (lo.min(*w), hi.max(*w)));
                prop_assert!(wait >= lo - 1e-9 && wait <= hi + 1e-9);
            }
        }

        #[test]
        fn grouping_does_not_change_the_total(months in proptest::collection::vec(arb_month(), 2..12), split in 1usize..11) {
            let split = split.min(months.len() - 1);
            let mut grouped = everything(&months[..split]);
            grouped.merge(&everything(&months[split..]));
            let whole = everything(&months);
            prop_assert_eq!(grouped.ended, whole.ended);
            prop_assert_eq!(grouped.share_without_help(), whole.share_without_help());
            let (a, b) = (grouped.mean_wait().0, whole.mean_wait().0);
            let same = match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-6,
                (None, None) => true,
                _ => false,
            };
            prop_assert!(same);
        }
    }
}
