//! What the server sends to pages. Figures arrive already suppressed for
//! the viewer, so nothing hidden is ever serialized to the browser.

use crate::network::{AccountRole, AgreementStatus, AgreementTheme, Doelgroep};
use crate::suppression::Figure;
use crate::Month;
use serde::{Deserialize, Serialize};

mod api_tokens;
mod governance;
mod imports;
mod kept_html;
mod records;
pub use api_tokens::*;
pub use governance::*;
pub use imports::*;
pub use kept_html::KeptHtml;
pub use records::*;

/// Gemeenten → wijken → teams, each team with its latest headline figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkOverview {
    /// Shown in full: every gemeente of a small network, or the chosen one.
    pub gemeenten: Vec<GemeenteOverview>,
    /// The gemeente chosen, if any.
    pub chosen: Option<i32>,
    /// A network too large to show whole: its gemeenten to choose from.
    pub choose: Vec<GemeenteCount>,
    /// Parts of its page, rendered once while the server keeps this.
    #[serde(skip)]
    pub html: KeptHtml,
}

/// A gemeente with its numbers of wijken and teams.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GemeenteCount {
    pub id: i32,
    pub cbs_code: String,
    pub name: String,
    pub wijken: u32,
    pub teams: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GemeenteOverview {
    pub id: i32,
    pub cbs_code: String,
    pub name: String,
    pub wijken: Vec<WijkOverview>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WijkOverview {
    pub id: i32,
    pub cbs_code: String,
    pub name: String,
    pub teams: Vec<TeamHeadline>,
}

/// A team with the headline figures of its latest reported month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamHeadline {
    pub id: i32,
    pub name: String,
    pub doelgroep: Doelgroep,
    pub latest: Option<HeadlineFigures>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineFigures {
    pub month: Month,
    /// Per measure, in the order of `Measure::ALL`.
    pub figures: [Figure; crate::network::Measure::ALL.len()],
    /// The mean grade of the professionals' survey for the same month.
    pub professional_grade: Figure,
}

impl HeadlineFigures {
    /// The month's figure of `measure`.
    pub fn of(&self, measure: crate::network::Measure) -> Figure {
        self.figures[measure as usize]
    }
}

/// A wijk as a whole, suppressed for the viewer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WijkView {
    pub id: i32,
    pub name: String,
    pub cbs_code: String,
    pub gemeente_name: String,
    pub teams: Vec<TeamHeadline>,
    /// Per measure, the last twelve months added up: (measure, figure,
    /// the number of cases it rests on).
    pub year_totals: Vec<(crate::network::Measure, Figure, Figure)>,
    /// The wijk's monthly totals per measure, as run charts.
    pub charts: Vec<crate::stats::chart::ChartSeries>,
    /// Recent lessons of its teams: (id, title, team name).
    pub lessons: Vec<(i32, String, String)>,
    /// Parts of its page, rendered once while the server keeps this.
    #[serde(skip)]
    pub html: KeptHtml,
}

/// What to compare: a measure over recent months, optionally only one
/// doelgroep or gemeente. Read from the page's query string.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareQuery {
    pub measure: crate::network::Measure,
    pub doelgroep: Option<Doelgroep>,
    pub gemeente_id: Option<i32>,
    /// How many recent months (3, 6 or 12).
    pub months: u32,
    /// Whether the limits are widened for real differences between teams
    /// when there are any (the default); else from the spread within teams
    /// alone (`spreiding=binnen-teams`).
    pub adjusted: bool,
    /// Teams, wijken or gemeenten side by side.
    pub level: crate::network::CompareLevel,
}

impl CompareQuery {
    /// Months that may be compared.
    pub const PERIODS: [u32; 3] = [3, 6, 12];

    /// The `spreiding` parameter of the view without the overdispersion
    /// adjustment.
    pub const WITHIN_TEAMS: &'static str = "binnen-teams";

