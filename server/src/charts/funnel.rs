//! The funnel plot of a comparison: each team's value against its number of
//! cases, the value of all teams together, and the 95% and 99.8% limits
//! that narrow as the number of cases grows. Teams beyond a limit are
//! marked by shape as well as colour (square: favourable, triangle:
//! unfavourable).

use super::{CONCERN, IMPROVEMENT, LIMIT, NEUTRAL, TEXT};
use plotters::prelude::*;
use shared::dto::Comparison;
use shared::stats::funnel;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

/// The funnel plot of `comparison` as SVG.
pub fn funnel_plot(comparison: &Comparison, title: &str, description: &str) -> String {
    let mut svg = String::new();
    if let Err(err) = draw(comparison, &mut svg) {
        tracing::error!(error = %err, "drawing a funnel plot failed");
    }
    super::label(LIMIT.apply(svg), title, description)
}

fn draw(c: &Comparison, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let measure = c.query.measure;
    let unit = measure.unit();
    let better = measure.better();
    let proportion = measure.is_share();
    let points: Vec<(f64, f64, Option<bool>)> = c
        .rows
        .iter()
        .filter_map(|r| {
            let value = r.value.value()?;
            let n = r.cases.value()?;
            Some((n, value, r.position.and_then(|p| p.favourable(better))))
        })
        .collect();
    let max_n = points.iter().map(|p| p.0).fold(10.0, f64::max) * 1.05;
    let centre = c.centre.unwrap_or(0.0);
    // The comparison's limits (widened as it says) for `n` cases.
    let limits_at = |n: f64| {
        funnel::limits(
            centre,
            n.round().max(1.0) as u32,
            proportion,
            c.spread,
            c.inflation,
        )
    };
    let curve = |pick: fn(&funnel::FunnelLimits) -> f64| -> Vec<(f64, f64)> {
        (1..=60)
            .map(|i| {
                let n = max_n * f64::from(i) / 60.0;
                (n, pick(&limits_at(n)))
            })
            .collect()
    };
    let lower998 = curve(|l| l.lower998);
    let upper998 = curve(|l| l.upper998);
    let mut ys: Vec<f64> = points.iter().map(|p| p.1).collect();
    // The limits' extent where the teams are, not at n = 1.
    let min_n = points.iter().map(|p| p.0).fold(max_n, f64::min);
    let at_smallest = limits_at(min_n);
    ys.extend([centre, at_smallest.lower998, at_smallest.upper998]);
    let (low, high) = ys
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let pad = ((high - low) * 0.08).max(0.01);
    let (low, high) = if proportion {
        ((low - pad).max(0.0), (high + pad).min(1.0))
    } else {
        ((low - pad).max(0.0), high + pad)
    };

    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(0f64..max_n, low..high)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xc5, 0xcc, 0xd6))
        .axis_style(NEUTRAL)
        .x_desc(shared::i18n::t(shared::i18n::Text::CompareCases))
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| {
            shared::format::figure(shared::suppression::Figure::Value(*y), unit)
        })
        .label_style(("sans-serif", 12).into_font().color(&TEXT))
        .axis_desc_style(("sans-serif", 12).into_font().color(&TEXT))
        .draw()?;
    let clip = |line: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        line.into_iter()
            .map(|(x, y)| (x, y.clamp(low, high)))
            .collect()
    };
    chart.draw_series(LineSeries::new(
        [(0.0, centre), (max_n, centre)],
        NEUTRAL.stroke_width(1),
    ))?;
    for line in [curve(|l| l.lower95), curve(|l| l.upper95)] {
        chart.draw_series(LineSeries::new(clip(line), LIMIT.style()))?;
    }
    for line in [lower998, upper998] {
        chart.draw_series(LineSeries::new(clip(line), NEUTRAL.stroke_width(1)))?;
    }
    let marked = |kind: Option<bool>| {
        points
            .iter()
            .filter(move |p| p.2 == kind)
            .map(|p| (p.0, p.1))
    };
    chart.draw_series(marked(None).map(|c| Circle::new(c, 4, TEXT.filled())))?;
    chart.draw_series(
        marked(Some(true)).map(|c| {
            EmptyElement::at(c) + Rectangle::new([(-5, -5), (5, 5)], IMPROVEMENT.filled())
        }),
    )?;
    chart.draw_series(marked(Some(false)).map(|c| TriangleMarker::new(c, 7, CONCERN.filled())))?;
    root.present()?;
    Ok(())
}
