//! Beheer: accounts (list, create with a setup link, edit, deactivate).
//! The server refuses everything here to anyone but a beheerder with
//! two-factor login; these pages only show what it allows.

use crate::api::admin::{
    admin_account, admin_accounts, CreateAccount, NewSetupLink, SetAccountActive, UpdateAccount,
};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::dto::AccountRow;
use shared::i18n::{t, Text};
use shared::network::AccountRole;

fn role_options() -> Vec<(String, String)> {
    AccountRole::ALL
        .iter()
        .map(|r| (r.code().to_string(), r.label().to_string()))
        .collect()
}

fn yes_no(value: bool) -> String {
    t(if value { Text::Yes } else { Text::No }).to_string()
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let create = ServerAction::<CreateAccount>::new();
    let created = last_success(create.version(), create.value());
    let accounts = Resource::new(move || created.get(), |_| admin_accounts());
    view! { <Loaded resource=accounts render=move |rows| accounts_view(rows, create) /> }
}

fn accounts_view(rows: Vec<AccountRow>, create: ServerAction<CreateAccount>) -> impl IntoView {
    let errors = form_errors(create.value());
    let error = action_error(create.value());
    view! {
        <Title text=t(Text::AdminTitle) />
        <h1>{t(Text::AdminTitle)}</h1>
        <nav aria-label=t(Text::AdminTitle)>
            <ul class="inline-list">
                <li><a href="/beheer/structuur">{t(Text::StructureTitle)}</a></li>
                <li><a href="/beheer/auditlog">{t(Text::AuditTitle)}</a></li>
                <li><a href="/beheer/resultaten-importeren">{t(Text::ImportNetworkTitle)}</a></li>
            </ul>
        </nav>
        <h2>{t(Text::AccountsTitle)}</h2>
        <DataTable
            caption=t(Text::AccountsCaption).to_string()
            headers=vec![t(Text::Name), t(Text::Email), t(Text::Role), t(Text::AccountActive), t(Text::AccountSetUp), t(Text::TwoFactorTitle)]
            rows=rows
                .into_iter()
                .map(|a| vec![
                    Cell::Link { text: a.display_name, href: format!("/beheer/accounts/{}", a.id) },
                    Cell::Text(a.email),
                    Cell::Text(a.role.label().to_string()),
                    Cell::Text(yes_no(a.active)),
                    Cell::Text(yes_no(a.set_up)),
                    Cell::Text(yes_no(a.two_factor)),
                ])
                .collect()
        />
        <h2>{t(Text::AccountCreateTitle)}</h2>
        <p>{t(Text::AccountCreateIntro)}</p>
        <ActionForm action=create attr:class="form">
            <FormAlert error />
            <FormField name="display_name" label=t(Text::Name) errors />
            <FormField name="email" label=t(Text::Email) kind="email" errors />
            <FormField name="role" label=t(Text::Role) options=role_options() value=AccountRole::Professional.code() errors />
            <button type="submit" class="button">{t(Text::AccountCreateButton)}</button>
        </ActionForm>
    }
}

#[component]
pub fn AdminAccountPage() -> impl IntoView {
    let params = use_params_map();
    let update = ServerAction::<UpdateAccount>::new();
    let active = ServerAction::<SetAccountActive>::new();
    let updated = last_success(update.version(), update.value());
    let activated = last_success(active.version(), active.value());
    let account = Resource::new(
        move || {
            (
                params
                    .read()
                    .get("id")
                    .and_then(|id| id.parse::<i32>().ok()),
                updated.get(),
                activated.get(),
            )
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => admin_account(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=account render=move |a| account_view(a, update, active) /> }
}

fn account_view(
    account: AccountRow,
    update: ServerAction<UpdateAccount>,
    active: ServerAction<SetAccountActive>,
) -> impl IntoView {
    let query = use_query_map();
    let link = move || {
        query.read().get("link").map(|token| {
            let url = format!("/account/instellen/{token}");
            view! {
                <section class="notice" aria-labelledby="setup-link">
                    <h2 id="setup-link">{t(Text::SetupLinkTitle)}</h2>
                    <p>{t(Text::SetupLinkIntro)}</p>
                    <p><code class="secret setup-link">{url}</code></p>
                </section>
            }
        })
    };
    let errors = form_errors(update.value());
    let error = action_error(update.value());
    let active_error = action_error(active.value());
    let new_link = ServerAction::<NewSetupLink>::new();
    let id = account.id;
    view! {
        <Title text=account.display_name.clone() />
        <p><a href="/beheer">{t(Text::AdminTitle)}</a></p>
        <h1>{account.display_name.clone()}</h1>
        {link}
        <dl class="facts">
            <dt>{t(Text::Email)}</dt>
            <dd>{account.email.clone()}</dd>
            <dt>{t(Text::AccountActive)}</dt>
            <dd>{yes_no(account.active)}</dd>
            <dt>{t(Text::AccountSetUp)}</dt>
            <dd>{yes_no(account.set_up)}</dd>
            <dt>{t(Text::TwoFactorTitle)}</dt>
            <dd>{yes_no(account.two_factor)}</dd>
        </dl>
        <h2>{t(Text::AccountEditTitle)}</h2>
        <ActionForm action=update attr:class="form">
            <FormAlert error />
            <input type="hidden" name="id" value=id />
            <FormField name="display_name" label=t(Text::Name) value=account.display_name.clone() errors />
            <FormField name="role" label=t(Text::Role) options=role_options() value=account.role.code() errors />
            <button type="submit" class="button">{t(Text::Save)}</button>
        </ActionForm>
        <h2>{t(Text::AccountAccessTitle)}</h2>
        <ActionForm action=active attr:class="form">
            <FormAlert error=active_error />
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="active" value=(!account.active).to_string() />
            <button type="submit" class="button">
                {t(if account.active { Text::AccountDeactivate } else { Text::AccountActivate })}
            </button>
        </ActionForm>
        {(!account.set_up).then(|| view! {
            <ActionForm action=new_link attr:class="form">
                <input type="hidden" name="id" value=id />
                <button type="submit" class="button">{t(Text::SetupLinkNew)}</button>
            </ActionForm>
        })}
    }
}
