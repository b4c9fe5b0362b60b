//! Vergelijken: teams side by side on one measure over recent months, as a
//! funnel plot and a table in alphabetical order, never a bare ranking.
//! The choice is a plain GET form, so it works without JavaScript and every
//! comparison has its own address; a long table comes a page at a time,
//! with the small multiples of that page's teams.

use crate::api::compare::load_compare;
use crate::components::data_table::{Cell, DataTable};
use crate::components::kept::kept;
use crate::components::load::Loaded;
use crate::components::pager::pager;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use shared::dto::{ComparePage, CompareQuery, Comparison};
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::network::{CompareLevel, Doelgroep, Measure};
use shared::suppression::Figure;

#[component]
pub fn ComparePage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let q = query.read();
            let get = |key: &str| q.get(key).unwrap_or_default();
            (
                get("maat"),
                get("doelgroep"),
                get("gemeente"),
                get("periode"),
                get("pagina"),
                get("spreiding"),
                get("niveau"),
            )
        },
        |(measure, doelgroep, gemeente, months, page, spread, level)| {
            load_compare(measure, doelgroep, gemeente, months, page, spread, level)
        },
    );
    view! {
        <Title text=t(Text::CompareTitle) />
        <h1>{t(Text::CompareTitle)}</h1>
        <p class="lead">{t(Text::CompareIntro)}</p>
        <Loaded resource=page render=compare_view />
    }
}

/// A labelled choice of a GET form (also on the search page).
pub(crate) fn choice(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    chosen: String,
) -> impl IntoView {
    let id = format!("keuze-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Everything on the page follows from the kept comparison and the page
/// of its table.
fn compare_view(paged: ComparePage) -> impl IntoView {
    let html = paged.comparison.html.clone();
    let part = format!("pagina-{}", paged.page.number);
    kept(&html, &part, move || compare_parts(paged))
}

fn compare_parts(paged: ComparePage) -> impl IntoView {
    let ComparePage {
        comparison: page,
        page: table_page,
        funnel,
    } = paged;
    let q = page.query.clone();
    let measures = Measure::ALL
        .iter()
        .map(|m| (m.code().to_string(), m.label().to_string()))
        .collect();
    let all = || (String::new(), t(Text::CompareAll).to_string());
    let levels = CompareLevel::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.label().to_string()))
        .collect();
    let doelgroepen = std::iter::once((
        CompareQuery::ALL_DOELGROEPEN.to_string(),
        t(Text::CompareAll).to_string(),
    ))
    .chain(
        Doelgroep::ALL
            .iter()
            .map(|d| (d.code().to_string(), d.label().to_string())),
    )
    .collect();
    let gemeenten = std::iter::once(all())
        .chain(
            page.gemeenten
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let periods = CompareQuery::PERIODS
        .iter()
        .map(|m| {
            (
                m.to_string(),
                format!("{} {m} {}", t(Text::CompareLast), t(Text::Months)),
            )
        })
        .collect();
    let form = view! {
        <Form method="GET" action="/vergelijken" attr:class="filters">
            {choice("niveau", t(Text::CompareLevelLabel), levels, q.level.code().to_string())}
            {choice("maat", t(Text::Measure), measures, q.measure.code().to_string())}
            {choice("doelgroep", t(Text::Doelgroep), doelgroepen, q.doelgroep.map_or(CompareQuery::ALL_DOELGROEPEN, |d| d.code()).to_string())}
            {choice("gemeente", t(Text::Gemeente), gemeenten, q.gemeente_id.map(|g| g.to_string()).unwrap_or_default())}
            {choice("periode", t(Text::ComparePeriod), periods, q.months.to_string())}
            {(!q.adjusted).then(|| view! { <input type="hidden" name="spreiding" value=CompareQuery::WITHIN_TEAMS /> })}
            <button type="submit" class="button">{t(Text::CompareShow)}</button>
        </Form>
    };
    let unit = q.measure.unit();
    let better = q.measure.better();
    let result = match (page.centre, page.period) {
        (Some(centre), Some((first, last))) if !page.rows.is_empty() => {
            let summary = format!(
                "{} – {}: {} {} (n = {}).",
                first.label(),
                last.label(),
                t(Text::CompareCentre),
                format::figure(Figure::Value(centre), unit),
                format::figure(page.cases, Unit::Count)
            );
            let beyond = if funnel.favourable + funnel.unfavourable == 0 {
                t(Text::FunnelWithin).to_string()
            } else {
                format!(
                    "{} {} {} {} {} {}",
                    funnel.favourable,
                    t(Text::FunnelFavourable),
                    t(Text::And),
                    funnel.unfavourable,
                    t(Text::FunnelUnfavourable),
                    t(Text::CompareBeyond)
                )
            };
            let alt = format!(
                "{} {}: {summary} {} {}; {beyond}.",
                t(Text::CompareFunnel),
                q.measure.label(),
                funnel.shown,
                q.level.label().to_lowercase()
            );
            let multiples = small_multiples(&page, table_page.pages > 1);
            let spread = spread_note(&page);
            let pages = pager(table_page, format!("/vergelijken?{}", q.to_params()));
            let rows = page
                .rows
                .into_iter()
                .map(|r| {
                    let place = match r.position {
                        None => t(Text::FunnelHidden).to_string(),
                        Some(p) => match p.favourable(better) {
                            None => p.label().to_string(),
                            Some(true) => format!("{} ({})", p.label(), t(Text::FunnelFavourable)),
                            Some(false) => {
                                format!("{} ({})", p.label(), t(Text::FunnelUnfavourable))
                            }
                        },
                    };
                    let mut row = vec![Cell::Link {
                        href: row_href(&q, r.id),
                        text: r.name,
                    }];
                    row.extend(
                        (q.level != CompareLevel::Gemeenten).then_some(Cell::Text(r.within)),
                    );
                    row.extend([
                        Cell::Figure(r.value, unit),
                        Cell::Figure(r.cases, Unit::Count),
                        Cell::Text(place),
                    ]);
                    row
                })
                .collect();
            let mut headers = vec![level_name(q.level)];
            headers.extend(match q.level {
                CompareLevel::Teams => Some(t(Text::Wijk)),
                CompareLevel::Wijken => Some(t(Text::Gemeente)),
                CompareLevel::Gemeenten => None,
            });
            headers.extend([
                q.measure.label(),
                t(Text::CompareCases),
                t(Text::ComparePosition),
            ]);
            view! {
                <p>{summary}</p>
                {spread}
                <figure class="chart">
                    <img src=format!("/grafieken/vergelijken.svg?{}", q.to_params()) alt=alt width="720" height="360" />
                    <figcaption>{format!("{}: {}", t(Text::CompareFunnel), q.measure.label())}</figcaption>
                </figure>
                {multiples}
                <DataTable
                    caption=format!("{} {}", q.level.label(), t(Text::CompareTable))
                    headers
                    rows
                />
                {pages}
                <p class="note">{t(Text::SuppressionNote)}</p>
            }
            .into_any()
        }
        _ => view! { <p>{t(Text::CompareNone)}</p> }.into_any(),
    };
    view! {
        {form}
        {result}
    }
}

/// Where a row of the table leads: a team's or wijk's own page; a
/// gemeente's wijken compared on the same measure.
fn row_href(q: &CompareQuery, id: i32) -> String {
    match q.level {
        CompareLevel::Teams => format!("/teams/{id}"),
        CompareLevel::Wijken => format!("/wijken/{id}"),
        CompareLevel::Gemeenten => {
            let wijken = CompareQuery {
                level: CompareLevel::Wijken,
                gemeente_id: Some(id),
                ..q.clone()
            };
            format!("/vergelijken?{}", wijken.to_params())
        }
    }
}

/// The word for one row of the table: team, wijk or gemeente.
fn level_name(level: CompareLevel) -> &'static str {
    t(match level {
        CompareLevel::Teams => Text::Team,
        CompareLevel::Wijken => Text::Wijk,
        CompareLevel::Gemeenten => Text::Gemeente,
    })
}

