//! Monthly results from an imported table: which column is which (the
//! form's labels, Dutch or English, in any order), every row checked by
//! the form's own rule (`validation::monthly_result`), and what importing
//! the accepted rows would change. A column the file leaves out keeps the
//! stored figure, so a file of counts alone never erases a team's grades.

use super::Table;
use crate::i18n::{t, Language, Message, Text};
use crate::results::MonthlyResult;
use crate::validation::{self, ResultsForm};
use crate::Month;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Whose results a file holds: one team's (a member imports), or any
/// team's, named in a team column (a beheerder imports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Team(i32),
    Network,
}

/// A column the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The team's number, as in its address (`/teams/12`).
    Team,
    /// A field of the results form, by its name in `ResultsForm`.
    Field(&'static str),
}

/// The form's fields: name, the form's label, the tables' short label,
/// and whether a file must have the column.
pub const FIELDS: [(&str, Text, Text, bool); 9] = [
    ("month", Text::Month, Text::Month, true),
    ("started", Text::StartedLong, Text::Started, true),
    ("mean_wait_days", Text::WaitLong, Text::MeasureWait, false),
    ("ended", Text::EndedLong, Text::Ended, true),
    (
        "without_help",
        Text::WithoutHelpLong,
        Text::WithoutHelpCount,
        true,
    ),
    (
        "client_responses",
        Text::ResponsesLong,
        Text::ClientResponses,
        true,
    ),
    (
        "client_grade",
        Text::GradeLong,
        Text::MeasureClientGrade,
        false,
    ),
    ("uitval", Text::UitvalLong, Text::MeasureUitval, false),
    (
        "doelrealisatie",
        Text::DoelrealisatieLong,
        Text::MeasureDoelrealisatie,
        false,
    ),
];

/// Names the team column goes by.
const TEAM_NAMES: [&str; 6] = [
    "team",
    "team-id",
    "team_id",
    "team id",
    "teamnummer",
    "teamnr",
];

/// A header as compared: lower case, single spaces, no trailing colon,
/// and without a unit in brackets ("Wachttijd (dagen)" → "wachttijd").
fn normalised(header: &str) -> String {
    let lower = header.trim().trim_end_matches(':').to_lowercase();
    let without_unit = match (lower.rfind('('), lower.ends_with(')')) {
        (Some(open), true) if open > 0 => &lower[..open],
        _ => &lower,
    };
    without_unit
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column a header names, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let header = normalised(header);
    if TEAM_NAMES.contains(&header.as_str())
        || Language::ALL
            .iter()
            .any(|&l| normalised(Text::Team.text(l)) == header)
    {
        return Some(Column::Team);
    }
    FIELDS.iter().find_map(|&(name, long, short, _)| {
        let named = name == header
            || Language::ALL.iter().any(|&l| {
                normalised(long.text(l)) == header || normalised(short.text(l)) == header
            });
        named.then_some(Column::Field(name))
    })
}

/// The label of a column in the reader's language.
pub fn label(column: Column) -> &'static str {
    match column {
        Column::Team => t(Text::Team),
        Column::Field(name) => FIELDS
            .iter()
            .find(|(n, ..)| *n == name)
            .map_or(name, |(_, long, ..)| t(*long)),
    }
}

/// Where each known column is, and the headers nobody knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    pub positions: Vec<(usize, Column)>,
    /// Unknown headers as they may be shown: a header with digits could be
    /// a client's number or birth date and is shown by position only.
    pub unknown: Vec<String>,
}

impl Columns {
    /// The index of `column` in the file, if it has it.
    pub fn position(&self, column: Column) -> Option<usize> {
        self.positions
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(i, _)| *i)
    }
}

