//! The page for an address that matches no route; answers with HTTP 404.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::i18n::{t, Text};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    AppError::NotFound.set_response_status();
    view! {
        <Title text=t(Text::NotFoundTitle) />
        <h1>{t(Text::NotFoundTitle)}</h1>
        <p>{t(Text::NotFoundText)}</p>
        <p><a href="/">{t(Text::BackToOverview)}</a></p>
    }
}
