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

/// A new baseline from a month, for a reason (Making Data Count's
/// rebasing, e.g. at the start of an agreement): the limits are computed
/// afresh from that month on. A member sets it; it is never set by itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub id: i32,
    pub month: Month,
    pub reason: String,
    /// The limits rest on the phase's first this many shown months and
    /// later months are judged against them (`xmr::analyse_fixed`).
    pub fixed_after: Option<u32>,
}

/// A team's factual note on one month of a measure ("feitelijke
/// toelichting"), optionally pointing at one of its lessons or canvases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthNote {
    pub id: i32,
    pub month: Month,
    pub text: String,
    /// (title, address) of the linked lesson or canvas.
    pub link: Option<(String, String)>,
}

/// A stretch of the analysed months with its own mean and limits: the
/// whole window, or the parts a baseline cuts it into.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Its points: `from..to` of the series' points.
    pub from: usize,
    pub to: usize,
    /// The baseline it starts with (`None`: the window's own start).
    pub baseline: Option<Baseline>,
    pub mean: Option<f64>,
    pub limits: Option<Limits>,
    pub variation: Variation,
    /// How many of its months may be shown and were analysed.
    pub shown: usize,
}

/// What a chart marks besides its figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Marks {
    /// Agreements that took effect.
    pub annotations: Vec<Annotation>,
    /// The team's baselines of this measure, in any order.
    pub baselines: Vec<Baseline>,
    /// Its notes on months of this measure.
    pub notes: Vec<MonthNote>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartSeries {
    pub measure: Measure,
    /// Oldest first.
    pub points: Vec<ChartPoint>,
    /// The first point the analysis looks at (older points are drawn
    /// without mean, limits or signals).
    pub analysed_from: usize,
    /// The analysed months, cut at each baseline; oldest first.
    pub phases: Vec<Phase>,
    /// Of the latest phase, which the verdict speaks of: over its shown
    /// figures; `None` when none may be shown.
    pub mean: Option<f64>,
    pub limits: Option<Limits>,
    pub variation: Variation,
    pub annotations: Vec<Annotation>,
    /// The notes on months the chart shows, oldest first.
    pub notes: Vec<MonthNote>,
}

impl ChartSeries {
    /// The phase a point lies in, if it was analysed.
    pub fn phase_of(&self, point: usize) -> Option<&Phase> {
        self.phases.iter().find(|p| (p.from..p.to).contains(&point))
    }

    /// Each baseline in force in words, as beside the chart and on its
    /// page: "Nieuwe basislijn vanaf mrt 2025: reden (grenzen vastgezet na
    /// de eerste 12 maanden)".
    pub fn baseline_labels(&self) -> Vec<(&Baseline, String)> {
        self.phases
            .iter()
            .filter_map(|phase| {
                let b = phase.baseline.as_ref()?;
                let mut text = format!(
                    "{} {}: {}",
                    t(Text::ChartBaselineFrom),
                    self.points[phase.from].month.label(),
                    b.reason.trim_end_matches('.')
                );
                if let Some(n) = b.fixed_after {
                    text.push_str(&format!(
                        " ({} {n} {})",
                        t(Text::ChartFixedAfter).to_lowercase(),
                        t(Text::Months)
                    ));
                }
                Some((b, text))
            })
            .collect()
    }

    /// Each note in words, numbered as the chart marks it: "T1 – apr
    /// 2025: …".
    pub fn note_labels(&self) -> Vec<(&MonthNote, String)> {
        self.notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n, format!("T{} – {}: {}", i + 1, n.month.label(), n.text)))
            .collect()
    }
}

