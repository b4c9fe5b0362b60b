//! The anonymous survey of a team's professionals about their
//! collaboration: one answer per member per month, results from three
//! answers on.

use super::param;
use crate::api::survey::{load_survey, AnswerSurvey};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::SurveyForm;
use shared::format::Unit;
use shared::i18n::{t, Text};
use shared::survey::{SurveyResult, MIN_RESPONDENTS};

/// The four statements, in `shared::survey::ITEMS` order.
pub const ITEM_LABELS: [Text; 4] = [
    Text::SurveyKnowWhom,
    Text::SurveyInformation,
    Text::SurveyVision,
    Text::SurveyTools,
];

#[component]
pub fn SurveyPage() -> impl IntoView {
    let team = param("id");
    let answer = ServerAction::<AnswerSurvey>::new();
    let answered = last_success(answer.version(), answer.value());
    let form = Resource::new(
        move || (team(), answered.get()),
        |(team, _)| async move {
            match team {
                Some(team) => load_survey(team).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=form render=move |f| survey_view(f, answer) /> }
}

fn survey_view(f: SurveyForm, answer: ServerAction<AnswerSurvey>) -> impl IntoView {
    let errors = form_errors(answer.value());
    let error = action_error(answer.value());
    let open: Vec<(String, String)> = f
        .months
        .iter()
        .filter(|(_, done)| !done)
        .map(|(m, _)| (m.to_string(), m.label()))
        .collect();
    let scale: Vec<(String, String)> =
        std::iter::once((String::new(), t(Text::Choose).to_string()))
            .chain(
                [
                    Text::Scale1,
                    Text::Scale2,
                    Text::Scale3,
                    Text::Scale4,
                    Text::Scale5,
                ]
                .iter()
                .enumerate()
                .map(|(i, text)| ((i + 1).to_string(), format!("{} – {}", i + 1, t(*text)))),
            )
            .collect();
    let form = if open.is_empty() {
        view! { <p class="notice">{t(Text::SurveyAllDone)}</p> }.into_any()
    } else {
        view! {
            <ActionForm action=answer attr:class="form">
                <FormAlert error />
                <input type="hidden" name="team_id" value=f.team_id />
                <FormField name="month" label=t(Text::SurveyMonth) options=open errors />
                <FormField name="grade" label=t(Text::SurveyGrade) hint=t(Text::SurveyGradeHint) errors />
                <FormField name="know_whom" label=t(ITEM_LABELS[0]) options=scale.clone() errors />
                <FormField name="information" label=t(ITEM_LABELS[1]) options=scale.clone() errors />
                <FormField name="vision" label=t(ITEM_LABELS[2]) options=scale.clone() errors />
                <FormField name="tools" label=t(ITEM_LABELS[3]) options=scale errors />
                <button type="submit" class="button">{t(Text::SurveySend)}</button>
            </ActionForm>
        }
        .into_any()
    };
    let answered: Vec<String> = f
        .months
        .iter()
        .filter(|(_, done)| *done)
        .map(|(m, _)| m.label())
        .collect();
    view! {
        <Title text=t(Text::SurveyTitle) />
        <p><a href=format!("/teams/{}", f.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), f.team_name)}</a></p>
        <h1>{t(Text::SurveyTitle)}</h1>
        <p>{t(Text::SurveyIntro)}</p>
        {(!answered.is_empty()).then(|| view! {
            <p>{format!("{} {}", t(Text::SurveyAnsweredFor), answered.join(", "))}</p>
        })}
        {form}
        <h2>{t(Text::SurveyResults)}</h2>
        <SurveyTable results=f.results />
    }
}

/// Survey results per month: the number of answers, and the means once
/// there are enough.
#[component]
pub fn SurveyTable(results: Vec<SurveyResult>) -> impl IntoView {
    let mut headers = vec![
        t(Text::Month),
        t(Text::SurveyRespondents),
        t(Text::SurveyGradeShort),
    ];
    headers.extend(ITEM_LABELS.iter().map(|l| t(*l)));
    view! {
        <DataTable
            caption=t(Text::SurveyCaption).to_string()
            headers
            rows=results
                .into_iter()
                .map(|r| {
                    let mut row = vec![
                        Cell::Text(r.month.label()),
                        Cell::Text(r.respondents.to_string()),
                        Cell::Figure(r.grade, Unit::Grade),
                    ];
                    row.extend(r.items.iter().map(|f| Cell::Figure(*f, Unit::Grade)));
                    row
                })
                .collect()
        />
        <p class="note">{format!("{} {} {}", t(Text::SurveyMinimumBefore), MIN_RESPONDENTS, t(Text::SurveyMinimumAfter))}</p>
        <p class="note">{t(Text::SurveyClosedOnly)}</p>
    }
}
