//! Headline tiles: the latest month's key figures, each with its change
//! since the month before in neutral words, the verdict of its run chart
//! (Making Data Count: two months never prove a change, so only the chart
//! says improvement or concern, in words and only then in colour), and a
//! sparkline of the last twelve months.

use crate::components::data_table::FigureText;
use leptos::prelude::*;
use shared::dto::HeadlineFigures;
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::network::Measure;
use shared::stats::chart::variation_label;
use shared::stats::xmr::Variation;
use shared::suppression::Figure;

#[component]
pub fn HeadlineTiles(
    latest: HeadlineFigures,
    previous: Option<HeadlineFigures>,
    /// Adds each outcome measure's sparkline when given.
    #[prop(optional)]
    team_id: Option<i32>,
    /// The measures the team's run charts show, each with its verdict,
    /// said beside its figure: a measure the team does not record (uitval,
    /// doelrealisatie) has no chart and no tile.
    variations: Vec<(Measure, Variation)>,
) -> impl IntoView {
    let measures = variations.iter().map(|&(m, variation)| {
        (
            Some(m),
            m.label(),
            latest.of(m),
            previous.map(|p| p.of(m)),
            m.unit(),
            Some(variation),
        )
    });
    let professionals = (
        None,
        t(Text::MeasureProfessionalGrade),
        latest.professional_grade,
        previous.map(|p| p.professional_grade),
        Unit::Grade,
        None,
    );
    let tiles: Vec<_> = measures.chain(std::iter::once(professionals)).collect();
    let since = previous.map(|p| p.month.label()).unwrap_or_default();
    view! {
        <ul class="tiles" aria-label=format!("{} {}", t(Text::HeadlineFigures), latest.month.label())>
            {tiles
                .into_iter()
                .map(|(measure, label, figure, before, unit, variation)| {
                    let trend = trend(figure, before, unit, &since);
                    let verdict = variation.map(verdict);
                    // Decorative: the run charts below carry the text.
                    let spark = measure.zip(team_id).map(|(m, id)| view! {
                        <img class="spark" src=format!("/grafieken/teams/{id}/{}-lijn.svg?maanden=12", m.code()) alt="" width="160" height="40" />
                    });
                    view! {
                        <li class="tile">
                            <p class="tile-label">{label}</p>
                            <p class="tile-value"><FigureText figure unit /></p>
                            {trend}
                            {verdict}
                            {spark}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The change since the month before, in neutral words: a difference of
/// two months is no verdict.
fn trend(figure: Figure, before: Option<Figure>, unit: Unit, since: &str) -> impl IntoView {
    let (Some(now), Some(then)) = (figure.value(), before.and_then(Figure::value)) else {
        return view! { <p class="tile-trend">{t(Text::NoComparison)}</p> }.into_any();
    };
    let delta = now - then;
    if delta.abs() < 1e-9 {
        return view! { <p class="tile-trend">{format!("{} ({since})", t(Text::Unchanged))}</p> }
            .into_any();
    }
    let amount = match unit {
        Unit::Percent => format!(
            "{} {}",
            format::decimal(delta.abs() * 100.0, 0),
            t(Text::PercentPoints)
        ),
        Unit::Days => format!("{} {}", format::decimal(delta.abs(), 1), t(Text::Days)),
        _ => format::decimal(delta.abs(), 1),
    };
    let direction = if delta < 0.0 {
        t(Text::LowerThan)
    } else {
        t(Text::HigherThan)
    };
    view! { <p class="tile-trend">{format!("{amount} {direction} {since}")}</p> }.into_any()
}

/// What the measure's run chart says, in words and then in colour.
fn verdict(variation: Variation) -> impl IntoView {
    let class = match variation {
        Variation::SpecialCauseImprovement => "tile-verdict trend-good",
        Variation::SpecialCauseConcern => "tile-verdict trend-concern",
        _ => "tile-verdict",
    };
    view! { <p class=class>{format!("{}: {}", t(Text::TileChartSays), variation_label(variation))}</p> }
}
