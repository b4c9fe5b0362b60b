//! Tables as tools read them: the very table a page shows (so the same
//! suppression), with machine values. A figure is a number rounded as on
//! screen (a percentage as its percent, a wait in days to one decimal),
//! an amount a number of euros, a date in ISO form;
//! a hidden, small or missing figure is an empty cell with a status column
//! beside it saying why. Text that a spreadsheet would run as a formula is
//! neutralised; numbers are written as numbers. The writers (CSV, XLSX)
//! live at the edge, in the server.

use crate::format::Unit;
use crate::i18n::{t, Text};
use crate::suppression::Figure;

/// One table, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// A machine value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Empty,
}

/// A cell as a page shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Text(String),
    Figure(Figure, Unit),
    /// An amount in cents: a number of euros.
    Euros(i64),
}

impl Sheet {
    /// The table titled `title` with `headers` and `rows`: every column
    /// that holds a figure gets a status column right after it.
    pub fn of(title: &str, headers: &[&str], rows: &[Vec<Entry>]) -> Sheet {
        let figure_column: Vec<bool> = (0..headers.len())
            .map(|i| {
                rows.iter()
                    .any(|row| matches!(row.get(i), Some(Entry::Figure(..))))
            })
            .collect();
        let mut columns = Vec::new();
        for (header, figure) in headers.iter().zip(&figure_column) {
            columns.push((*header).to_string());
            if *figure {
                columns.push(format!("{header} – {}", t(Text::ExportStatus)));
            }
        }
        let rows = rows
            .iter()
            .map(|row| {
                let mut values = Vec::new();
                for (i, figure) in figure_column.iter().enumerate() {
                    match row.get(i) {
                        Some(Entry::Figure(f, unit)) => {
                            let (value, status) = figure_values(*f, *unit);
                            values.push(value);
                            values.push(status);
                        }
                        Some(Entry::Euros(cents)) => {
                            values.push(Value::Number(*cents as f64 / 100.0));
                            if *figure {
                                values.push(Value::Empty);
                            }
                        }
                        Some(Entry::Text(text)) => {
                            values.push(Value::Text(text.clone()));
                            if *figure {
                                values.push(Value::Empty);
                            }
                        }
                        None => {
                            values.push(Value::Empty);
                            if *figure {
                                values.push(Value::Empty);
                            }
                        }
                    }
                }
                values
            })
            .collect();
        Sheet {
            title: title.to_string(),
            columns,
            rows,
        }
    }
}

/// A figure's value, rounded as shown (`format::figure`), and its status: empty for a value,
/// else why there is none.
pub fn figure_values(figure: Figure, unit: Unit) -> (Value, Value) {
    match figure {
        Figure::Value(v) => {
            let (scaled, decimals) = match unit {
                Unit::Count => (v, 0),
                Unit::Days | Unit::Grade => (v, 1),
                Unit::Percent => (v * 100.0, 0),
            };
            // Rounded by the very formatting the screen uses.
            let shown = format!("{scaled:.decimals$}").parse().unwrap_or(scaled);
            (Value::Number(shown), Value::Empty)
        }
        Figure::FewerThan(n) => (
            Value::Empty,
            Value::Text(Text::ExportFewerThan.with(n).to_string()),
        ),
        Figure::Hidden => (Value::Empty, Value::Text(t(Text::FigureHidden).to_string())),
        Figure::NoData => (Value::Empty, Value::Text(t(Text::FigureNoData).to_string())),
    }
}

/// Text a spreadsheet would run as a formula (it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) behind an apostrophe, which
/// spreadsheets show as text; any other text as it is.
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// Sheet names a spreadsheet accepts, one per title: at most 31
/// characters, none of `[]:*?/\`, not empty, no two alike.
pub fn sheet_names<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for title in titles {
        let clean: String = title
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect();
        let clean = clean.trim().trim_matches('\'').to_string();
        let base = if clean.is_empty() {
            t(Text::ExportSheet).to_string()
        } else {
            clean
        };
        let mut name: String = base.chars().take(31).collect();
        let mut n = 2;
        while names.iter().any(|taken| taken.eq_ignore_ascii_case(&name)) {
            let suffix = format!(" ({n})");
            name = base
                .chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
                + &suffix;
            n += 1;
        }
        names.push(name);
    }
    names
}

