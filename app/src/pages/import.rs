//! Importing monthly results from a file: the upload form with the
//! columns Wijkwijs reads, and the preview that says what would be added,
//! corrected and refused before anything is saved. One pair of pages for
//! a team (members) and for many teams at once (beheerders).

use super::param;
use crate::api::imports::{
    import_page, import_preview, import_target, ConfirmImport, ImportMessages, ImportResults,
};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{
    action_error, form_errors, last_success, returned_refusal, FormAlert, FormField,
};
use crate::components::import_progress::ImportProgressBar;
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use shared::dto::ImportPreview;
use shared::format::Unit;
use shared::i18n::{t, Text};
use shared::import::results::{Planned, FIELDS};
use shared::results::MonthlyResult;
use shared::suppression::Figure;

/// The team of the page's address; none on beheer's page for many teams.
fn scope(network: bool) -> impl Fn() -> Result<Option<i32>, AppError> + Copy + Send + Sync {
    let team = param("id");
    move || match (network, team()) {
        (true, _) => Ok(None),
        (false, Some(team)) => Ok(Some(team)),
        (false, None) => Err(AppError::NotFound),
    }
}

fn title(team: Option<i32>) -> &'static str {
    t(if team.is_some() {
        Text::ImportTitle
    } else {
        Text::ImportNetworkTitle
    })
}

/// Where "back" leads: the team's results, or beheer.
fn back_link(team: Option<i32>, team_name: Option<&str>) -> impl IntoView {
    let (href, text) = match (team, team_name) {
        (Some(team), Some(name)) => (
            format!("/teams/{team}/resultaten"),
            format!("{} {name}", t(Text::BackToTeamNamed)),
        ),
        _ => ("/beheer".to_string(), t(Text::NavAdmin).to_string()),
    };
    view! { <p><a href=href>{text}</a></p> }
}

#[component]
pub fn ImportPage(network: bool) -> impl IntoView {
    let scope = scope(network);
    let refusal = returned_refusal::<ImportResults>();
    let messages_refusal = returned_refusal::<ImportMessages>();
    let target = Resource::new(scope, |scope| async move {
        let team = scope?;
        import_target(team).await.map(|name| (team, name))
    });
    view! {
        <Loaded resource=target render=move |(team, name)| {
            view! {
                {upload_view(team, name, refusal)}
                {team.map(|team| messages_view(team, messages_refusal))}
            }
        } />
    }
}

/// The form for a team's iJw/iWmo messages, and how they are counted.
fn messages_view(team: i32, refusal: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    let errors = form_errors(refusal);
    let error = action_error(refusal);
    view! {
        <section aria-labelledby="berichten">
            <h2 id="berichten">{t(Text::IjwTitle)}</h2>
            <p>{t(Text::IjwIntro)}</p>
            <form method="post" action=ImportMessages::url() enctype="multipart/form-data" class="form">
                <FormAlert error />
                <input type="hidden" name="team_id" value=team />
                <FormField
                    name="berichten"
                    label=t(Text::IjwFile)
                    kind="file"
                    hint=t(Text::IjwFileHint)
                    required=true
                    multiple=true
                    accept=".xml,.zip"
                    errors
                />
                <button type="submit" class="button">{t(Text::IjwCheck)}</button>
            </form>
            <p class="note">{t(Text::IjwRules)}</p>
        </section>
    }
}

