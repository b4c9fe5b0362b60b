//! Headline tiles: the latest month's key figures, each with its change
//! since the month before, said in words (and only then in colour), and a
//! sparkline of the last twelve months.

use crate::components::data_table::FigureText;
use leptos::prelude::*;
use shared::dto::HeadlineFigures;
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::network::Measure;
use shared::outcomes::{change, Better};
use shared::suppression::Figure;

#[component]
pub fn HeadlineTiles(
    latest: HeadlineFigures,
    previous: Option<HeadlineFigures>,
    /// Adds each outcome measure's sparkline when given.
    #[prop(optional)]
    team_id: Option<i32>,
) -> impl IntoView {
    let tiles = [
        (
            Some(Measure::Wait),
            t(Text::MeasureWait),
            latest.mean_wait_days,
            previous.map(|p| p.mean_wait_days),
            Unit::Days,
            Better::Lower,
        ),
        (
            Some(Measure::WithoutHelp),
            t(Text::MeasureWithoutHelp),
            latest.share_without_help,
            previous.map(|p| p.share_without_help),
            Unit::Percent,
            Better::Higher,
        ),
        (
            Some(Measure::ClientGrade),
            t(Text::MeasureClientGrade),
            latest.client_grade,
            previous.map(|p| p.client_grade),
            Unit::Grade,
            Better::Higher,
        ),
        (
            None,
            t(Text::MeasureProfessionalGrade),
            latest.professional_grade,
            previous.map(|p| p.professional_grade),
            Unit::Grade,
            Better::Higher,
        ),
    ];
    let since = previous.map(|p| p.month.label_nl()).unwrap_or_default();
    view! {
        <ul class="tiles" aria-label=format!("{} {}", t(Text::HeadlineFigures), latest.month.label_nl())>
            {tiles
                .into_iter()
                .map(|(measure, label, figure, before, unit, better)| {
                    let trend = trend(figure, before, unit, better, &since);
                    // Decorative: the run charts below carry the text.
                    let spark = measure.zip(team_id).map(|(m, id)| view! {
                        <img class="spark" src=format!("/grafieken/teams/{id}/{}-lijn.svg?maanden=12", m.code()) alt="" width="160" height="40" />
                    });
                    view! {
                        <li class="tile">
                            <p class="tile-label">{label}</p>
                            <p class="tile-value"><FigureText figure unit /></p>
                            {trend}
                            {spark}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn trend(
    figure: Figure,
    before: Option<Figure>,
    unit: Unit,
    better: Better,
    since: &str,
) -> impl IntoView {
    let (Some(now), Some(then)) = (figure.value(), before.and_then(Figure::value)) else {
        return view! { <p class="tile-trend">{t(Text::NoComparison)}</p> }.into_any();
    };
    let (delta, improved) = change(now, then, better);
    let amount = match unit {
        Unit::Percent => format!(
            "{} {}",
            format::decimal_nl(delta.abs() * 100.0, 0),
            t(Text::PercentPoints)
        ),
        Unit::Days => format!("{} {}", format::decimal_nl(delta.abs(), 1), t(Text::Days)),
        _ => format::decimal_nl(delta.abs(), 1),
    };
    let (arrow, direction) = if delta < 0.0 {
        ("▼", t(Text::LowerThan))
    } else {
        ("▲", t(Text::HigherThan))
    };
    let (class, verdict) = match improved {
        Some(true) => ("tile-trend trend-good", t(Text::Improvement)),
        Some(false) => ("tile-trend trend-concern", t(Text::Deterioration)),
        None => ("tile-trend", t(Text::Unchanged)),
    };
    let text = match improved {
        None => format!("{verdict} ({since})"),
        Some(_) => format!("{amount} {direction} {since}: {verdict}"),
    };
    view! {
        <p class=class>
            <span aria-hidden="true">{improved.map(|_| arrow)}" "</span>
            {text}
        </p>
    }
    .into_any()
}