/// How the funnel's limits were set: widened for overdispersion or not,
/// the other view one link away, how a mean's spread is estimated, and a
/// warning when doelgroepen share one funnel.
fn spread_note(page: &Comparison) -> impl IntoView {
    let q = &page.query;
    let other = CompareQuery {
        adjusted: !q.adjusted,
        ..q.clone()
    };
    let link = format!("/vergelijken?{}", other.to_params());
    let od = page.overdispersion.map(|od| {
        let phi = format::decimal(od.phi, 1);
        let (text, link_text) = match (od.adjusted, q.adjusted) {
            (true, true) => (
                format!(
                    "{} {phi} {}",
                    t(Text::FunnelAdjustedBefore),
                    t(Text::FunnelAdjustedAfter)
                ),
                Some(t(Text::FunnelShowUnadjusted)),
            ),
            (true, false) => (
                format!(
                    "{} {phi}{}",
                    t(Text::FunnelUnadjustedBefore),
                    t(Text::FunnelUnadjustedAfter)
                ),
                Some(t(Text::FunnelShowAdjusted)),
            ),
            (false, _) => (
                format!(
                    "{} {phi}{}",
                    t(Text::FunnelNoOverdispersionBefore),
                    t(Text::FunnelNoOverdispersionAfter)
                ),
                None,
            ),
        };
        view! {
            <p class="note">
                {text}
                {link_text.map(|l| view! { " " <a href=link.clone()>{l}</a> })}
            </p>
        }
    });
    view! {
        {od}
        {(!q.measure.is_share()).then(|| view! { <p class="note">{t(Text::FunnelMeanSpread)}</p> })}
        {q.doelgroep.is_none().then(|| view! { <p class="note">{t(Text::CompareAllDoelgroepen)}</p> })}
    }
}

/// One small sparkline per team or wijk on one shared scale, over the
/// compared months; the table below holds the figures. With a table of
/// several pages, the rows of this page. Gemeenten have none: each links
/// to its wijken compared.
fn small_multiples(page: &Comparison, paged: bool) -> Option<impl IntoView> {
    let charts = match page.query.level {
        CompareLevel::Teams => "teams",
        CompareLevel::Wijken => "wijken",
        CompareLevel::Gemeenten => return None,
    };
    let (low, high) = page.monthly_range?;
    let pad = ((high - low) * 0.1).max(0.01);
    let q = &page.query;
    let items = page
        .rows
        .iter()
        .filter(|r| r.value.value().is_some())
        .map(|r| {
            let src = format!(
                "/grafieken/{charts}/{}/{}-lijn.svg?van={}&tot={}&maanden={}",
                r.id,
                q.measure.code(),
                low - pad,
                high + pad,
                q.months
            );
            let text = format!("{}: {}", r.name, format::figure(r.value, q.measure.unit()));
            view! {
                <li class="multiple">
                    <img src=src alt="" width="160" height="40" loading="lazy" />
                    <span>{text}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <h2>{format!("{} {}", t(Text::CompareMultiples), level_name(q.level).to_lowercase())}</h2>
        <p class="note">
            {t(Text::CompareMultiplesNote)}
            {paged.then(|| format!(" {}", t(Text::CompareMultiplesPage)))}
        </p>
        <ul class="multiples">{items}</ul>
    })
}
