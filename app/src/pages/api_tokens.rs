//! The viewer's API keys: made, listed with their scope, expiry and last
//! use, and revoked. A key just made is shown once, at the top.

use crate::api::tokens::{api_tokens, CreateApiToken, RevokeApiToken};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::api_tokens::{TokenScope, DEFAULT_DAYS};
use shared::dto::ApiTokens;
use shared::i18n::{t, Text};

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let (created, revoked) = (
        last_success(create.version(), create.value()),
        last_success(revoke.version(), revoke.value()),
    );
    let tokens = Resource::new(move || (created.get(), revoked.get()), |_| api_tokens());
    view! {
        <Title text=t(Text::TokensTitle) />
        <h1>{t(Text::TokensTitle)}</h1>
        <p class="lead">{t(Text::TokensIntro)}</p>
        <Loaded resource=tokens render=move |tokens| tokens_view(tokens, create, revoke) />
    }
}

fn status(row: &shared::dto::ApiTokenRow) -> &'static str {
    t(if row.revoked {
        Text::TokenRevoked
    } else if row.expired {
        Text::TokenExpired
    } else {
        Text::TokenActive
    })
}

fn tokens_view(
    tokens: ApiTokens,
    create: ServerAction<CreateApiToken>,
    revoke: ServerAction<RevokeApiToken>,
) -> impl IntoView {
    let errors = form_errors(create.value());
    let error = action_error(create.value());
    let revoke_error = action_error(revoke.value());
    let created = tokens.created.map(|token| {
        view! {
            <section class="notice" role="status" aria-labelledby="nieuwe-sleutel">
                <h2 id="nieuwe-sleutel">{t(Text::TokenCreatedLabel)}</h2>
                <p>{t(Text::TokenCreated)}</p>
                <p><code class="secret">{token}</code></p>
            </section>
        }
    });
    let rows = tokens
        .tokens
        .iter()
        .map(|row| {
            vec![
                Cell::Text(row.name.clone()),
                Cell::Text(t(row.scope.label()).to_string()),
                Cell::Text(
                    row.team
                        .clone()
                        .unwrap_or_else(|| t(Text::TokenNetwork).to_string()),
                ),
                Cell::Text(row.expires.clone()),
                Cell::Text(
                    row.last_used
                        .clone()
                        .unwrap_or_else(|| t(Text::TokenNeverUsed).to_string()),
                ),
                Cell::Text(status(row).to_string()),
            ]
        })
        .collect::<Vec<_>>();
    let list = if rows.is_empty() {
        view! { <p>{t(Text::TokensNone)}</p> }.into_any()
    } else {
        view! {
            <DataTable
                caption=t(Text::TokensCaption).to_string()
                headers=vec![
                    t(Text::TokenName),
                    t(Text::TokenScope),
                    t(Text::TokenFor),
                    t(Text::TokenExpires),
                    t(Text::TokenLastUsed),
                    t(Text::TokenStatus),
                ]
                rows
            />
        }
        .into_any()
    };
    let revocable = tokens
        .tokens
        .iter()
        .filter(|row| !row.revoked && !row.expired)
        .map(|row| (row.id, Text::TokenRevokeLabel.with(&row.name).to_string()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(id, label)| {
            view! {
                <li>
                    <ActionForm action=revoke attr:class="inline-form">
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="link-button">{label}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    let form = if tokens.targets.is_empty() {
        view! { <p>{t(Text::TokenCannotCreate)}</p> }.into_any()
    } else {
        let scopes: Vec<(String, String)> = TokenScope::ALL
            .iter()
            .filter(|scope| {
                tokens
                    .targets
                    .iter()
                    .any(|(_, _, allowed)| allowed.contains(scope))
            })
            .map(|scope| (scope.code().to_string(), t(scope.label()).to_string()))
            .collect();
        let targets: Vec<(String, String)> = tokens
            .targets
            .iter()
            .map(|(team, name, _)| {
                (
                    team.map(|id| id.to_string()).unwrap_or_default(),
                    name.clone(),
                )
            })
            .collect();
        view! {
            <h2>{t(Text::TokensNew)}</h2>
            <ActionForm action=create attr:class="form">
                <FormAlert error />
                <FormField name="name" label=t(Text::TokenName) required=true errors />
                <FormField name="team" label=t(Text::TokenFor) options=targets errors />
                <FormField name="scope" label=t(Text::TokenScope) options=scopes errors />
                <FormField
                    name="days"
                    label=t(Text::TokenDays)
                    kind="number"
                    hint=t(Text::TokenDaysHint)
                    value=DEFAULT_DAYS.to_string()
                    errors
                />
                <button type="submit" class="button">{t(Text::TokenCreate)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        {created}
        {list}
        <FormAlert error=revoke_error />
        <ul>{revocable}</ul>
        {form}
    }
}
