//! Zoeken: full-text search over every team's lessons and agreements, with
//! filters; a plain GET form, so every search has its own address and works
//! without JavaScript.

use crate::api::search::load_search;
use crate::components::data_table::{Cell, DataTable};
use crate::components::load::Loaded;
use crate::pages::compare::choice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use shared::dto::SearchResults;
use shared::i18n::{t, Text};
use shared::network::{AgreementTheme, Doelgroep};

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let results = Resource::new(
        move || {
            let q = query.read();
            let get = |key: &str| q.get(key).unwrap_or_default();
            (
                get("q"),
                get("soort"),
                get("thema"),
                get("doelgroep"),
                get("wijk"),
            )
        },
        |(q, kind, theme, doelgroep, wijk)| load_search(q, kind, theme, doelgroep, wijk),
    );
    view! {
        <Title text=t(Text::SearchTitle) />
        <h1>{t(Text::SearchTitle)}</h1>
        <p class="lead">{t(Text::SearchIntro)}</p>
        <Loaded resource=results render=search_view />
    }
}

fn search_view(r: SearchResults) -> impl IntoView {
    let q = r.query.clone();
    let all = || (String::new(), t(Text::CompareAll).to_string());
    let kinds = vec![
        all(),
        ("les".to_string(), t(Text::LessonsTitle).to_string()),
        ("afspraak".to_string(), t(Text::AgreementsTitle).to_string()),
    ];
    let themes = std::iter::once(all())
        .chain(
            AgreementTheme::ALL
                .iter()
                .map(|th| (th.code().to_string(), th.label().to_string())),
        )
        .collect();
    let doelgroepen = std::iter::once(all())
        .chain(
            Doelgroep::ALL
                .iter()
                .map(|d| (d.code().to_string(), d.label().to_string())),
        )
        .collect();
    let wijken = std::iter::once(all())
        .chain(
            r.wijken
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let asked = !shared::search::terms(&q.q).is_empty();
    let hits = if !asked {
        None
    } else if r.hits.is_empty() {
        Some(view! { <p role="status">{t(Text::SearchNone)}</p> }.into_any())
    } else {
        let count = format!("{} {}", r.hits.len(), t(Text::SearchFound));
        let rows = r
            .hits
            .into_iter()
            .map(|h| {
                let href = if h.lesson {
                    format!("/lessen/{}", h.id)
                } else {
                    format!("/afspraken/{}", h.id)
                };
                vec![
                    Cell::Link {
                        text: h.title,
                        href,
                    },
                    Cell::Text(
                        if h.lesson {
                            t(Text::SearchLesson)
                        } else {
                            t(Text::SearchAgreement)
                        }
                        .to_string(),
                    ),
                    Cell::Text(h.theme.map(|th| th.label()).unwrap_or("–").to_string()),
                    Cell::Link {
                        text: h.team,
                        href: format!("/teams/{}", h.team_id),
                    },
                ]
            })
            .collect();
        Some(
            view! {
                <p role="status">{count}</p>
                <DataTable
                    caption=format!("{} \u{201c}{}\u{201d}", t(Text::SearchCaption), q.q)
                    headers=vec![t(Text::Title), t(Text::SearchKind), t(Text::Theme), t(Text::Team)]
                    rows
                />
            }
            .into_any(),
        )
    };
    view! {
        <Form method="GET" action="/zoeken" attr:class="filters" attr:role="search">
            <div class="field">
                <label for="zoek-q">{t(Text::SearchWords)}</label>
                <input id="zoek-q" name="q" type="search" value=q.q.clone() />
            </div>
            {choice("soort", t(Text::SearchKind), kinds, q.kind.clone().unwrap_or_default())}
            {choice("thema", t(Text::Theme), themes, q.theme.map(|th| th.code().to_string()).unwrap_or_default())}
            {choice("doelgroep", t(Text::Doelgroep), doelgroepen, q.doelgroep.map(|d| d.code().to_string()).unwrap_or_default())}
            {choice("wijk", t(Text::Wijk), wijken, q.wijk_id.map(|w| w.to_string()).unwrap_or_default())}
            <button type="submit" class="button">{t(Text::SearchButton)}</button>
        </Form>
        {hits}
    }
}
