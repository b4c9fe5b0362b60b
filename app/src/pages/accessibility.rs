//! The accessibility statement, open to everyone.

use leptos::prelude::*;
use leptos_meta::Title;
use shared::i18n::{t, Text};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text=t(Text::AccessibilityTitle) />
        <h1>{t(Text::AccessibilityTitle)}</h1>
        <p class="lead">{t(Text::AccessibilityText)}</p>
    }
}
