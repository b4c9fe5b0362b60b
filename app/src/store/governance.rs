//! The bestuurderstafel of the network or one gemeente: per wijk and team
//! the variation and assurance verdicts of each measure over the last 24
//! months, the teams to learn from, open knelpunten by support, notable
//! lessons of the last year, maatwerk savings, and the dialogue notes.
//! Figures are suppressed as anywhere outside a team's own space; a fixed
//! number of queries, whatever the number of teams.

use super::compare::months_of;
use super::entity::{
    adoption, canvas, dialogue_note, gemeente, knelpunt, knelpunt_support, lesson, lesson_useful,
    outcome_period, team, wijk,
};
use super::teams::{ids_of, team_ids, teams_in};
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::dto::{
    GovernanceView, NotableLesson, NoteForm, NoteSummary, OpenKnelpunt, Standouts, TeamSavings,
    TeamSignals, Verdict, WijkSavings, WijkSignals, KNELPUNTEN_LISTED,
};
use shared::network::{KnelpuntCategory, KnelpuntStatus, Measure};
use shared::stats::aggregate::Totals;
use shared::stats::chart::{self, Baseline, Marks};
use shared::stats::xmr;
use shared::suppression::{Figure, SuppressionPolicy};
use shared::Month;
use std::collections::{BTreeMap, HashMap};

/// The months the verdicts look at.
const VERDICT_MONTHS: i32 = shared::stats::chart::ANALYSED_MONTHS;
/// How many notable lessons the table lists, from how many days back.
const LESSONS: usize = 10;
const LESSON_DAYS: i64 = 365;

pub async fn table(
    db: &impl ConnectionTrait,
    recent: &super::compare::Recent,
    gemeente_id: Option<i32>,
    policy: SuppressionPolicy,
) -> Result<Option<GovernanceView>, DbErr> {
    let Some(records) = Records::read(db, gemeente_id, super::network::OVERVIEW_TEAMS).await?
    else {
        return Ok(None);
    };
    table_of(db, recent, &records, policy).await.map(Some)
}

/// The table, listing per wijk and team only up to `most` teams when no
/// gemeente is chosen.
pub async fn table_within(
    db: &impl ConnectionTrait,
    recent: &super::compare::Recent,
    gemeente_id: Option<i32>,
    policy: SuppressionPolicy,
    most: u64,
) -> Result<Option<GovernanceView>, DbErr> {
    let Some(records) = Records::read(db, gemeente_id, most).await? else {
        return Ok(None);
    };
    table_of(db, recent, &records, policy).await.map(Some)
}

/// What the table of a scope shows that changes only with what every page
/// shares (teams, wijken, knelpunten, lessons, canvases, chart marks):
/// kept under that count (`insight_cache`) while months are saved, so a
/// month saved remakes the table from the kept months and these.
pub struct Records {
    gemeente_id: Option<i32>,
    gemeente: Option<String>,
    gemeenten: Vec<(i32, String)>,
    /// The scope's teams by name, and its wijken by name.
    teams: Vec<team::Model>,
    wijken: Vec<wijk::Model>,
    /// The number of teams when too many to list per wijk and team.
    too_many_teams: Option<u32>,
    /// Each team's baselines; none when too many to list.
    baselines: Baselines,
    /// The most supported open knelpunten (all, or the first
    /// `KNELPUNTEN_LISTED` of a network too large), and how many are open.
    knelpunten: Vec<OpenKnelpunt>,
    knelpunten_open: u32,
    lessons: Vec<NotableLesson>,
    savings: Vec<WijkSavings>,
}