/// Finds the known columns of `header`, refusing a file without the
/// columns `scope` needs or with a column twice.
pub fn columns(header: &[String], scope: Scope) -> Result<Columns, Message> {
    let mut found = Columns {
        positions: Vec::new(),
        unknown: Vec::new(),
    };
    for (index, name) in header.iter().enumerate() {
        match column_of(name) {
            Some(column) if found.position(column).is_some() => {
                return Err(Text::ImportDuplicateColumn.with(label(column)));
            }
            Some(column) => found.positions.push((index, column)),
            None if name.trim().is_empty() => {}
            None => found.unknown.push(shown_header(name, index)),
        }
    }
    if found.positions.is_empty() {
        return Err(Text::ImportNoColumns.into());
    }
    let mut missing: Vec<&str> = FIELDS
        .iter()
        .filter(|(name, .., required)| *required && found.position(Column::Field(name)).is_none())
        .map(|(name, ..)| label(Column::Field(name)))
        .collect();
    if scope == Scope::Network && found.position(Column::Team).is_none() {
        missing.insert(0, label(Column::Team));
    }
    if !missing.is_empty() {
        return Err(Text::ImportMissingColumns.with(missing.join("; ")));
    }
    Ok(found)
}

fn shown_header(name: &str, index: usize) -> String {
    let name = name.trim();
    if name.chars().count() <= 40
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_control() || c == '@')
    {
        name.to_string()
    } else {
        Text::ImportColumnNumber.with(index + 1).to_string()
    }
}

/// A row that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: usize,
    pub team_id: i32,
    pub result: MonthlyResult,
}

/// Why a row (at `line`) was refused, at which column.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub line: usize,
    pub column: Option<Column>,
    pub message: Message,
}

/// A table's rows, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub rows: Vec<Row>,
    pub refusals: Vec<Refusal>,
    /// Rows with at least one refusal (a row may have several).
    pub refused_rows: usize,
}

/// What the rows are checked against: the current month, the teams that
/// exist, and the stored month of a team (which fills the columns a file
/// leaves out).
pub struct Context<'a> {
    pub scope: Scope,
    /// Says why a stored figure (of a column the file leaves out) is
    /// refused: `ImportStoredFigure` for a file.
    pub left_out: Text,
    pub this_month: Month,
    pub team_exists: &'a dyn Fn(i32) -> bool,
    pub stored: &'a dyn Fn(i32, Month) -> Option<MonthlyResult>,
}

/// A figure as the form would show it, to fill a column the file lacks.
fn typed_count(n: u32) -> String {
    n.to_string()
}

