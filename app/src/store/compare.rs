//! Reading what Vergelijken, Wat werkt and the bestuurderstafel compare:
//! every team of the network with its months of the last two and a half
//! years up to the network's latest month (`Recent`). Each server process keeps it in
//! memory (`RecentMonths`) and brings it up to date team by team, as the
//! change clock counts each team's own changes (migration 17): a month
//! saved by one team re-reads that team's months, never the network's,
//! and only the changed teams' counts (stamped, migration 18). It
//! is read afresh when what every page shares changes (a team made, moved
//! or renamed, a wijk or gemeente) or the network's latest month moves.
//! The comparisons themselves are worked out from it in
//! `shared::stats::comparison`, so one read serves every measure,
//! doelgroep, gemeente and level.

use super::change_clock::{self, Fingerprint};
use super::entity::{outcome_period, team, wijk};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Select};
use shared::dto::{CompareQuery, Comparison};
use shared::network::Doelgroep;
use shared::results::MonthlyResult;
use shared::stats::comparison::{self, TeamMonths};
use shared::suppression::SuppressionPolicy;
use shared::Month;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

type Col = outcome_period::Column;

/// The longest period Vergelijken offers, and what Wat werkt and the
/// bestuurderstafel compare.
const COMPARED_MONTHS: u32 = 12;

/// Months kept, up to the latest: Wat werkt's two years of agreements
/// that took effect, with the months before them it looks at.
const KEPT_MONTHS: i32 = 24 + shared::stats::association::WINDOW;

/// Teams whose months are read in one query.
const TEAMS_PER_READ: usize = 500;

/// The selected teams' months in `first..=last`, as a query to build on.
pub(super) fn months_of(
    teams: &Select<team::Entity>,
    first: Month,
    last: Month,
) -> Select<outcome_period::Entity> {
    outcome_period::Entity::find()
        .filter(Col::TeamId.in_subquery(super::teams::team_ids(teams)))
        .filter(Col::Month.gte(first.to_string()))
        .filter(Col::Month.lte(last.to_string()))
}

/// The teams of a gemeente (or of the network) with their months of a
/// period ending in the network's latest month.
pub struct Selection {
    /// Every gemeente, to filter by: (id, name).
    pub gemeenten: Vec<(i32, String)>,
    /// `None` when nothing was ever recorded.
    pub period: Option<(Month, Month)>,
    /// The teams with the months kept; only those of `period` count.
    pub teams: Vec<Arc<TeamMonths>>,
}

impl Selection {
    /// The comparison `query` asks for (its gemeente and months as read).
    pub fn compare(&self, query: CompareQuery, policy: SuppressionPolicy) -> Comparison {
        self.compare_all(vec![query], policy)
            .pop()
            .expect("one comparison per query")
    }

    /// The comparisons `queries` ask for, in their order, from one pass
    /// over the months.
    pub fn compare_all(
        &self,
        queries: Vec<CompareQuery>,
        policy: SuppressionPolicy,
    ) -> Vec<Comparison> {
        let made = match self.period {
            None => queries.into_iter().map(empty).collect(),
            Some(period) => comparison::compare_all(queries, period, &self.teams, policy),
        };
        made.into_iter()
            .map(|c| Comparison {
                gemeenten: self.gemeenten.clone(),
                ..c
            })
            .collect()
    }
}

/// Every team of the network with its months of the last `MONTHS` months
/// up to the network's latest, and what it was read under.
pub struct Recent {
    /// The clock's counts it is up to date with: every change, and the
    /// shared ones (its teams, wijken and gemeenten).
    seen: Fingerprint,
    latest: Option<Month>,
    /// Every gemeente by name: (id, name).
    gemeenten: Vec<(i32, String)>,
    /// Every team by id, with its months (oldest first).
    teams: BTreeMap<i32, Arc<TeamMonths>>,
    /// Each team's count of its own changes when its months were read.
    counts: HashMap<i32, i64>,
    /// The clock's mark read before those counts: the teams changed since
    /// are among those stamped at or above it (migration 18).
    mark: i64,
}

