//! The XmR run chart of one measure: the figures as a line with a marker
//! per month, the mean and process limits, signals marked by shape (square:
//! improvement, triangle: concern) as well as colour, numbered markers
//! where agreements took effect, a solid line where a baseline starts a
//! new phase of limits, and "T1", "T2" … at months with a note.

use super::{Dash, CONCERN, IMPROVEMENT, LIMIT, NEUTRAL, TEXT};
use plotters::prelude::*;
use shared::stats::chart::{self, ChartSeries};
use shared::stats::xmr::improves;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 280;
/// Where an agreement took effect.
const ANNOTATION: Dash = Dash {
    stand_in: RGBColor(0x8a, 0x93, 0x9f),
    colour: RGBColor(0x8a, 0x93, 0x9e),
    pattern: "3 3",
};

/// The run chart of `series` as SVG, titled `title`.
pub fn run_chart(series: &ChartSeries, title: &str) -> String {
    let mut svg = String::new();
    if let Err(err) = draw(series, &mut svg) {
        tracing::error!(error = %err, "drawing a run chart failed");
    }
    let svg = ANNOTATION.apply(LIMIT.apply(svg));
    super::label(svg, title, &chart::describe(series))
}

fn draw(series: &ChartSeries, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let unit = series.measure.unit();
    let better = series.measure.better();
    let n = series.points.len().max(1);
    let shown: Vec<(f64, f64)> = series
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.figure.value().map(|v| (i as f64, v)))
        .collect();
    let mut extremes: Vec<f64> = shown.iter().map(|(_, v)| *v).collect();
    for l in series.phases.iter().filter_map(|p| p.limits) {
        extremes.extend([l.lower, l.upper]);
    }
    let (low, high) = extremes
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let (low, high) = if extremes.is_empty() {
        (0.0, 1.0)
    } else {
        let pad = ((high - low) * 0.1).max(0.01);
        ((low - pad).max(0.0), high + pad)
    };

    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let months: Vec<String> = series.points.iter().map(|p| p.month.label()).collect();
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), low..high)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(0xc5, 0xcc, 0xd6))
        .axis_style(NEUTRAL)
        .x_labels(n.min(7))
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 {
                months.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_labels(5)
        .y_label_formatter(&|y| {
            shared::format::figure(shared::suppression::Figure::Value(*y), unit)
        })
        .label_style(("sans-serif", 12).into_font().color(&TEXT))
        .draw()?;

    // Mean and limits over the months analysed only, a segment per phase;
    // a baseline is a solid line where its phase begins.
    for phase in &series.phases {
        let span = [phase.from as f64 - 0.5, phase.to as f64 - 0.5];
        if let Some(mean) = phase.mean {
            chart.draw_series(LineSeries::new(
                span.map(|x| (x, mean)),
                NEUTRAL.stroke_width(1),
            ))?;
        }
        if let Some(limits) = phase.limits {
            for y in [limits.lower, limits.upper] {
                chart.draw_series(LineSeries::new(span.map(|x| (x, y)), LIMIT.style()))?;
            }
        }
        if phase.baseline.is_some() {
            chart.draw_series(LineSeries::new(
                [(span[0], low), (span[0], high)],
                TEXT.stroke_width(2),
            ))?;
        }
    }
    // Notes: "T1", "T2" … at the foot of their month, as in the table.
    for (number, note) in series.notes.iter().enumerate() {
        if let Some(x) = series.points.iter().position(|p| p.month == note.month) {
            chart.draw_series(std::iter::once(Text::new(
                format!("T{}", number + 1),
                (x as f64, low + (high - low) * 0.06),
                ("sans-serif", 11).into_font().color(&TEXT),
            )))?;
        }
    }
    for (number, a) in series.annotations.iter().enumerate() {
        if let Some(x) = series.points.iter().position(|p| p.month == a.month) {
            let x = x as f64;
            chart.draw_series(LineSeries::new([(x, low), (x, high)], ANNOTATION.style()))?;
            chart.draw_series(std::iter::once(Text::new(
                (number + 1).to_string(),
                (x, high),
                ("sans-serif", 11).into_font().color(&TEXT),
            )))?;
        }
    }
    chart.draw_series(LineSeries::new(shown.iter().copied(), TEXT.stroke_width(2)))?;
    let marked = |improvement: Option<bool>| {
        series.points.iter().enumerate().filter_map(move |(i, p)| {
            let v = p.figure.value()?;
            let kind = p.signal.map(|s| improves(s.side, better));
            (kind == improvement).then_some((i as f64, v))
        })
    };
    chart.draw_series(marked(None).map(|c| Circle::new(c, 3, TEXT.filled())))?;
    chart.draw_series(
        marked(Some(true)).map(|c| {
            EmptyElement::at(c) + Rectangle::new([(-5, -5), (5, 5)], IMPROVEMENT.filled())
        }),
    )?;
    chart.draw_series(marked(Some(false)).map(|c| TriangleMarker::new(c, 7, CONCERN.filled())))?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::network::Measure;
    use shared::stats::chart::{series, Annotation};
    use shared::suppression::Figure;
    use shared::Month;

    fn example() -> ChartSeries {
        let start = Month::new(2024, 11).unwrap();
        let mut figures: Vec<(Month, Figure)> = (0..24)
            .map(|i| {
                (
                    start.plus(i),
                    Figure::Value(30.0 + f64::from(i % 3) - if i > 15 { 8.0 } else { 0.0 }),
                )
            })
            .collect();
        figures[5].1 = Figure::Hidden;
        series(
            Measure::Wait,
            &figures,
            shared::stats::chart::Marks {
                annotations: vec![Annotation {
                    month: start.plus(15),
                    label: "Vast belmoment".into(),
                }],
                ..Default::default()
            },
        )
    }

    #[test]
    fn the_same_series_gives_the_same_bytes_and_is_labelled() {
        let a = run_chart(&example(), "Wachttijd van Jeugd Zuilen");
        let b = run_chart(&example(), "Wachttijd van Jeugd Zuilen");
        assert_eq!(a, b);
        assert!(a.starts_with("<svg") && a.contains("role=\"img\""));
        assert!(a.contains("<title id=\"titel\">Wachttijd van Jeugd Zuilen</title>"));
        assert!(
            a.contains("Vast belmoment (feb 2026)"),
            "the description names the agreement"
        );
        assert!(a.len() < 100_000, "{} bytes", a.len());
        // Limits and the agreement are dashed by SVG, not dash by dash.
        assert!(a.contains("stroke=\"#505A66\" stroke-dasharray=\"6 4\""));
        assert!(a.contains("stroke=\"#8A939E\" stroke-dasharray=\"3 3\""));
        assert!(!a.contains("#505A67") && !a.contains("#8A939F"));
        // The improvement after the agreement is marked with squares.
        assert!(
            a.contains("fill=\"#1D4F91\"") || a.contains("fill=\"#1d4f91\""),
            "improvement markers"
        );
    }

    /// Ten years of months with twenty agreements, as on the national
    /// benchmark network: still under 100 KB.
    #[test]
    fn a_ten_year_chart_with_twenty_agreements_stays_small() {
        let start = Month::new(2016, 11).unwrap();
        let figures: Vec<(Month, Figure)> = (0..120)
            .map(|i| (start.plus(i), Figure::Value(20.0 + f64::from(i % 7))))
            .collect();
        let annotations = (0..20)
            .map(|i| Annotation {
                month: start.plus(i * 6),
                label: format!("Afspraak {i}"),
            })
            .collect();
        let marks = shared::stats::chart::Marks {
            annotations,
            ..Default::default()
        };
        let svg = run_chart(&series(Measure::Wait, &figures, marks), "Wachttijd");
        assert!(svg.len() < 100_000, "{} bytes", svg.len());
    }
}
