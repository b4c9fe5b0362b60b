//! What pages get of a team's lessons, maatwerkcanvassen, knelpunten and
//! survey.

use crate::canvas::RouteCost;
use crate::network::{CanvasStatus, KnelpuntCategory, KnelpuntStatus, Law, LessonSource};
use crate::Month;
use serde::{Deserialize, Serialize};

/// A team the viewer may act for (react, support, adopt) on another
/// team's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActingTeam {
    pub id: i32,
    pub name: String,
}

/// A lesson with what other teams did with it, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonDetail {
    pub id: i32,
    pub team_id: i32,
    pub team_name: String,
    pub source: LessonSource,
    pub title: String,
    pub what_happened: String,
    pub what_worked: String,
    pub what_needed: String,
    pub tags: Vec<String>,
    /// ISO date.
    pub recorded_on: String,
    /// Linked agreements of the team: (id, title).
    pub agreements: Vec<(i32, String)>,
    /// Oldest first.
    pub reactions: Vec<ReactionView>,
    /// Teams that found it useful.
    pub useful_teams: Vec<String>,
    /// Teams that adopted it, with the agreement it became: (agreement id, team name).
    pub adoptions: Vec<(i32, String)>,
    /// Whether the viewer may edit it (a member of its team).
    pub viewer_writes: bool,
    /// Whether the viewer may remove a passage from it (its team's
    /// coördinator, a beheerder).
    pub viewer_redacts: bool,
    /// The team's agreements to link, when the viewer may edit: (id, title).
    pub agreement_options: Vec<(i32, String)>,
    /// The viewer's teams that may react.
    pub reacting_teams: Vec<ActingTeam>,
    /// The viewer's other teams that have not marked it useful yet.
    pub endorsing_teams: Vec<ActingTeam>,
    /// The viewer's other teams that may adopt it.
    pub adopting_teams: Vec<ActingTeam>,
    /// The dialogue notes that discussed it: (note id, ISO date).
    pub discussed_in: Vec<(i32, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReactionView {
    pub author: Option<String>,
    pub team_name: String,
    pub body: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// A lesson's editable fields, for a team's new-lesson form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonForm {
    pub team_id: i32,
    pub team_name: String,
    pub agreement_options: Vec<(i32, String)>,
}

/// A maatwerkcanvas with its computed saving.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanvasView {
    pub id: i32,
    pub team_id: i32,
    pub team_name: String,
    pub title: String,
    pub family_wants: String,
    pub law: Law,
    pub law_reason: String,
    pub regular: RouteCost,
    pub tailored: RouteCost,
    pub saving_cents: i64,
    pub status: CanvasStatus,
    pub system_lesson: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
    pub viewer_writes: bool,
    pub viewer_redacts: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanvasSummary {
    pub id: i32,
    pub title: String,
    pub status: CanvasStatus,
    pub saving_cents: i64,
}

/// A knelpunt with its support and answers, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnelpuntView {
    pub id: i32,
    pub team_id: i32,
    pub team_name: String,
    pub category: KnelpuntCategory,
    pub title: String,
    pub description: String,
    pub status: KnelpuntStatus,
    /// ISO date.
    pub raised_on: String,
    /// Names of the other teams that support it.
    pub supporters: Vec<String>,
    /// Oldest first.
    pub answers: Vec<AnswerView>,
    /// The viewer's teams that may still support it.
    pub supporting_teams: Vec<ActingTeam>,
    /// The dialogue notes that discussed it: (note id, ISO date).
    pub discussed_in: Vec<(i32, String)>,
    /// The viewer answers knelpunten (a bestuurder).
    pub viewer_governs: bool,
    pub viewer_redacts: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    pub author: Option<String>,
    pub status: KnelpuntStatus,
    pub body: String,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnelpuntSummary {
    pub id: i32,
    pub title: String,
    pub category: KnelpuntCategory,
    pub status: KnelpuntStatus,
    /// How many other teams support it.
    pub supporters: u32,
}

/// The survey page of a member: the months still open to them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyForm {
    pub team_id: i32,
    pub team_name: String,
    /// Open months, newest first, with whether the viewer answered already.
    pub months: Vec<(Month, bool)>,
    /// The team's results for those months (hidden below three answers).
    pub results: Vec<crate::survey::SurveyResult>,
}

/// The messages between a team and one other team, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// The other team.
    pub team_id: i32,
    pub team_name: String,
    pub messages: Vec<MessageView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_team: String,
    pub author: Option<String>,
    pub body: String,
    /// RFC 3339, UTC.
    pub at: String,
}