impl Recent {
    /// The network's months read afresh.
    pub async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let gemeenten = super::structure::gemeente_names(db).await?;
        let latest = super::series::latest_month(db).await?;
        let names: HashMap<i32, &String> = gemeenten.iter().map(|(id, n)| (*id, n)).collect();
        let wijken: HashMap<i32, (String, i32)> = wijk::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|w| (w.id, (w.name, w.gemeente_id)))
            .collect();
        let teams = team::Entity::find().all(db).await?;
        // Read a group of teams at a time: the whole network's rows at
        // once would take several times the memory of what is kept.
        let mut months = HashMap::new();
        if let Some(last) = latest {
            let ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
            for group in ids.chunks(TEAMS_PER_READ) {
                months.extend(months_by_team(db, last, group).await?);
            }
        }
        let teams = teams
            .into_iter()
            .map(|t| {
                let (wijk, gemeente_id) = wijken.get(&t.wijk_id).cloned().unwrap_or_default();
                let gemeente = names
                    .get(&gemeente_id)
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                let team = TeamMonths {
                    doelgroep: super::teams::doelgroep(&t.doelgroep),
                    wijk: (t.wijk_id, wijk),
                    gemeente: (gemeente_id, gemeente),
                    months: months.remove(&t.id).unwrap_or_default(),
                    team: (t.id, t.name),
                };
                (t.id, Arc::new(team))
            })
            .collect();
        Ok(Recent {
            seen: Fingerprint { all: 0, shared: 0 },
            latest,
            gemeenten,
            teams,
            counts: HashMap::new(),
            mark: 0,
        })
    }

    /// The same with the months of the teams whose count moved (`moved`,
    /// read after `mark`) read again.
    async fn updated(
        &self,
        db: &impl ConnectionTrait,
        seen: Fingerprint,
        mark: i64,
        moved: Vec<(i32, i64)>,
    ) -> Result<Self, DbErr> {
        let moved: Vec<(i32, i64)> = moved
            .into_iter()
            .filter(|(team, count)| self.counts.get(team) != Some(count))
            .filter(|(team, _)| self.teams.contains_key(team))
            .collect();
        let mut teams = self.teams.clone();
        if let Some(last) = self.latest {
            let changed: Vec<i32> = moved.iter().map(|(team, _)| *team).collect();
            for group in changed.chunks(TEAMS_PER_READ) {
                let mut months = months_by_team(db, last, group).await?;
                for id in group {
                    let months = months.remove(id).unwrap_or_default();
                    teams.insert(*id, Arc::new(self.teams[id].with_months(months)));
                }
            }
        }
        let mut counts = self.counts.clone();
        counts.extend(moved);
        Ok(Recent {
            seen,
            mark,
            latest: self.latest,
            gemeenten: self.gemeenten.clone(),
            teams,
            counts,
        })
    }

    /// The network's latest month; `None` when nothing was ever recorded.
    pub fn latest(&self) -> Option<Month> {
        self.latest
    }

    /// The first month kept; `None` when nothing was ever recorded.
    pub fn kept_from(&self) -> Option<Month> {
        self.latest.map(first_of)
    }

    /// Every team, by id, with its months kept (oldest first).
    pub fn teams(&self) -> impl Iterator<Item = &TeamMonths> {
        self.teams.values().map(|t| t.as_ref())
    }

    /// The teams of `gemeente_id` (or all), of `doelgroep` only when
    /// given, with their last `months` months (at most a year).
    pub fn select(
        &self,
        gemeente_id: Option<i32>,
        doelgroep: Option<Doelgroep>,
        months: u32,
    ) -> Selection {
        let Some(last) = self.latest else {
            return Selection {
                gemeenten: self.gemeenten.clone(),
                period: None,
                teams: Vec::new(),
            };
        };
        let first = last.plus(1 - months.min(COMPARED_MONTHS) as i32);
        let teams = self
            .teams
            .values()
            .filter(|t| gemeente_id.is_none_or(|g| t.gemeente.0 == g))
            .filter(|t| doelgroep.is_none_or(|d| t.doelgroep == d))
            .cloned()
            .collect();
        Selection {
            gemeenten: self.gemeenten.clone(),
            period: Some((first, last)),
            teams,
        }
    }
}

