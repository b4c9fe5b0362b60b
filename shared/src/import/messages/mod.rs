//! Monthly figures from the iStandaarden messages gemeenten and providers
//! exchange (iJw for Jeugd, iWmo for the Wmo; release 3.x): a team uploads
//! an export of them and Wijkwijs counts what a month needs. The messages
//! also hold BSNs, names and addresses; `xml` reads only the elements
//! counted here, so those never leave the parser.
//!
//! What is counted, per month:
//! - **started**: live starts (JW305/WMO305 `StartProduct`) by `Begindatum`;
//! - **ended**: live stops (JW307/WMO307 `StopProduct`) by `Einddatum`,
//!   without the administrative reasons (`Ending::Administrative`);
//! - **uitval**: of those, the stops the code list calls early or
//!   one-sided;
//! - **wait**: days from the request to the start. The messages carry no
//!   registration date, so the request is the provider's *verzoek om
//!   toewijzing* (JW315 `Dagtekening`), found through the toewijzing
//!   (JW301, by `ToewijzingNummer`) that copies its `ReferentieAanbieder`.
//!   Without a JW315 — most Jeugd help is assigned after a referral,
//!   without one — the toewijzing's own `Toewijzingsdatum` is the earliest
//!   date the messages know. A start with neither is counted but has no
//!   wait; a start before its request waited no days.
//!
//! A record sent again with `StatusAanlevering` 3 is deleted (the
//! standard's way to correct: delete, then send anew), in the order the
//! messages were dated. "Verder zonder hulp" and client grades are not in
//! the messages: the team adds them in the form.

#[cfg(any(test, feature = "message-samples"))]
pub mod samples;
#[cfg(feature = "import-files")]
pub mod xml;

use super::results::{Column, Columns};
use super::Table;
use crate::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Which law's messages: Jeugdwet (iJw) or Wmo (iWmo).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standard {
    Jeugd,
    Wmo,
}

impl Standard {
    /// The standard's own name.
    pub fn name(self) -> &'static str {
        match self {
            Standard::Jeugd => "iJw",
            Standard::Wmo => "iWmo",
        }
    }

    /// The prefix of its message codes ("JW305", "WMO305").
    pub fn prefix(self) -> &'static str {
        match self {
            Standard::Jeugd => "JW",
            Standard::Wmo => "WMO",
        }
    }
}

/// The messages that are counted; every other one (a retour, a
/// declaration) is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 315: verzoek om toewijzing.
    Request,
    /// 301: toewijzing.
    Assignment,
    /// 305: start zorg.
    Start,
    /// 307: stop zorg.
    Stop,
}

impl Kind {
    /// The kind of message number `number` ("305").
    pub fn of(number: &str) -> Option<Kind> {
        match number {
            "315" => Some(Kind::Request),
            "301" => Some(Kind::Assignment),
            "305" => Some(Kind::Start),
            "307" => Some(Kind::Stop),
            _ => None,
        }
    }
}

/// How help ended, as the standard's code list for `RedenBeeindiging`
/// (JZ588 for Jeugd, WMO588 for the Wmo) groups its codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Ended as planned.
    AsPlanned,
    /// Ended early or one-sidedly: uitval.
    Early,
    /// Not an end of help the team worked towards (death, a pause, a
    /// move, a change of provider or domain, the gemeente's doing): left
    /// out of the ended count.
    Administrative,
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

/// The group of reason `code` in `standard`'s code list, in a message
/// dated `dated` (a code counts only from the day it was introduced);
/// `None` for a code the list does not have. The two lists differ: 31 is
/// "volgens plan" in Jeugd but a move to another gemeente in the Wmo.
pub fn ending(standard: Standard, code: &str, dated: NaiveDate) -> Option<Ending> {
    use Ending::*;
    match (standard, code) {
        // JZ588
        (Standard::Jeugd, "31") => Some(AsPlanned),
        (Standard::Jeugd, "32" | "33" | "34" | "35") => Some(Early),
        (Standard::Jeugd, "02" | "20") => Some(Administrative),
        (Standard::Jeugd, "36" | "37") if dated >= date(2021, 1, 1) => Some(Administrative),
        (Standard::Jeugd, "38" | "39") if dated >= date(2022, 4, 1) => Some(Administrative),
        // WMO588
        (Standard::Wmo, "19") => Some(AsPlanned),
        (Standard::Wmo, "21" | "22" | "23") => Some(Early),
        (Standard::Wmo, "02" | "20" | "31" | "36" | "37" | "38" | "39") => Some(Administrative),
        _ => None,
    }
}

