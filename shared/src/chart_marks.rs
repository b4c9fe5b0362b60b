//! What a team's members set on one of its run charts: a new baseline from
//! a month, for a reason (Making Data Count asks for one), with the limits
//! optionally fixed on its first months; and a factual note on a month,
//! optionally linked to one of the team's lessons or canvases. The rules
//! for what is typed; storing is the store's.

use crate::i18n::Text;
use crate::validation::Problems;
use crate::Month;
use serde::{Deserialize, Serialize};

/// Longest reason for a baseline.
pub const REASON_MAX_CHARS: usize = 200;
/// Longest note on a month.
pub const NOTE_MAX_CHARS: usize = 500;

/// A baseline as accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineInput {
    pub month: Month,
    pub reason: String,
    pub fixed_after: Option<u32>,
}

/// What a note on a month may point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteLink {
    Lesson(i32),
    Canvas(i32),
}

impl NoteLink {
    /// The code a form sends: `les-12`, `canvas-3`.
    pub fn code(self) -> String {
        match self {
            NoteLink::Lesson(id) => format!("les-{id}"),
            NoteLink::Canvas(id) => format!("canvas-{id}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let (kind, id) = code.split_once('-')?;
        let id = id.parse().ok().filter(|id| *id > 0)?;
        match kind {
            "les" => Some(NoteLink::Lesson(id)),
            "canvas" => Some(NoteLink::Canvas(id)),
            _ => None,
        }
    }
}

/// A note as accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteInput {
    pub month: Month,
    pub text: String,
    pub link: Option<NoteLink>,
}

/// The baseline form as typed: its fields are the form's field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineForm {
    pub month: String,
    pub reason: String,
    pub fixed_after: String,
}

impl BaselineForm {
    /// The checked baseline on a chart of `months` (`baseline`).
    pub fn check(&self, months: &[Month]) -> Result<BaselineInput, Problems> {
        baseline(&self.month, &self.reason, &self.fixed_after, months)
    }
}

/// The month-note form as typed: its fields are the form's field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthNoteForm {
    pub month: String,
    pub text: String,
    /// `les-12`, `canvas-3`, or empty.
    #[serde(default)]
    pub link: String,
}

impl MonthNoteForm {
    /// The checked note on a chart of `months` (`note`).
    pub fn check(&self, months: &[Month]) -> Result<NoteInput, Problems> {
        note(&self.month, &self.text, &self.link, months)
    }
}

/// One of the chart's `months`, as typed (YYYY-MM).
fn month(typed: &str, months: &[Month], problems: &mut Problems) -> Option<Month> {
    match typed.trim().parse::<Month>() {
        Ok(m) if months.contains(&m) => Some(m),
        _ => {
            problems.push(("month", Text::MarkMonthInvalid.into()));
            None
        }
    }
}

/// A baseline as typed: a month of the chart, a reason, and an optional
/// number of months to fix the limits on (at least 12, at most the
/// analysed window).
pub fn baseline(
    typed_month: &str,
    reason: &str,
    fixed_after: &str,
    months: &[Month],
) -> Result<BaselineInput, Problems> {
    let mut problems = Vec::new();
    let month = month(typed_month, months, &mut problems);
    if let Err(m) = crate::validation::text(reason, REASON_MAX_CHARS) {
        problems.push(("reason", m));
    }
    let fixed = match fixed_after.trim() {
        "" => None,
        typed => match typed.parse::<u32>() {
            Ok(n)
                if (crate::stats::xmr::MIN_FIXED_POINTS
                    ..=crate::stats::chart::ANALYSED_MONTHS as u32)
                    .contains(&n) =>
            {
                Some(n)
            }
            _ => {
                problems.push(("fixed_after", Text::BaselineFixedInvalid.into()));
                None
            }
        },
    };
    match month {
        Some(month) if problems.is_empty() => Ok(BaselineInput {
            month,
            reason: reason.trim().to_string(),
            fixed_after: fixed,
        }),
        _ => Err(problems),
    }
}

/// A note as typed: a month of the chart, its text, and an optional link
/// (`les-12`, `canvas-3`; empty for none).
pub fn note(
    typed_month: &str,
    text: &str,
    link: &str,
    months: &[Month],
) -> Result<NoteInput, Problems> {
    let mut problems = Vec::new();
    let month = month(typed_month, months, &mut problems);
    if let Err(m) = crate::validation::text(text, NOTE_MAX_CHARS) {
        problems.push(("text", m));
    }
    let link = match link.trim() {
        "" => None,
        code => {
            let link = NoteLink::from_code(code);
            if link.is_none() {
                problems.push(("link", Text::NoteLinkInvalid.into()));
            }
            link
        }
    };
    match month {
        Some(month) if problems.is_empty() => Ok(NoteInput {
            month,
            text: text.trim().to_string(),
            link,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn months() -> Vec<Month> {
        (0..24)
            .map(|i| Month::new(2025, 1).unwrap().plus(i))
            .collect()
    }

    #[test]
    fn a_baseline_needs_a_month_of_the_chart_and_a_reason() {
        let ok = baseline("2025-03", " Casusoverleg om de week ", "", &months()).unwrap();
        assert_eq!(ok.month, Month::new(2025, 3).unwrap());
        assert_eq!(ok.reason, "Casusoverleg om de week");
        assert_eq!(ok.fixed_after, None);
        let fields = |r: Result<BaselineInput, Problems>| -> Vec<&'static str> {
            r.unwrap_err().into_iter().map(|(f, _)| f).collect()
        };
        assert_eq!(
            fields(baseline("2030-01", "Reden", "", &months())),
            ["month"]
        );
        assert_eq!(
            fields(baseline("maart", "", "", &months())),
            ["month", "reason"]
        );
        assert_eq!(
            fields(baseline("2025-03", "Reden", "11", &months())),
            ["fixed_after"]
        );
        assert_eq!(
            fields(baseline("2025-03", "Reden", "25", &months())),
            ["fixed_after"]
        );
        assert_eq!(
            baseline("2025-03", "Reden", "12", &months())
                .unwrap()
                .fixed_after,
            Some(12)
        );
        // A BSN is refused in the reason, as in every text.
        assert_eq!(
            fields(baseline("2025-03", "Client 111222333", "", &months())),
            ["reason"]
        );
    }

    #[test]
    fn a_note_may_link_a_lesson_or_a_canvas() {
        let ok = note("2025-05", "Twee collega's ziek", "les-12", &months()).unwrap();
        assert_eq!(ok.link, Some(NoteLink::Lesson(12)));
        assert_eq!(
            note("2025-05", "Tekst", "canvas-3", &months())
                .unwrap()
                .link,
            Some(NoteLink::Canvas(3))
        );
        assert_eq!(note("2025-05", "Tekst", "", &months()).unwrap().link, None);
        let err = note("2025-05", "", "agenda-1", &months()).unwrap_err();
        let fields: Vec<&str> = err.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["text", "link"]);
        assert_eq!(NoteLink::from_code("les-0"), None);
    }

    proptest! {
        #[test]
        fn a_link_code_round_trips(id in 1i32..i32::MAX, canvas in any::<bool>()) {
            let link = if canvas { NoteLink::Canvas(id) } else { NoteLink::Lesson(id) };
            prop_assert_eq!(NoteLink::from_code(&link.code()), Some(link));
        }

        #[test]
        fn an_accepted_baseline_is_one_of_the_charts_months(typed in "[0-9]{4}-[0-9]{2}") {
            if let Ok(b) = baseline(&typed, "Reden", "", &months()) {
                prop_assert!(months().contains(&b.month));
            }
        }
    }
}