/// Where the analysed window of `months` (oldest first) begins and where
/// each baseline cuts it: (from, to, baseline) per phase. The window is the
/// latest `ANALYSED_MONTHS`; a baseline from before it gives the first
/// phase its reason and fixed limits; two baselines on one month, the
/// later one stands.
pub fn phases<'a>(
    months: &[Month],
    baselines: &'a [Baseline],
) -> Vec<(usize, usize, Option<&'a Baseline>)> {
    let Some(last) = months.last() else {
        return Vec::new();
    };
    let first = last.plus(1 - ANALYSED_MONTHS);
    let start = months.iter().position(|m| *m >= first).unwrap_or(0);
    let mut sorted: Vec<&Baseline> = baselines.iter().filter(|b| b.month <= *last).collect();
    sorted.sort_by_key(|b| (b.month, b.id));
    let mut cuts: Vec<(usize, Option<&Baseline>)> = vec![(start, None)];
    for b in sorted {
        let at = months
            .iter()
            .position(|m| *m >= b.month)
            .unwrap_or(start)
            .max(start);
        match cuts.last_mut() {
            Some(cut) if cut.0 == at => cut.1 = Some(b),
            _ => cuts.push((at, Some(b))),
        }
    }
    cuts.iter()
        .enumerate()
        .map(|(i, &(from, baseline))| {
            let to = cuts.get(i + 1).map_or(months.len(), |next| next.0);
            (from, to, baseline)
        })
        .collect()
}