/// `StatusAanlevering` (COD467).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 1, and 2 and 9, which release 3 no longer sends in 305 and 307.
    Delivered,
    /// 3: deletes the earlier record with the same key.
    Deleted,
}

impl Status {
    pub fn of(code: &str) -> Option<Status> {
        match code {
            "1" | "2" | "9" => Some(Status::Delivered),
            "3" => Some(Status::Deleted),
            _ => None,
        }
    }
}

/// What identifies a start, and the stop that copies it: the toewijzing,
/// the product and the day help began (the client is the message's one
/// client, and is not kept).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub assignment: Option<u64>,
    pub product: String,
    pub begin: NaiveDate,
}

/// A product record of a message, reduced to what is counted.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// 315 `AangevraagdProduct`: the provider's reference.
    Request { reference: String },
    /// 301 `ToegewezenProduct`.
    Assignment {
        number: u64,
        reference: Option<String>,
        assigned: NaiveDate,
    },
    /// 305 `StartProduct`.
    Start { key: Key, status: Status },
    /// 307 `StopProduct`.
    Stop {
        key: Key,
        end: NaiveDate,
        ending: Ending,
        status: Status,
    },
}

/// One message: its standard, release ("3.2"), kind, its date
/// (`Dagtekening`) and its records.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub standard: Standard,
    pub release: String,
    pub kind: Kind,
    pub dated: NaiveDate,
    pub records: Vec<Record>,
}

/// The messages of an upload.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub files: usize,
    pub messages: Vec<Message>,
    /// Messages of other kinds, and files in a zip that are no XML.
    pub skipped: usize,
}

/// A month's figures as counted.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figures {
    pub started: u32,
    /// Starts with a known wait, and their days together.
    pub waits: u32,
    pub wait_days: i64,
    pub ended: u32,
    pub uitval: u32,
}

impl Figures {
    /// The mean wait in days, to a tenth.
    pub fn mean_wait(&self) -> Option<f64> {
        (self.waits > 0).then(|| {
            let mean = self.wait_days as f64 / f64::from(self.waits);
            (mean * 10.0).round() / 10.0
        })
    }
}

/// What the preview tells about the messages: counts only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub standard: Option<Standard>,
    pub releases: Vec<String>,
    pub files: usize,
    pub messages: usize,
    pub skipped: usize,
    /// Records deleted by a later `StatusAanlevering` 3.
    pub deleted: usize,
    /// Deletions with nothing earlier to delete.
    pub unmatched_deletions: usize,
    pub starts: usize,
    pub stops: usize,
    /// Starts whose wait runs from the JW315 request, from the JW301
    /// toewijzing, or is unknown.
    pub waits_from_request: usize,
    pub waits_from_assignment: usize,
    pub starts_without_wait: usize,
    /// Stops left out of the ended count for their reason.
    pub ends_left_out: usize,
    /// The counted months in order: row `n` of the table is month `n - 1`.
    pub months: Vec<Month>,
}

/// The figures per month and what the preview tells about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    pub months: BTreeMap<Month, Figures>,
    pub summary: Summary,
}

fn month_of(day: NaiveDate) -> Month {
    use chrono::Datelike;
    Month::new(day.year(), day.month() as u8).expect("a date's month")
}

/// Applies one delivery or deletion to the live records.
fn deliver<T>(live: &mut HashMap<Key, T>, key: Key, status: Status, value: T, s: &mut Summary) {
    match status {
        Status::Delivered => {
            live.insert(key, value);
        }
        Status::Deleted => match live.remove(&key) {
            Some(_) => s.deleted += 1,
            None => s.unmatched_deletions += 1,
        },
    }
}