    /// The `doelgroep` parameter that asks for every doelgroep in one
    /// funnel.
    pub const ALL_DOELGROEPEN: &'static str = "alle";

    /// The query from the page's parameters as typed in the address:
    /// anything unknown falls back to its default (share without help,
    /// every gemeente, twelve months, adjusted limits, teams). Doelgroepen
    /// are compared within themselves unless `alle` is asked for: without
    /// a doelgroep, `default_doelgroep` (the viewer's own, say).
    pub fn from_params(params: &CompareParams<'_>, default_doelgroep: Doelgroep) -> Self {
        let months = params
            .months
            .parse()
            .ok()
            .filter(|m| Self::PERIODS.contains(m))
            .unwrap_or(12);
        let doelgroep = match params.doelgroep {
            Self::ALL_DOELGROEPEN => None,
            code => Some(Doelgroep::from_code(code).unwrap_or(default_doelgroep)),
        };
        CompareQuery {
            measure: crate::network::Measure::from_code(params.measure)
                .unwrap_or(crate::network::Measure::WithoutHelp),
            doelgroep,
            gemeente_id: params.gemeente.parse().ok(),
            months,
            adjusted: params.spread != Self::WITHIN_TEAMS,
            level: crate::network::CompareLevel::from_code(params.level)
                .unwrap_or(crate::network::CompareLevel::Teams),
        }
    }

    /// The query string of this query, e.g. for the funnel plot's address.
    pub fn to_params(&self) -> String {
        format!(
            "niveau={}&maat={}&doelgroep={}&gemeente={}&periode={}{}",
            self.level.code(),
            self.measure.code(),
            self.doelgroep.map_or(Self::ALL_DOELGROEPEN, |d| d.code()),
            self.gemeente_id.map(|g| g.to_string()).unwrap_or_default(),
            self.months,
            if self.adjusted {
                String::new()
            } else {
                format!("&spreiding={}", Self::WITHIN_TEAMS)
            }
        )
    }
}

/// Vergelijken's parameters as typed in the address (empty when absent).
#[derive(Clone, Copy, Debug, Default)]
pub struct CompareParams<'a> {
    pub level: &'a str,
    pub measure: &'a str,
    pub doelgroep: &'a str,
    pub gemeente: &'a str,
    pub months: &'a str,
    pub spread: &'a str,
}

impl<'a> CompareParams<'a> {
    /// The parameters of an address by their names there (`niveau`,
    /// `maat`, `doelgroep`, `gemeente`, `periode`, `spreiding`), as
    /// `to_params` writes them.
    pub fn from_query(get: impl Fn(&str) -> &'a str) -> Self {
        CompareParams {
            level: get("niveau"),
            measure: get("maat"),
            doelgroep: get("doelgroep"),
            gemeente: get("gemeente"),
            months: get("periode"),
            spread: get("spreiding"),
        }
    }
}

/// Teams on one measure against the network's value, with funnel limits
/// for each team's number of cases: a team only stands out when it differs
/// by more than chance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub query: CompareQuery,
    /// Gemeenten to filter by: (id, name).
    pub gemeenten: Vec<(i32, String)>,
    /// The months compared, oldest and newest.
    pub period: Option<(Month, Month)>,
    /// The value of all selected teams together, and its cases (hidden when
    /// it would reveal a hidden team's count by subtraction).
    pub centre: Option<f64>,
    pub cases: Figure,
    /// Spread of single cases behind a mean (for the limits); 0 for shares.
    pub spread: f64,
    /// How much more the teams differ than chance (`None` below two teams
    /// with a value).
    pub overdispersion: Option<crate::stats::funnel::Overdispersion>,
    /// What the limits' standard errors are multiplied by: √φ when the
    /// query is adjusted and the teams are overdispersed, else 1.
    pub inflation: f64,
    /// The lowest and highest monthly figure shown in the period: one scale
    /// for the small multiples.
    pub monthly_range: Option<(f64, f64)>,
    /// By team name, never by value.
    pub rows: Vec<CompareRow>,
    /// Parts of its page, rendered once while the server keeps this.
    #[serde(skip)]
    pub html: KeptHtml,
}

