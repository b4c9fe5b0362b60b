//! Entering or correcting a month of the team's results (members only),
//! with every earlier version of that month's figures.

use crate::api::results::{month_entry, SaveResults};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::dto::{MonthEntry, OutcomeVersionRow};
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::results;
use shared::suppression::Figure;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveResults>::new();
    let saved = last_success(save.version(), save.value());
    let entry = Resource::new(
        move || {
            let team = params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i32>().ok());
            (team, query.read().get("maand"), saved.get())
        },
        |(team, month, _)| async move {
            match team {
                Some(team) => month_entry(team, month).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=entry render=move |e| results_view(e, save) /> }
}

/// A decimal for a form field, e.g. "9,5"; empty when missing.
fn decimal(x: Option<f64>) -> String {
    x.map(|x| format::decimal(x, 1)).unwrap_or_default()
}

fn figure(value: Option<f64>, unit: Unit) -> String {
    format::figure(value.map_or(Figure::NoData, Figure::Value), unit)
}

fn results_view(entry: MonthEntry, save: ServerAction<SaveResults>) -> impl IntoView {
    let errors = form_errors(save.value());
    let error = action_error(save.value());
    let latest = entry.versions.first().cloned();
    let value = |f: fn(&OutcomeVersionRow) -> String| latest.as_ref().map(f).unwrap_or_default();
    let started = value(|l| l.started.to_string());
    let wait = value(|l| decimal(l.mean_wait_days));
    let ended = value(|l| l.ended.to_string());
    let without_help = value(|l| l.without_help.to_string());
    let responses = value(|l| l.client_responses.to_string());
    let grade = value(|l| decimal(l.client_grade));
    let uitval = value(|l| l.uitval.map(|n| n.to_string()).unwrap_or_default());
    let doelrealisatie = value(|l| l.doelrealisatie.map(|n| n.to_string()).unwrap_or_default());
    let heading = match entry.month {
        Some(month) if latest.is_some() => {
            format!("{} {}", t(Text::CorrectMonth), month.label())
        }
        _ => t(Text::EnterMonth).to_string(),
    };
    let derived = latest.as_ref().map(|l| {
        format!(
            "{}: {}",
            t(Text::MeasureWithoutHelp),
            figure(results::share(l.without_help, l.ended), Unit::Percent)
        )
    });
    let history = (!entry.versions.is_empty()).then(|| {
        view! {
            <h2>{t(Text::History)}</h2>
            <DataTable
                caption=t(Text::ResultsHistoryCaption).to_string()
                headers=vec![t(Text::Version), t(Text::SavedAt), t(Text::Author), t(Text::Started), t(Text::MeasureWait), t(Text::Ended), t(Text::WithoutHelpCount), t(Text::MeasureClientGrade), t(Text::ClientResponses)]
                rows=entry
                    .versions
                    .iter()
                    .map(|v| vec![
                        Cell::Text(v.version.to_string()),
                        Cell::Text(v.saved_at.clone().unwrap_or_else(|| t(Text::LoadedInBulk).to_string())),
                        Cell::Text(v.author.clone().unwrap_or_else(|| "–".to_string())),
                        Cell::Figure(Figure::Value(f64::from(v.started)), Unit::Count),
                        Cell::Figure(v.mean_wait_days.map_or(Figure::NoData, Figure::Value), Unit::Days),
                        Cell::Figure(Figure::Value(f64::from(v.ended)), Unit::Count),
                        Cell::Figure(Figure::Value(f64::from(v.without_help)), Unit::Count),
                        Cell::Figure(v.client_grade.map_or(Figure::NoData, Figure::Value), Unit::Grade),
                        Cell::Figure(Figure::Value(f64::from(v.client_responses)), Unit::Count),
                    ])
                    .collect()
            />
        }
    });
    view! {
        <Title text=t(Text::ResultsEntryTitle) />
        <p><a href=format!("/teams/{}", entry.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), entry.team_name)}</a></p>
        <h1>{heading}</h1>
        <p class="lead">{t(Text::ResultsEntryIntro)}</p>
        {derived.map(|d| view! { <p class="note">{d}</p> })}
        <ActionForm action=save attr:class="form">
            <FormAlert error />
            <input type="hidden" name="team_id" value=entry.team_id />
            <FormField name="month" label=t(Text::Month) kind="month" hint=t(Text::MonthHint) value=entry.month.map(|m| m.to_string()).unwrap_or_default() errors />
            <FormField name="started" label=t(Text::StartedLong) value=started errors />
            <FormField name="mean_wait_days" label=t(Text::WaitLong) value=wait errors />
            <FormField name="ended" label=t(Text::EndedLong) value=ended errors />
            <FormField name="without_help" label=t(Text::WithoutHelpLong) value=without_help errors />
            <FormField name="client_responses" label=t(Text::ResponsesLong) value=responses errors />
            <FormField name="client_grade" label=t(Text::GradeLong) value=grade errors />
            <FormField name="uitval" label=t(Text::UitvalLong) hint=t(Text::Optional) value=uitval errors />
            <FormField name="doelrealisatie" label=t(Text::DoelrealisatieLong) hint=t(Text::Optional) value=doelrealisatie errors />
            <button type="submit" class="button">{t(Text::Save)}</button>
        </ActionForm>
        {history}
    }
}
