//! The bestuurderstafel's rules: the verdict icons bestuurders read (a
//! letter in a shape, never colour alone), the network's targets per
//! measure, and the checks of a knelpunt answer and of a dialogue note with
//! its follow-up actions.

use crate::i18n::{t, Message, Text};
use crate::network::{KnelpuntStatus, Measure};
use crate::stats::xmr::{Assurance, Variation};
use crate::validation::{
    date, decimal, text, Problems, NAME_MAX_CHARS, TEXT_MAX_CHARS, WAIT_MAX_DAYS,
};
use serde::{Deserialize, Serialize};

/// A verdict as an icon: a letter inside a shape (a CSS class), and the
/// verdict in words for screen readers and the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Icon {
    pub letter: &'static str,
    /// `circle`, `square`, `diamond` or `dash`: the shape, and the tone.
    pub shape: &'static str,
    pub label: &'static str,
}

/// The icon of a variation verdict.
pub fn variation_icon(variation: Variation) -> Icon {
    let (letter, shape, label) = match variation {
        Variation::CommonCause => ("G", "circle", Text::VariationCommon),
        Variation::SpecialCauseImprovement => ("V", "square", Text::VariationImprovement),
        Variation::SpecialCauseConcern => ("Z", "diamond", Text::VariationConcern),
        Variation::NotEnoughData => ("–", "dash", Text::VariationTooFew),
    };
    Icon {
        letter,
        shape,
        label: t(label),
    }
}

/// The icon of an assurance verdict; `None` means no target is set.
pub fn assurance_icon(assurance: Option<Assurance>) -> Icon {
    let (letter, shape, label) = match assurance {
        Some(Assurance::ConsistentlyMeets) => ("H", "square", Text::AssuranceMeets),
        Some(Assurance::HitAndMiss) => ("W", "circle", Text::AssuranceHitAndMiss),
        Some(Assurance::ConsistentlyFails) => ("N", "diamond", Text::AssuranceFails),
        None => ("–", "dash", Text::AssuranceNone),
    };
    Icon {
        letter,
        shape,
        label: t(label),
    }
}

/// A target as typed for `measure`: `Ok(None)` when empty (no target);
/// days 0–730, a percentage 0–100 (stored as a share), a grade 1–10.
pub fn target(measure: Measure, typed: &str) -> Result<Option<f64>, Message> {
    let Some(value) = decimal(typed)? else {
        return Ok(None);
    };
    let (low, high, message) = match measure {
        Measure::Wait => (
            0.0,
            WAIT_MAX_DAYS,
            Text::InvalidWaitRange.with(WAIT_MAX_DAYS),
        ),
        Measure::ClientGrade => (1.0, 10.0, Text::InvalidGradeRange.into()),
        _ => (0.0, 100.0, Text::InvalidPercentageRange.into()),
    };
    if !(low..=high).contains(&value) {
        return Err(message);
    }
    Ok(Some(if measure.is_share() {
        value / 100.0
    } else {
        value
    }))
}

/// A stored target as the form shows it again (a share as a percentage).
pub fn target_text(measure: Measure, value: f64) -> String {
    let shown = if measure.is_share() {
        value * 100.0
    } else {
        value
    };
    let text = format!("{shown:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// Every problem with a bestuurder's answer to a knelpunt.
pub fn answer(status: &str, body: &str) -> Problems {
    let mut problems = Vec::new();
    if KnelpuntStatus::from_code(status).is_none() {
        problems.push(("status", Text::InvalidChooseStatus.into()));
    }
    if let Err(m) = text(body, TEXT_MAX_CHARS) {
        problems.push(("body", m));
    }
    problems
}

/// The most follow-up actions one note holds.
pub const MAX_ACTIONS: usize = 3;

/// The form fields of the follow-up action rows: (description, owner, due).
pub const ACTION_FIELDS: [[&str; 3]; MAX_ACTIONS] = [
    [
        "actions[0][description]",
        "actions[0][owner]",
        "actions[0][due_on]",
    ],
    [
        "actions[1][description]",
        "actions[1][owner]",
        "actions[1][due_on]",
    ],
    [
        "actions[2][description]",
        "actions[2][owner]",
        "actions[2][due_on]",
    ],
];

/// A follow-up action as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionInput {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
}

/// A checked follow-up action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub description: String,
    pub owner: String,
    /// (year, month, day).
    pub due_on: (i32, u32, u32),
}

