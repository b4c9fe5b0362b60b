//! The accessibility statement, open to everyone, in the shape of the model
//! statement of digitoegankelijk.nl: status, how it was tested, known
//! limitations, how to report a barrier, and when it was drawn up.

use leptos::prelude::*;
use leptos_meta::Title;
use shared::i18n::{t, Text};

/// A section of the statement: its heading and its paragraphs or list.
fn part(id: &'static str, title: Text, body: impl IntoView) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{t(title)}</h2>
            {body}
        </section>
    }
}

fn list(items: &[Text]) -> impl IntoView {
    view! { <ul>{items.iter().map(|&item| view! { <li>{t(item)}</li> }).collect_view()}</ul> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text=t(Text::AccessibilityTitle) />
        <h1>{t(Text::AccessibilityTitle)}</h1>
        <p class="lead">{t(Text::AccessibilityText)}</p>
        {part("status", Text::AccessibilityStatusTitle, view! { <p>{t(Text::AccessibilityStatus)}</p> })}
        {part(
            "getoetst",
            Text::AccessibilityTestedTitle,
            list(&[
                Text::AccessibilityTested1,
                Text::AccessibilityTested2,
                Text::AccessibilityTested3,
                Text::AccessibilityTested4,
            ]),
        )}
        {part(
            "beperkingen",
            Text::AccessibilityKnownTitle,
            list(&[
                Text::AccessibilityKnown1,
                Text::AccessibilityKnown2,
                Text::AccessibilityKnown3,
                Text::AccessibilityKnown4,
            ]),
        )}
        {part(
            "melden",
            Text::AccessibilityContactTitle,
            view! {
                <p>{t(Text::AccessibilityContact)}</p>
                <p>{t(Text::AccessibilityEnforcement)}</p>
            },
        )}
        <p class="meta">{t(Text::AccessibilityDated)}</p>
    }
}
