//! A calendar month: the period teams report their results over.

use crate::i18n::{t, Text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The months' names, January first.
pub const NAMES: [Text; 12] = [
    Text::MonthJanuary,
    Text::MonthFebruary,
    Text::MonthMarch,
    Text::MonthApril,
    Text::MonthMay,
    Text::MonthJune,
    Text::MonthJuly,
    Text::MonthAugust,
    Text::MonthSeptember,
    Text::MonthOctober,
    Text::MonthNovember,
    Text::MonthDecember,
];

/// The months' short names, January first.
pub const SHORT_NAMES: [Text; 12] = [
    Text::MonthShortJanuary,
    Text::MonthShortFebruary,
    Text::MonthShortMarch,
    Text::MonthShortApril,
    Text::MonthShortMay,
    Text::MonthShortJune,
    Text::MonthShortJuly,
    Text::MonthShortAugust,
    Text::MonthShortSeptember,
    Text::MonthShortOctober,
    Text::MonthShortNovember,
    Text::MonthShortDecember,
];
use std::str::FromStr;

/// A month of a year, ordered in time. Stored as "YYYY-MM".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    /// `None` unless `month` is 1–12 and the year has four digits.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// The month `n` months later (or earlier, when `n` is negative).
    pub fn plus(self, n: i32) -> Self {
        let index = self.year * 12 + i32::from(self.month) - 1 + n;
        Self {
            year: index.div_euclid(12),
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// The short label in the reader's language, e.g. "mrt 2026" or
    /// "Mar 2026".
    pub fn label(self) -> String {
        format!(
            "{} {}",
            t(SHORT_NAMES[usize::from(self.month - 1)]),
            self.year
        )
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (y, m) = s
            .split_once('-')
            .ok_or_else(|| format!("not a month: {s}"))?;
        let (year, month) = (y.parse().ok(), m.parse().ok());
        match (year, month, y.len(), m.len()) {
            (Some(year), Some(month), 4, 2) => {
                Month::new(year, month).ok_or_else(|| format!("not a month: {s}"))
            }
            _ => Err(format!("not a month: {s}")),
        }
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_prints() {
        let m: Month = "2026-03".parse().unwrap();
        assert_eq!(m, Month::new(2026, 3).unwrap());
        assert_eq!(m.to_string(), "2026-03");
        assert_eq!(m.label(), "mrt 2026");
        assert!("2026-13".parse::<Month>().is_err());
        assert!("2026-3".parse::<Month>().is_err());
        assert!("maart".parse::<Month>().is_err());
    }

    #[test]
    fn steps_across_years() {
        let m = Month::new(2025, 12).unwrap();
        assert_eq!(m.plus(1), Month::new(2026, 1).unwrap());
        assert_eq!(m.plus(-12), Month::new(2024, 12).unwrap());
        assert_eq!(m.plus(-23), Month::new(2024, 1).unwrap());
    }

    proptest! {
        #[test]
        fn plus_is_invertible_and_ordered(y in 1900i32..2100, mo in 1u8..=12, n in -240i32..240) {
            let m = Month::new(y, mo).unwrap();
            prop_assert_eq!(m.plus(n).plus(-n), m);
            prop_assert_eq!(m.plus(n) > m, n > 0);
            prop_assert_eq!(m.plus(n).to_string().parse::<Month>().unwrap(), m.plus(n));
        }
    }
}
