//! The one table of the app: a caption, column headers, and rows whose
//! first cell names the row. Figures are right-aligned and suppressed
//! figures carry their reason for screen readers.

use leptos::prelude::*;
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::suppression::Figure;

/// A cell of a `DataTable`.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Link {
        text: String,
        href: String,
    },
    Figure(Figure, Unit),
    /// A measure's variation and assurance icons, linking to its run chart;
    /// `subject` names the team or wijk and measure for screen readers.
    Verdict {
        verdict: shared::dto::Verdict,
        subject: String,
        href: String,
    },
}

impl Cell {
    fn is_figure(&self) -> bool {
        matches!(self, Cell::Figure(..))
    }
}

#[component]
pub fn DataTable(
    caption: String,
    headers: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
) -> impl IntoView {
    let numeric: Vec<bool> = rows
        .first()
        .map(|row| row.iter().map(Cell::is_figure).collect())
        .unwrap_or_default();
    let region = caption.clone();
    view! {
        // A wide table scrolls on its own; keyboard users reach it as a
        // named region.
        <div class="table-scroll" tabindex="0" role="region" aria-label=region>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .enumerate()
                            .map(|(i, h)| {
                                let class = numeric.get(i).copied().unwrap_or(false).then_some("num");
                                view! { <th scope="col" class=class>{h}</th> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    {row
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, cell)| {
                                            let class = cell.is_figure().then_some("num");
                                            if i == 0 {
                                                view! { <th scope="row" class=class>{cell_content(cell)}</th> }.into_any()
                                            } else {
                                                view! { <td class=class>{cell_content(cell)}</td> }.into_any()
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn cell_content(cell: Cell) -> AnyView {
    match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Link { text, href } => view! { <a href=href>{text}</a> }.into_any(),
        Cell::Figure(figure, unit) => view! { <FigureText figure unit /> }.into_any(),
        Cell::Verdict {
            verdict,
            subject,
            href,
        } => view! { <VerdictIcons verdict subject href /> }.into_any(),
    }
}

/// The two verdicts of a measure as icons — a letter in a shape, so colour
/// is never the only signal — with the verdicts in words for screen
/// readers, linking to the run chart.
#[component]
pub fn VerdictIcons(verdict: shared::dto::Verdict, subject: String, href: String) -> impl IntoView {
    use shared::governance::{assurance_icon, variation_icon};
    let variation = variation_icon(verdict.variation);
    let assurance = assurance_icon(verdict.assurance);
    let words = format!(
        "{subject} – {}: {}; {}: {}",
        t(Text::VariationHeading),
        variation.label,
        t(Text::AssuranceHeading),
        assurance.label
    );
    let title = words.clone();
    view! {
        <a class="verdict" href=href title=title>
            <span class=format!("icon {}", variation.shape) aria-hidden="true">{variation.letter}</span>
            <span class=format!("icon {}", assurance.shape) aria-hidden="true">{assurance.letter}</span>
            <span class="visually-hidden">{words}</span>
        </a>
    }
}

/// A figure as text; a hidden or missing value says why to screen readers.
#[component]
pub fn FigureText(figure: Figure, unit: Unit) -> impl IntoView {
    let text = format::figure(figure, unit);
    let reason = match figure {
        Figure::Hidden => Some(t(Text::FigureHidden)),
        Figure::NoData => Some(t(Text::FigureNoData)),
        _ => None,
    };
    match reason {
        Some(reason) => view! {
            <span aria-hidden="true">{text}</span>
            <span class="visually-hidden">{reason}</span>
        }
        .into_any(),
        None => text.into_any(),
    }
}
