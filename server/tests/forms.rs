//! A form's field names are written once, in its struct in `shared`: the
//! server function takes the struct, `FormErrors::typed` keeps what was
//! typed under the same names, and every field its validation refuses must
//! be one of them, or the message would appear at no field.

mod support;

use std::collections::BTreeSet;

/// The field names of a form struct.
fn names(form: &impl serde::Serialize) -> BTreeSet<String> {
    support::form_fields(form)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// Checks that every refused field of `problems` is a field of `form`
/// and that the validation refused something (so the check is not empty).
fn refused_at_fields(form: &impl serde::Serialize, problems: shared::validation::Problems) {
    let names = names(form);
    assert!(!problems.is_empty(), "the example form is refused");
    for (field, message) in problems {
        assert!(
            names.contains(field),
            "refused at `{field}`, not a field of the form ({names:?}): {message}"
        );
    }
}

#[test]
fn every_refused_field_is_a_field_of_its_form() {
    let junk = |_: &str| "x".repeat(5_000);
    let canvas = shared::canvas::CanvasForm {
        regular_basis: "per-maand".into(),
        regular_months: "0".into(),
        tailored_basis: "eenmalig".into(),
        tailored_months: "3".into(),
        system_lesson: junk(""),
        ..Default::default()
    };
    refused_at_fields(&canvas, shared::canvas::canvas(&canvas).unwrap_err());

    let lesson = shared::lessons::LessonForm {
        tags: "a,b,c,d,e,f,g,h,i".into(),
        ..Default::default()
    };
    refused_at_fields(&lesson, shared::lessons::lesson(&lesson));

    let agreement = shared::validation::AgreementForm {
        status: "actief".into(),
        review_date: "2026-02-30".into(),
        ..Default::default()
    };
    refused_at_fields(&agreement, shared::validation::agreement(&agreement));

    let month = shared::Month::new(2026, 11).unwrap();
    for typed in ["", "x", "-1", "999999999"] {
        let results = shared::validation::ResultsForm {
            month: typed.into(),
            started: typed.into(),
            mean_wait_days: typed.into(),
            ended: typed.into(),
            without_help: typed.into(),
            client_grade: typed.into(),
            client_responses: typed.into(),
            uitval: typed.into(),
            doelrealisatie: typed.into(),
        };
        refused_at_fields(
            &results,
            shared::validation::monthly_result(&results, month).unwrap_err(),
        );
    }

    let note = shared::governance::NoteFields::default();
    refused_at_fields(&note, shared::governance::note(&note, &[]).unwrap_err());
}