/// Counts a batch's months (see the module's comment for the rules).
pub fn count(batch: &Batch) -> Counted {
    let mut summary = Summary {
        files: batch.files,
        messages: batch.messages.len(),
        skipped: batch.skipped,
        standard: batch.messages.first().map(|m| m.standard),
        ..Summary::default()
    };
    for message in &batch.messages {
        if !summary.releases.contains(&message.release) {
            summary.releases.push(message.release.clone());
        }
    }
    summary.releases.sort();
    // In the order they were sent; a stable sort keeps a day's messages
    // in the order of the upload.
    let mut messages: Vec<&Message> = batch.messages.iter().collect();
    messages.sort_by_key(|m| m.dated);
    let mut requested: HashMap<&str, NaiveDate> = HashMap::new();
    let mut assigned: HashMap<u64, (Option<&str>, NaiveDate)> = HashMap::new();
    let mut starts: HashMap<Key, ()> = HashMap::new();
    let mut stops: HashMap<Key, (NaiveDate, Ending)> = HashMap::new();
    for message in messages {
        for record in &message.records {
            match record {
                Record::Request { reference } => {
                    requested.entry(reference).or_insert(message.dated);
                }
                Record::Assignment {
                    number,
                    reference,
                    assigned: on,
                } => {
                    let entry = assigned.entry(*number).or_insert((None, *on));
                    // A toewijzing sent again (a change) keeps its first
                    // date; only the first one names the request.
                    entry.0 = entry.0.or(reference.as_deref());
                    entry.1 = entry.1.min(*on);
                }
                Record::Start { key, status } => {
                    deliver(&mut starts, key.clone(), *status, (), &mut summary)
                }
                Record::Stop {
                    key,
                    end,
                    ending,
                    status,
                } => deliver(
                    &mut stops,
                    key.clone(),
                    *status,
                    (*end, *ending),
                    &mut summary,
                ),
            }
        }
    }
    let mut months: BTreeMap<Month, Figures> = BTreeMap::new();
    for key in starts.keys() {
        summary.starts += 1;
        let figures = months.entry(month_of(key.begin)).or_default();
        figures.started += 1;
        let toewijzing = key.assignment.and_then(|n| assigned.get(&n));
        let request = toewijzing
            .and_then(|(reference, _)| *reference)
            .and_then(|r| requested.get(r));
        let from = match (request, toewijzing) {
            (Some(day), _) => {
                summary.waits_from_request += 1;
                Some(*day)
            }
            (None, Some((_, day))) => {
                summary.waits_from_assignment += 1;
                Some(*day)
            }
            (None, None) => {
                summary.starts_without_wait += 1;
                None
            }
        };
        if let Some(from) = from {
            figures.waits += 1;
            figures.wait_days += (key.begin - from).num_days().max(0);
        }
    }
    for (end, ending) in stops.values() {
        summary.stops += 1;
        if *ending == Ending::Administrative {
            summary.ends_left_out += 1;
            continue;
        }
        let figures = months.entry(month_of(*end)).or_default();
        figures.ended += 1;
        if *ending == Ending::Early {
            figures.uitval += 1;
        }
    }
    summary.months = months.keys().copied().collect();
    Counted { months, summary }
}

/// The form's fields the messages give; the rest keeps the stored figure.
pub const FIELDS_GIVEN: [&str; 5] = ["month", "started", "mean_wait_days", "ended", "uitval"];

/// The counted months as a table the import checks like a file, one row
/// per month (numbered from 1, as the summary's `months`).
pub fn table(counted: &Counted) -> Table {
    Table {
        header: FIELDS_GIVEN.iter().map(|f| f.to_string()).collect(),
        header_line: 0,
        rows: counted
            .months
            .iter()
            .enumerate()
            .map(|(index, (month, f))| {
                (
                    index + 1,
                    vec![
                        month.to_string(),
                        f.started.to_string(),
                        f.mean_wait().map(|w| w.to_string()).unwrap_or_default(),
                        f.ended.to_string(),
                        f.uitval.to_string(),
                    ],
                )
            })
            .collect(),
    }
}

