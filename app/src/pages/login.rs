//! Logging in with e-mail address and password.

use crate::api::account::{safe_next, Login};
use crate::components::form::{action_error, form_errors, FormAlert, FormField};
use crate::error::FormErrors;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::i18n::{t, Text};

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let errors = form_errors(login.value());
    let error = action_error(login.value());
    let query = use_query_map();
    view! {
        <Title text=t(Text::LoginTitle) />
        <h1>{t(Text::LoginTitle)}</h1>
        <p class="lead">{t(Text::LoginIntro)}</p>
        {move || query.read().get("ingesteld").map(|_| view! { <p class="notice" role="status">{t(Text::SetupDone)}</p> })}
        <ActionForm action=login attr:class="form">
            <FormAlert error />
            <NextField errors />
            <FormField name="email" label=t(Text::Email) kind="email" autocomplete="username" errors />
            <FormField name="password" label=t(Text::Password) kind="password" autocomplete="current-password" errors />
            <button type="submit" class="button">{t(Text::LoginButton)}</button>
        </ActionForm>
    }
}

/// The hidden field of both login steps that says where to go afterwards:
/// the `volgende` of the address, or what a refused submission carried.
#[component]
pub fn NextField(#[prop(into)] errors: Signal<Option<FormErrors>>) -> impl IntoView {
    let query = use_query_map();
    let next = move || {
        errors
            .get()
            .and_then(|e| e.value("next").map(str::to_string))
            .unwrap_or_else(|| safe_next(query.read().get("volgende").as_deref()))
    };
    view! { <input type="hidden" name="next" prop:value=next value=next /> }
}
