//! A maatwerkcanvas: the value triangle of a tailored solution with its
//! computed saving, the form to edit it (its team), and the page to record
//! a new one.

use super::param;
use crate::api::canvases::{load_canvas, SaveCanvas};
use crate::components::form::{
    action_error, coded_options, form_errors, last_success, FormAlert, FormField, PersonalDataCheck,
};
use crate::components::live_saving::LiveSaving;
use crate::components::load::Loaded;
use crate::components::redaction::RedactForm;
use crate::error::{AppError, FormErrors};
use leptos::prelude::*;
use leptos_meta::Title;
use shared::canvas::{euro, RouteCost, MONTHLY, ONE_OFF};
use shared::dto::CanvasView;
use shared::i18n::{t, Text};
use shared::network::{CanvasStatus, Law};

/// An amount in cents as a form field shows it: "1.200,50".
fn amount(cents: i64) -> String {
    euro(cents)
        .trim_start_matches('€')
        .trim_start_matches('\u{a0}')
        .to_string()
}

/// The fields of one route's cost.
#[component]
fn RouteFields(
    /// "regular" or "tailored".
    route: &'static str,
    legend: &'static str,
    current: Option<RouteCost>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    let bases = vec![
        (ONE_OFF.to_string(), t(Text::CostOneOff).to_string()),
        (MONTHLY.to_string(), t(Text::CostMonthly).to_string()),
    ];
    let (amount_name, basis_name, months_name) = match route {
        "regular" => ("regular_amount", "regular_basis", "regular_months"),
        _ => ("tailored_amount", "tailored_basis", "tailored_months"),
    };
    view! {
        <fieldset class="group">
            <legend>{legend}</legend>
            <FormField name=amount_name label=t(Text::CostAmount) hint=t(Text::CostAmountHint) value=current.map(|c| amount(c.amount_cents)).unwrap_or_default() errors />
            <FormField name=basis_name label=t(Text::CostBasis) options=bases value=current.map(|c| if c.months.is_some() { MONTHLY } else { ONE_OFF }.to_string()).unwrap_or_else(|| ONE_OFF.to_string()) errors />
            <FormField name=months_name label=t(Text::CostMonths) hint=t(Text::CostMonthsHint) value=current.and_then(|c| c.months).map(|m| m.to_string()).unwrap_or_default() errors />
        </fieldset>
    }
}

#[component]
fn CanvasFields(
    current: Option<CanvasView>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    let c = current.clone();
    let value = move |f: fn(&CanvasView) -> String| c.as_ref().map(f).unwrap_or_default();
    let laws = coded_options(Law::ALL, Law::code, Law::label, current.is_none());
    let statuses = coded_options(
        CanvasStatus::ALL,
        CanvasStatus::code,
        CanvasStatus::label,
        false,
    );
    view! {
        <FormField name="title" label=t(Text::Title) value=value(|c| c.title.clone()) errors />
        <FormField name="family_wants" label=t(Text::CanvasFamilyWants) kind="textarea" hint=t(Text::NoPersonalData) value=value(|c| c.family_wants.clone()) errors />
        <FormField name="law" label=t(Text::CanvasLaw) options=laws value=value(|c| c.law.code().to_string()) errors />
        <FormField name="law_reason" label=t(Text::CanvasLawReason) kind="textarea" hint=t(Text::NoPersonalData) value=value(|c| c.law_reason.clone()) errors />
        <RouteFields route="regular" legend=t(Text::CanvasRegular) current=current.as_ref().map(|c| c.regular) errors />
        <RouteFields route="tailored" legend=t(Text::CanvasTailored) current=current.as_ref().map(|c| c.tailored) errors />
        <FormField name="status" label=t(Text::AgreementStatus) options=statuses value=current.as_ref().map(|c| c.status.code().to_string()).unwrap_or_else(|| "ingediend".into()) errors />
        <FormField name="system_lesson" label=t(Text::CanvasSystemLesson) kind="textarea" hint=t(Text::CanvasSystemLessonHint) value=value(|c| c.system_lesson.clone()) errors />
    }
}