/// A file name from a title: lower-case letters, digits and dashes.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "tabel".to_string()
    } else {
        stem.chars().take(60).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn figures_are_numbers_rounded_as_shown_with_a_status_beside_them() {
        let rows = vec![
            vec![
                Entry::Text("Jeugd Zuilen".into()),
                Entry::Figure(Figure::Value(0.746), Unit::Percent),
                Entry::Figure(Figure::Value(12.25), Unit::Days),
            ],
            vec![
                Entry::Text("Jeugd Ondiep".into()),
                Entry::Figure(Figure::Hidden, Unit::Percent),
                Entry::Figure(Figure::FewerThan(5), Unit::Count),
            ],
        ];
        let sheet = Sheet::of("Teams", &["Team", "Verder zonder hulp", "Wachttijd"], &rows);
        assert_eq!(
            sheet.columns,
            [
                "Team",
                "Verder zonder hulp",
                "Verder zonder hulp – status",
                "Wachttijd",
                "Wachttijd – status"
            ]
        );
        assert_eq!(
            sheet.rows[0],
            [
                Value::Text("Jeugd Zuilen".into()),
                Value::Number(75.0),
                Value::Empty,
                Value::Number(12.2),
                Value::Empty
            ]
        );
        assert_eq!(sheet.rows[1][1], Value::Empty);
        assert_eq!(
            sheet.rows[1][2],
            Value::Text(t(Text::FigureHidden).to_string())
        );
        assert_eq!(sheet.rows[1][3], Value::Empty);
        assert!(matches!(&sheet.rows[1][4], Value::Text(s) if s.contains('5')));
    }

    #[test]
    fn only_what_would_run_is_neutralised() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("-€ 85,00"), "'-€ 85,00");
        assert_eq!(spreadsheet_safe("Jeugd Zuilen"), "Jeugd Zuilen");
        assert_eq!(spreadsheet_safe(""), "");
    }

    #[test]
    fn sheet_names_fit_and_differ() {
        let long = "Signalen van de wijk Zuilen Ondiep en omstreken";
        let names = sheet_names([long, long, "a/b", "", "Teams", "teams"]);
        assert!(names
            .iter()
            .all(|n| n.chars().count() <= 31 && !n.is_empty()));
        assert_ne!(names[0], names[1]);
        assert_eq!(names[2], "a-b");
        assert_ne!(names[4].to_lowercase(), names[5].to_lowercase());
        assert_eq!(
            file_stem("Open knelpunten (Utrecht)"),
            "open-knelpunten-utrecht"
        );
        assert_eq!(file_stem("Één café"), "een-cafe");
    }

    proptest! {
        #[test]
        fn no_text_starts_a_formula(s in "\\PC{0,20}") {
            let safe = spreadsheet_safe(&s);
            prop_assert!(!safe.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }

        #[test]
        fn every_row_is_as_wide_as_the_columns(
            figures in proptest::collection::vec(proptest::option::of(0.0f64..1.0), 0..5),
            width in 1usize..4,
        ) {
            let rows: Vec<Vec<Entry>> = figures.iter().map(|f| {
                let mut row = vec![Entry::Text("x".into())];
                if let Some(v) = f {
                    row.push(Entry::Figure(Figure::Value(*v), Unit::Percent));
                }
                row
            }).collect();
            let headers: Vec<&str> = ["a", "b", "c", "d"][..width.max(2)].to_vec();
            let sheet = Sheet::of("t", &headers, &rows);
            for row in &sheet.rows {
                prop_assert_eq!(row.len(), sheet.columns.len());
            }
        }
    }
}