impl Records {
    /// The records of the network (`None`) or a gemeente, listing per wijk
    /// and team only up to `most` teams when no gemeente is chosen; `None`
    /// for a gemeente that does not exist.
    pub async fn read(
        db: &impl ConnectionTrait,
        gemeente_id: Option<i32>,
        most: u64,
    ) -> Result<Option<Self>, DbErr> {
        let gemeenten = super::structure::gemeente_names(db).await?;
        let gemeente = match gemeente_id {
            None => None,
            Some(id) => match gemeenten.iter().find(|(g, _)| *g == id) {
                Some((_, name)) => Some(name.clone()),
                None => return Ok(None),
            },
        };
        let scope = teams_in(gemeente_id);
        let teams = scope.clone().all(db).await?;
        let names: HashMap<i32, String> = teams.iter().map(|t| (t.id, t.name.clone())).collect();
        let mut wijken = wijk::Entity::find().order_by_asc(wijk::Column::Name);
        if let Some(g) = gemeente_id {
            wijken = wijken.filter(wijk::Column::GemeenteId.eq(g));
        }
        let wijken = wijken.all(db).await?;
        let too_many_teams = too_many_teams(gemeente_id, teams.len(), most);
        let (baselines, savings) = match too_many_teams {
            Some(_) => Default::default(),
            None => {
                let ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
                (
                    super::chart_marks::baselines(db, &ids).await?,
                    savings(db, &scope, &teams, &wijken).await?,
                )
            }
        };
        let mut knelpunten = open_knelpunten(db, &scope, &names).await?;
        let knelpunten_open = u32::try_from(knelpunten.len()).unwrap_or(u32::MAX);
        if too_many_teams.is_some() {
            knelpunten.truncate(KNELPUNTEN_LISTED);
        }
        Ok(Some(Self {
            gemeente_id,
            gemeente,
            gemeenten,
            too_many_teams,
            baselines,
            knelpunten,
            knelpunten_open,
            lessons: notable_lessons(db, &scope, &names).await?,
            savings,
            teams,
            wijken,
        }))
    }

    /// Its size in memory in bytes, near enough.
    pub fn weight(&self) -> usize {
        let text = |s: &str| 32 + s.len();
        let gemeenten: usize = self.gemeenten.iter().map(|(_, n)| 8 + text(n)).sum();
        let teams: usize = self.teams.iter().map(|t| 64 + text(&t.name)).sum();
        let wijken: usize = self.wijken.iter().map(|w| 32 + text(&w.name)).sum();
        let baselines: usize = self.baselines.values().map(|b| 32 + 48 * b.len()).sum();
        let knelpunten: usize = self
            .knelpunten
            .iter()
            .map(|k| 64 + text(&k.title) + text(&k.team))
            .sum();
        let lessons: usize = self
            .lessons
            .iter()
            .map(|l| 64 + text(&l.title) + text(&l.team))
            .sum();
        let savings: usize = self
            .savings
            .iter()
            .map(|w| 48 + text(&w.wijk) + w.teams.iter().map(|t| 32 + text(&t.team)).sum::<usize>())
            .sum();
        128 + gemeenten + teams + wijken + baselines + knelpunten + lessons + savings
    }
}

/// The number of teams of a network (no gemeente chosen) of more than
/// `most` teams: the whole of it is shown per gemeente only.
fn too_many_teams(gemeente_id: Option<i32>, teams: usize, most: u64) -> Option<u32> {
    (gemeente_id.is_none() && teams as u64 > most).then(|| u32::try_from(teams).unwrap_or(u32::MAX))
}

/// The table of `records`' scope with its months from the network's
/// recent months and the rest read now (targets and dialogue notes, which
/// change without what every page shares).
pub async fn table_of(
    db: &impl ConnectionTrait,
    recent: &super::compare::Recent,
    records: &Records,
    policy: SuppressionPolicy,
) -> Result<GovernanceView, DbErr> {
    let gemeente_id = records.gemeente_id;
    let targets = super::targets::all(db).await?;
    let period = recent
        .latest()
        .map(|last| (last.plus(1 - VERDICT_MONTHS), last));
    let signals = match (records.too_many_teams, period) {
        (None, Some((first, last))) => {
            let periods = months_of(&teams_in(gemeente_id), first, last)
                .order_by_asc(outcome_period::Column::Month)
                .all(db)
                .await?;
            signals(
                &records.teams,
                &records.wijken,
                (&periods, &records.baselines),
                (&targets, Some(last)),
                policy,
            )
        }
        _ => Vec::new(),
    };

    let selection = recent.select(gemeente_id, None, 12);
    let standouts = super::what_works::standouts_within_doelgroep(&selection, gemeente_id, policy);

    let notes = notes(db, gemeente_id, &records.gemeenten).await?;
    Ok(GovernanceView {
        gemeente_id,
        gemeente: records.gemeente.clone(),
        gemeenten: records.gemeenten.clone(),
        period,
        targets: Measure::ALL
            .iter()
            .map(|m| (*m, targets.get(m).copied()))
            .collect(),
        too_many_teams: records.too_many_teams,
        wijken: signals,
        standouts: Standouts::of(standouts),
        knelpunten: records.knelpunten.clone(),
        knelpunten_open: records.knelpunten_open,
        lessons: records.lessons.clone(),
        savings: records.savings.clone(),
        notes,
        viewer_governs: false,
    })
}