#[component]
pub fn NewCanvasPage() -> impl IntoView {
    let team = param("id");
    let save = ServerAction::<SaveCanvas>::new();
    let errors = form_errors(save.value());
    let error = action_error(save.value());
    view! {
        <Title text=t(Text::NewCanvas) />
        <p><a href=move || format!("/teams/{}", team().unwrap_or_default())>{t(Text::BackToTeam)}</a></p>
        <h1>{t(Text::NewCanvas)}</h1>
        <p>{t(Text::CanvasIntro)}</p>
        <ActionForm action=save attr:class="form">
            <FormAlert error />
            <input type="hidden" name="team_id" value=move || team().unwrap_or_default() />
            <LiveSaving saving_label=t(Text::CanvasSaving).to_string() extra_cost_label=t(Text::CanvasExtraCost).to_string()>
                <CanvasFields current=None errors />
            </LiveSaving>
            <PersonalDataCheck errors />
            <button type="submit" class="button">{t(Text::Save)}</button>
        </ActionForm>
    }
}

#[component]
pub fn CanvasPage() -> impl IntoView {
    let id = param("id");
    let save = ServerAction::<SaveCanvas>::new();
    let saved = last_success(save.version(), save.value());
    let canvas = Resource::new(
        move || (id(), saved.get()),
        |(id, _)| async move {
            match id {
                Some(id) => load_canvas(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=canvas render=move |c| canvas_view(c, save) /> }
}

/// A route's cost in words: "€ 450,00 per maand, 12 maanden (€ 5.400,00)".
fn route_text(cost: RouteCost) -> String {
    match cost.months {
        None => format!(
            "{} {}",
            euro(cost.amount_cents),
            t(Text::CostOneOff).to_lowercase()
        ),
        Some(months) => format!(
            "{} {}, {} {} ({} {})",
            euro(cost.amount_cents),
            t(Text::CostMonthly).to_lowercase(),
            months,
            t(Text::Months),
            t(Text::InTotal),
            euro(cost.total_cents())
        ),
    }
}

fn canvas_view(c: CanvasView, save: ServerAction<SaveCanvas>) -> impl IntoView {
    let current = c.clone();
    let redaction = c
        .viewer_redacts
        .then(|| view! { <RedactForm kind="canvas" id=c.id /> });
    let edit = c.viewer_writes.then(move || {
        let c = current;
        let errors = form_errors(save.value());
        let error = action_error(save.value());
        view! {
            <section aria-labelledby="wijzigen">
                <h2 id="wijzigen">{t(Text::EditCanvas)}</h2>
                <ActionForm action=save attr:class="form">
                    <FormAlert error />
                    <input type="hidden" name="team_id" value=c.team_id />
                    <input type="hidden" name="id" value=c.id />
                    <LiveSaving saving_label=t(Text::CanvasSaving).to_string() extra_cost_label=t(Text::CanvasExtraCost).to_string()>
                        <CanvasFields current=Some(c.clone()) errors />
                    </LiveSaving>
                    <PersonalDataCheck errors />
                    <button type="submit" class="button">{t(Text::Save)}</button>
                </ActionForm>
            </section>
        }
    });
    let saving = if c.saving_cents >= 0 {
        format!("{} {}", t(Text::CanvasSaving), euro(c.saving_cents))
    } else {
        format!("{} {}", t(Text::CanvasExtraCost), euro(-c.saving_cents))
    };
    view! {
        <Title text=c.title.clone() />
        <p><a href=format!("/teams/{}", c.team_id)>{format!("{} {}", t(Text::BackToTeamNamed), c.team_name)}</a></p>
        <h1>{c.title.clone()}</h1>
        <p class="lead saving">{saving}</p>
        <dl class="facts">
            <dt>{t(Text::AgreementStatus)}</dt>
            <dd>{c.status.label()}</dd>
            <dt>{t(Text::CanvasRegular)}</dt>
            <dd>{route_text(c.regular)}</dd>
            <dt>{t(Text::CanvasTailored)}</dt>
            <dd>{route_text(c.tailored)}</dd>
            <dt>{t(Text::CanvasLaw)}</dt>
            <dd>{c.law.label()}</dd>
        </dl>
        <h2>{t(Text::CanvasFamilyWants)}</h2>
        <p class="agreement-text">{c.family_wants.clone()}</p>
        <h2>{t(Text::CanvasLawReason)}</h2>
        <p class="agreement-text">{c.law_reason.clone()}</p>
        <h2>{t(Text::CanvasSystemLesson)}</h2>
        <p class="agreement-text">{if c.system_lesson.is_empty() { "–".to_string() } else { c.system_lesson.clone() }}</p>
        {edit}
        {redaction}
    }
}