/// The months kept of `teams` when `last` is the latest (oldest first).
async fn months_by_team(
    db: &impl ConnectionTrait,
    last: Month,
    teams: &[i32],
) -> Result<HashMap<i32, Vec<MonthlyResult>>, DbErr> {
    let mut months: HashMap<i32, Vec<_>> = HashMap::new();
    for p in outcome_period::Entity::find()
        .filter(Col::TeamId.is_in(teams.iter().copied()))
        .filter(Col::Month.gte(first_of(last).to_string()))
        .filter(Col::Month.lte(last.to_string()))
        .order_by_asc(Col::Month)
        .all(db)
        .await?
    {
        months
            .entry(p.team_id)
            .or_default()
            .push(super::results::monthly(&p));
    }
    Ok(months)
}

/// The first month kept when `last` is the latest.
fn first_of(last: Month) -> Month {
    last.plus(1 - KEPT_MONTHS)
}

/// The network's recent months as this server process keeps them.
#[derive(Default)]
pub struct RecentMonths(tokio::sync::Mutex<Option<Arc<Recent>>>);

impl RecentMonths {
    /// The network's recent months as of `seen` (read when `None`): kept,
    /// or brought up to date by one request while the others wait for it.
    pub async fn current(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
    ) -> Result<Arc<Recent>, DbErr> {
        let seen = match seen {
            Some(seen) => seen,
            None => Fingerprint::read(db).await?,
        };
        let mut kept = self.0.lock().await;
        if let Some(recent) = kept.as_ref().filter(|r| r.seen == seen) {
            return Ok(recent.clone());
        }
        // Read after `seen`: whatever they miss moves the clock again. The
        // mark before the counts: whatever they miss is stamped above it.
        let mark = change_clock::mark(db).await?;
        let latest = super::series::latest_month(db).await?;
        let next = match kept.as_ref() {
            Some(recent) if recent.seen.shared == seen.shared && recent.latest == latest => {
                let moved = change_clock::counts_since(db, recent.mark).await?;
                recent.updated(db, seen, mark, moved).await?
            }
            _ => {
                // The counts before the months: a month the read misses
                // moves its team's count after them.
                let counts = change_clock::counts_since(db, i64::MIN).await?;
                Recent {
                    seen,
                    mark,
                    counts: counts.into_iter().collect(),
                    ..Recent::read(db).await?
                }
            }
        };
        let next = Arc::new(next);
        *kept = Some(next.clone());
        Ok(next)
    }
}

/// The teams of `gemeente_id` (or all), of `doelgroep` only when given,
/// with their last `months` months, read afresh.
pub async fn select(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    doelgroep: Option<Doelgroep>,
    months: u32,
) -> Result<Selection, DbErr> {
    Ok(Recent::read(db)
        .await?
        .select(gemeente_id, doelgroep, months))
}

/// One comparison, worked out from the network's recent months.
pub fn compare(recent: &Recent, query: CompareQuery, policy: SuppressionPolicy) -> Comparison {
    recent
        .select(query.gemeente_id, query.doelgroep, query.months)
        .compare(query, policy)
}

fn empty(query: CompareQuery) -> Comparison {
    Comparison {
        query,
        gemeenten: Vec::new(),
        period: None,
        centre: None,
        cases: shared::suppression::Figure::NoData,
        spread: 0.0,
        overdispersion: None,
        inflation: 1.0,
        monthly_range: None,
        rows: Vec::new(),
        html: Default::default(),
    }
}