impl Comparison {
    /// Teams in the table per page.
    pub const PER_PAGE: u32 = 50;

    /// Page `asked` (as typed in the address) of this comparison's table,
    /// with the funnel counted over all its teams.
    pub fn page(&self, asked: &str) -> ComparePage {
        let page = crate::paging::Page::of(self.rows.len(), Self::PER_PAGE, asked);
        let better = self.query.measure.better();
        let mut funnel = FunnelCounts::default();
        for row in self.rows.iter().filter(|r| r.value.value().is_some()) {
            funnel.shown += 1;
            match row.position.and_then(|p| p.favourable(better)) {
                Some(true) => funnel.favourable += 1,
                Some(false) => funnel.unfavourable += 1,
                None => {}
            }
        }
        ComparePage {
            comparison: Comparison {
                query: self.query.clone(),
                gemeenten: self.gemeenten.clone(),
                period: self.period,
                centre: self.centre,
                cases: self.cases,
                spread: self.spread,
                overdispersion: self.overdispersion,
                inflation: self.inflation,
                monthly_range: self.monthly_range,
                rows: self.rows[page.range()].to_vec(),
                html: self.html.clone(),
            },
            page,
            funnel,
        }
    }
}

/// One page of a comparison's table: `comparison.rows` holds only the
/// teams of `page`; `funnel` counts all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparePage {
    pub comparison: Comparison,
    pub page: crate::paging::Page,
    pub funnel: FunnelCounts,
}

/// How many teams a funnel plot shows, and how many of them lie beyond
/// its limits on the favourable and the unfavourable side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunnelCounts {
    pub shown: u32,
    pub favourable: u32,
    pub unfavourable: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareRow {
    /// The team, wijk or gemeente compared.
    pub id: i32,
    pub name: String,
    /// The wijk a team lies in, the gemeente of a wijk; empty for a
    /// gemeente.
    pub within: String,
    pub value: Figure,
    pub cases: Figure,
    /// Only for a shown value.
    pub position: Option<crate::stats::funnel::FunnelPosition>,
}

/// Wat werkt: teams that do clearly better than all teams together, and
/// agreement themes set against outcomes (an association, not a cause).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhatWorks {
    /// The months looked at, oldest and newest.
    pub period: Option<(Month, Month)>,
    pub standouts: Standouts,
    pub themes: Vec<ThemeAssociation>,
    /// Lessons adopted as agreements by other teams, per month over the
    /// last two years (oldest first, months without any included).
    pub adoptions: Vec<(Month, u32)>,
    /// Parts of its page, rendered once while the server keeps this.
    #[serde(skip)]
    pub html: KeptHtml,
}

/// The teams beyond the favourable funnel limit, a few per measure: the
/// furthest out first, then by name. `more` counts, per measure, the teams
/// left out (Vergelijken lists them all).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Standouts {
    pub shown: Vec<Standout>,
    pub more: Vec<(crate::network::Measure, u32)>,
}

impl Standouts {
    /// Teams shown per measure.
    pub const PER_MEASURE: usize = 10;

    /// Keeps the first few of each measure's `standouts`.
    pub fn of(mut standouts: Vec<Standout>) -> Standouts {
        use crate::stats::funnel::FunnelPosition::{AboveControl, BelowControl};
        let far = |s: &Standout| matches!(s.position, AboveControl | BelowControl);
        standouts.sort_by(|a, b| {
            (a.measure.code(), !far(a), &a.team).cmp(&(b.measure.code(), !far(b), &b.team))
        });
        let mut result = Standouts::default();
        for &measure in crate::network::Measure::ALL {
            let of_measure: Vec<Standout> = standouts
                .iter()
                .filter(|s| s.measure == measure)
                .cloned()
                .collect();
            let (shown, more) = crate::paging::first(of_measure, Self::PER_MEASURE);
            result.shown.extend(shown);
            if more > 0 {
                result.more.push((measure, more));
            }
        }
        result
    }

