//! A lesson: its own page (what happened, what worked, what is needed,
//! reactions, teams that found it useful or adopted it), with the forms to
//! edit it (its team) or react to, endorse and adopt it (other teams); and
//! the page to record a new one.

use super::param;
use crate::api::lessons::{
    load_lesson, load_lesson_form, AdoptLesson, MarkLessonUseful, ReactToLesson, SaveLesson,
};
use crate::components::form::{
    action_error, coded_options, form_errors, last_success, ActingTeamField, CheckboxList,
    FormAlert, FormField, PersonalDataCheck,
};
use crate::components::load::Loaded;
use crate::components::redaction::RedactForm;
use crate::error::{AppError, FormErrors};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::LessonDetail;
use shared::format;
use shared::i18n::{t, Text};
use shared::network::{AgreementTheme, LessonSource};

/// The fields of a lesson, filled with `current` when editing.
#[component]
fn LessonFields(
    current: Option<LessonDetail>,
    /// The team's agreements to link: (id, title).
    agreement_options: Vec<(i32, String)>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    let c = current.clone();
    let value = move |f: fn(&LessonDetail) -> String| c.as_ref().map(f).unwrap_or_default();
    let sources = coded_options(
        LessonSource::ALL,
        LessonSource::code,
        LessonSource::label,
        current.is_none(),
    );
    let linked: Vec<i32> = current
        .as_ref()
        .map(|l| l.agreements.iter().map(|(id, _)| *id).collect())
        .unwrap_or_default();
    view! {
        <FormField name="source" label=t(Text::LessonSource) options=sources value=value(|l| l.source.code().to_string()) errors />
        <FormField name="title" label=t(Text::Title) value=value(|l| l.title.clone()) errors />
        <FormField name="what_happened" label=t(Text::LessonWhatHappened) kind="textarea" hint=t(Text::NoPersonalData) value=value(|l| l.what_happened.clone()) errors />
        <FormField name="what_worked" label=t(Text::LessonWhatWorked) kind="textarea" hint=t(Text::NoPersonalData) value=value(|l| l.what_worked.clone()) errors />
        <FormField name="what_needed" label=t(Text::LessonWhatNeeded) kind="textarea" hint=t(Text::NoPersonalData) value=value(|l| l.what_needed.clone()) errors />
        <FormField name="tags" label=t(Text::LessonTags) hint=t(Text::LessonTagsHint) value=value(|l| l.tags.join(", ")) errors />
        <CheckboxList name="agreements" legend=t(Text::LessonAgreements) options=agreement_options chosen=linked empty=t(Text::LessonNoAgreements) errors />
    }
}

#[component]
pub fn NewLessonPage() -> impl IntoView {
    let team = param("id");
    let save = ServerAction::<SaveLesson>::new();
    let form = Resource::new(team, |team| async move {
        match team {
            Some(team) => load_lesson_form(team).await,
            None => Err(AppError::NotFound),
        }
    });
    let errors = form_errors(save.value());
    let error = action_error(save.value());
    view! {
        <Title text=t(Text::NewLesson) />
        <Loaded
            resource=form
            render=move |form| view! {
                <p><a href=format!("/teams/{}", form.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), form.team_name)}</a></p>
                <h1>{t(Text::NewLesson)}</h1>
                <ActionForm action=save attr:class="form">
                    <FormAlert error />
                    <input type="hidden" name="team_id" value=form.team_id />
                    <LessonFields current=None agreement_options=form.agreement_options errors />
                    <PersonalDataCheck errors />
                    <button type="submit" class="button">{t(Text::Save)}</button>
                </ActionForm>
            }
        />
    }
}

/// The actions of the lesson page, so that each success reloads it.
#[derive(Clone, Copy)]
struct LessonActions {
    save: ServerAction<SaveLesson>,
    react: ServerAction<ReactToLesson>,
    useful: ServerAction<MarkLessonUseful>,
    adopt: ServerAction<AdoptLesson>,
}