fn upload_view(
    team: Option<i32>,
    name: Option<String>,
    refusal: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let errors = form_errors(refusal);
    let error = action_error(refusal);
    let columns = FIELDS
        .iter()
        .map(|&(field, long, short, required)| {
            vec![
                Cell::Text(t(long).to_string()),
                Cell::Text(format!("{}; {field}", t(short))),
                Cell::Text(t(if required { Text::Yes } else { Text::No }).to_string()),
            ]
        })
        .chain(team.is_none().then(|| {
            vec![
                Cell::Text(t(Text::Team).to_string()),
                Cell::Text("team-id; team_id".to_string()),
                Cell::Text(t(Text::Yes).to_string()),
            ]
        }))
        .collect();
    view! {
        <Title text=title(team) />
        {back_link(team, name.as_deref())}
        <h1>{title(team)}{name.map(|n| format!(": {n}"))}</h1>
        <p class="lead">{t(Text::ImportIntro)}</p>
        {team.is_none().then(|| view! { <p>{t(Text::ImportNetworkIntro)}</p> })}
        <form method="post" action=ImportResults::url() enctype="multipart/form-data" class="form">
            <FormAlert error />
            {team.map(|team| view! { <input type="hidden" name="team_id" value=team /> })}
            <FormField name="bestand" label=t(Text::ImportFile) kind="file" hint=t(Text::ImportFileHint) required=true errors />
            <button type="submit" class="button">{t(Text::ImportCheck)}</button>
        </form>
        <h2>{t(Text::ImportColumnsCaption)}</h2>
        <p>{t(Text::ImportColumnLeftOut)}</p>
        <DataTable
            caption=t(Text::ImportColumnsCaption).to_string()
            headers=vec![t(Text::ImportColumnHeader), t(Text::ImportColumnAlso), t(Text::ImportColumnRequired)]
            rows=columns
        />
    }
}

#[component]
pub fn ImportPreviewPage(network: bool) -> impl IntoView {
    let scope = scope(network);
    let params = use_params_map();
    let confirm = ServerAction::<ConfirmImport>::new();
    let confirmed = last_success(confirm.version(), confirm.value());
    let preview = Resource::new(
        move || (scope(), params.read().get("token"), confirmed.get()),
        |(scope, token, _)| async move {
            let team = scope?;
            let preview = import_preview(token.unwrap_or_default()).await?;
            // The address must be the import's own page.
            if preview.team_id == team {
                Ok(preview)
            } else {
                Err(AppError::NotFound)
            }
        },
    );
    view! { <Loaded resource=preview render=move |p| preview_view(p, confirm) /> }
}

/// The figures of a month, in the order of `FIELDS` after the month.
fn figures(r: &MonthlyResult) -> [(Option<f64>, Unit); 8] {
    let count = |n: u32| Some(f64::from(n));
    [
        (count(r.started), Unit::Count),
        (r.mean_wait_days, Unit::Days),
        (count(r.ended), Unit::Count),
        (count(r.without_help), Unit::Count),
        (count(r.client_responses), Unit::Count),
        (r.client_grade, Unit::Grade),
        (r.uitval.and_then(count), Unit::Count),
        (r.doelrealisatie.and_then(count), Unit::Count),
    ]
}

fn figure_text(value: Option<f64>, unit: Unit) -> String {
    shared::format::figure(value.map_or(Figure::NoData, Figure::Value), unit)
}

/// A table of months an import adds or corrects; a correction shows each
/// changed figure as "old → new".
fn planned_table(
    caption: &'static str,
    planned: &[Planned],
    team_names: &[(i32, String)],
    network: bool,
    // A file's line; counted messages have none.
    lines: bool,
) -> impl IntoView {
    let mut headers = if lines {
        vec![t(Text::ImportLine)]
    } else {
        Vec::new()
    };
    if network {
        headers.push(t(Text::Team));
    }
    headers.extend(FIELDS.iter().map(|&(_, _, short, _)| t(short)));
    let name = |team: i32| {
        team_names
            .iter()
            .find(|(id, _)| *id == team)
            .map_or_else(|| team.to_string(), |(_, name)| format!("{name} ({team})"))
    };
    let rows = planned
        .iter()
        .map(|p| {
            let mut cells = if lines {
                vec![Cell::Text(p.line.to_string())]
            } else {
                Vec::new()
            };
            if network {
                cells.push(Cell::Text(name(p.team_id)));
            }
            cells.push(Cell::Text(p.after.month.label()));
            let before = p.before.as_ref().map(figures);
            for (i, (value, unit)) in figures(&p.after).into_iter().enumerate() {
                cells.push(match before.as_ref().map(|b| b[i]) {
                    Some((old, _)) if old != value => Cell::Text(
                        Text::ImportBeforeAfter
                            .with(figure_text(old, unit))
                            .with(figure_text(value, unit))
                            .to_string(),
                    ),
                    _ => Cell::Figure(value.map_or(Figure::NoData, Figure::Value), unit),
                });
            }
            cells
        })
        .collect();
    view! { <DataTable caption=caption.to_string() headers rows /> }
}