    pub fn of_measure(&self, measure: crate::network::Measure) -> impl Iterator<Item = &Standout> {
        self.shown.iter().filter(move |s| s.measure == measure)
    }

    /// How many teams of `measure` are left out.
    pub fn more_of(&self, measure: crate::network::Measure) -> u32 {
        self.more
            .iter()
            .find(|(m, _)| *m == measure)
            .map_or(0, |(_, n)| *n)
    }
}

/// A team beyond the favourable funnel limit on a measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standout {
    pub measure: crate::network::Measure,
    pub team_id: i32,
    pub team: String,
    pub wijk: String,
    pub value: f64,
    pub position: crate::stats::funnel::FunnelPosition,
}

/// Teams with and without an active agreement on a theme, on a measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeAssociation {
    pub measure: crate::network::Measure,
    pub theme: AgreementTheme,
    /// `None` when either group has too few teams with a shown value.
    pub comparison: Option<crate::stats::association::GroupComparison>,
    /// The change in the months around such agreements' start; `None`
    /// with too few agreements to say.
    pub before_after: Option<crate::stats::association::BeforeAfter>,
}

/// A search over lessons and agreements, from the page's query string.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub q: String,
    /// "les" or "afspraak".
    pub kind: Option<String>,
    pub theme: Option<AgreementTheme>,
    pub doelgroep: Option<Doelgroep>,
    pub wijk_id: Option<i32>,
}

impl SearchQuery {
    /// The query from the page's parameters; unknown filters are ignored.
    pub fn from_params(q: &str, kind: &str, theme: &str, doelgroep: &str, wijk: &str) -> Self {
        SearchQuery {
            q: q.chars().take(200).collect(),
            kind: matches!(kind, "les" | "afspraak").then(|| kind.to_string()),
            theme: AgreementTheme::from_code(theme),
            doelgroep: Doelgroep::from_code(doelgroep),
            wijk_id: wijk.parse().ok(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: SearchQuery,
    pub wijken: Vec<(i32, String)>,
    /// By title; at most 50.
    pub hits: Vec<SearchHit>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// A lesson, or else an agreement.
    pub lesson: bool,
    pub id: i32,
    pub title: String,
    pub team_id: i32,
    pub team: String,
    pub theme: Option<AgreementTheme>,
}

/// One of a team's run charts with its baselines and notes, and what a
/// member needs to add to them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartPage {
    pub team_id: i32,
    pub team_name: String,
    pub series: crate::stats::chart::ChartSeries,
    /// Whether the viewer may set baselines and notes.
    pub viewer_writes: bool,
    /// What a note may link to: (code, title).
    pub link_options: Vec<(String, String)>,
}

/// A team's own space as others may read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSpace {
    pub id: i32,
    pub name: String,
    pub doelgroep: Doelgroep,
    pub wijk_id: i32,
    pub wijk_name: String,
    pub gemeente_name: String,
    pub contact: Option<MemberView>,
    pub members: Vec<MemberView>,
    /// Themes in catalogue order, only those with agreements.
    pub agreements: Vec<(AgreementTheme, Vec<AgreementView>)>,
    /// Newest month first.
    pub results: Vec<OutcomeRow>,
    /// The headline figures of the latest month and the month before.
    pub latest: Option<HeadlineFigures>,
    pub previous: Option<HeadlineFigures>,
    pub lessons: Vec<LessonSummary>,
    pub canvases: Vec<CanvasSummary>,
    pub knelpunten: Vec<KnelpuntSummary>,
    /// Survey results of recent months, newest first.
    pub survey: Vec<crate::survey::SurveyResult>,
    /// One run chart per measure over every month.
    pub charts: Vec<crate::stats::chart::ChartSeries>,
    /// The threads with other teams the viewer may read: all of them for
    /// the team's members, only their own teams' otherwise.
    pub threads: Vec<Thread>,
    /// The viewer's teams that may send this team a message.
    pub asking_teams: Vec<ActingTeam>,
    /// Whether the viewer coordinates this team (and may manage members).
    pub viewer_coordinates: bool,
    /// Whether the viewer may record in this team's space.
    pub viewer_writes: bool,
    /// Parts of its page, rendered once while the server keeps this.
    #[serde(skip)]
    pub html: KeptHtml,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub account_id: i32,
    pub name: String,
    pub discipline: String,
    pub organisation: String,
    pub coordinator: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementView {
    pub id: i32,
    pub title: String,
    pub body: String,
    pub status: AgreementStatus,
    /// ISO date (YYYY-MM-DD).
    pub effective_from: Option<String>,
    pub review_date: Option<String>,
}

/// One month of results as shown, suppressed for the viewer. The count of
/// clients without help is left out: with the share beside the number ended
/// it would reveal what suppression hides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRow {
    pub month: Month,
    pub started: Figure,
    pub mean_wait_days: Figure,
    pub ended: Figure,
    pub share_without_help: Figure,
    pub client_grade: Figure,
    pub client_responses: Figure,
    pub uitval: Figure,
    pub doelrealisatie: Figure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub id: i32,
    pub title: String,
    pub what_worked: String,
    /// How many other teams found it useful.
    pub useful: u32,
}

/// The logged-in person as every page's header names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedIn {
    pub display_name: String,
    pub role: AccountRole,
    /// Whether the header offers "Mijn team".
    pub in_a_team: bool,
    /// How much is new in the member's teams since they last looked.
    pub news: usize,
}

