//! The logged-in person's own account: who they are and their teams.

use crate::api::account::current_account;
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::AccountSummary;
use shared::i18n::{t, Text};

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(
        || (),
        |_| async move { current_account().await?.ok_or(AppError::NotLoggedIn) },
    );
    view! { <Loaded resource=account render=account_view /> }
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
        <h2>{t(Text::MyTeams)}</h2>
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
    }
}
