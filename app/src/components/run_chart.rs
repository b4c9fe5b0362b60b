//! The one way to show a run chart: the server-rendered SVG with its text
//! alternative, a caption naming the agreements marked on it, and its
//! figures as a table — the latest two years, or every month when the page
//! is asked for them (`?cijfers={measure}`), so a page of ten-year charts
//! stays small.

use crate::components::data_table::{Cell, DataTable};
use crate::components::kept::kept;
use leptos::prelude::*;
use shared::dto::KeptHtml;
use shared::i18n::{t, Text};
use shared::stats::chart::{summarize, ChartSeries};
use shared::stats::xmr::improves;

/// The months a chart's table shows unless all are asked for.
pub const TABLE_MONTHS: usize = 24;

/// The query parameter that asks a page for one chart's every month.
const ALL_MONTHS_PARAM: &str = "cijfers";

/// A page's run charts, one per series, each image at
/// `{src}/{measure}.svg`: kept in `html` as they show by default, rendered
/// afresh when the page's address asks for one chart's every month.
#[component]
pub fn RunCharts(
    charts: Vec<ChartSeries>,
    src: String,
    html: KeptHtml,
    /// For a team's charts: `{marks}/{measure}` is each chart's own page,
    /// with its baselines and notes.
    #[prop(optional)]
    marks: Option<String>,
) -> impl IntoView {
    let asked = leptos_router::hooks::use_location()
        .query
        .with_untracked(|q| q.get(ALL_MONTHS_PARAM));
    let render = move || {
        charts
            .into_iter()
            .map(|series| {
                let src = format!("{src}/{}.svg", series.measure.code());
                let page = marks
                    .as_ref()
                    .map(|m| format!("{m}/{}", series.measure.code()));
                view! { <RunChart series src page /> }
            })
            .collect_view()
    };
    match asked {
        None => kept(&html, "verloop", render),
        Some(_) => render().into_any(),
    }
}

/// `src` is the chart's SVG address; `page` the chart's own page, linked
/// when given. Whether every month is shown comes from the address of the
/// page the chart is on.
#[component]
pub fn RunChart(
    series: ChartSeries,
    src: String,
    #[prop(default = None)] page: Option<String>,
) -> impl IntoView {
    let unit = series.measure.unit();
    let better = series.measure.better();
    let code = series.measure.code();
    let alt = summarize(&series);
    let location = leptos_router::hooks::use_location();
    let all_months = location
        .query
        .with_untracked(|q| q.get(ALL_MONTHS_PARAM))
        .is_some_and(|asked| asked == code);
    let shown = if all_months {
        series.points.len()
    } else {
        series.points.len().min(TABLE_MONTHS)
    };
    let cut = shown < series.points.len();
    // A baseline's reason beside its first month; a note beside its month.
    let baseline_at = |i: usize| {
        series
            .phases
            .iter()
            .find(|p| p.from == i)
            .and_then(|p| p.baseline.as_ref())
            .map(|b| b.reason.clone())
    };
    let has_baselines = series.phases.iter().any(|p| p.baseline.is_some());
    let has_notes = !series.notes.is_empty();
    let rows: Vec<Vec<Cell>> = series
        .points
        .iter()
        .enumerate()
        .rev()
        .take(shown)
        .map(|(i, p)| {
            let signal = match p.signal {
                None => "–",
                Some(s) if improves(s.side, better) => t(Text::SignalImprovement),
                Some(_) => t(Text::SignalConcern),
            };
            let mut row = vec![
                Cell::Text(p.month.label()),
                Cell::Figure(p.figure, unit),
                Cell::Text(signal.to_string()),
            ];
            if has_baselines {
                row.push(Cell::Text(baseline_at(i).unwrap_or_default()));
            }
            if has_notes {
                let notes: Vec<String> = series
                    .notes
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.month == p.month)
                    .map(|(k, n)| format!("T{}: {}", k + 1, n.text))
                    .collect();
                row.push(Cell::Text(notes.join(" ")));
            }
            row
        })
        .collect();
    let mut headers = vec![t(Text::Month), series.measure.label(), t(Text::ChartSignal)];
    if has_baselines {
        headers.push(t(Text::ChartPhaseColumn));
    }
    if has_notes {
        headers.push(t(Text::ChartNoteColumn));
    }
    let mut caption = format!("{} – {}", t(Text::ChartTable), series.measure.label());
    if cut {
        caption.push_str(&format!(
            ", {} {shown} {}",
            t(Text::ChartTableLatest),
            t(Text::Months)
        ));
    }
    let more = cut.then(|| {
        let page = location.pathname.get_untracked();
        let href = format!("{page}?{ALL_MONTHS_PARAM}={code}#cijfers-{code}");
        view! {
            <p>
                <a href=href>{format!("{} ({})", t(Text::ChartTableAll), series.points.len())}</a>
            </p>
        }
    });
    let annotations = series.annotations.clone();
    // The baselines and notes in words beside the chart, as drawn on it.
    let marks: Vec<String> = series
        .baseline_labels()
        .into_iter()
        .map(|(_, label)| label)
        .chain(series.note_labels().into_iter().map(|(_, label)| label))
        .collect();
    let page = page.map(|href| view! { <p><a href=href>{t(Text::ChartPageLink)}</a></p> });
    view! {
        <figure class="chart" id=format!("grafiek-{code}")>
            <img src=src alt=alt width="720" height="280" loading="lazy" />
            <figcaption>
                <strong>{series.measure.label()}</strong>
                {(!annotations.is_empty()).then(|| view! {
                    <ol class="annotations">
                        {annotations.into_iter().map(|a| view! {
                            <li>{format!("{} ({})", a.label, a.month.label())}</li>
                        }).collect_view()}
                    </ol>
                })}
                {(!marks.is_empty()).then(|| view! {
                    <ul class="marks">
                        {marks.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })}
                {page}
            </figcaption>
        </figure>
        <details class="chart-table" id=format!("cijfers-{code}") open=all_months>
            <summary>{format!("{}: {}", t(Text::ChartTable), series.measure.label())}</summary>
            <DataTable
                caption
                headers
                rows
            />
            {more}
        </details>
    }
}