/// What a new dialogue note can link: the scope's open knelpunten and its
/// notable lessons, as (id, "title (team)"); `None` for an unknown
/// gemeente.
pub async fn note_form(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
) -> Result<Option<NoteForm>, DbErr> {
    let gemeente = match gemeente_id {
        None => None,
        Some(id) => match gemeente::Entity::find_by_id(id).one(db).await? {
            Some(g) => Some(g.name),
            None => return Ok(None),
        },
    };
    let scope = teams_in(gemeente_id);
    let names: HashMap<i32, String> = scope
        .clone()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let label = |title: String, team: String| format!("{title} ({team})");
    let mut knelpunten = open_knelpunten(db, &scope, &names).await?;
    // As the table: a network too large offers its most supported only.
    if too_many_teams(gemeente_id, names.len(), super::network::OVERVIEW_TEAMS).is_some() {
        knelpunten.truncate(KNELPUNTEN_LISTED);
    }
    Ok(Some(NoteForm {
        gemeente_id,
        gemeente,
        knelpunten: knelpunten
            .into_iter()
            .map(|k| (k.id, label(k.title, k.team)))
            .collect(),
        lessons: notable_lessons(db, &scope, &names)
            .await?
            .into_iter()
            .map(|l| (l.id, label(l.title, l.team)))
            .collect(),
    }))
}

/// The verdicts of a series of monthly figures (oldest first), as its run
/// chart gives them (`chart::series`: the same window and the latest phase
/// of its baselines), and only when the period's last month is shown — a
/// verdict speaks of the latest point.
fn verdict(
    measure: Measure,
    figures: Vec<(Month, Figure)>,
    baselines: &[Baseline],
    last: Option<Month>,
    targets: &HashMap<Measure, f64>,
) -> Verdict {
    let latest_shown = figures
        .iter()
        .rev()
        .find(|(_, f)| f.value().is_some())
        .map(|(m, _)| *m);
    if latest_shown.is_none() || latest_shown != last {
        return Verdict {
            measure,
            variation: xmr::Variation::NotEnoughData,
            assurance: None,
        };
    }
    let marks = Marks {
        baselines: baselines.to_vec(),
        ..Marks::default()
    };
    let series = chart::series(measure, &figures, marks);
    let raw_limits = series.phases.last().and_then(|p| p.limits);
    Verdict {
        measure,
        variation: series.variation,
        assurance: targets
            .get(&measure)
            .zip(raw_limits)
            .map(|(target, limits)| xmr::assurance(&limits, measure.better(), *target)),
    }
}

/// Each team's baselines per measure.
type Baselines = HashMap<(i32, Measure), Vec<Baseline>>;

