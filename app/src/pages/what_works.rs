//! Wat werkt: where to go and look ("kijk eens in de keuken bij …"), and
//! which agreement themes go together with better outcomes — with the
//! number of teams and an interval, worded as association, not cause.

use crate::api::what_works::load_what_works;
use crate::components::data_table::{Cell, DataTable};
use crate::components::kept::kept;
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::{CompareQuery, WhatWorks};
use shared::format;
use shared::i18n::{t, Text};
use shared::network::Measure;
use shared::results::Better;
use shared::stats::chart::value_text;
use shared::suppression::Figure;

#[component]
pub fn WhatWorksPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_what_works());
    view! {
        <Title text=t(Text::WhatWorksTitle) />
        <h1>{t(Text::WhatWorksTitle)}</h1>
        <p class="lead">{t(Text::WhatWorksIntro)}</p>
        <Loaded resource=page render=what_works_view />
    }
}

/// A difference in the measure's unit, with its sign: "+4 procentpunt".
fn difference(value: f64, measure: Measure) -> String {
    let sign = if value > 0.0 {
        "+"
    } else if value < 0.0 {
        "−"
    } else {
        ""
    };
    match measure {
        Measure::Wait => format!(
            "{sign}{} {}",
            format::decimal(value.abs(), 1),
            t(Text::Days)
        ),
        Measure::ClientGrade => format!("{sign}{}", format::decimal(value.abs(), 1)),
        _ => format!(
            "{sign}{} {}",
            format::decimal(value.abs() * 100.0, 0),
            t(Text::PercentPoints)
        ),
    }
}

/// "Nog 37 teams liggen ook gunstig buiten de grens van hun doelgroep",
/// with a link per doelgroep to the comparison that lists them all (the
/// teams are named against their own doelgroep); nothing when none were
/// left out.
pub(crate) fn more_standouts(
    more: u32,
    measure: Measure,
    gemeente_id: Option<i32>,
) -> Option<impl IntoView> {
    (more > 0).then(|| {
        let links = shared::network::Doelgroep::ALL
            .iter()
            .enumerate()
            .map(|(i, &doelgroep)| {
                let query = CompareQuery {
                    measure,
                    doelgroep: Some(doelgroep),
                    gemeente_id,
                    months: 12,
                    adjusted: true,
                    level: shared::network::CompareLevel::Teams,
                };
                view! {
                    {(i > 0).then_some(", ")}
                    <a href=format!("/vergelijken?{}", query.to_params())>{doelgroep.label()}</a>
                }
            })
            .collect_view();
        view! {
            <p>
                {format!("{} {more} {} {} ", t(Text::StandoutsMorePrefix), t(Text::StandoutsMore), t(Text::StandoutsMoreLink))}
                {links}
                "."
            </p>
        }
    })
}

fn what_works_view(page: WhatWorks) -> impl IntoView {
    let html = page.html.clone();
    kept(&html, "wat-werkt", move || what_works_parts(page))
}