/// Analyses the shown figures of a measure's months (oldest first) over
/// the latest `ANALYSED_MONTHS`, each phase between baselines on its own.
pub fn series(measure: Measure, figures: &[(Month, Figure)], marks: Marks) -> ChartSeries {
    let months: Vec<Month> = figures.iter().map(|(m, _)| *m).collect();
    let mut points: Vec<ChartPoint> = figures
        .iter()
        .map(|(month, figure)| ChartPoint {
            month: *month,
            figure: *figure,
            signal: None,
        })
        .collect();
    let mut analysed = Vec::new();
    for (from, to, baseline) in phases(&months, &marks.baselines) {
        let shown: Vec<(usize, f64)> = (from..to)
            .filter_map(|i| figures[i].1.value().map(|v| (i, v)))
            .collect();
        let values: Vec<f64> = shown.iter().map(|(_, v)| *v).collect();
        let analysis = xmr::analyse_fixed(
            &values,
            measure.better(),
            None,
            baseline.and_then(|b| b.fixed_after),
        );
        for ((i, _), signal) in shown.iter().zip(&analysis.signals) {
            points[*i].signal = *signal;
        }
        analysed.push(Phase {
            from,
            to,
            baseline: baseline.cloned(),
            mean: (!values.is_empty()).then_some(analysis.mean),
            limits: analysis.limits.map(|l| l.within(measure.possible_range())),
            variation: analysis.variation,
            shown: values.len(),
        });
    }
    let latest = analysed.last();
    let mut notes: Vec<MonthNote> = marks
        .notes
        .into_iter()
        .filter(|n| months.contains(&n.month))
        .collect();
    notes.sort_by_key(|n| (n.month, n.id));
    ChartSeries {
        measure,
        analysed_from: analysed.first().map_or(0, |p| p.from),
        mean: latest.and_then(|p| p.mean),
        limits: latest.and_then(|p| p.limits),
        variation: latest.map_or(Variation::NotEnoughData, |p| p.variation),
        points,
        phases: analysed,
        annotations: marks.annotations,
        notes,
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
            .map(|a| format!("{} ({})", a.label, a.month.label()))
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
        first.month.label(),
        last.month.label()
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
            latest.0.label(),
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
    text.push_str(&phases_text(series));
    for note in &series.notes {
        text.push_str(&format!(
            " {} {}: {}",
            t(Text::ChartNoteOn),
            note.month.label(),
            note.text.trim_end_matches('.')
        ));
        text.push('.');
    }
    text
}

/// Each baseline in words: from when, why, and the phase's mean and
/// limits (the latest phase's are said above already).
fn phases_text(series: &ChartSeries) -> String {
    let unit = series.measure.unit();
    let mut text = String::new();
    let labels = series.baseline_labels();
    let phases = series.phases.iter().filter(|p| p.baseline.is_some());
    for (phase, (_, label)) in phases.zip(labels) {
        text.push_str(&format!(" {label}."));
        if let (Some(mean), Some(limits)) = (phase.mean, phase.limits) {
            text.push_str(&format!(
                " {} {}, {} {} {} {}.",
                t(Text::ChartMean),
                value_text(mean, unit),
                t(Text::ChartLimits).to_lowercase(),
                value_text(limits.lower, unit),
                t(Text::To),
                value_text(limits.upper, unit)
            ));
        } else if phase.shown > 0 {
            text.push_str(&format!(" {}.", t(Text::ChartPhaseTooShort)));
        }
    }
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
        let s = series(Measure::Wait, &figures, Marks::default());
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
            Marks::default(),
        );
        let limits = share.limits.unwrap();
        assert_eq!(limits.upper, 1.0);
        assert!(limits.lower > 0.0 && limits.lower < 0.9);
        let wait = series(
            Measure::Wait,
            &figures(&[1.0, 5.0].repeat(6)),
            Marks::default(),
        );
        assert_eq!(wait.limits.unwrap().lower, 0.0);
        let grade = series(
            Measure::ClientGrade,
            &figures(&[9.0, 10.0].repeat(6)),
            Marks::default(),
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
        let s = series(Measure::Wait, &figures, Marks::default());
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
            Marks {
                annotations: vec![Annotation {
                    month: m(2),
                    label: "Vast belmoment".into(),
                }],
                ..Marks::default()
            },
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

    use crate::stats::reference::RNORM_20;

    fn rnorm() -> Vec<(Month, Figure)> {
        RNORM_20
            .iter()
            .enumerate()
            .map(|(i, v)| (m(i as i32), Figure::Value(*v)))
            .collect()
    }

    fn baseline(id: i32, month: Month, fixed_after: Option<u32>) -> Baseline {
        Baseline {
            id,
            month,
            reason: "Casusoverleg om de week".into(),
            fixed_after,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn a_baseline_splits_the_series_into_phases_as_the_reference_groups() {
        // The reference's 10/10 split: each group's mean (too few points
        // for limits here, where the reference draws trial limits).
        let s = series(
            Measure::ClientGrade,
            &rnorm(),
            Marks {
                baselines: vec![baseline(1, m(10), None)],
                ..Marks::default()
            },
        );
        assert_eq!(s.phases.len(), 2);
        assert_eq!((s.phases[0].from, s.phases[0].to), (0, 10));
        assert_eq!((s.phases[1].from, s.phases[1].to), (10, 20));
        assert!(close(s.phases[0].mean.unwrap(), 0.074625645));
        assert!(close(s.phases[1].mean.unwrap(), 0.208621962));
        assert_eq!(
            s.mean, s.phases[1].mean,
            "the verdict is the latest phase's"
        );
        assert_eq!(s.variation, Variation::NotEnoughData);
        assert!(summarize(&s).contains("Nieuwe basislijn vanaf sep 2025: Casusoverleg om de week."));
        // From the 9th point, the second phase has 12 points: limits of
        // its own, without the moving range across the cut.
        let s = series(
            Measure::Wait,
            &rnorm(),
            Marks {
                baselines: vec![baseline(1, m(8), None)],
                ..Marks::default()
            },
        );
        let limits = s.phases[1].limits.unwrap();
        assert!(close(s.phases[1].mean.unwrap(), 0.0794754));
        assert!(close(limits.upper, 3.3950874765));
        assert_eq!(limits.lower, 0.0, "a wait is never negative");
        assert_eq!(s.limits, Some(limits));
    }

    #[test]
    fn a_fixed_baseline_sets_the_limits_on_its_first_months() {
        // fix_after_n_points = 12 on the reference series.
        let s = series(
            Measure::ClientGrade,
            &rnorm(),
            Marks {
                baselines: vec![baseline(1, m(0), Some(12))],
                ..Marks::default()
            },
        );
        assert_eq!(
            s.phases.len(),
            1,
            "a baseline on the first month cuts nothing"
        );
        assert_eq!(s.phases[0].baseline.as_ref().map(|b| b.id), Some(1));
        let mean = s.mean.unwrap();
        assert!(close(mean, 0.19417934));
        let raw = xmr::analyse_fixed(&RNORM_20, Measure::ClientGrade.better(), None, Some(12));
        let limits = raw.limits.unwrap();
        assert!(close(limits.lower, -2.6073998129) && close(limits.upper, 2.9957584929));
        // Points after the twelfth are judged against them, not moving
        // them: the same limits with a wild point added at the end.
        let mut wild = RNORM_20.to_vec();
        wild.push(9.0);
        let judged = xmr::analyse_fixed(&wild, Measure::ClientGrade.better(), None, Some(12));
        assert_eq!(judged.limits, raw.limits);
        assert!(judged.signals[20].is_some());
    }

    #[test]
    fn baselines_before_the_window_or_on_one_month_keep_one_cut() {
        let months: Vec<Month> = (0..40).map(m).collect();
        let early = baseline(1, m(2), Some(12));
        let first = baseline(2, m(30), None);
        let same_month = baseline(3, m(30), None);
        let future = baseline(4, m(50), None);
        let all = [future, same_month.clone(), early.clone(), first];
        let cut = phases(&months, &all);
        let spans: Vec<(usize, usize, Option<i32>)> = cut
            .iter()
            .map(|(f, t, b)| (*f, *t, b.map(|b| b.id)))
            .collect();
        // The window starts at month 16; the early baseline carries over.
        assert_eq!(spans, [(16, 30, Some(1)), (30, 40, Some(3))]);
        assert_eq!(phases(&[], &all), vec![]);
    }

    #[test]
    fn notes_show_in_words_on_the_months_of_the_chart() {
        let note = |id, month, text: &str| MonthNote {
            id,
            month,
            text: text.into(),
            link: None,
        };
        let s = series(
            Measure::Wait,
            &rnorm(),
            Marks {
                notes: vec![
                    note(2, m(5), "Twee collega's ziek."),
                    note(1, m(60), "Buiten de grafiek"),
                ],
                ..Marks::default()
            },
        );
        assert_eq!(s.notes.len(), 1);
        assert!(
            summarize(&s).ends_with("Toelichting bij apr 2025: Twee collega's ziek."),
            "{}",
            summarize(&s)
        );
    }

    proptest::proptest! {
        /// Phases cut the analysed window into contiguous, non-empty
        /// stretches that end at the last month, whatever the baselines.
        #[test]
        fn phases_cover_the_window_once(
            len in 1i32..60,
            at in proptest::collection::vec(-10i32..70, 0..6),
        ) {
            let months: Vec<Month> = (0..len).map(m).collect();
            let baselines: Vec<Baseline> = at
                .iter()
                .enumerate()
                .map(|(i, &a)| baseline(i as i32, m(a), None))
                .collect();
            let cut = phases(&months, &baselines);
            proptest::prop_assert!(!cut.is_empty());
            proptest::prop_assert_eq!(cut.last().unwrap().1, months.len());
            proptest::prop_assert_eq!(cut[0].0, (len - ANALYSED_MONTHS).max(0) as usize);
            for pair in cut.windows(2) {
                proptest::prop_assert_eq!(pair[0].1, pair[1].0);
            }
            for (from, to, _) in &cut {
                proptest::prop_assert!(from < to);
            }
        }
    }

    #[test]
    fn nothing_shown_is_said_plainly() {
        let s = series(
            Measure::ClientGrade,
            &[(m(0), Figure::Hidden)],
            Marks::default(),
        );
        assert_eq!(s.mean, None);
        assert!(describe(&s).contains(t(Text::ChartNothingShown)));
    }
}