/// Per wijk (its teams added up per month) and per team. Published outside
/// a team: the wijk months are built with `Totals::add_as`, as audited by
/// `shared::disclosure::publication`.
fn signals(
    teams: &[team::Model],
    wijken: &[wijk::Model],
    (periods, baselines): (&[outcome_period::Model], &Baselines),
    (targets, last): (&HashMap<Measure, f64>, Option<Month>),
    policy: SuppressionPolicy,
) -> Vec<WijkSignals> {
    let mut of_team: HashMap<i32, Vec<&outcome_period::Model>> = HashMap::new();
    for p in periods {
        of_team.entry(p.team_id).or_default().push(p);
    }
    let wijk_of: HashMap<i32, i32> = teams.iter().map(|t| (t.id, t.wijk_id)).collect();
    let mut wijk_months: HashMap<i32, BTreeMap<String, Totals>> = HashMap::new();
    for p in periods {
        if let Some(w) = wijk_of.get(&p.team_id) {
            wijk_months
                .entry(*w)
                .or_default()
                .entry(p.month.clone())
                .or_default()
                .add_as(&super::results::monthly(p), policy);
        }
    }
    wijken
        .iter()
        .map(|w| {
            let months = wijk_months.remove(&w.id).unwrap_or_default();
            WijkSignals {
                wijk_id: w.id,
                wijk: w.name.clone(),
                verdicts: Measure::ALL
                    .iter()
                    .map(|&m| {
                        let figures = months
                            .iter()
                            .filter_map(|(month, t)| {
                                Some((month.parse().ok()?, t.figure(m, policy)))
                            })
                            .collect();
                        verdict(m, figures, &[], last, targets)
                    })
                    .collect(),
                teams: teams
                    .iter()
                    .filter(|t| t.wijk_id == w.id)
                    .map(|t| {
                        let months = of_team.get(&t.id).map(Vec::as_slice).unwrap_or_default();
                        TeamSignals {
                            team_id: t.id,
                            team: t.name.clone(),
                            verdicts: Measure::ALL
                                .iter()
                                .map(|&m| {
                                    let figures = months
                                        .iter()
                                        .filter_map(|p| {
                                            let month = p.month.parse().ok()?;
                                            Some((month, super::series::figure(p, m, policy)))
                                        })
                                        .collect();
                                    let baselines = baselines
                                        .get(&(t.id, m))
                                        .map(Vec::as_slice)
                                        .unwrap_or_default();
                                    verdict(m, figures, baselines, last, targets)
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Knelpunten still open, the most supported first.
async fn open_knelpunten(
    db: &impl ConnectionTrait,
    scope: &sea_orm::Select<team::Entity>,
    names: &HashMap<i32, String>,
) -> Result<Vec<OpenKnelpunt>, DbErr> {
    let open = [
        KnelpuntStatus::Nieuw,
        KnelpuntStatus::Geagendeerd,
        KnelpuntStatus::InBehandeling,
    ]
    .map(|s| s.code());
    let open_in_scope = knelpunt::Entity::find()
        .filter(knelpunt::Column::TeamId.in_subquery(team_ids(scope)))
        .filter(knelpunt::Column::Status.is_in(open));
    let knelpunten = open_in_scope.clone().all(db).await?;
    let support: HashMap<i32, i64> = knelpunt_support::Entity::find()
        .select_only()
        .column(knelpunt_support::Column::KnelpuntId)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col(knelpunt_support::Column::Id))),
            "supporters",
        )
        // A subquery, not the ids: a network has tens of thousands.
        .filter(knelpunt_support::Column::KnelpuntId.in_subquery(ids_of(open_in_scope)))
        .group_by(knelpunt_support::Column::KnelpuntId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut rows: Vec<OpenKnelpunt> = knelpunten
        .into_iter()
        .map(|k| OpenKnelpunt {
            id: k.id,
            supporters: u32::try_from(support.get(&k.id).copied().unwrap_or(0)).unwrap_or(0),
            team: names.get(&k.team_id).cloned().unwrap_or_default(),
            team_id: k.team_id,
            category: KnelpuntCategory::from_code(&k.category).unwrap_or(KnelpuntCategory::Overig),
            status: KnelpuntStatus::from_code(&k.status).unwrap_or(KnelpuntStatus::Nieuw),
            raised_on: shared::clock::local_date(k.created_at).to_string(),
            title: k.title,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.supporters
            .cmp(&a.supporters)
            .then(a.raised_on.cmp(&b.raised_on))
            .then(a.id.cmp(&b.id))
    });
    Ok(rows)
}

/// The lessons of the last year that other teams found useful or adopted
/// most, the newest first among equals.
async fn notable_lessons(
    db: &impl ConnectionTrait,
    scope: &sea_orm::Select<team::Entity>,
    names: &HashMap<i32, String>,
) -> Result<Vec<NotableLesson>, DbErr> {
    let since = Utc::now() - Duration::days(LESSON_DAYS);
    let recent = lesson::Entity::find()
        .filter(lesson::Column::TeamId.in_subquery(team_ids(scope)))
        .filter(lesson::Column::CreatedAt.gte(since));
    // Their titles, not their text: a network has thousands.
    let lessons: Vec<(i32, i32, String, chrono::DateTime<Utc>)> = recent
        .clone()
        .select_only()
        .columns([
            lesson::Column::Id,
            lesson::Column::TeamId,
            lesson::Column::Title,
            lesson::Column::CreatedAt,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let useful: HashMap<i32, i64> = lesson_useful::Entity::find()
        .select_only()
        .column(lesson_useful::Column::LessonId)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col(lesson_useful::Column::Id))),
            "useful",
        )
        .filter(lesson_useful::Column::LessonId.in_subquery(ids_of(recent.clone())))
        .group_by(lesson_useful::Column::LessonId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let adopted: HashMap<i32, i64> = adoption::Entity::find()
        .select_only()
        .column(adoption::Column::LessonId)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col(adoption::Column::Id))),
            "adoptions",
        )
        .filter(adoption::Column::LessonId.in_subquery(ids_of(recent)))
        .group_by(adoption::Column::LessonId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let count = |map: &HashMap<i32, i64>, id: i32| {
        u32::try_from(map.get(&id).copied().unwrap_or(0)).unwrap_or(0)
    };
    let mut rows: Vec<(chrono::DateTime<Utc>, NotableLesson)> = lessons
        .into_iter()
        .map(|(id, team_id, title, created_at)| {
            (
                created_at,
                NotableLesson {
                    id,
                    useful: count(&useful, id),
                    adoptions: count(&adopted, id),
                    team: names.get(&team_id).cloned().unwrap_or_default(),
                    team_id,
                    recorded_on: shared::clock::local_date(created_at).to_string(),
                    title,
                },
            )
        })
        .filter(|(_, l)| l.useful + l.adoptions > 0)
        .collect();
    rows.sort_by(|(a_at, a), (b_at, b)| {
        (b.useful + b.adoptions)
            .cmp(&(a.useful + a.adoptions))
            .then(b_at.cmp(a_at))
            .then(b.id.cmp(&a.id))
    });
    Ok(rows.into_iter().take(LESSONS).map(|(_, l)| l).collect())
}

/// Maatwerk canvases and their savings per team, grouped by wijk.
async fn savings(
    db: &impl ConnectionTrait,
    scope: &sea_orm::Select<team::Entity>,
    teams: &[team::Model],
    wijken: &[wijk::Model],
) -> Result<Vec<WijkSavings>, DbErr> {
    let per_team: HashMap<i32, (i64, i64)> = canvas::Entity::find()
        .select_only()
        .column(canvas::Column::TeamId)
        .column_as(
            SimpleExpr::from(Func::count(Expr::col(canvas::Column::Id))),
            "canvases",
        )
        .column_as(
            // PostgreSQL sums a bigint as numeric: back to bigint.
            SimpleExpr::from(Func::sum(Expr::col(canvas::Column::SavingCents)))
                .cast_as(Alias::new("bigint")),
            "saving",
        )
        .filter(canvas::Column::TeamId.in_subquery(team_ids(scope)))
        .group_by(canvas::Column::TeamId)
        .into_tuple::<(i32, i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(team, n, saving)| (team, (n, saving.unwrap_or(0))))
        .collect();
    Ok(wijken
        .iter()
        .map(|w| {
            let teams: Vec<TeamSavings> = teams
                .iter()
                .filter(|t| t.wijk_id == w.id)
                .map(|t| {
                    let (n, saving) = per_team.get(&t.id).copied().unwrap_or((0, 0));
                    TeamSavings {
                        team_id: t.id,
                        team: t.name.clone(),
                        canvases: u32::try_from(n).unwrap_or(0),
                        saving_cents: saving,
                    }
                })
                .collect();
            WijkSavings {
                wijk: w.name.clone(),
                canvases: teams.iter().map(|t| t.canvases).sum(),
                saving_cents: teams.iter().map(|t| t.saving_cents).sum(),
                teams,
            }
        })
        .collect())
}

/// The dialogue notes of a gemeente, or every note for the network; newest
/// first.
async fn notes(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    gemeenten: &[(i32, String)],
) -> Result<Vec<NoteSummary>, DbErr> {
    let mut notes = dialogue_note::Entity::find()
        .order_by_desc(dialogue_note::Column::HeldOn)
        .order_by_desc(dialogue_note::Column::Id);
    if let Some(g) = gemeente_id {
        notes = notes.filter(dialogue_note::Column::GemeenteId.eq(g));
    }
    let notes = notes.all(db).await?;
    let gemeenten: HashMap<i32, &String> = gemeenten.iter().map(|(id, name)| (*id, name)).collect();
    Ok(notes
        .into_iter()
        .map(|n| NoteSummary {
            id: n.id,
            held_on: n.held_on.to_string(),
            gemeente: n
                .gemeente_id
                .and_then(|g| gemeenten.get(&g).map(|name| name.to_string())),
            conclusions: n.conclusions,
        })
        .collect())
}
