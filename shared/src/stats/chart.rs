//! What a run chart shows: a measure's monthly figures (suppressed as the
//! viewer must see them), its XmR analysis over the figures that may be
//! shown, and the agreements that started along the way. The same value
//! feeds the SVG, its text alternative and the table beside it.

use super::xmr::{self, Limits, Signal, Variation};
use crate::format::{self, Unit};
use crate::i18n::{t, Text};
use crate::network::Measure;
use crate::suppression::Figure;
use crate::Month;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub month: Month,
    pub figure: Figure,
    pub signal: Option<Signal>,
}

/// An agreement that took effect in a month, drawn as a marker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub month: Month,
    pub label: String,
}

/// The months a verdict speaks of: the chart's mean, limits and signals
/// and the bestuurderstafel's icons all look at the latest this many
/// months, so the icon and the chart it links to never disagree.
pub const ANALYSED_MONTHS: i32 = 24;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartSeries {
    pub measure: Measure,
    /// Oldest first.
    pub points: Vec<ChartPoint>,
    /// The first point the analysis looks at (older points are drawn
    /// without mean, limits or signals).
    pub analysed_from: usize,
    /// Over the shown figures analysed; `None` when none may be shown.
    pub mean: Option<f64>,
    pub limits: Option<Limits>,
    pub variation: Variation,
    pub annotations: Vec<Annotation>,
}

/// Analyses the shown figures of a measure's months (oldest first) over
/// the latest `ANALYSED_MONTHS`.
pub fn series(
    measure: Measure,
    figures: &[(Month, Figure)],
    annotations: Vec<Annotation>,
) -> ChartSeries {
    let analysed_from = figures.last().map_or(0, |(last, _)| {
        let first = last.plus(1 - ANALYSED_MONTHS);
        figures.iter().position(|(m, _)| *m >= first).unwrap_or(0)
    });
    let shown: Vec<(usize, f64)> = figures
        .iter()
        .enumerate()
        .skip(analysed_from)
        .filter_map(|(i, (_, f))| f.value().map(|v| (i, v)))
        .collect();
    let values: Vec<f64> = shown.iter().map(|(_, v)| *v).collect();
    let analysis = xmr::analyse(&values, measure.better(), None);
    let mut points: Vec<ChartPoint> = figures
        .iter()
        .map(|(month, figure)| ChartPoint {
            month: *month,
            figure: *figure,
            signal: None,
        })
        .collect();
    for ((i, _), signal) in shown.iter().zip(&analysis.signals) {
        points[*i].signal = *signal;
    }
    ChartSeries {
        measure,
        points,
        analysed_from,
        mean: (!values.is_empty()).then_some(analysis.mean),
        limits: analysis.limits.map(|l| l.within(measure.possible_range())),
        variation: analysis.variation,
        annotations,
    }
}

pub fn variation_label(variation: Variation) -> &'static str {
    t(match variation {
        Variation::CommonCause => Text::VariationCommon,
        Variation::SpecialCauseImprovement => Text::VariationImprovement,
        Variation::SpecialCauseConcern => Text::VariationConcern,
        Variation::NotEnoughData => Text::VariationTooFew,
    })
}

/// A value of the measure in words, e.g. "31,2 dagen" or "64%".
pub fn value_text(value: f64, unit: Unit) -> String {
    let figure = format::figure(Figure::Value(value), unit);
    match unit {
        Unit::Days => format!("{figure} {}", t(Text::Days)),
        _ => figure,
    }
}

/// The chart in words, for screen readers and as its description: its
/// figures and verdict, then the agreements marked on it.
pub fn describe(series: &ChartSeries) -> String {
    let mut text = summarize(series);
    if !series.annotations.is_empty() {
        let names: Vec<String> = series
            .annotations
            .iter()
            .map(|a| format!("{} ({})", a.label, a.month.label_nl()))
            .collect();
        text.push_str(&format!(
            " {}: {}.",
            t(Text::ChartAgreementsStarted),
            names.join("; ")
        ));
    }
    text
}