fn typed_decimal(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The stored month as the form's text.
fn form_of(stored: Option<&MonthlyResult>, name: &str) -> String {
    let Some(s) = stored else {
        return String::new();
    };
    match name {
        "started" => typed_count(s.started),
        "mean_wait_days" => typed_decimal(s.mean_wait_days),
        "ended" => typed_count(s.ended),
        "without_help" => typed_count(s.without_help),
        "client_responses" => typed_count(s.client_responses),
        "client_grade" => typed_decimal(s.client_grade),
        "uitval" => s.uitval.map(typed_count).unwrap_or_default(),
        "doelrealisatie" => s.doelrealisatie.map(typed_count).unwrap_or_default(),
        _ => String::new(),
    }
}

fn set(form: &mut ResultsForm, name: &str, value: String) {
    let slot = match name {
        "month" => &mut form.month,
        "started" => &mut form.started,
        "mean_wait_days" => &mut form.mean_wait_days,
        "ended" => &mut form.ended,
        "without_help" => &mut form.without_help,
        "client_responses" => &mut form.client_responses,
        "client_grade" => &mut form.client_grade,
        "uitval" => &mut form.uitval,
        "doelrealisatie" => &mut form.doelrealisatie,
        _ => return,
    };
    *slot = value;
}

/// Whether a spreadsheet would run this cell instead of showing it.
fn is_formula(cell: &str) -> bool {
    cell.starts_with('=')
}

/// Checks every row of `table` as the form checks a month.
pub fn check(table: &Table, columns: &Columns, context: &Context) -> Checked {
    let mut checked = Checked::default();
    let mut first_line: HashMap<(i32, Month), usize> = HashMap::new();
    for (line, cells) in &table.rows {
        let line = *line;
        let cell = |index: usize| cells.get(index).map_or("", |c| c.trim());
        let mut refusals: Vec<Refusal> = Vec::new();
        let refuse = |refusals: &mut Vec<Refusal>, column: Column, message: Message| {
            refusals.push(Refusal {
                line,
                column: Some(column),
                message,
            })
        };
        for &(index, column) in &columns.positions {
            if is_formula(cell(index)) {
                refuse(&mut refusals, column, Text::ImportFormula.into());
            }
        }
        let team_cell = columns.position(Column::Team).map(cell).unwrap_or("");
        let team = match context.scope {
            Scope::Team(own)
                if team_cell.is_empty() || team_cell.parse::<i32>().ok() == Some(own) =>
            {
                Some(own)
            }
            Scope::Team(_) => {
                refuse(&mut refusals, Column::Team, Text::ImportOtherTeam.into());
                None
            }
            Scope::Network => match team_cell.parse::<i32>() {
                Ok(id) if (context.team_exists)(id) => Some(id),
                _ => {
                    refuse(&mut refusals, Column::Team, Text::ImportInvalidTeam.into());
                    None
                }
            },
        };
        if !refusals.is_empty() {
            checked.refused_rows += 1;
            checked.refusals.extend(refusals);
            continue;
        }
        let team = team.expect("no refusal, so a team");
        let month_cell = columns
            .position(Column::Field("month"))
            .map(cell)
            .unwrap_or("");
        let stored = month_cell
            .parse::<Month>()
            .ok()
            .and_then(|m| (context.stored)(team, m));
        let mut form = ResultsForm::default();
        for (name, ..) in FIELDS {
            let value = match columns.position(Column::Field(name)) {
                Some(index) => cell(index).to_string(),
                None => form_of(stored.as_ref(), name),
            };
            set(&mut form, name, value);
        }
        match validation::monthly_result(&form, context.this_month) {
            Err(problems) => {
                for (field, message) in problems {
                    // A figure the file leaves out is the stored one: say
                    // so, or "leave this field empty" would puzzle.
                    let message = if columns.position(Column::Field(field)).is_some() {
                        message
                    } else {
                        context.left_out.with(message)
                    };
                    refuse(&mut refusals, Column::Field(field), message);
                }
            }
            Ok(result) => match first_line.get(&(team, result.month)) {
                Some(&earlier) => {
                    refuse(
                        &mut refusals,
                        Column::Field("month"),
                        Text::ImportDuplicateMonth.with(earlier),
                    );
                }
                None => {
                    first_line.insert((team, result.month), line);
                    checked.rows.push(Row {
                        line,
                        team_id: team,
                        result,
                    });
                }
            },
        }
        if !refusals.is_empty() {
            checked.refused_rows += 1;
            checked.refusals.extend(refusals);
        }
    }
    checked
}

/// A month as the confirmation writes it: the file's figures for the
/// columns it has (`in_file`), the figures stored now for the rest — which
/// may have changed since the preview — checked again by the form's rule;
/// `None` when they no longer fit together.
pub fn settle(
    imported: &MonthlyResult,
    stored: Option<&MonthlyResult>,
    in_file: &[String],
    this_month: Month,
) -> Option<MonthlyResult> {
    let mut form = ResultsForm {
        month: imported.month.to_string(),
        ..ResultsForm::default()
    };
    for (name, ..) in FIELDS.iter().skip(1) {
        let from = if in_file.iter().any(|f| f == name) {
            Some(imported)
        } else {
            stored
        };
        set(&mut form, name, form_of(from, name));
    }
    validation::monthly_result(&form, this_month).ok()
}

/// The fields of the form a file has columns for.
pub fn fields_in(columns: &Columns) -> Vec<String> {
    columns
        .positions
        .iter()
        .filter_map(|(_, column)| match column {
            Column::Field(name) => Some(name.to_string()),
            Column::Team => None,
        })
        .collect()
}

/// What importing a month does to the stored one.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Added,
    Corrected,
    Unchanged,
}

