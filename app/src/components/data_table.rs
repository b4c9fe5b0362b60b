//! The one table of the app: a caption, column headers, and rows whose
//! first cell names the row. Figures are right-aligned and suppressed
//! figures carry their reason for screen readers. Every table offers
//! itself as a CSV and an Excel file: the page asked for again with
//! `?bestand=csv&tabel=<its caption as a file name>` (or `bestand=xlsx`,
//! every table) is rendered as usual while the tables hand their rows to
//! the request's `Collected` (`shared::export`), which the server writes
//! out instead of the page — so an export holds exactly what the page
//! shows, under the same permission checks and suppression.

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
    /// An amount in cents, shown in euros.
    Euros(i64),
    /// An ISO date (YYYY-MM-DD), shown in words.
    Date(String),
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
        matches!(self, Cell::Figure(..) | Cell::Euros(_))
    }

    /// The cell as an export holds it: its text or figure.
    #[cfg(feature = "ssr")]
    fn entry(&self) -> shared::export::Entry {
        use shared::export::Entry;
        match self {
            Cell::Text(text) | Cell::Link { text, .. } => Entry::Text(text.clone()),
            Cell::Figure(figure, unit) => Entry::Figure(*figure, *unit),
            Cell::Euros(cents) => Entry::Euros(*cents),
            Cell::Date(iso) => Entry::Text(iso.clone()),
            Cell::Verdict { verdict, .. } => {
                use shared::governance::{assurance_icon, variation_icon};
                Entry::Text(format!(
                    "{}; {}",
                    variation_icon(verdict.variation).label,
                    assurance_icon(verdict.assurance).label
                ))
            }
        }
    }
}

/// The tables a request for an export collects while its page renders
/// (put in the request's extensions by the server).
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct Collected(pub std::sync::Arc<std::sync::Mutex<Vec<shared::export::Sheet>>>);

/// The current request's collector, when it asks for an export.
#[cfg(feature = "ssr")]
pub fn collecting() -> Option<Collected> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Collected>().cloned())
}

/// The links to this table's files: the current address with
/// `bestand=…&tabel=…`. Leptos's own parameters (`__err`, `__path`: a
/// refused form's answer, holding what was typed) are left out — a table
/// in kept HTML is sent to every later viewer of the page.
fn download_links(caption: &str) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let (path, query) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    let kept: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .filter(|(k, _)| k != "bestand" && k != "tabel" && !k.starts_with("__"))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let stem = shared::export::file_stem(caption);
    let href = |format: &str| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(kept.iter());
        query.append_pair("bestand", format);
        query.append_pair("tabel", &stem);
        format!("{path}?{}", query.finish())
    };
    let csv_label = format!(
        "{} {} {caption}",
        t(Text::ExportDownload),
        t(Text::ExportCsvOf)
    );
    let xlsx_label = format!(
        "{} {} {caption}",
        t(Text::ExportDownload),
        t(Text::ExportXlsxOf)
    );
    view! {
        <p class="table-download">
            {t(Text::ExportDownload)}": "
            <a href=href("csv") download=format!("{stem}.csv") aria-label=csv_label>"CSV"</a>
            " · "
            <a href=href("xlsx") download=format!("{stem}.xlsx") aria-label=xlsx_label>"Excel"</a>
        </p>
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
    #[cfg(feature = "ssr")]
    if let Some(collected) = collecting() {
        let entries: Vec<Vec<shared::export::Entry>> = rows
            .iter()
            .map(|row| row.iter().map(Cell::entry).collect())
            .collect();
        let sheet = shared::export::Sheet::of(&caption, &headers, &entries);
        collected.0.lock().expect("the export lock").push(sheet);
    }
    let links = download_links(&caption);
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
        {links}
    }
}

fn cell_content(cell: Cell) -> AnyView {
    match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Link { text, href } => view! { <a href=href>{text}</a> }.into_any(),
        Cell::Figure(figure, unit) => view! { <FigureText figure unit /> }.into_any(),
        Cell::Euros(cents) => shared::canvas::euro(cents).into_any(),
        Cell::Date(iso) => {
            view! { <time datetime=iso.clone()>{format::date(&iso)}</time> }.into_any()
        }
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
