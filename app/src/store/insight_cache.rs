//! Wat werkt, Vergelijken, the bestuurderstafel and the network overview
//! read every team's months or latest results, and a team's space or a
//! wijk page a dozen tables and ten years of months: costly on a large
//! network, and the same until the data behind them changes. This cache
//! keeps their results per server process under the clock's reading of
//! the data they are made from (migrations 11 and 17), so any change shows
//! on the next request, and a change costs only what it can change:
//!
//! - the network's pages wait on every change (`Fingerprint::all`);
//! - a team's space and charts wait on that team's own records and on what
//!   is shared by every page (`Fingerprint::shared`);
//! - a wijk's page on its teams' records and what is shared;
//! - Wat werkt's agreements and adoptions, and the bestuurderstafel's
//!   teams, knelpunten, lessons and savings, on what is shared.
//!
//! The day is part of every reading (what counts as recent moves with it).
//! A page request reads the fingerprint in its session's query
//! (`Fingerprint::QUERIES`); anything else in a small query of its own; a
//! team's or wijk's own count in one more. Results are shared, not copied,
//! between the requests that read them; a result missing is made once,
//! however many requests ask for it meanwhile; what is kept is bounded by
//! its size in memory (`moka`), least recently used first out. A team's
//! run charts are kept as sent (bytes and ETag): a team's page asks for
//! one per measure. Vergelijken, Wat werkt and the bestuurderstafel are
//! made from the network's recent months, which are kept too and brought
//! up to date team by team (`store::compare::RecentMonths`): after a month
//! is saved, making them afresh reads one team's months, not the network's.

use super::change_clock::{team_count, wijk_count, Fingerprint};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use shared::dto::{
    CompareQuery, Comparison, GovernanceView, NetworkOverview, TeamSpace, WhatWorks, WijkView,
};
use shared::i18n::Language;
use shared::network::Measure;
use shared::stats::chart::ChartSeries;
use shared::suppression::SuppressionPolicy;
use std::any::Any;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// What kept results may take in memory by default (`WIJKWIJS_CACHE_MB`).
pub const DEFAULT_MEGABYTES: u64 = 128;

/// A kept result unused this long is let go: its data has most likely
/// changed since.
const IDLE: Duration = Duration::from_secs(15 * 60);

/// What was asked for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Asked {
    WhatWorks,
    /// Wat werkt's agreements and adoptions, read with the network's
    /// latest month.
    Agreements(Option<shared::Month>),
    /// A comparison by its query's parameters.
    Comparison(String),
    /// The bestuurderstafel of the network (`None`) or one gemeente.
    Table(Option<i32>),
    /// What the bestuurderstafel of the network (`None`) or one gemeente
    /// shows besides its months, targets and notes.
    TableRecords(Option<i32>),
    /// The overview of the network (`None`) or one gemeente.
    Overview(Option<i32>),
    /// A team's space without what depends on the viewer, as a team member
    /// (in full) or anyone else (suppressed) sees it.
    TeamSpace(i32, SuppressionPolicy),
    /// A team's name and series, for its run charts and sparklines (a
    /// page of Vergelijken asks for fifty teams' at once).
    TeamCharts(i32, SuppressionPolicy),
    /// A team's run chart of a measure, drawn (`KeptChart`).
    RunChart(i32, SuppressionPolicy, Measure),
    Wijk(i32, SuppressionPolicy),
    /// How much is new for an account across its teams (`store::news`).
    News(i32),
}

/// The clock's reading of the data a result is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum MadeFrom {
    /// Every change in the network.
    Network(i64),
    /// What every page shares.
    Shared(i64),
    /// What every page shares, and the count of a team's own changes (or
    /// the sum of a wijk's teams').
    Scope { shared: i64, own: i64 },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    asked: Asked,
    /// Labels and text alternatives are in the reader's language.
    language: Language,
    made_from: MadeFrom,
    day: i32,
}

/// A kept result (`Option<Arc<V>>`: `None` is "nothing to show") with its
/// size in bytes, as near as it is known.
#[derive(Clone)]
struct Made {
    value: Arc<dyn Any + Send + Sync>,
    weight: u32,
}

/// A chart as sent: its validator (ETag) and its bytes. A team space's
/// page asks for a chart per measure, and drawing one is most of its work.
pub type KeptChart = (String, axum::body::Bytes);

#[derive(Clone)]
pub struct InsightCache {
    kept: moka::future::Cache<Key, Made>,
    /// What Vergelijken, Wat werkt and the bestuurderstafel are made from.
    recent: Arc<super::compare::RecentMonths>,
}

impl Default for InsightCache {
    fn default() -> Self {
        Self::with_megabytes(DEFAULT_MEGABYTES)
    }
}

