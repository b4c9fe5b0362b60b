//! The anonymous survey among a team's professionals about their
//! collaboration. Answers are only ever kept as per-period sums, so no
//! stored answer points to a member; a result shows from three answers on,
//! even inside the team.

use crate::i18n::Text;
use crate::suppression::{Figure, SuppressionPolicy};
use crate::Month;
use serde::{Deserialize, Serialize};

/// Fewest answers for a survey result to show, inside the team too.
pub const MIN_RESPONDENTS: u32 = 3;
/// How many months back (besides this one) a member may still answer.
pub const MONTHS_OPEN: i32 = 2;
/// The agreement scale of the four items: 1 (helemaal oneens) to 5.
pub const SCALE_MAX: u32 = 5;

/// The statements a member rates, in the order they are asked.
pub const ITEMS: [&str; 4] = ["know_whom", "information", "vision", "tools"];

/// One member's answer, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyAnswer {
    pub month: Month,
    /// Overall grade, 1–10.
    pub grade: u32,
    /// The four items, each 1–5, in `ITEMS` order.
    pub items: [u32; 4],
}

/// The months a member may answer for in `this_month`, newest first.
pub fn open_months(this_month: Month) -> Vec<Month> {
    (0..=MONTHS_OPEN).map(|i| this_month.plus(-i)).collect()
}

/// A survey form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyInput<'a> {
    pub month: &'a str,
    pub grade: &'a str,
    /// In `ITEMS` order.
    pub items: [&'a str; 4],
}

/// Checks an answer: every problem, or the answer.
pub fn answer(
    input: &SurveyInput,
    this_month: Month,
) -> Result<SurveyAnswer, crate::validation::Problems> {
    let mut problems = Vec::new();
    let month = input.month.trim().parse::<Month>().ok();
    if !month.is_some_and(|m| open_months(this_month).contains(&m)) {
        problems.push(("month", Text::InvalidSurveyMonth.into()));
    }
    let grade = match input.grade.trim().parse::<u32>() {
        Ok(g) if (1..=10).contains(&g) => Some(g),
        _ => {
            problems.push(("grade", Text::InvalidSurveyGrade.into()));
            None
        }
    };
    let mut items = [0; 4];
    for (i, typed) in input.items.iter().enumerate() {
        match typed.trim().parse::<u32>() {
            Ok(v) if (1..=SCALE_MAX).contains(&v) => items[i] = v,
            _ => problems.push((ITEMS[i], Text::InvalidChooseAnswer.into())),
        }
    }
    match (month, grade) {
        (Some(month), Some(grade)) if problems.is_empty() => Ok(SurveyAnswer {
            month,
            grade,
            items,
        }),
        _ => Err(problems),
    }
}

/// The answers of one team in one period, as stored: sums only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub respondents: u32,
    pub grade_sum: u32,
    pub item_sums: [u32; 4],
}

impl Tally {
    /// The tally with one more answer.
    pub fn with(self, answer: &SurveyAnswer) -> Tally {
        let mut item_sums = self.item_sums;
        for (sum, value) in item_sums.iter_mut().zip(answer.items) {
            *sum += value;
        }
        Tally {
            respondents: self.respondents + 1,
            grade_sum: self.grade_sum + answer.grade,
            item_sums,
        }
    }
}

/// A period's survey result as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResult {
    pub month: Month,
    pub respondents: u32,
    pub grade: Figure,
    /// In `ITEMS` order.
    pub items: [Figure; 4],
}

/// Whether answers about `month` can no longer come in by `this_month`.
pub fn closed(month: Month, this_month: Month) -> bool {
    month < this_month.plus(-MONTHS_OPEN)
}

