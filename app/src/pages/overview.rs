//! The network overview: gemeenten → wijken → teams, each team with the
//! headline figures of its latest month. A network too large to show
//! whole first offers its gemeenten (`/?gemeente=…`).

use crate::api::overview::network_overview;
use crate::components::data_table::{Cell, DataTable};
use crate::components::kept::kept;
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::{GemeenteCount, NetworkOverview, TeamHeadline, WijkOverview};
use shared::format::Unit;
use shared::i18n::{t, Text};
use shared::network::Measure;
use shared::suppression::Figure;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let overview = Resource::new(
        move || query.read().get("gemeente").unwrap_or_default(),
        network_overview,
    );
    view! { <Loaded resource=overview render=overview_view /> }
}

fn overview_view(overview: NetworkOverview) -> impl IntoView {
    let html = overview.html.clone();
    view! {
        <Title text=t(Text::OverviewTitle) />
        {kept(&html, "overzicht", move || view! {
            <h1>{t(Text::OverviewTitle)}</h1>
            <p class="lead">{t(Text::OverviewIntro)}</p>
            {overview.chosen.map(|_| view! { <p><a href="/">{t(Text::OverviewAll)}</a></p> })}
            {choose_view(&overview.choose)}
            {gemeenten_view(overview)}
        })}
    }
}

/// The gemeenten of a network too large to show whole, to choose from.
fn choose_view(gemeenten: &[GemeenteCount]) -> impl IntoView {
    (!gemeenten.is_empty()).then(|| {
        let count = |n: u32| Cell::Figure(Figure::Value(f64::from(n)), Unit::Count);
        let rows = gemeenten
            .iter()
            .map(|g| {
                vec![
                    Cell::Link {
                        text: g.name.clone(),
                        href: format!("/?gemeente={}", g.id),
                    },
                    Cell::Text(g.cbs_code.clone()),
                    count(g.wijken),
                    count(g.teams),
                ]
            })
            .collect();
        view! {
            <p>{t(Text::OverviewChoose)}</p>
            <DataTable
                caption=t(Text::OverviewChooseCaption).to_string()
                headers=vec![t(Text::Gemeente), t(Text::CbsCode), t(Text::OverviewWijken), t(Text::OverviewTeams)]
                rows
            />
        }
    })
}

fn gemeenten_view(overview: NetworkOverview) -> impl IntoView {
    if !overview.choose.is_empty() {
        return ().into_any();
    }
    if overview.gemeenten.is_empty() {
        return view! { <p>{t(Text::OverviewEmpty)}</p> }.into_any();
    }
    view! {
        <p class="note">{t(Text::SuppressionNote)}</p>
        {overview
            .gemeenten
            .into_iter()
            .map(|g| {
                view! {
                    <section class="gemeente" aria-labelledby=format!("gemeente-{}", g.id)>
                        <h2 id=format!("gemeente-{}", g.id)>
                            {format!("{} {}", t(Text::Gemeente), g.name)}
                            <span class="code">{g.cbs_code}</span>
                        </h2>
                        {g.wijken.into_iter().map(wijk_view).collect_view()}
                    </section>
                }
            })
            .collect_view()}
    }
    .into_any()
}

fn wijk_view(wijk: WijkOverview) -> impl IntoView {
    let heading = format!("{} {}", t(Text::Wijk), wijk.name);
    let body = if wijk.teams.is_empty() {
        view! { <p>{t(Text::NoTeamsInWijk)}</p> }.into_any()
    } else {
        teams_table(&wijk.name, wijk.teams).into_any()
    };
    view! {
        <section class="wijk">
            <h3><a href=format!("/wijken/{}", wijk.id)>{heading}</a> <span class="code">{wijk.cbs_code}</span></h3>
            {body}
        </section>
    }
}

/// A wijk's teams with the headline figures of their latest month (also
/// on the wijk page).
pub(crate) fn teams_table(wijk_name: &str, teams: Vec<TeamHeadline>) -> impl IntoView {
    view! {
        <DataTable
            caption=format!("{} {}", t(Text::TeamsOfWijkCaption), wijk_name)
            headers=vec![
                t(Text::Team),
                t(Text::Doelgroep),
                t(Text::LatestMonth),
                t(Text::MeasureWait),
                t(Text::MeasureWithoutHelp),
                t(Text::MeasureClientGrade),
            ]
            rows=teams.into_iter().map(team_row).collect()
        />
    }
}

/// A team's row of headline figures.
fn team_row(team: TeamHeadline) -> Vec<Cell> {
    let (month, wait, without_help, grade) = match team.latest {
        Some(f) => (
            f.month.label(),
            f.of(Measure::Wait),
            f.of(Measure::WithoutHelp),
            f.of(Measure::ClientGrade),
        ),
        None => (
            "–".to_string(),
            Figure::NoData,
            Figure::NoData,
            Figure::NoData,
        ),
    };
    vec![
        Cell::Link {
            text: team.name,
            href: format!("/teams/{}", team.id),
        },
        Cell::Text(team.doelgroep.label().to_string()),
        Cell::Text(month),
        Cell::Figure(wait, Unit::Days),
        Cell::Figure(without_help, Unit::Percent),
        Cell::Figure(grade, Unit::Grade),
    ]
}
