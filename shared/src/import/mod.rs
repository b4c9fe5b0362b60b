//! Monthly results imported from a spreadsheet instead of typed into the
//! form. `file` turns the uploaded bytes (CSV or XLSX) into a table of
//! text cells; `results` decides which column is which, checks every row
//! with the form's own rule and says what an import would change. Both
//! are pure: the upload and the database live at the edge. `messages`
//! counts a month's figures from iJw and iWmo messages and hands them on
//! as such a table.

#[cfg(feature = "import-files")]
pub mod file;
pub mod messages;
pub mod results;

/// The largest file accepted (a year of every team in the country as CSV
/// is about 10 MB).
pub const MAX_FILE_BYTES: usize = 20 << 20;
/// The most data rows one file may hold.
pub const MAX_ROWS: usize = 250_000;
/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 64;
/// How long a preview can be confirmed: after that the stored figures may
/// have moved on too far for what the user saw.
pub const CONFIRM_WITHIN_SECONDS: i64 = 60 * 60;
/// An import begun longer ago than this and not finished has failed (its
/// transaction was rolled back when its process stopped) and may be
/// confirmed again.
pub const APPLY_STALE_SECONDS: i64 = 10 * 60;
/// How long an import is kept at all (a confirmed one shows what it did).
pub const KEPT_SECONDS: i64 = 24 * 60 * 60;

/// A spreadsheet's first sheet (or a CSV file) as text: the first
/// non-empty row is the header; `rows` keep their line numbers in the file
/// (1-based, as a spreadsheet numbers them) for messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub header_line: usize,
    pub rows: Vec<(usize, Vec<String>)>,
}
