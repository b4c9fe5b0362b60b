//! The bestuurderstafel of the network or one gemeente (a plain GET
//! choice): the verdict icons per wijk and team, the teams to learn from,
//! open knelpunten by support, notable lessons, maatwerk savings, the
//! network's targets and the dialogue notes — printable on A4, and its
//! figures as CSV. Bestuurders set targets and write notes here; a note
//! has its own page.

use super::compare::choice;
use super::param;
use crate::api::governance::{load_governance, load_note, load_note_form, SaveNote, SaveTargets};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{
    action_error, form_errors, last_success, CheckboxList, FormAlert, FormField, PersonalDataCheck,
};
use crate::components::load::Loaded;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use shared::dto::{GovernanceView, NoteForm, NoteView, Verdict};
use shared::format::{self, Unit};
use shared::governance::{assurance_icon, target_text, variation_icon, ACTION_FIELDS};
use shared::i18n::{t, Text};
use shared::network::Measure;
use shared::stats::chart::value_text;
use shared::stats::xmr::{Assurance, Variation};
use shared::suppression::Figure;

/// The address part that names the scope: `?gemeente=…`, or nothing.
fn scope_query(gemeente_id: Option<i32>) -> String {
    gemeente_id.map_or(String::new(), |g| format!("?gemeente={g}"))
}

/// Every table of the page as one Excel file (`components::data_table`).
fn export_all(scope: &str) -> String {
    let joiner = if scope.is_empty() { "?" } else { "&" };
    format!("/bestuurderstafel{scope}{joiner}bestand=xlsx")
}

#[component]
pub fn GovernancePage() -> impl IntoView {
    let query = use_query_map();
    let targets = ServerAction::<SaveTargets>::new();
    let saved = last_success(targets.version(), targets.value());
    let page = Resource::new(
        move || {
            (
                query.read().get("gemeente").unwrap_or_default(),
                saved.get(),
            )
        },
        |(gemeente, _)| load_governance(gemeente),
    );
    view! {
        <Title text=t(Text::GovernanceTitle) />
        <Loaded resource=page render=move |page| governance_view(page, targets) />
    }
}