/// The logged-in person, as their own account page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub display_name: String,
    pub email: String,
    pub role: AccountRole,
    pub two_factor: bool,
    /// (team id, team name, coordinator)
    pub teams: Vec<(i32, String, bool)>,
}

/// Two-factor login as the account page shows it. The secret and recovery
/// codes are only ever sent while enrolment waits for its first code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    pub enabled: bool,
    pub pending: Option<TwoFactorEnrolment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorEnrolment {
    /// Base32, for typing into an authenticator app.
    pub secret: String,
    /// The same secret as a QR code: an SVG data URI.
    pub qr_code: String,
    pub recovery_codes: Vec<String>,
}

/// An account as the beheerder's list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i32,
    pub display_name: String,
    pub email: String,
    pub role: AccountRole,
    pub active: bool,
    /// Whether a password has been set (through a setup link).
    pub set_up: bool,
    pub two_factor: bool,
}

/// What to look for in the audit log; empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    /// Part of the actor's e-mail.
    pub actor: String,
    /// An exact action, e.g. "inloggen".
    pub action: String,
    /// "ok", "geweigerd" or "mislukt".
    pub outcome: String,
    /// First day (YYYY-MM-DD), inclusive.
    pub from: String,
    /// Last day (YYYY-MM-DD), inclusive.
    pub to: String,
}

/// One entry of the audit log as the beheerder reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub outcome: String,
    pub client_addr: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditRow {
    pub const CSV_HEADER: [&'static str; 8] = [
        "tijdstip",
        "wie",
        "actie",
        "object",
        "resultaat",
        "adres",
        "voor",
        "na",
    ];

    pub fn csv_fields(&self) -> [&str; 8] {
        [
            &self.at,
            &self.actor,
            &self.action,
            &self.object,
            &self.outcome,
            &self.client_addr,
            self.before.as_deref().unwrap_or(""),
            self.after.as_deref().unwrap_or(""),
        ]
    }
}

