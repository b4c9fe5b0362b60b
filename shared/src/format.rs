//! Presentation of figures and dates in the reader's language: decimal
//! comma or point, percent, month names, and the markers for suppressed or
//! missing values.

use crate::i18n::{language, t, Language};
use crate::suppression::Figure;

/// How a figure is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of clients or responses.
    Count,
    /// Days, one decimal.
    Days,
    /// A share 0–1 shown as a whole percentage.
    Percent,
    /// A grade 1–10, one decimal.
    Grade,
}

/// `value` with `decimals` decimals, in the reader's notation (a decimal
/// comma in Dutch, a point in English).
pub fn decimal(value: f64, decimals: usize) -> String {
    decimal_in(language(), value, decimals)
}

/// `value` with `decimals` decimals in `language`'s notation.
pub fn decimal_in(language: Language, value: f64, decimals: usize) -> String {
    let mut text = format!("{value:.decimals$}");
    if language == Language::Dutch {
        if let Some(point) = text.find('.') {
            text.replace_range(point..=point, ",");
        }
    }
    text
}

/// The text shown for a figure; "–" stands for hidden or missing.
pub fn figure(figure: Figure, unit: Unit) -> String {
    match figure {
        Figure::Value(v) => match unit {
            Unit::Count => decimal(v, 0),
            Unit::Days | Unit::Grade => decimal(v, 1),
            Unit::Percent => format!("{}%", decimal(v * 100.0, 0)),
        },
        Figure::FewerThan(n) => format!("<{n}"),
        Figure::Hidden | Figure::NoData => "–".to_string(),
    }
}

/// An ISO date (YYYY-MM-DD) in words, e.g. "1 maart 2026" or "1 March
/// 2026"; anything else is returned as it came.
pub fn date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok());
    match (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    ) {
        (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => {
            format!("{d} {} {y}", t(crate::month::NAMES[m - 1]))
        }
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_notation() {
        assert_eq!(figure(Figure::Value(12.25), Unit::Days), "12,2");
        assert_eq!(figure(Figure::Value(7.86), Unit::Grade), "7,9");
        assert_eq!(figure(Figure::Value(0.746), Unit::Percent), "75%");
        assert_eq!(figure(Figure::Value(14.0), Unit::Count), "14");
        assert_eq!(figure(Figure::FewerThan(5), Unit::Count), "<5");
        assert_eq!(figure(Figure::Hidden, Unit::Percent), "–");
        assert_eq!(date("2026-03-01"), "1 maart 2026");
        assert_eq!(date("morgen"), "morgen");
    }

    #[test]
    fn english_notation() {
        assert_eq!(decimal_in(Language::English, 12.25, 1), "12.2");
        assert_eq!(decimal_in(Language::Dutch, 12.25, 1), "12,2");
    }
}