/// What was read from iJw/iWmo messages and how it was counted.
fn messages_summary(m: &shared::import::messages::Summary) -> impl IntoView {
    let read = Text::IjwSummary
        .with(m.files)
        .with(m.messages)
        .with(m.skipped)
        .with(m.starts)
        .with(m.stops)
        .with(m.deleted)
        .to_string();
    let waits = Text::IjwWaits
        .with(m.waits_from_request)
        .with(m.waits_from_assignment)
        .with(m.starts_without_wait)
        .to_string();
    view! {
        <ul>
            <li>{read}</li>
            <li>{waits}</li>
            {(m.ends_left_out > 0).then(|| view! { <li>{Text::IjwLeftOut.with(m.ends_left_out).to_string()}</li> })}
            {(m.unmatched_deletions > 0).then(|| view! { <li>{Text::IjwUnmatched.with(m.unmatched_deletions).to_string()}</li> })}
        </ul>
        <p class="note">{t(Text::IjwNotInMessages)}</p>
    }
}

/// "The first 200 of 1,234 are listed below", when not all are.
fn shown_note(shown: usize, total: usize) -> Option<impl IntoView> {
    (shown < total).then(|| {
        view! { <p class="note">{Text::ImportShowingFirst.with(shown).with(total).to_string()}</p> }
    })
}

