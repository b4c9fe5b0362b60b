//! The logged-in person's own account: who they are and their teams.

use crate::api::account::{current_account, two_factor_status, ConfirmTwoFactor, StartTwoFactor};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::{AccountSummary, TwoFactorSetup};
use shared::i18n::{t, Text};

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(
        || (),
        |_| async move { current_account().await?.ok_or(AppError::NotLoggedIn) },
    );
    let start = ServerAction::<StartTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    // Asked again after each step, so the page follows the enrolment.
    let (started, confirmed) = (
        last_success(start.version(), start.value()),
        last_success(confirm.version(), confirm.value()),
    );
    let two_factor = Resource::new(
        move || (started.get(), confirmed.get()),
        |_| two_factor_status(),
    );
    view! {
        <Loaded resource=account render=account_view />
        <Loaded resource=two_factor render=move |setup| two_factor_view(setup, start, confirm) />
    }
}

fn two_factor_view(
    setup: TwoFactorSetup,
    start: ServerAction<StartTwoFactor>,
    confirm: ServerAction<ConfirmTwoFactor>,
) -> impl IntoView {
    let body = if setup.enabled {
        view! { <p>{t(Text::TwoFactorOn)}</p> }.into_any()
    } else if let Some(enrolment) = setup.pending {
        let errors = form_errors(confirm.value());
        let error = action_error(confirm.value());
        view! {
            <ol class="steps">
                <li>
                    <p>{t(Text::TwoFactorScan)}</p>
                    <img class="qr" src=enrolment.qr_code alt=t(Text::TwoFactorQrAlt) width="200" height="200" />
                    <p>{t(Text::TwoFactorSecret)} " " <code class="secret">{enrolment.secret}</code></p>
                </li>
                <li>
                    <p>{t(Text::TwoFactorRecovery)}</p>
                    <ul class="recovery-codes">
                        {enrolment.recovery_codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                </li>
                <li>
                    <ActionForm action=confirm attr:class="form">
                        <FormAlert error />
                        <FormField name="code" label=t(Text::SecondFactorCode) autocomplete="one-time-code" errors />
                        <button type="submit" class="button">{t(Text::TwoFactorConfirm)}</button>
                    </ActionForm>
                </li>
            </ol>
        }
        .into_any()
    } else {
        view! {
            <p>{t(Text::TwoFactorOff)}</p>
            <ActionForm action=start attr:class="form">
                <button type="submit" class="button">{t(Text::TwoFactorStart)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="tweestaps">
            <h2 id="tweestaps">{t(Text::TwoFactorTitle)}</h2>
            {body}
        </section>
    }
}

fn account_view(account: AccountSummary) -> impl IntoView {
    view! {
        <Title text=t(Text::AccountTitle) />
        <h1>{t(Text::AccountTitle)}</h1>
        <dl class="facts">
            <dt>{t(Text::Name)}</dt>
            <dd>{account.display_name}</dd>
            <dt>{t(Text::Email)}</dt>
            <dd>{account.email}</dd>
            <dt>{t(Text::Role)}</dt>
            <dd>{account.role.label()}</dd>
        </dl>
        <h2 id="mijn-teams">{t(Text::MyTeams)}</h2>
        {if account.teams.is_empty() {
            view! { <p>{t(Text::NoTeams)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {account
                        .teams
                        .into_iter()
                        .map(|(id, name, coordinator)| {
                            view! {
                                <li>
                                    <a href=format!("/teams/{id}")>{name}</a>
                                    {coordinator.then(|| format!(" ({})", t(Text::Coordinator)))}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        <p><a href=crate::api::tokens::TOKENS_PAGE>{t(Text::TokensLink)}</a></p>
    }
}
