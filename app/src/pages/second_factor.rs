//! The second step of login: a code from the authenticator app or a
//! recovery code.

use crate::api::account::LoginSecondFactor;
use crate::components::form::{action_error, form_errors, FormAlert, FormField};
use crate::pages::login::NextField;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::i18n::{t, Text};

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let action = ServerAction::<LoginSecondFactor>::new();
    let errors = form_errors(action.value());
    let error = action_error(action.value());
    view! {
        <Title text=t(Text::SecondFactorTitle) />
        <h1>{t(Text::SecondFactorTitle)}</h1>
        <p class="lead">{t(Text::SecondFactorIntro)}</p>
        <ActionForm action attr:class="form">
            <FormAlert error />
            <NextField errors />
            <FormField name="code" label=t(Text::SecondFactorCode) autocomplete="one-time-code" hint=t(Text::SecondFactorHint) errors />
            <button type="submit" class="button">{t(Text::LoginButton)}</button>
        </ActionForm>
        <p><a href="/inloggen">{t(Text::BackToLogin)}</a></p>
    }
}