/// Compares a row's figures with the stored month.
pub fn change(stored: Option<&MonthlyResult>, imported: &MonthlyResult) -> Change {
    match stored {
        None => Change::Added,
        Some(s) if s == imported => Change::Unchanged,
        Some(_) => Change::Corrected,
    }
}

/// How many rows of each kind a preview lists; the counts cover all.
pub const SHOWN: usize = 200;

/// A month an import adds or corrects, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Planned {
    pub line: usize,
    pub team_id: i32,
    pub before: Option<MonthlyResult>,
    pub after: MonthlyResult,
}

/// A refused row as the preview shows it, in the uploader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRow {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// What an import would do, before anything is saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub rows_read: usize,
    pub added: usize,
    pub corrected: usize,
    pub unchanged: usize,
    pub refused_rows: usize,
    /// The first `SHOWN` additions and corrections, in file order.
    pub additions: Vec<Planned>,
    pub corrections: Vec<Planned>,
    /// The first `SHOWN` refusals, of `refusals_total`.
    pub refusals: Vec<RefusedRow>,
    pub refusals_total: usize,
    pub unknown_columns: Vec<String>,
    /// The form's fields the file has columns for (`settle`).
    pub in_file: Vec<String>,
    /// For an import from iJw/iWmo messages: what was read and counted
    /// (its months are the table's rows, in order).
    #[serde(default)]
    pub messages: Option<super::messages::Summary>,
}

/// The preview of `checked`, given the stored months.
pub fn preview(
    table: &Table,
    columns: &Columns,
    checked: &Checked,
    stored: &dyn Fn(i32, Month) -> Option<MonthlyResult>,
) -> Preview {
    let mut preview = Preview {
        rows_read: table.rows.len(),
        refused_rows: checked.refused_rows,
        refusals_total: checked.refusals.len(),
        unknown_columns: columns.unknown.clone(),
        in_file: fields_in(columns),
        refusals: checked
            .refusals
            .iter()
            .take(SHOWN)
            .map(|r| RefusedRow {
                line: r.line,
                column: r.column.map(label).unwrap_or_default().to_string(),
                message: r.message.to_string(),
            })
            .collect(),
        ..Preview::default()
    };
    for row in &checked.rows {
        let before = stored(row.team_id, row.result.month);
        let planned = || Planned {
            line: row.line,
            team_id: row.team_id,
            before: before.clone(),
            after: row.result.clone(),
        };
        match change(before.as_ref(), &row.result) {
            Change::Added => {
                preview.added += 1;
                if preview.additions.len() < SHOWN {
                    preview.additions.push(planned());
                }
            }
            Change::Corrected => {
                preview.corrected += 1;
                if preview.corrections.len() < SHOWN {
                    preview.corrections.push(planned());
                }
            }
            Change::Unchanged => preview.unchanged += 1,
        }
    }
    preview
}

/// An accepted row as kept between the preview and its confirmation:
/// compact, since a national file holds 200,000 of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kept(
    pub i32,
    pub Month,
    pub u32,
    pub Option<f64>,
    pub u32,
    pub u32,
    pub Option<f64>,
    pub u32,
    pub Option<u32>,
    pub Option<u32>,
);

impl From<&Row> for Kept {
    fn from(row: &Row) -> Self {
        let r = &row.result;
        Kept(
            row.team_id,
            r.month,
            r.started,
            r.mean_wait_days,
            r.ended,
            r.without_help,
            r.client_grade,
            r.client_responses,
            r.uitval,
            r.doelrealisatie,
        )
    }
}

