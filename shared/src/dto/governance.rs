//! What the bestuurderstafel shows and what its forms need: per wijk and
//! team the verdicts of each measure, the teams to learn from, open
//! knelpunten by support, notable lessons, maatwerk savings, the network's
//! targets and the dialogue notes.

use super::Standouts;
use crate::network::{KnelpuntCategory, KnelpuntStatus, Measure};
use crate::stats::xmr::{Assurance, Variation};
use crate::Month;
use serde::{Deserialize, Serialize};

/// The scope of a bestuurderstafel from its `gemeente` parameter: empty is
/// the whole network; anything but a number is an error.
#[allow(clippy::result_unit_err)]
pub fn gemeente_param(typed: &str) -> Result<Option<i32>, ()> {
    match typed.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| ()),
    }
}

/// Open knelpunten listed on the bestuurderstafel of a network too large
/// to list per wijk and team; a gemeente's lists all of its own.
pub const KNELPUNTEN_LISTED: usize = 25;

/// The bestuurderstafel of the network (no gemeente) or of one gemeente.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GovernanceView {
    pub gemeente_id: Option<i32>,
    /// The gemeente's name; `None` for the whole network.
    pub gemeente: Option<String>,
    /// Every gemeente to choose from: (id, name).
    pub gemeenten: Vec<(i32, String)>,
    /// The months the verdicts look at.
    pub period: Option<(Month, Month)>,
    pub targets: Vec<(Measure, Option<f64>)>,
    /// The number of teams of a network too large to list per wijk and
    /// team: then `wijken` and `savings` stay empty until a gemeente is
    /// chosen.
    pub too_many_teams: Option<u32>,
    pub wijken: Vec<WijkSignals>,
    pub standouts: Standouts,
    /// The most supported open knelpunten: all of them, or on a network
    /// too large to list per wijk and team the first
    /// `KNELPUNTEN_LISTED`.
    pub knelpunten: Vec<OpenKnelpunt>,
    /// How many knelpunten are open in all.
    pub knelpunten_open: u32,
    pub lessons: Vec<NotableLesson>,
    pub savings: Vec<WijkSavings>,
    /// Newest first.
    pub notes: Vec<NoteSummary>,
    /// The viewer answers knelpunten, sets targets and writes notes.
    pub viewer_governs: bool,
}

/// A measure's verdicts for a wijk or team.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub measure: Measure,
    pub variation: Variation,
    pub assurance: Option<Assurance>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WijkSignals {
    pub wijk_id: i32,
    pub wijk: String,
    /// The wijk's teams added up.
    pub verdicts: Vec<Verdict>,
    pub teams: Vec<TeamSignals>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSignals {
    pub team_id: i32,
    pub team: String,
    pub verdicts: Vec<Verdict>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenKnelpunt {
    pub id: i32,
    pub title: String,
    pub team_id: i32,
    pub team: String,
    pub category: KnelpuntCategory,
    pub status: KnelpuntStatus,
    /// Other teams that support it.
    pub supporters: u32,
    /// ISO date.
    pub raised_on: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotableLesson {
    pub id: i32,
    pub title: String,
    pub team_id: i32,
    pub team: String,
    /// Teams that found it useful.
    pub useful: u32,
    /// Teams that adopted it.
    pub adoptions: u32,
    /// ISO date.
    pub recorded_on: String,
}

/// A wijk's maatwerk canvases and what they save, per team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WijkSavings {
    pub wijk: String,
    pub teams: Vec<TeamSavings>,
    pub canvases: u32,
    pub saving_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSavings {
    pub team_id: i32,
    pub team: String,
    pub canvases: u32,
    pub saving_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoteSummary {
    pub id: i32,
    /// ISO date.
    pub held_on: String,
    pub gemeente: Option<String>,
    pub conclusions: String,
}

/// A dialogue note on its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: i32,
    pub gemeente_id: Option<i32>,
    pub gemeente: Option<String>,
    /// ISO date.
    pub held_on: String,
    pub attendees: String,
    pub conclusions: String,
    pub author: Option<String>,
    /// (id, title, team name).
    pub knelpunten: Vec<(i32, String, String)>,
    pub lessons: Vec<(i32, String, String)>,
    pub actions: Vec<ActionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    pub description: String,
    pub owner: String,
    /// ISO date.
    pub due_on: String,
}

/// What the new-note form offers to link: the open knelpunten and notable
/// lessons of its scope, as (id, "title (team)").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoteForm {
    pub gemeente_id: Option<i32>,
    pub gemeente: Option<String>,
    pub knelpunten: Vec<(i32, String)>,
    pub lessons: Vec<(i32, String)>,
}
