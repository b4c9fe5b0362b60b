//! A team's space as a small site of parts (`TeamPart`): the overview with
//! headline tiles and contact, then agreements by theme, results with run
//! charts and the professionals' survey, lessons, maatwerkcanvassen,
//! knelpunten, questions between teams and members.

use crate::api::news::{load_team_news, MarkNewsSeen};
use crate::api::team::{
    organisation_options, team_space, AddMember, RemoveMember, SendTeamMessage,
};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{
    action_error, form_errors, last_success, ActingTeamField, FormAlert, FormField,
    PersonalDataCheck,
};
use crate::components::kept::kept;
use crate::components::load::Loaded;
use crate::components::run_chart::RunCharts;
use crate::components::tiles::HeadlineTiles;
use crate::error::AppError;
use crate::pages::survey::SurveyTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use shared::canvas::euro;
use shared::dto::{
    AgreementView, CanvasSummary, KnelpuntSummary, LessonSummary, MemberView, OutcomeRow, TeamSpace,
};
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::network::AgreementTheme;
use shared::news::TeamNews;

/// A part of a team's space, each a page of its own under `/teams/{id}`,
/// so a member who comes to enter a month or read a lesson finds it
/// without scrolling past the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamPart {
    Overview,
    Agreements,
    Results,
    Lessons,
    Canvases,
    Knelpunten,
    Questions,
    Members,
}

impl TeamPart {
    pub const ALL: [TeamPart; 8] = [
        TeamPart::Overview,
        TeamPart::Agreements,
        TeamPart::Results,
        TeamPart::Lessons,
        TeamPart::Canvases,
        TeamPart::Knelpunten,
        TeamPart::Questions,
        TeamPart::Members,
    ];

    /// The part's page.
    pub fn href(self, team_id: i32) -> String {
        let slug = match self {
            TeamPart::Overview => return format!("/teams/{team_id}"),
            TeamPart::Agreements => "afspraken",
            TeamPart::Results => "resultaten",
            TeamPart::Lessons => "lessen",
            TeamPart::Canvases => "canvassen",
            TeamPart::Knelpunten => "knelpunten",
            TeamPart::Questions => "vragen",
            TeamPart::Members => "leden",
        };
        format!("/teams/{team_id}/{slug}")
    }

    fn label(self) -> &'static str {
        t(match self {
            TeamPart::Overview => Text::TeamPartOverview,
            TeamPart::Agreements => Text::TeamPartAgreements,
            TeamPart::Results => Text::TeamPartResults,
            TeamPart::Lessons => Text::TeamPartLessons,
            TeamPart::Canvases => Text::TeamPartCanvases,
            TeamPart::Knelpunten => Text::TeamPartKnelpunten,
            TeamPart::Questions => Text::TeamPartQuestions,
            TeamPart::Members => Text::TeamPartMembers,
        })
    }
}