impl Kept {
    /// The team and its month.
    pub fn result(&self) -> (i32, MonthlyResult) {
        let Kept(team, month, started, wait, ended, without_help, grade, responses, uitval, doel) =
            self.clone();
        (
            team,
            MonthlyResult {
                month,
                started,
                mean_wait_days: wait,
                ended,
                without_help,
                client_grade: grade,
                client_responses: responses,
                uitval,
                doelrealisatie: doel,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            header_line: 1,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 2, r.iter().map(|s| s.to_string()).collect()))
                .collect(),
        }
    }

    fn month(s: &str) -> Month {
        s.parse().unwrap()
    }

    fn result(m: &str, started: u32, wait: Option<f64>, ended: u32, without: u32) -> MonthlyResult {
        MonthlyResult {
            month: month(m),
            started,
            mean_wait_days: wait,
            ended,
            without_help: without,
            client_grade: None,
            client_responses: 0,
            uitval: None,
            doelrealisatie: None,
        }
    }

    const HEADER: [&str; 6] = [
        "Maand",
        "Gestart",
        "Wachttijd (dagen)",
        "Afgesloten",
        "Zonder hulp verder",
        "Reacties cliënten",
    ];

    fn no_team(_: i32) -> bool {
        false
    }

    fn nothing_stored(_: i32, _: Month) -> Option<MonthlyResult> {
        None
    }

    fn team_context<'a>(stored: &'a dyn Fn(i32, Month) -> Option<MonthlyResult>) -> Context<'a> {
        Context {
            scope: Scope::Team(7),
            left_out: Text::ImportStoredFigure,
            this_month: month("2026-11"),
            team_exists: &no_team,
            stored,
        }
    }

    #[test]
    fn headers_are_the_forms_labels_in_either_language_and_any_order() {
        assert_eq!(column_of(" maand "), Some(Column::Field("month")));
        assert_eq!(column_of("Month"), Some(Column::Field("month")));
        assert_eq!(
            column_of("Gemiddelde wachttijd tot de start (dagen)"),
            Some(Column::Field("mean_wait_days"))
        );
        assert_eq!(
            column_of("Wachttijd"),
            Some(Column::Field("mean_wait_days"))
        );
        assert_eq!(column_of("started"), Some(Column::Field("started")));
        assert_eq!(
            column_of("Clients whose help started"),
            Some(Column::Field("started"))
        );
        assert_eq!(column_of("Team-id"), Some(Column::Team));
        assert_eq!(column_of("Opmerking"), None);
        let reversed: Vec<String> = HEADER.iter().rev().map(|s| s.to_string()).collect();
        let found = columns(&reversed, Scope::Team(1)).unwrap();
        assert_eq!(found.position(Column::Field("month")), Some(5));
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused_whole() {
        let header = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            columns(&header(&["Naam", "BSN"]), Scope::Team(1))
                .unwrap_err()
                .text,
            Text::ImportNoColumns
        );
        let missing = columns(&header(&["Maand", "Gestart"]), Scope::Team(1)).unwrap_err();
        assert_eq!(missing.text, Text::ImportMissingColumns);
        assert!(missing.to_string().contains("eindigde"), "{missing}");
        assert!(columns(&header(&HEADER), Scope::Network)
            .unwrap_err()
            .to_string()
            .contains("Team"));
        let twice = header(&["Maand", "Month"]);
        assert_eq!(
            columns(&twice, Scope::Team(1)).unwrap_err().text,
            Text::ImportDuplicateColumn
        );
    }

    #[test]
    fn unknown_headers_that_could_be_a_clients_number_are_not_shown() {
        let mut header: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
        header.push("Opmerking".into());
        header.push("123456782".into());
        let found = columns(&header, Scope::Team(1)).unwrap();
        assert_eq!(found.unknown, ["Opmerking", "kolom 8"]);
    }

    #[test]
    fn rows_are_checked_by_the_forms_rule_with_line_and_column() {
        let file = table(
            &HEADER,
            &[
                &["2026-01", "12", "9,5", "20", "15", "0"],
                &["2026-02", "3", "", "2", "5", "0"],
                &["2026-03", "=HYPERLINK(\"x\")", "4", "1", "1", "0"],
                &["2026-01", "1", "2", "1", "1", "0"],
                &["2027-01", "1", "2", "1", "1", "0"],
            ],
        );
        let found = columns(&file.header, Scope::Team(7)).unwrap();
        let checked = check(&file, &found, &team_context(&nothing_stored));
        assert_eq!(checked.rows.len(), 1);
        assert_eq!(
            checked.rows[0].result,
            result("2026-01", 12, Some(9.5), 20, 15)
        );
        assert_eq!(checked.refused_rows, 4);
        let at = |line: usize| -> Vec<(Option<Column>, Text)> {
            checked
                .refusals
                .iter()
                .filter(|r| r.line == line)
                .map(|r| (r.column, r.message.text))
                .collect()
        };
        assert_eq!(
            at(3),
            [
                (
                    Some(Column::Field("without_help")),
                    Text::InvalidPartAboveEnded
                ),
                (
                    Some(Column::Field("mean_wait_days")),
                    Text::InvalidWaitMissing
                ),
            ]
        );
        assert_eq!(
            at(4),
            [(Some(Column::Field("started")), Text::ImportFormula)]
        );
        assert_eq!(
            at(5),
            [(Some(Column::Field("month")), Text::ImportDuplicateMonth)]
        );
        assert_eq!(
            at(6),
            [(Some(Column::Field("month")), Text::InvalidMonthNotOver)]
        );
    }

    #[test]
    fn a_team_column_names_the_team() {
        let mut header = HEADER.to_vec();
        header.insert(0, "Team");
        let file = table(
            &header,
            &[
                &["7", "2026-01", "0", "", "0", "0", "0"],
                &["8", "2026-01", "0", "", "0", "0", "0"],
                &["x", "2026-01", "0", "", "0", "0", "0"],
            ],
        );
        let found = columns(&file.header, Scope::Network).unwrap();
        // A member importing for team 7: a row of another team is refused.
        let checked = check(&file, &found, &team_context(&nothing_stored));
        assert_eq!(checked.rows.len(), 1);
        assert_eq!(checked.refusals[0].message.text, Text::ImportOtherTeam);
        // A beheerder: every existing team.
        let exists = |id: i32| id == 7 || id == 8;
        let network = Context {
            scope: Scope::Network,
            left_out: Text::ImportStoredFigure,
            this_month: month("2026-11"),
            team_exists: &exists,
            stored: &nothing_stored,
        };
        let checked = check(&file, &found, &network);
        assert_eq!(
            checked.rows.iter().map(|r| r.team_id).collect::<Vec<_>>(),
            [7, 8]
        );
        assert_eq!(checked.refusals[0].line, 4);
        assert_eq!(checked.refusals[0].message.text, Text::ImportInvalidTeam);
    }

    #[test]
    fn a_column_left_out_keeps_the_stored_figure() {
        let mut stored_month = result("2026-01", 4, Some(3.0), 10, 6);
        stored_month.client_grade = Some(7.5);
        stored_month.client_responses = 2;
        stored_month.uitval = Some(1);
        let kept = stored_month.clone();
        let stored =
            move |team: i32, m: Month| (team == 7 && m == kept.month).then(|| kept.clone());
        // Counts only, no grade and no uitval column.
        let file = table(
            &[
                "Maand",
                "Gestart",
                "Afgesloten",
                "Zonder hulp verder",
                "Reacties cliënten",
            ],
            &[&["2026-01", "4", "10", "7", "2"]],
        );
        let found = columns(&file.header, Scope::Team(7)).unwrap();
        let checked = check(&file, &found, &team_context(&stored));
        let row = &checked.rows[0].result;
        assert_eq!(row.without_help, 7);
        assert_eq!(row.client_grade, Some(7.5));
        assert_eq!(row.mean_wait_days, Some(3.0));
        assert_eq!(row.uitval, Some(1));
        let preview = preview(&file, &found, &checked, &stored);
        assert_eq!(
            (preview.added, preview.corrected, preview.unchanged),
            (0, 1, 0)
        );
        assert_eq!(preview.corrections[0].before, Some(stored_month));

        // Without responses the stored grade no longer fits; the message
        // says it is the stored figure, as the file has no such column.
        let file = table(
            &[
                "Maand",
                "Gestart",
                "Afgesloten",
                "Zonder hulp verder",
                "Reacties cliënten",
            ],
            &[&["2026-01", "4", "10", "7", "0"]],
        );
        let checked = check(&file, &found, &team_context(&stored));
        assert_eq!(
            checked.refusals[0].column,
            Some(Column::Field("client_grade"))
        );
        assert_eq!(checked.refusals[0].message.text, Text::ImportStoredFigure);
        assert!(checked.refusals[0]
            .message
            .to_string()
            .contains("Zonder reacties"));
    }

    #[test]
    fn the_confirmation_takes_left_out_columns_as_stored_then() {
        let in_file: Vec<String> = ["started", "ended", "without_help", "client_responses"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut imported = result("2026-01", 4, Some(3.0), 10, 7);
        imported.client_responses = 2;
        imported.client_grade = Some(7.5);
        // Since the preview, someone corrected the grade and the wait.
        let mut now = imported.clone();
        now.client_grade = Some(8.0);
        now.mean_wait_days = Some(4.0);
        now.without_help = 1;
        let settled = settle(&imported, Some(&now), &in_file, month("2026-11")).unwrap();
        assert_eq!(settled.client_grade, Some(8.0));
        assert_eq!(settled.mean_wait_days, Some(4.0));
        assert_eq!(settled.without_help, 7, "the file's own column wins");
        // A month whose stored figures no longer fit the file's: not written.
        now.uitval = Some(11);
        assert_eq!(
            settle(&imported, Some(&now), &in_file, month("2026-11")),
            None
        );
        // A month still new: the left-out figures are empty.
        let mut fresh = result("2026-01", 0, None, 3, 1);
        fresh.client_grade = Some(7.0);
        let settled = settle(&fresh, None, &in_file, month("2026-11")).unwrap();
        assert_eq!(settled.client_grade, None);
    }

    #[test]
    fn the_same_figures_again_change_nothing() {
        let file = table(&HEADER, &[&["2026-01", "12", "9.5", "20", "15", "0"]]);
        let found = columns(&file.header, Scope::Team(7)).unwrap();
        let same = |_: i32, _: Month| Some(result("2026-01", 12, Some(9.5), 20, 15));
        let checked = check(&file, &found, &team_context(&same));
        let preview = preview(&file, &found, &checked, &same);
        assert_eq!(
            (preview.added, preview.corrected, preview.unchanged),
            (0, 0, 1)
        );
        let kept = Kept::from(&checked.rows[0]);
        assert_eq!(kept.result(), (7, checked.rows[0].result.clone()));
    }

    proptest! {
        /// Whatever the cells hold, every row is accepted or refused with a
        /// reason, and an accepted row passes the form's rule.
        #[test]
        fn every_row_is_accepted_or_refused(cells in proptest::collection::vec(proptest::collection::vec("[0-9a-z=,.\\- ]{0,6}", 0..8), 0..20)) {
            let rows: Vec<Vec<&str>> = cells.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let row_refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
            let file = table(&HEADER, &row_refs);
            let found = columns(&file.header, Scope::Team(7)).unwrap();
            let checked = check(&file, &found, &team_context(&nothing_stored));
            prop_assert_eq!(checked.rows.len() + checked.refused_rows, file.rows.len());
            let lines: std::collections::HashSet<usize> = checked.refusals.iter().map(|r| r.line).collect();
            prop_assert_eq!(lines.len(), checked.refused_rows);
            for row in &checked.rows {
                prop_assert!(row.result.without_help <= row.result.ended);
            }
        }
    }
}