/// Adoptions are counted up to this month, lessons from a year back: what
/// is kept is kept for one day at most.
fn today() -> i32 {
    chrono::Datelike::num_days_from_ce(&shared::clock::local_date(chrono::Utc::now()))
}

/// The size of `value` as JSON, thrice: the value, and the HTML rendered
/// from it into its `KeptHtml` later.
fn json_weight<V: Serialize>(value: &V) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    3 * count.0
}

/// An error made once and shared by every request that waited on it, as
/// the error each of them answers with.
fn unshared(err: Arc<DbErr>) -> DbErr {
    Arc::try_unwrap(err).unwrap_or_else(|err| match err.as_ref() {
        DbErr::RecordNotFound(what) => DbErr::RecordNotFound(what.clone()),
        other => DbErr::Custom(other.to_string()),
    })
}

impl InsightCache {
    /// A cache of at most `megabytes` of results.
    pub fn with_megabytes(megabytes: u64) -> Self {
        Self {
            kept: moka::future::Cache::builder()
                .max_capacity(megabytes.saturating_mul(1 << 20))
                .weigher(|_, made: &Made| made.weight)
                .time_to_idle(IDLE)
                .build(),
            recent: Default::default(),
        }
    }

    /// What is kept now, in bytes as weighed.
    pub async fn weight(&self) -> u64 {
        self.kept.run_pending_tasks().await;
        self.kept.weighted_size()
    }

    /// The result kept for `asked` made from `made_from`, or `make`'s, made
    /// once for all who ask meanwhile. `None` (nothing to show) is kept too:
    /// a team that is made later moves the clock.
    async fn kept_or<V, F>(
        &self,
        asked: Asked,
        made_from: MadeFrom,
        weigh: fn(&V) -> usize,
        make: impl FnOnce() -> F,
    ) -> Result<Option<Arc<V>>, DbErr>
    where
        V: Send + Sync + 'static,
        F: Future<Output = Result<Option<V>, DbErr>>,
    {
        let key = Key {
            asked,
            language: shared::i18n::language(),
            made_from,
            day: today(),
        };
        let entry = self
            .kept
            .entry(key)
            .or_try_insert_with(async {
                let made = make().await?;
                let weight = made.as_ref().map_or(16, weigh);
                Ok::<_, DbErr>(Made {
                    value: Arc::new(made.map(Arc::new)),
                    weight: u32::try_from(weight).unwrap_or(u32::MAX),
                })
            })
            .await
            .map_err(unshared)?;
        let outcome = if entry.is_fresh() { "miss" } else { "hit" };
        metrics::counter!("wijkwijs_kept_results_total", "outcome" => outcome).increment(1);
        Ok(entry
            .into_value()
            .value
            .downcast_ref::<Option<Arc<V>>>()
            .expect("a kind of result is kept as one type")
            .clone())
    }

    /// The fingerprint the request read, or read now.
    async fn seen(
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
    ) -> Result<Fingerprint, DbErr> {
        match seen {
            Some(seen) => Ok(seen),
            None => Fingerprint::read(db).await,
        }
    }

    /// What a team's (or wijk's) pages are made from: what every page
    /// shares, read before its own count (`own`).
    async fn scope(
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        own: impl Future<Output = Result<i64, DbErr>>,
    ) -> Result<MadeFrom, DbErr> {
        Ok(MadeFrom::Scope {
            shared: Self::seen(db, seen).await?.shared,
            own: own.await?,
        })
    }

    pub async fn what_works(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        policy: SuppressionPolicy,
    ) -> Result<Arc<WhatWorks>, DbErr> {
        let seen = Self::seen(db, seen).await?;
        let made = self
            .kept_or(
                Asked::WhatWorks,
                MadeFrom::Network(seen.all),
                json_weight,
                || async {
                    let recent = self.recent.current(db, Some(seen)).await?;
                    let latest = recent.latest();
                    let agreements = self
                        .kept_or(
                            Asked::Agreements(latest),
                            MadeFrom::Shared(seen.shared),
                            super::what_works::Agreements::weight,
                            || async {
                                let read = super::what_works::Agreements::read(db, latest).await;
                                read.map(Some)
                            },
                        )
                        .await?
                        .expect("agreements are always read");
                    Ok(Some(super::what_works::what_works(
                        &recent,
                        &agreements,
                        policy,
                    )))
                },
            )
            .await?;
        Ok(made.expect("Wat werkt always has a result"))
    }

    pub async fn compare(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        query: CompareQuery,
        policy: SuppressionPolicy,
    ) -> Result<Arc<Comparison>, DbErr> {
        let seen = Self::seen(db, seen).await?;
        let made = self
            .kept_or(
                Asked::Comparison(query.to_params()),
                MadeFrom::Network(seen.all),
                json_weight,
                || async {
                    let recent = self.recent.current(db, Some(seen)).await?;
                    Ok(Some(super::compare::compare(&recent, query, policy)))
                },
            )
            .await?;
        Ok(made.expect("a comparison always has a result"))
    }