#[component]
pub fn TeamPage(part: TeamPart) -> impl IntoView {
    let params = use_params_map();
    let add = ServerAction::<AddMember>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let message = ServerAction::<SendTeamMessage>::new();
    // Asked again after a member is added or removed, or a message is sent.
    let (added, removed, sent) = (
        last_success(add.version(), add.value()),
        last_success(remove.version(), remove.value()),
        last_success(message.version(), message.value()),
    );
    let team = Resource::new(
        move || {
            let id = params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i32>().ok());
            (id, added.get(), removed.get(), sent.get())
        },
        |(id, ..)| async move {
            match id {
                Some(id) => team_space(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=team render=move |team| team_view(team, part, add, remove, message) />
    }
}

/// The parts of the team's space, the current one marked.
fn part_navigation(team_id: i32, current: TeamPart) -> impl IntoView {
    view! {
        <nav class="subnav" aria-label=t(Text::TeamParts)>
            <ul>
                {TeamPart::ALL
                    .into_iter()
                    .map(|part| {
                        let here = (part == current).then_some("page");
                        view! { <li><a href=part.href(team_id) aria-current=here>{part.label()}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

fn team_view(
    team: TeamSpace,
    part: TeamPart,
    add: ServerAction<AddMember>,
    remove: ServerAction<RemoveMember>,
    message: ServerAction<SendTeamMessage>,
) -> impl IntoView {
    // What only the team records shows here; a button to add to it is the
    // viewer's, so it stays outside the kept parts.
    let (id, writes, html) = (team.id, team.viewer_writes, team.html.clone());
    let title = match part {
        TeamPart::Overview => team.name.clone(),
        _ => format!("{} – {}", part.label(), team.name),
    };
    let button = move |path: &str, text: Text| {
        writes.then(|| {
            view! { <p><a class="button" href=format!("/teams/{id}/{path}")>{t(text)}</a></p> }
        })
    };
    let breadcrumb = view! {
        <nav class="breadcrumb" aria-label=t(Text::Breadcrumb)>
            <ol>
                <li><a href="/">{t(Text::NavOverview)}</a></li>
                <li>{format!("{} {}", t(Text::Gemeente), team.gemeente_name)}</li>
                <li><a href=format!("/wijken/{}", team.wijk_id)>{format!("{} {}", t(Text::Wijk), team.wijk_name)}</a></li>
            </ol>
        </nav>
        <h1>{team.name.clone()}</h1>
    };
    let content = match part {
        TeamPart::Overview => {
            let variations: Vec<_> = team
                .charts
                .iter()
                .map(|c| (c.measure, c.variation))
                .collect();
            let contact = team.contact.clone();
            let (latest, previous, doelgroep) = (team.latest, team.previous, team.doelgroep);
            view! {
                {kept(&html, "kop", move || {
                    let contact = match contact {
                        Some(c) => view! { <p>{member_line(&c)}</p> }.into_any(),
                        None => view! { <p>{t(Text::TeamNoContact)}</p> }.into_any(),
                    };
                    view! {
                        <p class="lead">{format!("{}: {}", t(Text::Doelgroep), doelgroep.label())}</p>
                        {latest.map(|latest| view! { <HeadlineTiles latest previous team_id=id variations /> })}
                        <section aria-labelledby="contact">
                            <h2 id="contact">{t(Text::TeamContact)}</h2>
                            {contact}
                        </section>
                    }
                })}
                {button("resultaten/invoeren", Text::EnterMonth)}
                {writes.then(|| view! { <TeamNewsSection team_id=id /> })}
            }
            .into_any()
        }
        TeamPart::Agreements => view! {
            <section aria-labelledby="afspraken">
                <h2 id="afspraken">{t(Text::AgreementsTitle)}</h2>
                {button("nieuwe-afspraak", Text::NewAgreement)}
                {kept(&html, "afspraken", move || {
                    if team.agreements.is_empty() {
                        view! { <p>{t(Text::AgreementsNone)}</p> }.into_any()
                    } else {
                        team.agreements.into_iter().map(theme_view).collect_view().into_any()
                    }
                })}
            </section>
        }
        .into_any(),
        TeamPart::Results => view! {
            <section aria-labelledby="resultaten">
                <h2 id="resultaten">{t(Text::ResultsTitle)}</h2>
                {button("resultaten/invoeren", Text::EnterMonth)}
                {writes.then(|| view! { <p><a href=format!("/teams/{id}/resultaten/importeren")>{t(Text::ImportLink)}</a></p> })}
                {kept(&html, "resultaten", move || results_view(team.results))}
            </section>
            <section aria-labelledby="verloop">
                <h2 id="verloop">{t(Text::ChartsTitle)}</h2>
                <p>{t(Text::ChartsIntro)}</p>
                <RunCharts charts=team.charts src=format!("/grafieken/teams/{id}") html=html.clone() marks=format!("/teams/{id}/grafieken") />
            </section>
            <section aria-labelledby="vragenlijst">
                <h2 id="vragenlijst">{t(Text::SurveyTitle)}</h2>
                {button("vragenlijst", Text::SurveyFill)}
                {kept(&html, "vragenlijst", move || {
                    if team.survey.is_empty() {
                        view! { <p>{t(Text::SurveyNone)}</p> }.into_any()
                    } else {
                        view! { <SurveyTable results=team.survey /> }.into_any()
                    }
                })}
            </section>
        }
        .into_any(),
        TeamPart::Lessons => view! {
            <section aria-labelledby="lessen">
                <h2 id="lessen">{t(Text::LessonsTitle)}</h2>
                {button("nieuwe-les", Text::NewLesson)}
                {kept(&html, "lessen", move || lessons_view(team.lessons))}
            </section>
        }
        .into_any(),
        TeamPart::Canvases => view! {
            <section aria-labelledby="canvassen">
                <h2 id="canvassen">{t(Text::CanvasesTitle)}</h2>
                {button("nieuw-canvas", Text::NewCanvas)}
                {kept(&html, "canvassen", move || canvases_view(team.canvases))}
            </section>
        }
        .into_any(),
        TeamPart::Knelpunten => view! {
            <section aria-labelledby="knelpunten">
                <h2 id="knelpunten">{t(Text::KnelpuntenTitle)}</h2>
                {button("nieuw-knelpunt", Text::NewKnelpunt)}
                {kept(&html, "knelpunten", move || knelpunten_view(team.knelpunten))}
            </section>
        }
        .into_any(),
        TeamPart::Questions => messages_view(&team, message),
        TeamPart::Members => {
            let manage = team
                .viewer_coordinates
                .then(|| members_admin(team.id, team.members.clone(), add, remove));
            view! {
                <section aria-labelledby="leden">
                    <h2 id="leden">{t(Text::TeamMembers)}</h2>
                    {kept(&html, "leden", move || view! {
                        <DataTable
                            caption=t(Text::TeamMembersCaption).to_string()
                            headers=vec![t(Text::Name), t(Text::Discipline), t(Text::Organisation)]
                            rows=team.members.iter().map(member_row).collect()
                        />
                    })}
                    {manage}
                </section>
            }
            .into_any()
        }
    };
    view! {
        <Title text=title />
        {breadcrumb}
        {part_navigation(id, part)}
        {content}
    }
}

/// What happened in the team's space since the member last looked, with a
/// button to mark it all seen (a plain form without JavaScript).
#[component]
fn TeamNewsSection(team_id: i32) -> impl IntoView {
    let seen = ServerAction::<MarkNewsSeen>::new();
    let marked = last_success(seen.version(), seen.value());
    let news = Resource::new(move || marked.get(), move |_| load_team_news(team_id));
    view! { <Loaded resource=news render=move |news| news_view(news, seen) /> }
}

fn news_view(news: TeamNews, seen: ServerAction<MarkNewsSeen>) -> impl IntoView {
    let team_id = news.team_id;
    let content = if news.items.is_empty() {
        view! { <p>{t(Text::NewsNone)}</p> }.into_any()
    } else {
        view! {
            <ul class="news">
                {news
                    .items
                    .into_iter()
                    .map(|item| {
                        let what = if item.about.is_empty() {
                            format!("{} {}", item.kind.label(), item.by)
                        } else {
                            format!("{} {}: {}", item.kind.label(), item.by, item.about)
                        };
                        view! {
                            <li>
                                <a href=item.href>{what}</a>
                                " "
                                <time class="meta" datetime=item.at.clone()>{format::date(&item.at[..10])}</time>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=seen attr:class="inline-form">
                <input type="hidden" name="team_id" value=team_id />
                <button type="submit" class="button">{t(Text::NewsSeen)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="nieuw">
            <h2 id="nieuw">{t(Text::NewsTitle)}</h2>
            {content}
        </section>
    }
}

fn lessons_view(lessons: Vec<LessonSummary>) -> impl IntoView {
    if lessons.is_empty() {
        return view! { <p>{t(Text::LessonsNone)}</p> }.into_any();
    }
    view! {
        <ul class="cards">
            {lessons
                .into_iter()
                .map(|l| view! {
                    <li class="card">
                        <h3><a href=format!("/lessen/{}", l.id)>{l.title}</a></h3>
                        <p>{l.what_worked}</p>
                        {(l.useful > 0).then(|| view! {
                            <p class="meta">{format!("{} {}", t(Text::UsefulCount), l.useful)}</p>
                        })}
                    </li>
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Messages with other teams: for the team's members every thread and a
/// form to answer; for members of other teams their own threads with this
/// team and a form to ask a question.
fn messages_view(team: &TeamSpace, message: ServerAction<SendTeamMessage>) -> AnyView {
    let own = team.viewer_writes;
    if !own && team.asking_teams.is_empty() {
        return view! {
            <section aria-labelledby="berichten">
                <h2 id="berichten">{t(Text::MessagesTitle)}</h2>
                <p>{t(Text::MessagesOnlyTeams)}</p>
            </section>
        }
        .into_any();
    }
    let (team_id, asking) = (team.id, team.asking_teams.clone());
    let errors = form_errors(message.value());
    let error = action_error(message.value());
    let threads = team
        .threads
        .iter()
        .map(|thread| {
            view! {
                <section class="thread-block" aria-label=format!("{} {}", t(Text::ThreadWith), thread.team_name)>
                    <h3>{format!("{} {}", t(Text::ThreadWith), thread.team_name)}</h3>
                    <ol class="thread">
                        {thread.messages.iter().map(|m| view! {
                            <li class="card">
                                <p class="meta">
                                    {format!("{} ({}), ", m.author.clone().unwrap_or_else(|| t(Text::FormerMember).to_string()), m.from_team)}
                                    <time datetime=m.at.clone()>{format::date(&m.at[..10])}</time>
                                </p>
                                <p>{m.body.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })
        .collect_view();
    let form = if own {
        let partners: Vec<(String, String)> = team
            .threads
            .iter()
            .map(|th| (th.team_id.to_string(), th.team_name.clone()))
            .collect();
        (!partners.is_empty()).then(move || {
            view! {
                <ActionForm action=message attr:class="form">
                    <FormAlert error />
                    <input type="hidden" name="team_id" value=team_id />
                    <FormField name="to_team_id" scope="bericht" label=t(Text::MessageTo) options=partners errors />
                    <FormField name="body" scope="bericht" label=t(Text::MessageAnswer) kind="textarea" hint=t(Text::NoPersonalData) errors />
                    <PersonalDataCheck scope="bericht" errors />
                    <button type="submit" class="button">{t(Text::MessageSend)}</button>
                </ActionForm>
            }
            .into_any()
        })
    } else {
        Some(view! {
            <ActionForm action=message attr:class="form">
                <FormAlert error />
                <input type="hidden" name="to_team_id" value=team_id />
                <ActingTeamField teams=asking scope="bericht" errors />
                <FormField name="body" scope="bericht" label=t(Text::MessageQuestion) kind="textarea" hint=t(Text::NoPersonalData) errors />
                <PersonalDataCheck scope="bericht" errors />
                <button type="submit" class="button">{t(Text::MessageAsk)}</button>
            </ActionForm>
        }
        .into_any())
    };
    view! {
        <section aria-labelledby="berichten">
            <h2 id="berichten">{t(Text::MessagesTitle)}</h2>
            <p>{if own { t(Text::MessagesIntroOwn) } else { t(Text::MessagesIntroOther) }}</p>
            {if team.threads.is_empty() { Some(view! { <p>{t(Text::MessagesNone)}</p> }) } else { None }}
            {threads}
            {form}
        </section>
    }
    .into_any()
}

fn canvases_view(canvases: Vec<CanvasSummary>) -> impl IntoView {
    if canvases.is_empty() {
        return view! { <p>{t(Text::CanvasesNone)}</p> }.into_any();
    }
    let total: i64 = canvases.iter().map(|c| c.saving_cents).sum();
    view! {
        <DataTable
            caption=t(Text::CanvasesCaption).to_string()
            headers=vec![t(Text::Title), t(Text::AgreementStatus), t(Text::CanvasSavingColumn)]
            rows=canvases
                .into_iter()
                .map(|c| vec![
                    Cell::Link { text: c.title, href: format!("/canvassen/{}", c.id) },
                    Cell::Text(c.status.label().to_string()),
                    Cell::Euros(c.saving_cents),
                ])
                .collect()
        />
        <p>{format!("{} {}", t(Text::CanvasSavingTotal), euro(total))}</p>
    }
    .into_any()
}

fn knelpunten_view(knelpunten: Vec<KnelpuntSummary>) -> impl IntoView {
    if knelpunten.is_empty() {
        return view! { <p>{t(Text::KnelpuntenNone)}</p> }.into_any();
    }
    view! {
        <DataTable
            caption=t(Text::KnelpuntenCaption).to_string()
            headers=vec![t(Text::Title), t(Text::KnelpuntCategoryLabel), t(Text::AgreementStatus), t(Text::KnelpuntSupportCount)]
            rows=knelpunten
                .into_iter()
                .map(|k| vec![
                    Cell::Link { text: k.title, href: format!("/knelpunten/{}", k.id) },
                    Cell::Text(k.category.label().to_string()),
                    Cell::Text(k.status.label().to_string()),
                    Cell::Text(k.supporters.to_string()),
                ])
                .collect()
        />
    }
    .into_any()
}

fn member_line(m: &MemberView) -> String {
    format!("{}, {} ({})", m.name, m.discipline, m.organisation)
}

fn member_row(m: &MemberView) -> Vec<Cell> {
    let name = if m.coordinator {
        format!("{} ({})", m.name, t(Text::Coordinator))
    } else {
        m.name.clone()
    };
    vec![
        Cell::Text(name),
        Cell::Text(m.discipline.clone()),
        Cell::Text(m.organisation.clone()),
    ]
}

fn theme_view((theme, agreements): (AgreementTheme, Vec<AgreementView>)) -> impl IntoView {
    view! {
        <section class="theme" aria-labelledby=format!("thema-{}", theme.code())>
            <h3 id=format!("thema-{}", theme.code())>{theme.label()}</h3>
            <ul class="cards">
                {agreements.into_iter().map(agreement_view).collect_view()}
            </ul>
        </section>
    }
}

fn agreement_view(a: AgreementView) -> impl IntoView {
    let status_class = format!("status status-{}", a.status.code());
    view! {
        <li class="card agreement">
            <h4><a href=format!("/afspraken/{}", a.id)>{a.title}</a></h4>
            <p class=status_class>{format!("{}: {}", t(Text::AgreementStatus), a.status.label())}</p>
            <p>{a.body}</p>
            <dl class="dates">
                {a.effective_from.map(|d| {
                    let label = format::date(&d);
                    view! {
                        <dt>{t(Text::AgreementEffectiveFrom)}</dt>
                        <dd><time datetime=d>{label}</time></dd>
                    }
                })}
                {a.review_date.map(|d| {
                    let label = format::date(&d);
                    view! {
                        <dt>{t(Text::AgreementReview)}</dt>
                        <dd><time datetime=d>{label}</time></dd>
                    }
                })}
            </dl>
        </li>
    }
}

fn results_view(results: Vec<OutcomeRow>) -> impl IntoView {
    if results.is_empty() {
        return view! { <p>{t(Text::ResultsNone)}</p> }.into_any();
    }
    // The NJi indicators only for a team that records them.
    use shared::suppression::Figure;
    let recorded = |f: fn(&OutcomeRow) -> Figure| results.iter().any(|r| f(r) != Figure::NoData);
    let uitval = recorded(|r| r.uitval);
    let doelrealisatie = recorded(|r| r.doelrealisatie);
    let mut headers = vec![
        t(Text::Month),
        t(Text::Started),
        t(Text::MeasureWait),
        t(Text::Ended),
        t(Text::MeasureWithoutHelp),
        t(Text::MeasureClientGrade),
        t(Text::ClientResponses),
    ];
    headers.extend(uitval.then_some(t(Text::MeasureUitval)));
    headers.extend(doelrealisatie.then_some(t(Text::MeasureDoelrealisatie)));
    let rows = results
        .into_iter()
        .map(|r| {
            let mut row = vec![
                Cell::Text(r.month.label()),
                Cell::Figure(r.started, Unit::Count),
                Cell::Figure(r.mean_wait_days, Unit::Days),
                Cell::Figure(r.ended, Unit::Count),
                Cell::Figure(r.share_without_help, Unit::Percent),
                Cell::Figure(r.client_grade, Unit::Grade),
                Cell::Figure(r.client_responses, Unit::Count),
            ];
            row.extend(uitval.then_some(Cell::Figure(r.uitval, Unit::Percent)));
            row.extend(doelrealisatie.then_some(Cell::Figure(r.doelrealisatie, Unit::Percent)));
            row
        })
        .collect();
    view! {
        <DataTable caption=t(Text::ResultsCaption).to_string() headers rows />
        <p class="note">{t(Text::SuppressionNote)}</p>
    }
    .into_any()
}

/// The coördinator's controls: remove a member, add an existing account.
fn members_admin(
    team_id: i32,
    members: Vec<MemberView>,
    add: ServerAction<AddMember>,
    remove: ServerAction<RemoveMember>,
) -> impl IntoView {
    let organisations = Resource::new(|| (), |_| organisation_options());
    let errors = form_errors(add.value());
    let error = action_error(add.value());
    view! {
        <h3>{t(Text::ManageMembers)}</h3>
        <FormAlert error=action_error(remove.value()) />
        <ul class="member-actions">
            {members
                .into_iter()
                .map(|m| {
                    view! {
                        <li>
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="team_id" value=team_id />
                                <input type="hidden" name="account_id" value=m.account_id />
                                <button type="submit" class="link-button">
                                    {format!("{} {} {}", t(Text::Remove), m.name, t(Text::FromTeam))}
                                </button>
                            </ActionForm>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h3>{t(Text::AddMember)}</h3>
        <Loaded
            resource=organisations
            render=move |organisations| {
                let options: Vec<(String, String)> = organisations
                    .into_iter()
                    .map(|(id, name)| (id.to_string(), name))
                    .collect();
                view! {
                    <ActionForm action=add attr:class="form">
                        <FormAlert error />
                        <input type="hidden" name="team_id" value=team_id />
                        <FormField name="email" label=t(Text::Email) kind="email" hint=t(Text::AddMemberHint) errors />
                        <FormField name="discipline" label=t(Text::Discipline) errors />
                        <FormField name="organisation_id" label=t(Text::Organisation) options=options errors />
                        <button type="submit" class="button">{t(Text::AddMember)}</button>
                    </ActionForm>
                }
            }
        />
    }
}
