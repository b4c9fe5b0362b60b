//! A count per month as a bar chart, e.g. how many lessons other teams
//! adopted: how knowledge spreads through the network.

use super::{IMPROVEMENT, NEUTRAL, TEXT};
use plotters::prelude::*;
use shared::Month;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 240;

pub fn monthly_counts(points: &[(Month, u32)], title: &str, description: &str) -> String {
    let mut svg = String::new();
    if let Err(err) = draw(points, &mut svg) {
        tracing::error!(error = %err, "drawing a count chart failed");
    }
    super::label(svg, title, description)
}

fn draw(points: &[(Month, u32)], svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let n = points.len().max(1);
    let top = points.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    let months: Vec<String> = points.iter().map(|(m, _)| m.label()).collect();
    let root = SVGBackend::with_string(svg, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(40)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0u32..(top + 1))?;
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
        .y_labels((top + 1).min(6) as usize)
        .label_style(("sans-serif", 12).into_font().color(&TEXT))
        .draw()?;
    chart.draw_series(points.iter().enumerate().map(|(i, (_, c))| {
        let x = i as f64;
        Rectangle::new([(x - 0.35, 0), (x + 0.35, *c)], IMPROVEMENT.filled())
    }))?;
    root.present()?;
    Ok(())
}
