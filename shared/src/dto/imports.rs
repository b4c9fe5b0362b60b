//! What the import pages show.

use crate::import::results::Preview;
use serde::{Deserialize, Serialize};

/// An import between upload and confirmation, or after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// The secret in the page's address, to confirm with.
    pub token: String,
    /// The team imported for; none for many teams (a beheerder's).
    pub team_id: Option<i32>,
    pub team_name: Option<String>,
    /// What was read: "csv", "xlsx" or "berichten" (iJw/iWmo messages).
    pub kind: String,
    /// Names of the teams the preview lists.
    pub team_names: Vec<(i32, String)>,
    /// Unconfirmed for too long: it can only be read again.
    pub expired: bool,
    pub applied: Option<ImportApplied>,
    pub progress: ImportProgress,
    pub preview: Preview,
}

/// How far a confirmed import is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// Being imported now.
    pub under_way: bool,
    pub finished: bool,
    /// It failed and changed nothing: it can be confirmed again.
    pub failed: bool,
    /// Steps done and in all (both 0 when another process imports it).
    pub done: usize,
    pub total: usize,
}

/// What a confirmed import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportApplied {
    pub at: String,
    pub added: usize,
    pub corrected: usize,
    /// Months left alone: their figures changed since the preview.
    pub refused: usize,
}