/// The chart's figures and verdict in words: its text alternative where a
/// caption beside it already names the agreements marked on it.
pub fn summarize(series: &ChartSeries) -> String {
    let unit = series.measure.unit();
    let (Some(first), Some(last)) = (series.points.first(), series.points.last()) else {
        return format!("{}: {}", series.measure.label(), t(Text::FigureNoData));
    };
    let mut text = format!(
        "{} {} {} – {}.",
        series.measure.label(),
        t(Text::PerMonth),
        first.month.label_nl(),
        last.month.label_nl()
    );
    let Some(mean) = series.mean else {
        text.push_str(&format!(" {}.", t(Text::ChartNothingShown)));
        return text;
    };
    text.push_str(&format!(
        " {} {}.",
        t(Text::ChartMean),
        value_text(mean, unit)
    ));
    if let Some(limits) = series.limits {
        text.push_str(&format!(
            " {} {} {} {}.",
            t(Text::ChartLimits),
            value_text(limits.lower.max(0.0), unit),
            t(Text::To),
            value_text(limits.upper, unit)
        ));
    }
    if let Some(latest) = series
        .points
        .iter()
        .rev()
        .find_map(|p| p.figure.value().map(|v| (p.month, v)))
    {
        text.push_str(&format!(
            " {} ({}): {}.",
            t(Text::ChartLatest),
            latest.0.label_nl(),
            value_text(latest.1, unit)
        ));
    }
    let signals = series.points.iter().filter(|p| p.signal.is_some()).count();
    text.push_str(&format!(
        " {}: {}; {} {}.",
        t(Text::ChartVerdict),
        variation_label(series.variation),
        signals,
        t(Text::ChartSignalledMonths)
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(i: i32) -> Month {
        Month::new(2024, 11).unwrap().plus(i)
    }

    #[test]
    fn the_chart_analyses_the_months_the_icon_does() {
        // Ten years of a steady 20, the last two years a steady 10: over
        // the whole history the last point would sit below a run; over the
        // latest 24 months it is the process itself.
        let figures: Vec<(Month, Figure)> = (0..120)
            .map(|i| {
                (
                    m(i),
                    Figure::Value(if i < 96 {
                        20.0 + f64::from(i % 2)
                    } else {
                        10.0 + f64::from(i % 2)
                    }),
                )
            })
            .collect();
        let s = series(Measure::Wait, &figures, Vec::new());
        assert_eq!(s.analysed_from, 96);
        assert!((s.mean.unwrap() - 10.5).abs() < 1e-9);
        assert_eq!(s.variation, Variation::CommonCause);
        assert!(s.points[..96].iter().all(|p| p.signal.is_none()));
        let governance = xmr::analyse(
            &figures[96..]
                .iter()
                .filter_map(|(_, f)| f.value())
                .collect::<Vec<_>>(),
            Measure::Wait.better(),
            None,
        );
        assert_eq!(governance.variation, s.variation);
        assert_eq!(
            governance.limits.map(|l| l.upper),
            s.limits.map(|l| l.upper)
        );
    }

    #[test]
    fn limits_stay_within_what_a_measure_can_be() {
        // A share around 95 % that jumps about: its upper limit would pass
        // 100 %; a short wait's lower limit would fall below 0.
        let figures = |values: &[f64]| -> Vec<(Month, Figure)> {
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (m(i as i32), Figure::Value(*v)))
                .collect()
        };
        let share = series(
            Measure::WithoutHelp,
            &figures(&[0.9, 1.0].repeat(6)),
            Vec::new(),
        );
        let limits = share.limits.unwrap();
        assert_eq!(limits.upper, 1.0);
        assert!(limits.lower > 0.0 && limits.lower < 0.9);
        let wait = series(Measure::Wait, &figures(&[1.0, 5.0].repeat(6)), Vec::new());
        assert_eq!(wait.limits.unwrap().lower, 0.0);
        let grade = series(
            Measure::ClientGrade,
            &figures(&[9.0, 10.0].repeat(6)),
            Vec::new(),
        );
        assert_eq!(grade.limits.unwrap().upper, 10.0);
        // The sigma of two of three is the process's, not the drawn one's.
        assert!((limits.sigma() - 2.66 * 0.1 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn hidden_figures_are_left_out_of_the_analysis() {
        let mut figures: Vec<(Month, Figure)> = (0..14)
            .map(|i| (m(i), Figure::Value(10.0 + f64::from(i % 2))))
            .collect();
        figures[3].1 = Figure::Hidden;
        let s = series(Measure::Wait, &figures, vec![]);
        assert_eq!(s.points.len(), 14);
        assert!(s.limits.is_some(), "13 shown points are enough");
        assert_eq!(s.points[3].signal, None);
        let described = describe(&s);
        assert!(
            described.starts_with("Wachttijd (dagen) per maand nov 2024 – dec 2025."),
            "{described}"
        );
        assert!(described.contains("gewone variatie"), "{described}");
    }

    #[test]
    fn few_points_make_a_run_chart_and_say_so() {
        let figures: Vec<(Month, Figure)> = (0..5).map(|i| (m(i), Figure::Value(0.6))).collect();
        let s = series(
            Measure::WithoutHelp,
            &figures,
            vec![Annotation {
                month: m(2),
                label: "Vast belmoment".into(),
            }],
        );
        assert_eq!((s.limits, s.variation), (None, Variation::NotEnoughData));
        let described = describe(&s);
        assert!(
            described.contains("60%") && described.contains("Vast belmoment (jan 2025)"),
            "{described}"
        );
        let summary = summarize(&s);
        assert!(described.starts_with(&summary), "{summary}");
        assert!(!summary.contains("Vast belmoment"), "{summary}");
    }

    #[test]
    fn nothing_shown_is_said_plainly() {
        let s = series(Measure::ClientGrade, &[(m(0), Figure::Hidden)], vec![]);
        assert_eq!(s.mean, None);
        assert!(describe(&s).contains(t(Text::ChartNothingShown)));
    }
}