fn preview_view(p: ImportPreview, confirm: ServerAction<ConfirmImport>) -> impl IntoView {
    let error = action_error(confirm.value());
    let s = &p.preview;
    let network = p.team_id.is_none();
    let summary = Text::ImportSummary
        .with(s.rows_read)
        .with(s.added)
        .with(s.corrected)
        .with(s.unchanged)
        .with(s.refused_rows)
        .to_string();
    let kind = match (p.kind.as_str(), &s.messages) {
        ("xlsx", _) => t(Text::ImportKindXlsx).to_string(),
        (_, Some(m)) => Text::ImportKindMessages
            .with(m.standard.map_or("", |s| s.name()))
            .with(m.releases.join(", "))
            .to_string(),
        _ => t(Text::ImportKindCsv).to_string(),
    };
    let messages = s.messages.as_ref().map(messages_summary);
    let under_way = p.applied.is_none() && p.progress.under_way;
    let status = match (&p.applied, p.expired) {
        (None, _) if under_way => view! {
            <section aria-labelledby="voortgang">
                <h2 id="voortgang">{t(Text::ImportUnderWay)}</h2>
                // Without JavaScript the page looks again every ten seconds
                // (and on the link); with it the bar follows the import.
                <Meta http_equiv="refresh" content="10" />
                <p><a href="">{t(Text::ImportRefresh)}</a></p>
                <ImportProgressBar
                    token=p.token.clone()
                    label=t(Text::ImportProgressLabel).to_string()
                    steps=t(Text::ImportProgressSteps).to_string()
                    done=p.progress.done
                    total=p.progress.total
                />
            </section>
        }
        .into_any(),
        (Some(applied), _) => view! {
            <p class="notice" role="status">
                {Text::ImportApplied.with(applied.added).with(applied.corrected).to_string()}
                " "
                {(applied.refused > 0).then(|| format!("{} ", Text::ImportRefusedMeanwhile.with(applied.refused)))}
                {Text::ImportAppliedAt.with(&applied.at).to_string()}
            </p>
        }
        .into_any(),
        (None, true) => {
            view! { <p class="notice" role="status">{t(Text::ImportGone)}</p> }.into_any()
        }
        (None, false) if p.progress.failed => view! {
            <p class="notice" role="alert">{t(Text::ImportFailed)}</p>
            <ActionForm action=confirm attr:class="form">
                <FormAlert error />
                <input type="hidden" name="token" value=p.token.clone() />
                <button type="submit" class="button">{t(Text::ImportConfirm)}</button>
            </ActionForm>
        }
        .into_any(),
        (None, false) if s.added + s.corrected == 0 => {
            view! { <p class="notice" role="status">{t(Text::ImportNothingToDo)}</p> }.into_any()
        }
        (None, false) => view! {
            <ActionForm action=confirm attr:class="form">
                <FormAlert error />
                <input type="hidden" name="token" value=p.token.clone() />
                <p class="hint">{t(Text::ImportExpires)}</p>
                <button type="submit" class="button">{t(Text::ImportConfirm)}</button>
            </ActionForm>
        }
        .into_any(),
    };
    let unknown = (!s.unknown_columns.is_empty()).then(|| {
        view! { <p class="note">{Text::ImportUnknownColumns.with(s.unknown_columns.join("; ")).to_string()}</p> }
    });
    let corrections = (s.corrected > 0).then(|| {
        view! {
            <h2>{t(Text::ImportCorrections)}</h2>
            {shown_note(s.corrections.len(), s.corrected)}
            {planned_table(t(Text::ImportCorrectionsCaption), &s.corrections, &p.team_names, network, s.messages.is_none())}
        }
    });
    let additions = (s.added > 0).then(|| {
        view! {
            <h2>{t(Text::ImportAdditions)}</h2>
            {shown_note(s.additions.len(), s.added)}
            {planned_table(t(Text::ImportAdditionsCaption), &s.additions, &p.team_names, network, s.messages.is_none())}
        }
    });
    // A file's rows are its lines; counted messages' rows are months.
    let (refusals_title, refusals_caption, row_header) = match &s.messages {
        Some(_) => (Text::IjwRefusals, Text::IjwRefusalsCaption, Text::Month),
        None => (
            Text::ImportRefusals,
            Text::ImportRefusalsCaption,
            Text::ImportLine,
        ),
    };
    let row_name = |line: usize| match &s.messages {
        Some(m) => m
            .months
            .get(line.wrapping_sub(1))
            .map_or_else(|| line.to_string(), |month| month.label()),
        None => line.to_string(),
    };
    let refusals = (s.refused_rows > 0).then(|| {
        view! {
            <h2>{t(refusals_title)}</h2>
            <p>{t(Text::ImportRefusalsNote)}</p>
            {shown_note(s.refusals.len(), s.refusals_total)}
            <DataTable
                caption=t(refusals_caption).to_string()
                headers=vec![t(row_header), t(Text::ImportColumn), t(Text::ImportReason)]
                rows=s
                    .refusals
                    .iter()
                    .map(|r| vec![
                        Cell::Text(row_name(r.line)),
                        Cell::Text(r.column.clone()),
                        Cell::Text(r.message.clone()),
                    ])
                    .collect()
            />
        }
    });
    view! {
        <Title text=t(Text::ImportPreviewTitle) />
        {back_link(p.team_id, p.team_name.as_deref())}
        <h1>{t(Text::ImportPreviewTitle)}{p.team_name.clone().map(|n| format!(": {n}"))}</h1>
        <p>{format!("{}: {kind}", t(Text::ImportFileKind))}</p>
        <p class="lead">{summary}</p>
        {messages}
        {unknown}
        {status}
        {corrections}
        {additions}
        {refusals}
        <p><a href=import_page(p.team_id)>{t(Text::ImportAnotherFile)}</a></p>
    }
}