fn what_works_parts(page: WhatWorks) -> impl IntoView {
    let period = page.period.map(|(first, last)| {
        format!(
            "{} {} – {}.",
            t(Text::WhatWorksPeriod),
            first.label(),
            last.label()
        )
    });
    let sections = Measure::ALL
        .iter()
        .map(|&measure| {
            let standouts: Vec<_> = page.standouts.of_measure(measure).cloned().collect();
            let more = more_standouts(page.standouts.more_of(measure), measure, None);
            let look = if standouts.is_empty() {
                view! { <p>{t(Text::WhatWorksNoStandouts)}</p> }.into_any()
            } else {
                view! {
                    <p>{t(Text::WhatWorksLookAt)}</p>
                    <ul>
                        {standouts.into_iter().map(|s| view! {
                            <li>
                                <a href=format!("/teams/{}", s.team_id)>{s.team}</a>
                                {format!(" ({}): {}, {}", s.wijk, value_text(s.value, measure.unit()), s.position.label())}
                            </li>
                        }).collect_view()}
                    </ul>
                    {more}
                }
                .into_any()
            };
            let rows: Vec<Vec<Cell>> = page
                .themes
                .iter()
                .filter(|a| a.measure == measure)
                .map(|a| {
                    let around = match a.before_after {
                        Some(b) => Cell::Text(format!(
                            "{} ({} {} {}; {} {})",
                            difference(b.mean_change, measure),
                            difference(b.low, measure),
                            t(Text::To),
                            difference(b.high, measure),
                            b.agreements,
                            t(Text::WhatWorksAgreements)
                        )),
                        None => Cell::Text(t(Text::WhatWorksTooFewAgreements).to_string()),
                    };
                    let mut row = match a.comparison {
                    Some(c) => vec![
                        Cell::Text(a.theme.label().to_string()),
                        Cell::Text(format!("{} ({} teams)", format::figure(Figure::Value(c.with_mean), measure.unit()), c.with_teams)),
                        Cell::Text(format!("{} ({} teams)", format::figure(Figure::Value(c.without_mean), measure.unit()), c.without_teams)),
                        Cell::Text(format!(
                            "{} ({} {} {})",
                            difference(c.difference, measure),
                            difference(c.low, measure),
                            t(Text::To),
                            difference(c.high, measure)
                        )),
                        Cell::Text(if !c.clear {
                            t(Text::WhatWorksUnclear).to_string()
                        } else {
                            let favourable = (c.difference < 0.0) == (measure.better() == Better::Lower);
                            format!(
                                "{}, {}",
                                t(Text::WhatWorksClear),
                                if favourable { t(Text::FunnelFavourable) } else { t(Text::FunnelUnfavourable) }
                            )
                        }),
                    ],
                    None => vec![
                        Cell::Text(a.theme.label().to_string()),
                        Cell::Text("–".into()),
                        Cell::Text("–".into()),
                        Cell::Text(t(Text::WhatWorksTooFewTeams).into()),
                        Cell::Text("–".into()),
                    ],
                    };
                    row.push(around);
                    row
                })
                .collect();
            let (id, labelled_by) = (format!("werkt-{}", measure.code()), format!("werkt-{}", measure.code()));
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=id>{measure.label()}</h2>
                    {look}
                    <DataTable
                        caption=format!("{}: {}", t(Text::WhatWorksThemesCaption), measure.label())
                        headers=vec![t(Text::Theme), t(Text::WhatWorksWith), t(Text::WhatWorksWithout), t(Text::WhatWorksDifference), t(Text::WhatWorksVerdict), t(Text::WhatWorksAround)]
                        rows
                    />
                </section>
            }
        })
        .collect_view();
    let total: u32 = page.adoptions.iter().map(|(_, c)| c).sum();
    let spread_rows: Vec<Vec<Cell>> = page
        .adoptions
        .iter()
        .rev()
        .map(|(m, c)| {
            vec![
                Cell::Text(m.label()),
                Cell::Figure(Figure::Value(f64::from(*c)), shared::format::Unit::Count),
            ]
        })
        .collect();
    let spread = view! {
        <section aria-labelledby="verspreiding">
            <h2 id="verspreiding">{t(Text::SpreadTitle)}</h2>
            <p>{t(Text::SpreadIntro)}</p>
            <figure class="chart">
                <img src="/grafieken/verspreiding.svg" alt=format!("{}: {} {total}", t(Text::SpreadTitle), t(Text::SpreadTotal)) width="720" height="240" />
                <figcaption>{format!("{} {total}", t(Text::SpreadTotal))}</figcaption>
            </figure>
            <details class="chart-table">
                <summary>{t(Text::ChartTable)}</summary>
                <DataTable caption=t(Text::SpreadTitle).to_string() headers=vec![t(Text::Month), t(Text::SpreadAdoptions)] rows=spread_rows />
            </details>
        </section>
    };
    view! {
        {period.map(|p| view! { <p>{p}</p> })}
        {sections}
        {spread}
        <p class="note">{t(Text::WhatWorksCaution)}</p>
        <p class="note">{t(Text::WhatWorksAroundNote)}</p>
        <p class="note">{t(Text::WhatWorksManyTests)}</p>
        <p class="note">{t(Text::SuppressionNote)}</p>
    }
}
