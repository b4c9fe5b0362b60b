//! Setting up a new account through its one-time link: choosing a
//! password. Open to anyone holding the link.

use crate::api::account::{setup_link_valid, SetupAccount};
use crate::components::form::{action_error, form_errors, FormAlert, FormField};
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use shared::i18n::{t, Text};

#[component]
pub fn SetupPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let valid = Resource::new(token, setup_link_valid);
    let setup = ServerAction::<SetupAccount>::new();
    view! {
        <Title text=t(Text::SetupTitle) />
        <h1>{t(Text::SetupTitle)}</h1>
        <Loaded
            resource=valid
            render=move |valid| {
                if !valid {
                    return view! { <p class="notice notice-error">{t(Text::SetupLinkExpired)}</p> }.into_any();
                }
                let errors = form_errors(setup.value());
                let error = action_error(setup.value());
                view! {
                    <p class="lead">{t(Text::SetupIntro)}</p>
                    <ActionForm action=setup attr:class="form">
                        <FormAlert error />
                        <input type="hidden" name="token" value=token() />
                        <FormField name="password" label=t(Text::NewPassword) kind="password" autocomplete="new-password" hint=t(Text::PasswordHint) errors />
                        <FormField name="password_repeat" label=t(Text::RepeatPassword) kind="password" autocomplete="new-password" errors />
                        <button type="submit" class="button">{t(Text::SetupButton)}</button>
                    </ActionForm>
                }
                .into_any()
            }
        />
    }
}