/// The structure of the network as the beheerder edits it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkStructure {
    pub gemeenten: Vec<GemeenteRecord>,
    pub wijken: Vec<WijkRecord>,
    pub teams: Vec<TeamRecord>,
    pub organisations: Vec<OrganisationRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GemeenteRecord {
    pub id: i32,
    pub cbs_code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WijkRecord {
    pub id: i32,
    pub gemeente_id: i32,
    pub cbs_code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamRecord {
    pub id: i32,
    pub wijk_id: i32,
    pub name: String,
    pub doelgroep: Doelgroep,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRecord {
    pub id: i32,
    pub name: String,
    pub sector: crate::network::Sector,
}

/// One agreement with its history, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementDetail {
    pub team_id: i32,
    pub team_name: String,
    pub theme: AgreementTheme,
    pub current: AgreementView,
    /// The lesson or agreement it was adopted from.
    pub adopted_from: Option<AdoptionSource>,
    /// Other teams' agreements made from it: (agreement id, team name).
    pub adoptions: Vec<(i32, String)>,
    /// Newest first.
    pub versions: Vec<AgreementVersionRow>,
    pub viewer_writes: bool,
    pub viewer_redacts: bool,
    /// The viewer's other teams that may adopt it.
    pub adopting_teams: Vec<ActingTeam>,
}

/// The lesson or agreement of another team that an agreement was adopted
/// from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdoptionSource {
    /// A lesson; otherwise an agreement.
    pub lesson: bool,
    pub id: i32,
    pub title: String,
    pub team: String,
}

impl AdoptionSource {
    /// The page of the source.
    pub fn href(&self) -> String {
        if self.lesson {
            format!("/lessen/{}", self.id)
        } else {
            format!("/afspraken/{}", self.id)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementVersionRow {
    pub version: i32,
    /// RFC 3339, UTC.
    pub saved_at: String,
    pub author: Option<String>,
    pub title: String,
    pub body: String,
    pub status: AgreementStatus,
    pub effective_from: Option<String>,
    pub review_date: Option<String>,
}

/// A month of results as the team's own entry page shows it: the figures
/// unsuppressed (members only) and every version of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthEntry {
    pub team_id: i32,
    pub team_name: String,
    /// The month asked for, if any.
    pub month: Option<Month>,
    /// Newest first; empty for a month not yet entered.
    pub versions: Vec<OutcomeVersionRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeVersionRow {
    pub version: i32,
    /// RFC 3339, UTC; `None` for figures loaded in bulk.
    pub saved_at: Option<String>,
    pub author: Option<String>,
    pub started: u32,
    pub mean_wait_days: Option<f64>,
    pub ended: u32,
    pub without_help: u32,
    pub client_grade: Option<f64>,
    pub client_responses: u32,
    pub uitval: Option<u32>,
    pub doelrealisatie: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Measure;
    use crate::stats::funnel::FunnelPosition;

    fn row(i: usize, position: Option<FunnelPosition>) -> CompareRow {
        CompareRow {
            id: i as i32,
            name: format!("Team {i:03}"),
            within: "Wijk".into(),
            value: if position.is_some() {
                Figure::Value(0.5)
            } else {
                Figure::Hidden
            },
            cases: Figure::Hidden,
            position,
        }
    }

    fn params<'a>(measure: &'a str, doelgroep: &'a str, spread: &'a str) -> CompareParams<'a> {
        CompareParams {
            measure,
            doelgroep,
            months: "6",
            spread,
            ..Default::default()
        }
    }

    #[test]
    fn the_within_team_view_has_its_own_address() {
        let adjusted = CompareQuery::from_params(&params("wachttijd", "jeugd", ""), Doelgroep::Ggz);
        assert!(adjusted.adjusted && !adjusted.to_params().contains("spreiding"));
        let within = CompareQuery::from_params(
            &params("wachttijd", "jeugd", "binnen-teams"),
            Doelgroep::Ggz,
        );
        assert!(!within.adjusted);
        assert_eq!(
            within.to_params(),
            "niveau=teams&maat=wachttijd&doelgroep=jeugd&gemeente=&periode=6&spreiding=binnen-teams"
        );
        let back = within.to_params();
        let get = |key: &str| {
            back.split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
                .unwrap_or("")
        };
        let again = CompareQuery::from_params(&CompareParams::from_query(get), Doelgroep::Ggz);
        assert_eq!(again, within);
    }

    #[test]
    fn doelgroepen_are_compared_within_themselves_unless_all_are_asked_for() {
        let default = CompareQuery::from_params(&params("wachttijd", "", ""), Doelgroep::Ouderen);
        assert_eq!(default.doelgroep, Some(Doelgroep::Ouderen));
        let unknown = CompareQuery::from_params(&params("wachttijd", "x", ""), Doelgroep::Ouderen);
        assert_eq!(unknown.doelgroep, Some(Doelgroep::Ouderen));
        let all = CompareQuery::from_params(&params("wachttijd", "alle", ""), Doelgroep::Ouderen);
        assert_eq!(all.doelgroep, None);
        assert!(all.to_params().contains("doelgroep=alle&"));
        assert_eq!(all.level, crate::network::CompareLevel::Teams);
        let wijken = CompareQuery::from_params(
            &CompareParams {
                level: "wijken",
                ..params("uitval", "", "")
            },
            Doelgroep::Jeugd,
        );
        assert_eq!(
            (wijken.level, wijken.measure),
            (
                crate::network::CompareLevel::Wijken,
                crate::network::Measure::Uitval
            )
        );
    }

    #[test]
    fn a_page_of_a_comparison_counts_the_whole_funnel() {
        use FunnelPosition::*;
        let positions = [Some(Within), Some(AboveControl), Some(BelowWarning), None];
        let comparison = Comparison {
            query: CompareQuery::from_params(&CompareParams::default(), Doelgroep::Jeugd),
            gemeenten: vec![],
            period: None,
            centre: Some(0.5),
            cases: Figure::Hidden,
            spread: 0.0,
            overdispersion: None,
            inflation: 1.0,
            monthly_range: None,
            rows: (0..120).map(|i| row(i, positions[i % 4])).collect(),
            html: KeptHtml::default(),
        };
        let second = comparison.page("2");
        assert_eq!(second.page.number, 2);
        assert_eq!(second.comparison.rows, comparison.rows[50..100].to_vec());
        // Higher is better for the share without help.
        assert_eq!(
            second.funnel,
            FunnelCounts {
                shown: 90,
                favourable: 30,
                unfavourable: 30
            }
        );
        assert_eq!(comparison.page("3").comparison.rows.len(), 20);
    }

    fn standout(measure: Measure, team: &str, position: FunnelPosition) -> Standout {
        Standout {
            measure,
            team_id: 1,
            team: team.into(),
            wijk: "Wijk".into(),
            value: 1.0,
            position,
        }
    }

    #[test]
    fn standouts_keep_the_furthest_out_first_and_count_the_rest() {
        use FunnelPosition::*;
        let mut all: Vec<Standout> = (0..14)
            .map(|i| standout(Measure::Wait, &format!("Team {i:02}"), BelowWarning))
            .collect();
        all.push(standout(Measure::Wait, "Zuid", BelowControl));
        all.push(standout(Measure::ClientGrade, "Noord", AboveWarning));
        let kept = Standouts::of(all);
        let wait: Vec<&str> = kept
            .of_measure(Measure::Wait)
            .map(|s| s.team.as_str())
            .collect();
        assert_eq!(wait.len(), Standouts::PER_MEASURE);
        assert_eq!(wait[0], "Zuid", "beyond the 99.8% limit first");
        assert_eq!(wait[1], "Team 00", "then by name");
        assert_eq!(kept.more_of(Measure::Wait), 5);
        assert_eq!(kept.of_measure(Measure::ClientGrade).count(), 1);
        assert_eq!(kept.more_of(Measure::ClientGrade), 0);
        assert_eq!(kept.more_of(Measure::WithoutHelp), 0);
    }
}