#[component]
pub fn LessonPage() -> impl IntoView {
    let id = param("id");
    let actions = LessonActions {
        save: ServerAction::new(),
        react: ServerAction::new(),
        useful: ServerAction::new(),
        adopt: ServerAction::new(),
    };
    let saved = last_success(actions.save.version(), actions.save.value());
    let reacted = last_success(actions.react.version(), actions.react.value());
    let endorsed = last_success(actions.useful.version(), actions.useful.value());
    let lesson = Resource::new(
        move || (id(), saved.get(), reacted.get(), endorsed.get()),
        |(id, ..)| async move {
            match id {
                Some(id) => load_lesson(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=lesson render=move |l| lesson_view(l, actions) /> }
}

fn lesson_view(l: LessonDetail, actions: LessonActions) -> impl IntoView {
    let current = l.clone();
    let redaction = l
        .viewer_redacts
        .then(|| view! { <RedactForm kind="les" id=l.id /> });
    let edit = l.viewer_writes.then(move || {
        let l = current;
        let errors = form_errors(actions.save.value());
        let error = action_error(actions.save.value());
        view! {
            <section aria-labelledby="wijzigen">
                <h2 id="wijzigen">{t(Text::EditLesson)}</h2>
                <ActionForm action=actions.save attr:class="form">
                    <FormAlert error />
                    <input type="hidden" name="team_id" value=l.team_id />
                    <input type="hidden" name="id" value=l.id />
                    <LessonFields current=Some(l.clone()) agreement_options=l.agreement_options.clone() errors />
                    <PersonalDataCheck errors />
                    <button type="submit" class="button">{t(Text::Save)}</button>
                </ActionForm>
            </section>
        }
    });
    let agreements = if l.agreements.is_empty() {
        view! { <p>{t(Text::LessonNoLinks)}</p> }.into_any()
    } else {
        view! {
            <ul>
                {l.agreements.iter().map(|(id, title)| view! {
                    <li><a href=format!("/afspraken/{id}")>{title.clone()}</a></li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text=l.title.clone() />
        <p><a href=format!("/teams/{}", l.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), l.team_name)}</a></p>
        <h1>{l.title.clone()}</h1>
        <dl class="facts">
            <dt>{t(Text::LessonSource)}</dt>
            <dd>{l.source.label()}</dd>
            <dt>{t(Text::RecordedOn)}</dt>
            <dd><time datetime=l.recorded_on.clone()>{format::date(&l.recorded_on)}</time></dd>
            <dt>{t(Text::LessonTags)}</dt>
            <dd>{if l.tags.is_empty() { "–".to_string() } else { l.tags.join(", ") }}</dd>
        </dl>
        <h2>{t(Text::LessonWhatHappened)}</h2>
        <p class="agreement-text">{l.what_happened.clone()}</p>
        <h2>{t(Text::LessonWhatWorked)}</h2>
        <p class="agreement-text">{l.what_worked.clone()}</p>
        <h2>{t(Text::LessonWhatNeeded)}</h2>
        <p class="agreement-text">{l.what_needed.clone()}</p>
        <h2>{t(Text::LessonAgreements)}</h2>
        {agreements}
        {edit}
        {redaction}
        {super::governance::discussed_in(&l.discussed_in)}
        {spread_view(&l, actions)}
        {reactions_view(&l, actions)}
    }
}

/// Which teams found it useful or adopted it, and the forms to do so.
fn spread_view(l: &LessonDetail, actions: LessonActions) -> impl IntoView {
    let useful_errors = form_errors(actions.useful.value());
    let adopt_errors = form_errors(actions.adopt.value());
    let (id, endorsing, adopting) = (l.id, l.endorsing_teams.clone(), l.adopting_teams.clone());
    let useful_form = (!endorsing.is_empty()).then(move || {
        view! {
            <ActionForm action=actions.useful attr:class="form">
                <FormAlert error=action_error(actions.useful.value()) />
                <input type="hidden" name="lesson_id" value=id />
                <ActingTeamField teams=endorsing scope="nuttig" errors=useful_errors />
                <button type="submit" class="button">{t(Text::MarkUseful)}</button>
            </ActionForm>
        }
    });
    let themes = coded_options(
        AgreementTheme::ALL,
        AgreementTheme::code,
        AgreementTheme::label,
        true,
    );
    let adopt_form = (!adopting.is_empty()).then(move || view! {
        <h3>{t(Text::AdoptTitle)}</h3>
        <p>{t(Text::AdoptIntro)}</p>
        <ActionForm action=actions.adopt attr:class="form">
            <FormAlert error=action_error(actions.adopt.value()) />
            <input type="hidden" name="lesson_id" value=id />
            <ActingTeamField teams=adopting scope="overnemen" errors=adopt_errors />
            <FormField name="theme" scope="overnemen" label=t(Text::Theme) options=themes errors=adopt_errors />
            <button type="submit" class="button">{t(Text::AdoptButton)}</button>
        </ActionForm>
    });
    view! {
        <section aria-labelledby="verspreiding">
            <h2 id="verspreiding">{t(Text::LessonSpread)}</h2>
            <p>
                {if l.useful_teams.is_empty() {
                    t(Text::UsefulNone).to_string()
                } else {
                    format!("{} {}", t(Text::UsefulBy), l.useful_teams.join(", "))
                }}
            </p>
            {(!l.adoptions.is_empty()).then(|| view! {
                <p>{t(Text::AdoptedBy)}</p>
                <ul>
                    {l.adoptions.iter().map(|(agreement, team)| view! {
                        <li><a href=format!("/afspraken/{agreement}")>{team.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
            {useful_form}
            {adopt_form}
        </section>
    }
}

fn reactions_view(l: &LessonDetail, actions: LessonActions) -> impl IntoView {
    let errors = form_errors(actions.react.value());
    let list = if l.reactions.is_empty() {
        view! { <p>{t(Text::ReactionsNone)}</p> }.into_any()
    } else {
        view! {
            <ol class="thread">
                {l.reactions.iter().map(|r| {
                    let by = format!(
                        "{} ({})",
                        r.author.clone().unwrap_or_else(|| t(Text::FormerMember).to_string()),
                        r.team_name
                    );
                    view! {
                        <li class="card">
                            <p class="meta">{by}", "<time datetime=r.at.clone()>{format::date(&r.at[..10])}</time></p>
                            <p>{r.body.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let (id, reacting) = (l.id, l.reacting_teams.clone());
    let form = (!reacting.is_empty()).then(move || view! {
        <ActionForm action=actions.react attr:class="form">
            <FormAlert error=action_error(actions.react.value()) />
            <input type="hidden" name="lesson_id" value=id />
            <ActingTeamField teams=reacting scope="reactie" errors />
            <FormField name="body" scope="reactie" label=t(Text::ReactionBody) kind="textarea" hint=t(Text::NoPersonalData) errors />
            <PersonalDataCheck scope="reactie" errors />
            <button type="submit" class="button">{t(Text::React)}</button>
        </ActionForm>
    });
    view! {
        <section aria-labelledby="reacties">
            <h2 id="reacties">{t(Text::Reactions)}</h2>
            {list}
            {form}
        </section>
    }
}
