//! The one way to show a run chart: the server-rendered SVG with its text
//! alternative, a caption naming the agreements marked on it, and its
//! figures as a table.

use crate::components::data_table::{Cell, DataTable};
use leptos::prelude::*;
use shared::i18n::{t, Text};
use shared::stats::chart::{describe, ChartSeries};
use shared::stats::xmr::improves;

/// `src` is the chart's SVG address.
#[component]
pub fn RunChart(series: ChartSeries, src: String) -> impl IntoView {
    let unit = series.measure.unit();
    let better = series.measure.better();
    let alt = describe(&series);
    let rows: Vec<Vec<Cell>> = series
        .points
        .iter()
        .rev()
        .map(|p| {
            let signal = match p.signal {
                None => "–",
                Some(s) if improves(s.side, better) => t(Text::SignalImprovement),
                Some(_) => t(Text::SignalConcern),
            };
            vec![
                Cell::Text(p.month.label_nl()),
                Cell::Figure(p.figure, unit),
                Cell::Text(signal.to_string()),
            ]
        })
        .collect();
    let annotations = series.annotations.clone();
    view! {
        <figure class="chart" id=format!("grafiek-{}", series.measure.code())>
            <img src=src alt=alt width="720" height="280" loading="lazy" />
            <figcaption>
                <strong>{series.measure.label()}</strong>
                {(!annotations.is_empty()).then(|| view! {
                    <ol class="annotations">
                        {annotations.into_iter().map(|a| view! {
                            <li>{format!("{} ({})", a.label, a.month.label_nl())}</li>
                        }).collect_view()}
                    </ol>
                })}
            </figcaption>
        </figure>
        <details class="chart-table">
            <summary>{format!("{}: {}", t(Text::ChartTable), series.measure.label())}</summary>
            <DataTable
                caption=format!("{} – {}", t(Text::ChartTable), series.measure.label())
                headers=vec![t(Text::Month), series.measure.label(), t(Text::ChartSignal)]
                rows
            />
        </details>
    }
}
