//! The Dutch calendar. Instants are stored in UTC; every day and month a
//! user sees or enters is the one in Europe/Amsterdam, so the first hour
//! (two in summer) of a month already belongs to it, although UTC still
//! has the previous one.

use crate::Month;
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Europe::Amsterdam;

/// The day it is in the Netherlands at `instant`.
pub fn local_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Amsterdam).date_naive()
}

/// The month it is in the Netherlands at `instant`.
pub fn month_of(instant: DateTime<Utc>) -> Month {
    let day = local_date(instant);
    Month::new(day.year(), day.month() as u8).expect("a calendar month")
}

/// The instant a Dutch day begins (midnight in Amsterdam).
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight");
    Amsterdam
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |local| local.with_timezone(&Utc))
}

/// `instant` as RFC 3339 in Dutch time, e.g. "2026-12-01T00:30:00+01:00":
/// its first ten characters are the Dutch date.
pub fn local_timestamp(instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&Amsterdam)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn half_past_midnight_on_the_first_is_the_new_month() {
        // 00:30 on 1 December in Amsterdam (winter time, UTC+1).
        let instant = at("2026-11-30T23:30:00Z");
        assert_eq!(month_of(instant), Month::new(2026, 12).unwrap());
        assert_eq!(local_date(instant).to_string(), "2026-12-01");
        assert_eq!(local_timestamp(instant), "2026-12-01T00:30:00+01:00");
        // 00:30 on 1 July (summer time, UTC+2).
        let instant = at("2026-06-30T22:30:00Z");
        assert_eq!(month_of(instant), Month::new(2026, 7).unwrap());
        assert_eq!(local_timestamp(instant), "2026-07-01T00:30:00+02:00");
        // New Year.
        assert_eq!(
            month_of(at("2026-12-31T23:00:00Z")),
            Month::new(2027, 1).unwrap()
        );
        assert_eq!(
            start_of_day(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            at("2026-11-30T23:00:00Z")
        );
        assert_eq!(
            start_of_day(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()),
            at("2026-06-30T22:00:00Z")
        );
        // The last hour of a month in Amsterdam is still that month.
        assert_eq!(
            month_of(at("2026-11-30T22:59:59Z")),
            Month::new(2026, 11).unwrap()
        );
    }
}