/// The result of a tally: hidden while answers about its month can still
/// come in (one read before and one after a colleague's answer would give
/// that answer away), below `MIN_RESPONDENTS`, and under the viewer's
/// suppression policy as any mean.
pub fn result(
    month: Month,
    tally: Tally,
    policy: SuppressionPolicy,
    this_month: Month,
) -> SurveyResult {
    let mean = |sum: u32| {
        if tally.respondents == 0 {
            Figure::NoData
        } else if tally.respondents < MIN_RESPONDENTS || !closed(month, this_month) {
            Figure::Hidden
        } else {
            policy.mean(
                Some(f64::from(sum) / f64::from(tally.respondents)),
                tally.respondents,
            )
        }
    };
    SurveyResult {
        month,
        respondents: tally.respondents,
        grade: mean(tally.grade_sum),
        items: tally.item_sums.map(mean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn month(s: &str) -> Month {
        s.parse().unwrap()
    }

    /// The first month by which `m` is closed to answers.
    fn later(m: Month) -> Month {
        m.plus(MONTHS_OPEN + 1)
    }

    #[test]
    fn a_month_shows_nothing_while_answers_can_still_come_in() {
        let m = month("2026-09");
        let a = SurveyAnswer {
            month: m,
            grade: 8,
            items: [4, 4, 4, 4],
        };
        let three = Tally::default().with(&a).with(&a).with(&a);
        for now in [m, m.plus(1), m.plus(MONTHS_OPEN)] {
            assert!(open_months(now).contains(&m));
            let open = result(m, three, SuppressionPolicy::OWN_TEAM, now);
            assert_eq!(open.grade, Figure::Hidden, "{now}");
            assert!(open.items.iter().all(|f| *f == Figure::Hidden));
        }
        assert!(!open_months(later(m)).contains(&m));
        assert_eq!(
            result(m, three, SuppressionPolicy::OWN_TEAM, later(m)).grade,
            Figure::Value(8.0)
        );
    }

    #[test]
    fn known_answers() {
        let now = month("2026-11");
        assert_eq!(
            open_months(now),
            vec![month("2026-11"), month("2026-10"), month("2026-09")]
        );
        let good = SurveyInput {
            month: "2026-10",
            grade: "8",
            items: ["4", "3", "5", "2"],
        };
        let a = answer(&good, now).unwrap();
        assert_eq!((a.grade, a.items), (8, [4, 3, 5, 2]));
        let fields = |input: &SurveyInput| match answer(input, now) {
            Ok(_) => vec![],
            Err(p) => p.into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        };
        assert_eq!(
            fields(&SurveyInput {
                month: "2026-08",
                grade: "11",
                items: ["4", "", "6", "2"],
            }),
            vec!["month", "grade", "information", "vision"]
        );
        assert_eq!(
            fields(&SurveyInput {
                month: "2026-12",
                ..good.clone()
            }),
            vec!["month"]
        );

        let two = Tally::default().with(&a).with(&a);
        let hidden = result(a.month, two, SuppressionPolicy::OWN_TEAM, later(a.month));
        assert_eq!((hidden.respondents, hidden.grade), (2, Figure::Hidden));
        let b = SurveyAnswer {
            grade: 5,
            items: [1, 1, 1, 1],
            ..a
        };
        let three = two.with(&b);
        let shown = result(a.month, three, SuppressionPolicy::OWN_TEAM, later(a.month));
        assert_eq!(shown.grade, Figure::Value(7.0));
        assert_eq!(shown.items[2], Figure::Value(11.0 / 3.0));
        // Outside the team a mean over fewer than 10 stays hidden.
        assert_eq!(
            result(a.month, three, SuppressionPolicy::default(), later(a.month)).grade,
            Figure::Hidden
        );
        assert_eq!(
            result(
                a.month,
                Tally::default(),
                SuppressionPolicy::OWN_TEAM,
                later(a.month)
            )
            .grade,
            Figure::NoData
        );
    }

    proptest! {
        #[test]
        fn fewer_than_three_answers_never_show(answers in proptest::collection::vec((1u32..=10, [1u32..=5, 1u32..=5, 1u32..=5, 1u32..=5]), 0..6)) {
            let m = month("2026-10");
            let tally = answers.iter().fold(Tally::default(), |t, (grade, items)| {
                t.with(&SurveyAnswer { month: m, grade: *grade, items: *items })
            });
            let shown = result(m, tally, SuppressionPolicy::OWN_TEAM, later(m));
            prop_assert_eq!(shown.respondents as usize, answers.len());
            if answers.len() < MIN_RESPONDENTS as usize {
                prop_assert!(shown.grade.value().is_none());
                prop_assert!(shown.items.iter().all(|f| f.value().is_none()));
            } else {
                let g = shown.grade.value().unwrap();
                prop_assert!((1.0..=10.0).contains(&g));
                for f in shown.items {
                    prop_assert!((1.0..=5.0).contains(&f.value().unwrap()));
                }
            }
        }
    }
}
