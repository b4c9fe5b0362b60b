//! A collaboration agreement: its own page with the current text, the
//! form for a new version (members of the team), the teams that adopted
//! it and the form to adopt it (other teams), and its full history; and
//! the page to record a new one.

use super::param;
use crate::api::agreements::{load_agreement, AdoptAgreement, SaveAgreement};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{
    action_error, form_errors, last_success, ActingTeamField, FormAlert, FormField,
    PersonalDataCheck,
};
use crate::components::load::Loaded;
use crate::components::redaction::RedactForm;
use crate::error::{AppError, FormErrors};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::{AgreementDetail, AgreementView};
use shared::format;
use shared::i18n::{t, Text};
use shared::network::{AgreementStatus, AgreementTheme};

/// The fields of an agreement, filled with `current` when editing.
#[component]
fn AgreementFields(
    theme: Option<AgreementTheme>,
    current: Option<AgreementView>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    let themes: Vec<(String, String)> = AgreementTheme::ALL
        .iter()
        .map(|th| (th.code().to_string(), th.label().to_string()))
        .collect();
    let statuses: Vec<(String, String)> = AgreementStatus::ALL
        .iter()
        .map(|st| (st.code().to_string(), st.label().to_string()))
        .collect();
    let c = current.clone();
    view! {
        <FormField name="theme" label=t(Text::Theme) options=themes value=theme.map(|th| th.code().to_string()).unwrap_or_default() errors />
        <FormField name="title" label=t(Text::Title) value=c.as_ref().map(|a| a.title.clone()).unwrap_or_default() errors />
        <FormField name="body" label=t(Text::AgreementText) kind="textarea" hint=t(Text::NoPersonalData) value=c.as_ref().map(|a| a.body.clone()).unwrap_or_default() errors />
        <FormField name="status" label=t(Text::AgreementStatus) options=statuses value=c.as_ref().map(|a| a.status.code().to_string()).unwrap_or_else(|| "concept".into()) errors />
        <FormField name="effective_from" label=t(Text::AgreementEffectiveFrom) kind="date" value=c.as_ref().and_then(|a| a.effective_from.clone()).unwrap_or_default() errors />
        <FormField name="review_date" label=t(Text::AgreementReview) kind="date" value=c.as_ref().and_then(|a| a.review_date.clone()).unwrap_or_default() errors />
    }
}

#[component]
pub fn NewAgreementPage() -> impl IntoView {
    let team = param("id");
    let save = ServerAction::<SaveAgreement>::new();
    let errors = form_errors(save.value());
    let error = action_error(save.value());
    view! {
        <Title text=t(Text::NewAgreement) />
        <p><a href=move || format!("/teams/{}", team().unwrap_or_default())>{t(Text::BackToTeam)}</a></p>
        <h1>{t(Text::NewAgreement)}</h1>
        <ActionForm action=save attr:class="form">
            <FormAlert error />
            <input type="hidden" name="team_id" value=move || team().unwrap_or_default() />
            <AgreementFields theme=None current=None errors />
            <PersonalDataCheck errors />
            <button type="submit" class="button">{t(Text::Save)}</button>
        </ActionForm>
    }
}

