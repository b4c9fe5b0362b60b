//! One of a team's run charts on its own page: the chart with its table,
//! its baselines (each with the reason, and an undo for members) and its
//! notes on months, and the forms by which the team's members add them.
//! Plain forms: everything works without JavaScript.

use crate::api::charts::{load_chart, AddBaseline, AddMonthNote, RemoveChartMark};
use crate::components::form::{action_error, form_errors, FormAlert, FormField, PersonalDataCheck};
use crate::components::load::Loaded;
use crate::components::run_chart::RunChart;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::dto::ChartPage;
use shared::i18n::{t, Text};
use shared::stats::chart::ChartSeries;

#[component]
pub fn ChartPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").and_then(|id| id.parse::<i32>().ok()),
                p.get("measure").unwrap_or_default(),
            )
        },
        |(id, measure)| async move {
            match id {
                Some(id) => load_chart(id, measure).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=page render=chart_view /> }
}

fn chart_view(page: ChartPage) -> impl IntoView {
    let ChartPage {
        team_id,
        team_name,
        series,
        viewer_writes,
        link_options,
    } = page;
    let measure = series.measure;
    let title = format!("{} – {team_name}", measure.label());
    let src = format!("/grafieken/teams/{team_id}/{}.svg", measure.code());
    let baselines = baselines_view(&series, viewer_writes);
    let notes = notes_view(&series, viewer_writes);
    let forms = viewer_writes.then(|| {
        view! {
            <BaselineForm team_id series=series.clone() />
            <NoteForm team_id series=series.clone() link_options />
        }
    });
    view! {
        <Title text=title.clone() />
        <nav class="breadcrumb" aria-label=t(Text::Breadcrumb)>
            <ol>
                <li><a href="/">{t(Text::NavOverview)}</a></li>
                <li><a href=format!("/teams/{team_id}")>{team_name}</a></li>
            </ol>
        </nav>
        <h1>{title}</h1>
        <RunChart series src />
        {baselines}
        {notes}
        {forms}
    }
}

/// The baselines in force, each with its reason and, for members, undo.
fn baselines_view(series: &ChartSeries, writes: bool) -> impl IntoView {
    let items = series
        .baseline_labels()
        .into_iter()
        .map(|(b, label)| (b.id, label, None))
        .collect();
    let kind = ("basislijn", t(Text::BaselineUndo));
    let texts = (
        Text::BaselinesTitle,
        Text::BaselinesIntro,
        Text::BaselinesNone,
    );
    marks_section("basislijnen", texts, items, writes.then_some(kind))
}

/// The notes on months, each with what it links to and, for members, a
/// button to remove it.
fn notes_view(series: &ChartSeries, writes: bool) -> impl IntoView {
    let items = series
        .note_labels()
        .into_iter()
        .map(|(n, label)| (n.id, label, n.link.clone()))
        .collect();
    let kind = ("toelichting", t(Text::NoteRemove));
    let texts = (
        Text::MonthNotesTitle,
        Text::MonthNotesIntro,
        Text::MonthNotesNone,
    );
    marks_section("toelichtingen", texts, items, writes.then_some(kind))
}

/// A listed mark: its id, its words, and what it links to (title,
/// address).
type Listed = (i32, String, Option<(String, String)>);