    /// The bestuurderstafel; `None` for a gemeente that does not exist.
    pub async fn table(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        gemeente_id: Option<i32>,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<GovernanceView>>, DbErr> {
        use super::governance::{table_of, Records};
        let seen = Self::seen(db, seen).await?;
        self.kept_or(
            Asked::Table(gemeente_id),
            MadeFrom::Network(seen.all),
            json_weight,
            || async {
                let records = self
                    .kept_or(
                        Asked::TableRecords(gemeente_id),
                        MadeFrom::Shared(seen.shared),
                        Records::weight,
                        || Records::read(db, gemeente_id, super::network::OVERVIEW_TEAMS),
                    )
                    .await?;
                let Some(records) = records else {
                    return Ok(None);
                };
                let recent = self.recent.current(db, Some(seen)).await?;
                table_of(db, &recent, &records, policy).await.map(Some)
            },
        )
        .await
    }

    /// The network overview; `None` for a gemeente that does not exist.
    pub async fn overview(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        gemeente_id: Option<i32>,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<NetworkOverview>>, DbErr> {
        self.kept_or(
            Asked::Overview(gemeente_id),
            MadeFrom::Network(Self::seen(db, seen).await?.all),
            json_weight,
            || super::network::overview(db, gemeente_id, policy),
        )
        .await
    }

    /// A team's space (`store::network::team_space`); `None` for a team
    /// that does not exist.
    pub async fn team_space(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        team_id: i32,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<TeamSpace>>, DbErr> {
        self.kept_or(
            Asked::TeamSpace(team_id, policy),
            Self::scope(db, seen, team_count(db, team_id)).await?,
            json_weight,
            || super::network::team_space(db, team_id, policy),
        )
        .await
    }

    /// How much is new for `account_id` in `teams` (`store::news`): every
    /// change to what news is made of moves the network's count.
    pub async fn news_count(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        account_id: i32,
        teams: &[i32],
    ) -> Result<usize, DbErr> {
        let count = self
            .kept_or(
                Asked::News(account_id),
                MadeFrom::Network(Self::seen(db, seen).await?.all),
                |_| 16,
                || async {
                    super::news::count_for(db, account_id, teams, chrono::Utc::now())
                        .await
                        .map(Some)
                },
            )
            .await?;
        Ok(count.map_or(0, |n| *n))
    }

    /// A team's name and series; `None` for a team that does not exist.
    pub async fn team_charts(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        team_id: i32,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<(String, Vec<ChartSeries>)>>, DbErr> {
        let made_from = Self::scope(db, seen, team_count(db, team_id)).await?;
        self.charts_made_from(db, made_from, team_id, policy).await
    }

    async fn charts_made_from(
        &self,
        db: &impl ConnectionTrait,
        made_from: MadeFrom,
        team_id: i32,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<(String, Vec<ChartSeries>)>>, DbErr> {
        self.kept_or(
            Asked::TeamCharts(team_id, policy),
            made_from,
            json_weight,
            || super::series::team_charts(db, team_id, policy),
        )
        .await
    }

    /// A team's run chart of `measure`, as `draw` makes it from the team's
    /// name and series; `None` for a team that does not exist or a measure
    /// it has no series of.
    pub async fn team_run_chart(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        (team_id, policy, measure): (i32, SuppressionPolicy, Measure),
        draw: impl FnOnce(&str, &ChartSeries) -> KeptChart,
    ) -> Result<Option<Arc<KeptChart>>, DbErr> {
        let made_from = Self::scope(db, seen, team_count(db, team_id)).await?;
        self.kept_or(
            Asked::RunChart(team_id, policy, measure),
            made_from,
            |chart: &KeptChart| chart.0.len() + chart.1.len(),
            || async {
                let Some(charts) = self
                    .charts_made_from(db, made_from, team_id, policy)
                    .await?
                else {
                    return Ok(None);
                };
                let (team, series) = charts.as_ref();
                Ok(series
                    .iter()
                    .find(|s| s.measure == measure)
                    .map(|s| draw(team, s)))
            },
        )
        .await
    }

    /// A wijk page; `None` for a wijk that does not exist.
    pub async fn wijk(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        wijk_id: i32,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<WijkView>>, DbErr> {
        self.kept_or(
            Asked::Wijk(wijk_id, policy),
            Self::scope(db, seen, wijk_count(db, wijk_id)).await?,
            json_weight,
            || super::wijken::wijk_page(db, wijk_id, policy),
        )
        .await
    }
}