/// A dialogue note's own fields as typed (its action rows are
/// `ActionInput`s): the struct's fields are the form's field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NoteFields {
    pub held_on: String,
    pub attendees: String,
    pub conclusions: String,
}

/// A checked dialogue note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub held_on: (i32, u32, u32),
    pub attendees: String,
    pub conclusions: String,
    pub actions: Vec<Action>,
}

/// Checks a dialogue note: a meeting date, who was there, what was
/// concluded; an action row left empty is skipped, a started one needs a
/// description, an owner and a due date.
pub fn note(input: &NoteFields, actions: &[ActionInput]) -> Result<Note, Problems> {
    let mut problems = Problems::new();
    let held_on = match date(&input.held_on) {
        Ok(Some(day)) => Some(day),
        Ok(None) => {
            problems.push(("held_on", Text::InvalidMeetingDateMissing.into()));
            None
        }
        Err(m) => {
            problems.push(("held_on", m));
            None
        }
    };
    for (field, value) in [
        ("attendees", &input.attendees),
        ("conclusions", &input.conclusions),
    ] {
        if let Err(m) = text(value, TEXT_MAX_CHARS) {
            problems.push((field, m));
        }
    }
    if actions.len() > MAX_ACTIONS {
        problems.push((
            ACTION_FIELDS[0][0],
            Text::InvalidTooManyActions.with(MAX_ACTIONS),
        ));
    }
    let mut checked = Vec::new();
    for (row, action) in actions.iter().enumerate().take(MAX_ACTIONS) {
        let [description, owner, due] = ACTION_FIELDS[row];
        let blank = |s: &str| s.trim().is_empty();
        if blank(&action.description) && blank(&action.owner) && blank(&action.due_on) {
            continue;
        }
        let mut ok = true;
        if let Err(m) = text(&action.description, TEXT_MAX_CHARS) {
            problems.push((description, m));
            ok = false;
        }
        if let Err(m) = text(&action.owner, NAME_MAX_CHARS) {
            problems.push((owner, m));
            ok = false;
        }
        let due_on = match date(&action.due_on) {
            Ok(Some(day)) => Some(day),
            Ok(None) => {
                problems.push((due, Text::InvalidActionDueMissing.into()));
                None
            }
            Err(m) => {
                problems.push((due, m));
                None
            }
        };
        if let (true, Some(due_on)) = (ok, due_on) {
            checked.push(Action {
                description: action.description.trim().to_string(),
                owner: action.owner.trim().to_string(),
                due_on,
            });
        }
    }
    match (problems.is_empty(), held_on) {
        (true, Some(held_on)) => Ok(Note {
            held_on,
            attendees: input.attendees.trim().to_string(),
            conclusions: input.conclusions.trim().to_string(),
            actions: checked,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn action(description: &str, owner: &str, due_on: &str) -> ActionInput {
        ActionInput {
            description: description.into(),
            owner: owner.into(),
            due_on: due_on.into(),
        }
    }

    #[test]
    fn icons_differ_in_letter_and_shape_not_colour_alone() {
        let variations = [
            Variation::CommonCause,
            Variation::SpecialCauseImprovement,
            Variation::SpecialCauseConcern,
            Variation::NotEnoughData,
        ]
        .map(variation_icon);
        let assurances = [
            Some(Assurance::ConsistentlyMeets),
            Some(Assurance::HitAndMiss),
            Some(Assurance::ConsistentlyFails),
            None,
        ]
        .map(assurance_icon);
        for icons in [variations, assurances] {
            for (i, a) in icons.iter().enumerate() {
                for b in &icons[i + 1..] {
                    assert_ne!(a.letter, b.letter);
                    assert_ne!(a.shape, b.shape);
                    assert_ne!(a.label, b.label);
                }
            }
        }
    }

    #[test]
    fn targets_per_measure() {
        assert_eq!(target(Measure::Wait, " 28 "), Ok(Some(28.0)));
        assert_eq!(target(Measure::WithoutHelp, "62,5"), Ok(Some(0.625)));
        assert_eq!(target(Measure::ClientGrade, "7.5"), Ok(Some(7.5)));
        assert_eq!(target(Measure::ClientGrade, ""), Ok(None));
        assert!(target(Measure::ClientGrade, "11").is_err());
        assert!(target(Measure::WithoutHelp, "120").is_err());
        assert_eq!(target(Measure::Uitval, "8"), Ok(Some(0.08)));
        assert!(target(Measure::Doelrealisatie, "101").is_err());
        assert!(target(Measure::Wait, "-1").is_err());
        assert!(target(Measure::Wait, "veel").is_err());
        assert_eq!(target_text(Measure::WithoutHelp, 0.625), "62,5");
        assert_eq!(target_text(Measure::Wait, 28.0), "28");
    }

    #[test]
    fn an_answer_needs_a_status_and_an_explanation() {
        assert!(answer("geagendeerd", "Komt op 12 maart op de agenda.").is_empty());
        let fields: Vec<&str> = answer("weg", " ").iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["status", "body"]);
    }

    #[test]
    fn a_note_with_one_action_and_two_empty_rows() {
        let actions = [
            action("Budget ontschotten", "Wethouder Zorg", "2027-01-15"),
            action("", "", ""),
            action(" ", "", ""),
        ];
        let note = note(
            &NoteFields {
                held_on: "2026-11-20".into(),
                attendees: "Wethouder, directeur jeugdhulp".into(),
                conclusions: "Eén budget per wijk.".into(),
            },
            &actions,
        )
        .unwrap();
        assert_eq!(note.held_on, (2026, 11, 20));
        assert_eq!(note.actions.len(), 1);
        assert_eq!(note.actions[0].due_on, (2027, 1, 15));
    }

    #[test]
    fn a_started_action_needs_all_three_fields() {
        let actions = [action("Budget ontschotten", "", "15-01-2027")];
        let problems = note(
            &NoteFields {
                held_on: "".into(),
                attendees: "Wethouder".into(),
                conclusions: "".into(),
            },
            &actions,
        )
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "held_on",
                "conclusions",
                "actions[0][owner]",
                "actions[0][due_on]"
            ]
        );
    }

    proptest! {
        /// A note is accepted exactly when nothing is wrong with it, and an
        /// accepted note keeps every started action.
        #[test]
        fn accepted_notes_keep_every_started_action(
            rows in proptest::collection::vec(
                (any::<bool>(), any::<bool>(), any::<bool>()), 0..=MAX_ACTIONS),
        ) {
            let actions: Vec<ActionInput> = rows
                .iter()
                .map(|&(d, o, due)| action(
                    if d { "Actie" } else { "" },
                    if o { "Eigenaar" } else { "" },
                    if due { "2027-02-01" } else { "" },
                ))
                .collect();
            let started = rows.iter().filter(|(d, o, due)| *d || *o || *due).count();
            let complete = rows.iter().filter(|(d, o, due)| *d && *o && *due).count();
            let result = note(
                &NoteFields {
                held_on: "2026-11-20".into(),
                attendees: "Iemand".into(),
                conclusions: "Iets".into(),
            },
            &actions,
        );
            prop_assert_eq!(result.is_ok(), started == complete);
            if let Ok(note) = result {
                prop_assert_eq!(note.actions.len(), complete);
            }
        }
    }
}
