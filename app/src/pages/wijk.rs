//! A wijk: its teams side by side, the wijk's totals over the last year
//! and per month (weighted by the cases behind them), and the lessons its
//! teams drew.

use super::param;
use crate::api::wijk::load_wijk;
use crate::components::data_table::{Cell, DataTable};
use crate::components::kept::kept;
use crate::components::load::Loaded;
use crate::components::run_chart::RunCharts;
use crate::error::AppError;
use crate::pages::overview::teams_table;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::dto::WijkView;
use shared::format::Unit;
use shared::i18n::{t, Text};

#[component]
pub fn WijkPage() -> impl IntoView {
    let id = param("id");
    let wijk = Resource::new(id, |id| async move {
        match id {
            Some(id) => load_wijk(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! { <Loaded resource=wijk render=wijk_view /> }
}

fn wijk_view(w: WijkView) -> impl IntoView {
    let heading = format!("{} {}", t(Text::Wijk), w.name);
    let (id, html, title) = (w.id, w.html.clone(), heading.clone());
    let figures = kept(&html, "cijfers", move || {
        view! {
            <nav class="breadcrumb" aria-label=t(Text::Breadcrumb)>
                <ol>
                    <li><a href="/">{t(Text::NavOverview)}</a></li>
                    <li>{format!("{} {}", t(Text::Gemeente), w.gemeente_name)}</li>
                </ol>
            </nav>
            <h1>{heading} " " <span class="code">{w.cbs_code}</span></h1>
            <p class="lead">{t(Text::WijkIntro)}</p>
            <section aria-labelledby="wijk-jaar">
                <h2 id="wijk-jaar">{t(Text::WijkYearTitle)}</h2>
                <DataTable
                    caption=t(Text::WijkYearCaption).to_string()
                    headers=vec![t(Text::Measure), t(Text::WijkValue), t(Text::WijkCases)]
                    rows=w
                        .year_totals
                        .iter()
                        .map(|(measure, figure, n)| vec![
                            Cell::Text(measure.label().to_string()),
                            Cell::Figure(*figure, measure.unit()),
                            Cell::Figure(*n, Unit::Count),
                        ])
                        .collect()
                />
                <p class="note">{t(Text::SuppressionNote)}</p>
            </section>
            <section aria-labelledby="wijk-teams">
                <h2 id="wijk-teams">{t(Text::WijkTeams)}</h2>
                {teams_table(&w.name, w.teams)}
            </section>
        }
    });
    let lessons = kept(&html, "lessen", move || {
        let list = if w.lessons.is_empty() {
            view! { <p>{t(Text::WijkNoLessons)}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {w.lessons.into_iter().map(|(id, title, team)| view! {
                        <li><a href=format!("/lessen/{id}")>{title}</a>{format!(" ({team})")}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <section aria-labelledby="wijk-lessen">
                <h2 id="wijk-lessen">{t(Text::LessonsTitle)}</h2>
                {list}
            </section>
        }
    });
    view! {
        <Title text=title />
        {figures}
        <section aria-labelledby="wijk-verloop">
            <h2 id="wijk-verloop">{t(Text::ChartsTitle)}</h2>
            <p>{t(Text::ChartsIntro)}</p>
            <RunCharts charts=w.charts src=format!("/grafieken/wijken/{id}") html=html.clone() />
        </section>
        {lessons}
    }
}