/// The table's columns for the check (`results::check`): the fields the
/// messages give, in `FIELDS_GIVEN`'s order.
pub fn columns() -> Columns {
    Columns {
        positions: FIELDS_GIVEN
            .iter()
            .enumerate()
            .map(|(index, field)| (index, Column::Field(field)))
            .collect(),
        unknown: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{Answer, Generator};
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_code_lists_follow_the_standard_and_the_release() {
        let now = day("2026-01-01");
        assert_eq!(ending(Standard::Jeugd, "31", now), Some(Ending::AsPlanned));
        assert_eq!(
            ending(Standard::Wmo, "31", now),
            Some(Ending::Administrative)
        );
        assert_eq!(ending(Standard::Wmo, "19", now), Some(Ending::AsPlanned));
        assert_eq!(ending(Standard::Jeugd, "19", now), None);
        assert_eq!(ending(Standard::Wmo, "32", now), None);
        for code in ["32", "33", "34", "35"] {
            assert_eq!(ending(Standard::Jeugd, code, now), Some(Ending::Early));
        }
        for code in ["21", "22", "23"] {
            assert_eq!(ending(Standard::Wmo, code, now), Some(Ending::Early));
        }
        // 38 and 39 came with April 2022; 36 and 37 with 2021.
        assert_eq!(ending(Standard::Jeugd, "38", day("2022-03-31")), None);
        assert_eq!(
            ending(Standard::Jeugd, "38", day("2022-04-01")),
            Some(Ending::Administrative)
        );
        assert_eq!(ending(Standard::Jeugd, "36", day("2020-12-31")), None);
    }

    #[test]
    fn a_generated_batch_counts_as_its_known_answer() {
        for standard in [Standard::Jeugd, Standard::Wmo] {
            for seed in 0..20 {
                let (batch, answer): (Batch, Answer) = Generator::new(standard, seed).batch();
                let counted = count(&batch);
                assert_eq!(counted.months, answer.months, "{standard:?} seed {seed}");
                assert_eq!(counted.summary.deleted, answer.deleted);
            }
        }
    }

    #[test]
    fn a_deletion_undoes_the_record_and_a_new_one_replaces_it() {
        let key = Key {
            assignment: Some(7),
            product: "55A11".into(),
            begin: day("2026-03-10"),
        };
        let message = |dated: &str, records| Message {
            standard: Standard::Jeugd,
            release: "3.2".into(),
            kind: Kind::Start,
            dated: day(dated),
            records,
        };
        let start = |key: &Key, status| Record::Start {
            key: key.clone(),
            status,
        };
        let corrected = Key {
            begin: day("2026-04-02"),
            ..key.clone()
        };
        let batch = Batch {
            files: 2,
            // Uploaded in another order than they were sent.
            messages: vec![
                message(
                    "2026-04-05",
                    vec![
                        start(&key, Status::Deleted),
                        start(&corrected, Status::Delivered),
                    ],
                ),
                message("2026-03-12", vec![start(&key, Status::Delivered)]),
            ],
            skipped: 0,
        };
        let counted = count(&batch);
        assert_eq!(counted.summary.deleted, 1);
        assert_eq!(counted.summary.months, vec!["2026-04".parse().unwrap()]);
        assert_eq!(counted.summary.starts_without_wait, 1);
        let april = counted.months[&"2026-04".parse().unwrap()];
        assert_eq!((april.started, april.waits), (1, 0));
    }

    #[test]
    fn the_table_has_a_row_per_month_in_the_forms_terms() {
        let (batch, _) = Generator::new(Standard::Jeugd, 3).batch();
        let counted = count(&batch);
        let table = table(&counted);
        assert_eq!(table.rows.len(), counted.summary.months.len());
        // The form's own names, as a file could have them.
        for (index, header) in table.header.iter().enumerate() {
            let column = crate::import::results::column_of(header);
            assert_eq!(column.and_then(|c| columns().position(c)), Some(index));
        }
        for (line, cells) in &table.rows {
            assert_eq!(cells[0], counted.summary.months[line - 1].to_string());
        }
    }
}