/// A section listing marks under
/// its title and intro, or saying there are none; with `remove` (the
/// mark's kind code and the button's label) each gets a button.
fn marks_section(
    id: &'static str,
    (title, intro, none): (Text, Text, Text),
    items: Vec<Listed>,
    remove: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let action = ServerAction::<RemoveChartMark>::new();
    let list = if items.is_empty() {
        view! { <p>{t(none)}</p> }.into_any()
    } else {
        view! {
            <ul class="marks">
                {items.into_iter().map(|(mark, text, link)| view! {
                    <li>
                        {text.clone()}
                        {link.map(|(title, href)| view! { " (" <a href=href>{title}</a> ")" })}
                        {remove.map(|(kind, label)| view! { <RemoveButton action kind id=mark label what=text /> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{t(title)}</h2>
            <p>{t(intro)}</p>
            <FormAlert error=action_error(action.value()) />
            {list}
        </section>
    }
}

/// A one-button form that removes a baseline or note; its accessible name
/// says which (`what`), as several sit in one list.
#[component]
fn RemoveButton(
    action: ServerAction<RemoveChartMark>,
    kind: &'static str,
    id: i32,
    label: &'static str,
    what: String,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="kind" value=kind />
            <input type="hidden" name="id" value=id />
            " "
            <button type="submit" class="link-button" aria-label=format!("{label}: {what}")>{label}</button>
        </ActionForm>
    }
}

/// The chart's months, newest first, as choices.
fn month_options(series: &ChartSeries) -> Vec<(String, String)> {
    series
        .points
        .iter()
        .rev()
        .map(|p| (p.month.to_string(), p.month.label()))
        .collect()
}

/// A new baseline; the agreements that took effect on the chart are
/// offered as suggestions that fill in the form (by its address, so also
/// without JavaScript), never set by themselves.
#[component]
fn BaselineForm(team_id: i32, series: ChartSeries) -> impl IntoView {
    let add = ServerAction::<AddBaseline>::new();
    let errors = form_errors(add.value());
    let query = use_query_map();
    let (month, reason) = query.with_untracked(|q| (q.get("maand"), q.get("reden")));
    let code = series.measure.code();
    let suggestions = (!series.annotations.is_empty()).then(|| {
        let items = series
            .annotations
            .iter()
            .map(|a| {
                let query = form_urlencoded::Serializer::new(String::new())
                    .append_pair("maand", &a.month.to_string())
                    .append_pair("reden", &a.label)
                    .finish();
                let href = format!("?{query}#basislijn-nieuw");
                view! {
                    <li>
                        {format!("{} ({}) – ", a.label, a.month.label())}
                        <a href=href>{t(Text::BaselineUse)}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{t(Text::BaselineSuggestions)}</p>
            <ul>{items}</ul>
        }
    });
    view! {
        <section aria-labelledby="basislijn-nieuw">
            <h2 id="basislijn-nieuw">{t(Text::BaselineAdd)}</h2>
            {suggestions}
            <ActionForm action=add attr:class="form">
                <FormAlert error=action_error(add.value()) />
                <input type="hidden" name="team_id" value=team_id />
                <input type="hidden" name="measure" value=code />
                <FormField name="month" scope="basislijn" label=t(Text::BaselineMonth) options=month_options(&series) value=month.unwrap_or_default() errors />
                <FormField name="reason" scope="basislijn" label=t(Text::BaselineReason) hint=t(Text::BaselineReasonHint) required=true value=reason.unwrap_or_default() errors />
                <FormField name="fixed_after" scope="basislijn" label=t(Text::BaselineFixed) hint=t(Text::BaselineFixedHint) kind="number" errors />
                <PersonalDataCheck scope="basislijn" errors />
                <button type="submit" class="button">{t(Text::BaselineAdd)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn NoteForm(
    team_id: i32,
    series: ChartSeries,
    link_options: Vec<(String, String)>,
) -> impl IntoView {
    let add = ServerAction::<AddMonthNote>::new();
    let errors = form_errors(add.value());
    let links = std::iter::once((String::new(), t(Text::NoteLinkNone).to_string()))
        .chain(link_options)
        .collect();
    view! {
        <section aria-labelledby="toelichting-nieuw">
            <h2 id="toelichting-nieuw">{t(Text::NoteAdd)}</h2>
            <ActionForm action=add attr:class="form">
                <FormAlert error=action_error(add.value()) />
                <input type="hidden" name="team_id" value=team_id />
                <input type="hidden" name="measure" value=series.measure.code() />
                <FormField name="month" scope="toelichting" label=t(Text::NoteMonth) options=month_options(&series) errors />
                <FormField name="text" scope="toelichting" label=t(Text::NoteText) hint=t(Text::NoteTextHint) kind="textarea" required=true errors />
                <FormField name="link" scope="toelichting" label=t(Text::NoteLink) options=links errors />
                <PersonalDataCheck scope="toelichting" errors />
                <button type="submit" class="button">{t(Text::NoteAdd)}</button>
            </ActionForm>
        </section>
    }
}
