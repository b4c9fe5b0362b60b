//! A knelpunt: what a team needs from the bestuurders, its status, the
//! answers it got and the teams that support it, with the forms to support
//! it (other teams) and to answer it with a new status (bestuurders); and
//! the page to raise a new one.

use super::param;
use crate::api::knelpunten::{load_knelpunt, AnswerKnelpunt, RaiseKnelpunt, SupportKnelpunt};
use crate::components::form::{
    action_error, coded_options, form_errors, last_success, ActingTeamField, FormAlert, FormField,
    PersonalDataCheck,
};
use crate::components::load::Loaded;
use crate::components::redaction::RedactForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::KnelpuntView;
use shared::format;
use shared::i18n::{t, Text};
use shared::network::{KnelpuntCategory, KnelpuntStatus};

#[component]
pub fn NewKnelpuntPage() -> impl IntoView {
    let team = param("id");
    let raise = ServerAction::<RaiseKnelpunt>::new();
    let errors = form_errors(raise.value());
    let error = action_error(raise.value());
    let categories = coded_options(
        KnelpuntCategory::ALL,
        KnelpuntCategory::code,
        KnelpuntCategory::label,
        true,
    );
    view! {
        <Title text=t(Text::NewKnelpunt) />
        <p><a href=move || format!("/teams/{}", team().unwrap_or_default())>{t(Text::BackToTeam)}</a></p>
        <h1>{t(Text::NewKnelpunt)}</h1>
        <p>{t(Text::KnelpuntIntro)}</p>
        <ActionForm action=raise attr:class="form">
            <FormAlert error />
            <input type="hidden" name="team_id" value=move || team().unwrap_or_default() />
            <FormField name="category" label=t(Text::KnelpuntCategoryLabel) options=categories errors />
            <FormField name="title" label=t(Text::Title) errors />
            <FormField name="description" label=t(Text::KnelpuntDescription) kind="textarea" hint=t(Text::NoPersonalData) errors />
            <PersonalDataCheck errors />
            <button type="submit" class="button">{t(Text::KnelpuntRaise)}</button>
        </ActionForm>
    }
}

#[component]
pub fn KnelpuntPage() -> impl IntoView {
    let id = param("id");
    let support = ServerAction::<SupportKnelpunt>::new();
    let supported = last_success(support.version(), support.value());
    let answer = ServerAction::<AnswerKnelpunt>::new();
    let answered = last_success(answer.version(), answer.value());
    let knelpunt = Resource::new(
        move || (id(), supported.get(), answered.get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => load_knelpunt(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=knelpunt render=move |k| knelpunt_view(k, support, answer) /> }
}

fn knelpunt_view(
    k: KnelpuntView,
    support: ServerAction<SupportKnelpunt>,
    answer: ServerAction<AnswerKnelpunt>,
) -> impl IntoView {
    let errors = form_errors(support.value());
    let support_form = (!k.supporting_teams.is_empty()).then(|| {
        view! {
            <ActionForm action=support attr:class="form">
                <FormAlert error=action_error(support.value()) />
                <input type="hidden" name="knelpunt_id" value=k.id />
                <ActingTeamField teams=k.supporting_teams.clone() scope="steun" errors />
                <button type="submit" class="button">{t(Text::KnelpuntSupport)}</button>
            </ActionForm>
        }
    });
    let answers = if k.answers.is_empty() {
        view! { <p>{t(Text::KnelpuntNoAnswers)}</p> }.into_any()
    } else {
        view! {
            <ol class="thread">
                {k.answers.iter().map(|a| {
                    let by = a.author.clone().unwrap_or_else(|| t(Text::FormerMember).to_string());
                    view! {
                        <li class="card">
                            <p class="meta">
                                {by}", "<time datetime=a.at.clone()>{format::date(&a.at[..10])}</time>
                                {format!(" — {}: {}", t(Text::AgreementStatus), a.status.label())}
                            </p>
                            <p>{a.body.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let answer_errors = form_errors(answer.value());
    let statuses = coded_options(
        KnelpuntStatus::ALL,
        KnelpuntStatus::code,
        KnelpuntStatus::label,
        false,
    );
    let redaction = k
        .viewer_redacts
        .then(|| view! { <RedactForm kind="knelpunt" id=k.id /> });
    let answer_form = k.viewer_governs.then(|| {
        view! {
            <h3>{t(Text::AnswerTitle)}</h3>
            <ActionForm action=answer attr:class="form">
                <FormAlert error=action_error(answer.value()) />
                <input type="hidden" name="knelpunt_id" value=k.id />
                <FormField name="status" label=t(Text::AnswerStatus) options=statuses value=k.status.code().to_string() errors=answer_errors />
                <FormField name="body" label=t(Text::AnswerBody) kind="textarea" hint=t(Text::NoPersonalData) errors=answer_errors />
                <PersonalDataCheck errors=answer_errors />
                <button type="submit" class="button">{t(Text::AnswerButton)}</button>
            </ActionForm>
        }
    });
    view! {
        <Title text=k.title.clone() />
        <p><a href=format!("/teams/{}", k.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), k.team_name)}</a></p>
        <h1>{k.title.clone()}</h1>
        <dl class="facts">
            <dt>{t(Text::KnelpuntCategoryLabel)}</dt>
            <dd>{k.category.label()}</dd>
            <dt>{t(Text::AgreementStatus)}</dt>
            <dd>{k.status.label()}</dd>
            <dt>{t(Text::KnelpuntRaisedOn)}</dt>
            <dd><time datetime=k.raised_on.clone()>{format::date(&k.raised_on)}</time></dd>
        </dl>
        <p class="agreement-text">{k.description.clone()}</p>
        {super::governance::discussed_in(&k.discussed_in)}
        <section aria-labelledby="antwoorden">
            <h2 id="antwoorden">{t(Text::KnelpuntAnswers)}</h2>
            {answers}
            {answer_form}
        </section>
        {redaction}
        <section aria-labelledby="steun">
            <h2 id="steun">{t(Text::KnelpuntSupporters)}</h2>
            <p>
                {if k.supporters.is_empty() {
                    t(Text::KnelpuntNoSupporters).to_string()
                } else {
                    format!("{} {}", t(Text::KnelpuntSupportedBy), k.supporters.join(", "))
                }}
            </p>
            {support_form}
        </section>
    }
}
