//! The one form by which a team's coördinator or a beheerder removes a
//! passage of personal data from a record (lesson, agreement, canvas,
//! knelpunt); shown on the record's page only to them.

use crate::api::redaction::RedactText;
use crate::components::form::{action_error, form_errors, FormAlert, FormField};
use leptos::prelude::*;
use shared::i18n::{t, Text};

#[component]
pub fn RedactForm(
    /// The record's kind code: "les", "afspraak", "canvas" or "knelpunt".
    kind: &'static str,
    id: i32,
) -> impl IntoView {
    let redact = ServerAction::<RedactText>::new();
    let errors = form_errors(redact.value());
    view! {
        <details class="redaction" open=move || errors.get().is_some()>
            <summary>{t(Text::RedactSummary)}</summary>
            <ActionForm action=redact attr:class="form">
                <FormAlert error=action_error(redact.value()) />
                <input type="hidden" name="kind" value=kind />
                <input type="hidden" name="id" value=id />
                <FormField name="passage" scope="afschermen" label=t(Text::RedactPassage) hint=t(Text::RedactHint) errors />
                <button type="submit" class="button">{t(Text::RedactButton)}</button>
            </ActionForm>
        </details>
    }
}