fn governance_view(page: GovernanceView, targets: ServerAction<SaveTargets>) -> impl IntoView {
    let scope = page
        .gemeente
        .clone()
        .unwrap_or_else(|| t(Text::GovernanceNetwork).to_string());
    let mut gemeenten = vec![(String::new(), t(Text::GovernanceNetwork).to_string())];
    gemeenten.extend(
        page.gemeenten
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    let chosen = page.gemeente_id.map(|g| g.to_string()).unwrap_or_default();
    let query = scope_query(page.gemeente_id);
    view! {
        <h1>{format!("{} – {scope}", t(Text::GovernanceTitle))}</h1>
        <p class="lead">{t(Text::GovernanceIntro)}</p>
        <div class="no-print">
            <Form method="GET" action="/bestuurderstafel" attr:class="filters">
                {choice("gemeente", t(Text::Gemeente), gemeenten, chosen)}
                <button type="submit" class="button">{t(Text::GovernanceShow)}</button>
            </Form>
            <p class="hint">{t(Text::GovernancePrintHint)}</p>
            <p><a href=export_all(&query) download="bestuurderstafel.xlsx">{t(Text::ExportAllTables)}</a></p>
        </div>
        {page.period.map(|(first, last)| view! {
            <p>{format!("{} {} – {}.", t(Text::GovernancePeriod), first.label(), last.label())}</p>
        })}
        {signals_view(&page)}
        {standouts_view(&page)}
        {knelpunten_view(&page)}
        {lessons_view(&page)}
        {savings_view(&page)}
        {targets_view(&page, targets)}
        {notes_view(&page)}
    }
}

fn legend() -> impl IntoView {
    let variations = [
        Variation::SpecialCauseImprovement,
        Variation::SpecialCauseConcern,
        Variation::CommonCause,
        Variation::NotEnoughData,
    ]
    .map(variation_icon);
    let assurances = [
        Some(Assurance::ConsistentlyMeets),
        Some(Assurance::HitAndMiss),
        Some(Assurance::ConsistentlyFails),
        None,
    ]
    .map(assurance_icon);
    let row = |heading: Text, icons: [shared::governance::Icon; 4]| {
        view! {
            <div>
                <dt>{t(heading)}</dt>
                {icons.into_iter().map(|icon| view! {
                    <dd>
                        <span class=format!("icon {}", icon.shape) aria-hidden="true">{icon.letter}</span>
                        " "{icon.label}
                    </dd>
                }).collect_view()}
            </div>
        }
    };
    view! {
        <h3>{t(Text::LegendTitle)}</h3>
        <dl class="legend">
            {row(Text::VariationHeading, variations)}
            {row(Text::AssuranceHeading, assurances)}
        </dl>
    }
}

/// One icon cell per measure of `subject` (a team or wijk).
fn verdict_cells(
    subject: &str,
    verdicts: &[Verdict],
    href: impl Fn(Measure) -> String,
) -> Vec<Cell> {
    verdicts
        .iter()
        .map(|v| Cell::Verdict {
            verdict: *v,
            subject: format!("{subject}, {}", v.measure.label()),
            href: href(v.measure),
        })
        .collect()
}

/// For a network too large to list per wijk and team: choose a gemeente.
fn choose_gemeente(page: &GovernanceView) -> Option<impl IntoView> {
    page.too_many_teams.map(|teams| {
        view! {
            <p>{format!("{} {} {}", t(Text::GovernanceTooManyBefore), format::figure(Figure::Value(f64::from(teams)), Unit::Count), t(Text::GovernanceTooManyAfter))}</p>
        }
    })
}

fn signals_view(page: &GovernanceView) -> impl IntoView {
    let wijken = &page.wijken;
    let mut headers = vec![t(Text::Team)];
    headers.extend(Measure::ALL.iter().map(|m| m.label()));
    let tables = wijken
        .iter()
        .map(|w| {
            let mut rows = Vec::new();
            let wijk_name = format!("{} ({})", t(Text::SignalsWijk), w.wijk);
            let mut wijk_row = vec![Cell::Link {
                text: wijk_name.clone(),
                href: format!("/wijken/{}", w.wijk_id),
            }];
            wijk_row.extend(verdict_cells(&wijk_name, &w.verdicts, |m| {
                format!("/wijken/{}#grafiek-{}", w.wijk_id, m.code())
            }));
            rows.push(wijk_row);
            for team in &w.teams {
                let mut row = vec![Cell::Link {
                    text: team.team.clone(),
                    href: format!("/teams/{}", team.team_id),
                }];
                row.extend(verdict_cells(&team.team, &team.verdicts, |m| {
                    format!("/teams/{}/resultaten#grafiek-{}", team.team_id, m.code())
                }));
                rows.push(row);
            }
            view! {
                <DataTable caption=format!("{} {}", t(Text::SignalsCaption), w.wijk) headers=headers.clone() rows />
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="signalen">
            <h2 id="signalen">{t(Text::SignalsTitle)}</h2>
            <p>{t(Text::SignalsIntro)}</p>
            {choose_gemeente(page)}
            {legend()}
            {tables}
        </section>
    }
}

fn standouts_view(page: &GovernanceView) -> impl IntoView {
    let more = Measure::ALL
        .iter()
        .map(|&m| {
            crate::pages::what_works::more_standouts(page.standouts.more_of(m), m, page.gemeente_id)
        })
        .collect_view();
    let items = if page.standouts.shown.is_empty() {
        view! { <p>{t(Text::StandoutsNone)}</p> }.into_any()
    } else {
        view! {
            <p>{t(Text::StandoutsIntro)}</p>
            <ul>
                {page.standouts.shown.iter().map(|s| view! {
                    <li>
                        {format!("{}: ", s.measure.label())}
                        <a href=format!("/teams/{}", s.team_id)>{s.team.clone()}</a>
                        {format!(" ({}), {}", s.wijk, value_text(s.value, s.measure.unit()))}
                    </li>
                }).collect_view()}
            </ul>
            {more}
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="uitschieters">
            <h2 id="uitschieters">{t(Text::StandoutsTitle)}</h2>
            {items}
        </section>
    }
}

fn knelpunten_view(page: &GovernanceView) -> impl IntoView {
    let table = if page.knelpunten.is_empty() {
        view! { <p>{t(Text::OpenKnelpuntenNone)}</p> }.into_any()
    } else {
        let rows = page
            .knelpunten
            .iter()
            .map(|k| {
                vec![
                    Cell::Link {
                        text: k.title.clone(),
                        href: format!("/knelpunten/{}", k.id),
                    },
                    Cell::Text(k.team.clone()),
                    Cell::Text(k.category.label().to_string()),
                    Cell::Text(k.status.label().to_string()),
                    Cell::Figure(Figure::Value(f64::from(k.supporters)), Unit::Count),
                    Cell::Date(k.raised_on.clone()),
                ]
            })
            .collect();
        view! {
            <DataTable
                caption=t(Text::OpenKnelpuntenCaption).to_string()
                headers=vec![t(Text::Title), t(Text::Team), t(Text::KnelpuntCategoryLabel), t(Text::AgreementStatus), t(Text::KnelpuntSupportCount), t(Text::KnelpuntRaisedOn)]
                rows
            />
        }
        .into_any()
    };
    // A network too large lists the most supported only.
    let more = (page.knelpunten_open as usize > page.knelpunten.len()).then(|| {
        let open = format::figure(Figure::Value(f64::from(page.knelpunten_open)), Unit::Count);
        view! {
            <p>{format!("{} {open} {}", t(Text::OpenKnelpuntenMoreBefore), t(Text::OpenKnelpuntenMoreAfter))}</p>
        }
    });
    view! {
        <section aria-labelledby="knelpunten">
            <h2 id="knelpunten">{t(Text::OpenKnelpuntenTitle)}</h2>
            {more}
            {table}
        </section>
    }
}

fn lessons_view(page: &GovernanceView) -> impl IntoView {
    let table = if page.lessons.is_empty() {
        view! { <p>{t(Text::NotableLessonsNone)}</p> }.into_any()
    } else {
        let rows = page
            .lessons
            .iter()
            .map(|l| {
                vec![
                    Cell::Link {
                        text: l.title.clone(),
                        href: format!("/lessen/{}", l.id),
                    },
                    Cell::Text(l.team.clone()),
                    Cell::Figure(Figure::Value(f64::from(l.useful)), Unit::Count),
                    Cell::Figure(Figure::Value(f64::from(l.adoptions)), Unit::Count),
                    Cell::Date(l.recorded_on.clone()),
                ]
            })
            .collect();
        view! {
            <DataTable
                caption=t(Text::NotableLessonsCaption).to_string()
                headers=vec![t(Text::Title), t(Text::Team), t(Text::UsefulColumn), t(Text::AdoptedCount), t(Text::RecordedOn)]
                rows
            />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="lessen">
            <h2 id="lessen">{t(Text::NotableLessonsTitle)}</h2>
            {table}
        </section>
    }
}

fn savings_view(page: &GovernanceView) -> impl IntoView {
    let count = |n: u32| Cell::Figure(Figure::Value(f64::from(n)), Unit::Count);
    let mut rows = Vec::new();
    for w in &page.savings {
        for team in &w.teams {
            rows.push(vec![
                Cell::Link {
                    text: team.team.clone(),
                    href: format!("/teams/{}", team.team_id),
                },
                Cell::Text(w.wijk.clone()),
                count(team.canvases),
                Cell::Euros(team.saving_cents),
            ]);
        }
        rows.push(vec![
            Cell::Text(t(Text::SavingsWijkTotal).to_string()),
            Cell::Text(w.wijk.clone()),
            count(w.canvases),
            Cell::Euros(w.saving_cents),
        ]);
    }
    rows.push(vec![
        Cell::Text(t(Text::SavingsTotal).to_string()),
        Cell::Text(String::new()),
        count(page.savings.iter().map(|w| w.canvases).sum()),
        Cell::Euros(page.savings.iter().map(|w| w.saving_cents).sum()),
    ]);
    view! {
        <section aria-labelledby="besparing">
            <h2 id="besparing">{t(Text::SavingsTitle)}</h2>
            {match choose_gemeente(page) {
                Some(choose) => choose.into_any(),
                None => view! {
                    <DataTable
                        caption=t(Text::SavingsCaption).to_string()
                        headers=vec![t(Text::Team), t(Text::Wijk), t(Text::SavingsCanvases), t(Text::SavingsAmount)]
                        rows
                    />
                }
                .into_any(),
            }}
        </section>
    }
}

fn targets_view(page: &GovernanceView, save: ServerAction<SaveTargets>) -> impl IntoView {
    let target = |m: Measure| {
        page.targets
            .iter()
            .find(|(measure, _)| *measure == m)
            .and_then(|(_, v)| *v)
    };
    let rows = page
        .targets
        .iter()
        .map(|(measure, value)| {
            vec![
                Cell::Text(measure.label().to_string()),
                Cell::Text(value.map_or_else(
                    || t(Text::AssuranceNone).to_string(),
                    |v| value_text(v, measure.unit()),
                )),
            ]
        })
        .collect();
    let errors = form_errors(save.value());
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let typed = |m: Measure| target(m).map(|v| target_text(m, v)).unwrap_or_default();
    let (wait, without_help, client_grade, uitval, doelrealisatie) = (
        typed(Measure::Wait),
        typed(Measure::WithoutHelp),
        typed(Measure::ClientGrade),
        typed(Measure::Uitval),
        typed(Measure::Doelrealisatie),
    );
    let form = page.viewer_governs.then(move || {
        view! {
            <ActionForm action=save attr:class="form no-print">
                <FormAlert error=action_error(save.value()) />
                <p role="status">{move || saved().then(|| t(Text::TargetsSaved))}</p>
                <FormField name="wait" label=t(Text::TargetWait) value=wait errors />
                <FormField name="without_help" label=t(Text::TargetWithoutHelp) value=without_help errors />
                <FormField name="client_grade" label=t(Text::TargetClientGrade) value=client_grade errors />
                <FormField name="uitval" label=t(Text::TargetUitval) value=uitval errors />
                <FormField name="doelrealisatie" label=t(Text::TargetDoelrealisatie) value=doelrealisatie errors />
                <button type="submit" class="button">{t(Text::TargetsSave)}</button>
            </ActionForm>
        }
    });
    view! {
        <section aria-labelledby="streefwaarden">
            <h2 id="streefwaarden">{t(Text::TargetsTitle)}</h2>
            <p>{t(Text::TargetsIntro)}</p>
            <DataTable caption=t(Text::TargetsCaption).to_string() headers=vec![t(Text::Measure), t(Text::TargetsTitle)] rows />
            {form}
        </section>
    }
}

fn notes_view(page: &GovernanceView) -> impl IntoView {
    let list = if page.notes.is_empty() {
        view! { <p>{t(Text::NotesNone)}</p> }.into_any()
    } else {
        view! {
            <ul class="notes">
                {page.notes.iter().map(|n| view! {
                    <li>
                        <a href=format!("/overleg/{}", n.id)>
                            {format!("{} {}", t(Text::NoteTitle), format::date(&n.held_on))}
                        </a>
                        {format!(
                            " ({}): {}",
                            n.gemeente.clone().unwrap_or_else(|| t(Text::GovernanceNetwork).to_string()),
                            n.conclusions
                        )}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let query = scope_query(page.gemeente_id);
    view! {
        <section aria-labelledby="verslagen">
            <h2 id="verslagen">{t(Text::NotesTitle)}</h2>
            {page.viewer_governs.then(|| view! {
                <p class="no-print"><a class="button" href=format!("/bestuurderstafel/overleg/nieuw{query}")>{t(Text::NewNote)}</a></p>
            })}
            {list}
        </section>
    }
}

#[component]
pub fn NewNotePage() -> impl IntoView {
    let query = use_query_map();
    let form = Resource::new(
        move || query.read().get("gemeente").unwrap_or_default(),
        load_note_form,
    );
    let save = ServerAction::<SaveNote>::new();
    view! {
        <Title text=t(Text::NewNote) />
        <Loaded resource=form render=move |form| note_form(form, save) />
    }
}

fn note_form(form: NoteForm, save: ServerAction<SaveNote>) -> impl IntoView {
    let errors = form_errors(save.value());
    let scope = form
        .gemeente
        .clone()
        .unwrap_or_else(|| t(Text::GovernanceNetwork).to_string());
    let actions = ACTION_FIELDS
        .iter()
        .enumerate()
        .map(|(row, [description, owner, due_on])| {
            view! {
                <fieldset class="action-row">
                    <legend>{format!("{} {}", t(Text::NoteAction), row + 1)}</legend>
                    <FormField name=description label=t(Text::ActionDescription) errors />
                    <FormField name=owner label=t(Text::ActionOwner) errors />
                    <FormField name=due_on label=t(Text::ActionDue) kind="date" errors />
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <p><a href=format!("/bestuurderstafel{}", scope_query(form.gemeente_id))>{t(Text::BackToGovernance)}</a></p>
        <h1>{format!("{} – {scope}", t(Text::NewNote))}</h1>
        <ActionForm action=save attr:class="form">
            <FormAlert error=action_error(save.value()) />
            {form.gemeente_id.map(|g| view! { <input type="hidden" name="gemeente_id" value=g /> })}
            <FormField name="held_on" label=t(Text::NoteHeldOn) kind="date" errors />
            <FormField name="attendees" label=t(Text::NoteAttendees) kind="textarea" errors />
            <FormField name="conclusions" label=t(Text::NoteConclusions) kind="textarea" hint=t(Text::NoPersonalData) errors />
            <CheckboxList name="knelpunten" legend=t(Text::NoteKnelpunten) options=form.knelpunten empty=t(Text::NoteNothingToLink) errors />
            <CheckboxList name="lessons" legend=t(Text::NoteLessons) options=form.lessons empty=t(Text::NoteNothingToLink) errors />
            <fieldset class="checks">
                <legend>{t(Text::NoteActions)}</legend>
                <p class="hint">{t(Text::NoteActionsHint)}</p>
                {actions}
            </fieldset>
            <PersonalDataCheck errors />
            <button type="submit" class="button">{t(Text::NoteSave)}</button>
        </ActionForm>
    }
}

#[component]
pub fn NotePage() -> impl IntoView {
    let id = param("id");
    let note = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_note(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! { <Loaded resource=note render=note_view /> }
}

fn note_view(n: NoteView) -> impl IntoView {
    let title = format!("{} {}", t(Text::NoteTitle), format::date(&n.held_on));
    let links = |items: Vec<(i32, String, String)>, path: &'static str, none: Text| {
        if items.is_empty() {
            view! { <p>{t(none)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {items.into_iter().map(|(id, title, team)| view! {
                        <li><a href=format!("/{path}/{id}")>{title}</a>{format!(" ({team})")}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let actions = if n.actions.is_empty() {
        view! { <p>{t(Text::NoteNoActions)}</p> }.into_any()
    } else {
        let rows = n
            .actions
            .iter()
            .map(|a| {
                vec![
                    Cell::Text(a.description.clone()),
                    Cell::Text(a.owner.clone()),
                    Cell::Date(a.due_on.clone()),
                ]
            })
            .collect();
        view! {
            <DataTable
                caption=t(Text::NoteActionsCaption).to_string()
                headers=vec![t(Text::ActionDescription), t(Text::ActionOwner), t(Text::ActionDue)]
                rows
            />
        }
        .into_any()
    };
    view! {
        <Title text=title.clone() />
        <p><a href=format!("/bestuurderstafel{}", scope_query(n.gemeente_id))>{t(Text::BackToGovernance)}</a></p>
        <h1>{title}</h1>
        <dl class="facts">
            <dt>{t(Text::NoteScope)}</dt>
            <dd>{n.gemeente.clone().unwrap_or_else(|| t(Text::GovernanceNetwork).to_string())}</dd>
            <dt>{t(Text::NoteAttendees)}</dt>
            <dd>{n.attendees.clone()}</dd>
            <dt>{t(Text::NoteAuthor)}</dt>
            <dd>{n.author.clone().unwrap_or_else(|| t(Text::FormerMember).to_string())}</dd>
        </dl>
        <h2>{t(Text::NoteConclusions)}</h2>
        <p class="agreement-text">{n.conclusions.clone()}</p>
        <h2>{t(Text::NoteKnelpunten)}</h2>
        {links(n.knelpunten.clone(), "knelpunten", Text::NoteNoKnelpunten)}
        <h2>{t(Text::NoteLessons)}</h2>
        {links(n.lessons.clone(), "lessen", Text::NoteNoLessons)}
        <h2>{t(Text::NoteActions)}</h2>
        {actions}
    }
}

/// The dialogue notes that discussed a knelpunt or lesson, as links.
pub(crate) fn discussed_in(notes: &[(i32, String)]) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <p class="note">
                {t(Text::DiscussedIn)}" "
                {notes.iter().enumerate().map(|(i, (id, held_on))| view! {
                    {(i > 0).then_some(", ")}
                    <a href=format!("/overleg/{id}")>{format::date(held_on)}</a>
                }).collect_view()}
            </p>
        }
    })
}
