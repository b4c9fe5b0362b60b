//! Sparklines: a measure's shown months as a small line without axes, the
//! latest month marked, for tiles and for small multiples (which pass one
//! value range so that every team is drawn on the same scale).

use super::TEXT;
use plotters::prelude::*;
use shared::stats::chart::ChartSeries;

pub const WIDTH: u32 = 160;
pub const HEIGHT: u32 = 40;

/// The sparkline of `series` as SVG, on `range` or its own.
pub fn sparkline(series: &ChartSeries, range: Option<(f64, f64)>, title: &str) -> String {
    let mut svg = String::new();
    if let Err(err) = draw(series, range, &mut svg) {
        tracing::error!(error = %err, "drawing a sparkline failed");
    }
    super::label(svg, title, &shared::stats::chart::describe(series))
}

fn draw(
    series: &ChartSeries,
    range: Option<(f64, f64)>,
    svg: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let shown: Vec<(f64, f64)> = series
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.figure.value().map(|v| (i as f64, v)))
        .collect();
    let (low, high) = range.unwrap_or_else(|| {
        let (lo, hi) = shown.iter().fold((f64::MAX, f64::MIN), |(lo, hi), (_, v)| {
            (lo.min(*v), hi.max(*v))
        });
        if shown.is_empty() {
            (0.0, 1.0)
        } else {
            let pad = ((hi - lo) * 0.1).max(0.01);
            (lo - pad, hi + pad)
        }
    });
    let n = series.points.len().max(2) as f64;
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(4)
        .build_cartesian_2d(-0.5f64..(n - 0.5), low..high)?;
    chart.draw_series(LineSeries::new(shown.iter().copied(), TEXT.stroke_width(2)))?;
    if let Some(last) = shown.last() {
        chart.draw_series(std::iter::once(Circle::new(*last, 3, TEXT.filled())))?;
    }
    root.present()?;
    Ok(())
}