#[component]
pub fn AgreementPage() -> impl IntoView {
    let id = param("id");
    let save = ServerAction::<SaveAgreement>::new();
    let saved = last_success(save.version(), save.value());
    let agreement = Resource::new(
        move || (id(), saved.get()),
        |(id, _)| async move {
            match id {
                Some(id) => load_agreement(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let adopt = ServerAction::<AdoptAgreement>::new();
    view! { <Loaded resource=agreement render=move |a| agreement_view(a, save, adopt) /> }
}

fn agreement_view(
    a: AgreementDetail,
    save: ServerAction<SaveAgreement>,
    adopt: ServerAction<AdoptAgreement>,
) -> impl IntoView {
    let errors = form_errors(save.value());
    let error = action_error(save.value());
    let current = a.current.clone();
    let redaction = a
        .viewer_redacts
        .then(|| view! { <RedactForm kind="afspraak" id=a.current.id /> });
    let edit = a.viewer_writes.then(|| {
        view! {
            <section aria-labelledby="wijzigen">
                <h2 id="wijzigen">{t(Text::NewVersion)}</h2>
                <ActionForm action=save attr:class="form">
                    <FormAlert error />
                    <input type="hidden" name="team_id" value=a.team_id />
                    <input type="hidden" name="id" value=current.id />
                    <AgreementFields theme=Some(a.theme) current=Some(current.clone()) errors />
                    <PersonalDataCheck errors />
                    <button type="submit" class="button">{t(Text::SaveVersion)}</button>
                </ActionForm>
            </section>
        }
    });
    let date = |d: &Option<String>| {
        d.as_deref()
            .map(format::date)
            .unwrap_or_else(|| "–".to_string())
    };
    view! {
        <Title text=a.current.title.clone() />
        <p><a href=format!("/teams/{}", a.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), a.team_name)}</a></p>
        <h1>{a.current.title.clone()}</h1>
        <dl class="facts">
            <dt>{t(Text::Theme)}</dt>
            <dd>{a.theme.label()}</dd>
            <dt>{t(Text::AgreementStatus)}</dt>
            <dd>{a.current.status.label()}</dd>
            <dt>{t(Text::AgreementEffectiveFrom)}</dt>
            <dd>{date(&a.current.effective_from)}</dd>
            <dt>{t(Text::AgreementReview)}</dt>
            <dd>{date(&a.current.review_date)}</dd>
        </dl>
        {a.adopted_from.clone().map(|source| view! {
            <p class="note">
                {t(if source.lesson { Text::AdoptedFrom } else { Text::AdoptedFromAgreement })}" "
                <a href=source.href()>{source.title.clone()}</a>" ("{source.team.clone()}")"
            </p>
        })}
        <p class="agreement-text">{a.current.body.clone()}</p>
        {edit}
        {redaction}
        {adoption_view(&a, adopt)}
        <section aria-labelledby="geschiedenis">
            <h2 id="geschiedenis">{t(Text::History)}</h2>
            <DataTable
                caption=t(Text::HistoryCaption).to_string()
                headers=vec![t(Text::Version), t(Text::SavedAt), t(Text::Author), t(Text::Title), t(Text::AgreementStatus), t(Text::AgreementText)]
                rows=a
                    .versions
                    .into_iter()
                    .map(|v| vec![
                        Cell::Text(v.version.to_string()),
                        Cell::Text(v.saved_at),
                        Cell::Text(v.author.unwrap_or_else(|| "–".to_string())),
                        Cell::Text(v.title),
                        Cell::Text(v.status.label().to_string()),
                        Cell::Text(v.body),
                    ])
                    .collect()
            />
        </section>
    }
}

/// The teams that adopted the agreement, and the form to adopt it (for
/// the viewer's other teams).
fn adoption_view(a: &AgreementDetail, adopt: ServerAction<AdoptAgreement>) -> impl IntoView {
    if a.adoptions.is_empty() && a.adopting_teams.is_empty() {
        return None;
    }
    let errors = form_errors(adopt.value());
    let (id, teams, adoptions) = (a.current.id, a.adopting_teams.clone(), a.adoptions.clone());
    let form = (!teams.is_empty()).then(move || {
        view! {
            <p>{t(Text::AdoptAgreementIntro)}</p>
            <ActionForm action=adopt attr:class="form">
                <FormAlert error=action_error(adopt.value()) />
                <input type="hidden" name="agreement_id" value=id />
                <ActingTeamField teams scope="overnemen" errors />
                <button type="submit" class="button">{t(Text::AdoptButton)}</button>
            </ActionForm>
        }
    });
    Some(view! {
        <section aria-labelledby="overnemen">
            <h2 id="overnemen">{t(Text::AdoptAgreementTitle)}</h2>
            {(!adoptions.is_empty()).then(|| view! {
                <p>{t(Text::AdoptedByTeams)}</p>
                <ul>
                    {adoptions.into_iter().map(|(agreement, team)| view! {
                        <li><a href=format!("/afspraken/{agreement}")>{team}</a></li>
                    }).collect_view()}
                </ul>
            })}
            {form}
        </section>
    })
}
