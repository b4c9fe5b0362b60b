//! Wat werkt, Vergelijken, the bestuurderstafel and the network overview
//! read every team's months or latest results, and a team's space or a
//! wijk page a dozen tables and ten years of months: costly on a large
//! network, and the same until the data behind
//! them changes. This cache keeps their results per server process under a
//! fingerprint of that data — the change clock, which counts the
//! committed changes to it — and the day (what counts as
//! recent moves with it), read once per request, so any change shows on
//! the next request. A page request reads it in its session's query
//! (`Fingerprint::QUERY`); anything else in a small query of its own.
//! Results are shared, not copied, between the requests that read them. A
//! team's run charts are kept as sent (bytes and ETag): a team's
//! page asks for one per measure.

use sea_orm::{ConnectionTrait, DbErr, Statement};
use shared::dto::{
    CompareQuery, Comparison, GovernanceView, NetworkOverview, TeamSpace, WhatWorks, WijkView,
};
use shared::i18n::Language;
use shared::network::Measure;
use shared::stats::chart::ChartSeries;
use shared::suppression::SuppressionPolicy;
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Results kept at most per kind (different filters or gemeenten); when
/// full, that kind starts afresh.
const KEPT_PER_KIND: usize = 64;

/// One kind of result, by the language it was made in (its labels and
/// text alternatives are the reader's) and what was asked.
type Results<K, V> = HashMap<(Language, K), Arc<V>>;

#[derive(Default)]
struct Kept {
    /// What the results were made from, and on which day.
    fingerprint: Option<(Fingerprint, i32)>,
    what_works: Results<(), WhatWorks>,
    comparisons: Results<String, Comparison>,
    /// The bestuurderstafel of the network (`None`) or one gemeente.
    tables: Results<Option<i32>, GovernanceView>,
    /// The overview of the network (`None`) or one gemeente.
    overviews: Results<Option<i32>, NetworkOverview>,
    /// A team's space without what depends on the viewer, as a team member
    /// (in full) or anyone else (suppressed) sees it.
    team_spaces: Results<(i32, SuppressionPolicy), TeamSpace>,
    /// A team's name and series, for its run charts and sparklines (a
    /// page of Vergelijken asks for fifty teams' at once).
    team_charts: Results<(i32, SuppressionPolicy), (String, Vec<ChartSeries>)>,
    wijken: Results<(i32, SuppressionPolicy), WijkView>,
    /// How much is new for an account across its teams (`store::news`).
    news_counts: Results<i32, usize>,
    /// A team's run chart of a measure, drawn (`KeptChart`).
    team_run_charts: Results<(i32, SuppressionPolicy, Measure), KeptChart>,
}

/// A chart as sent: its validator (ETag) and its bytes. A team space's
/// page asks for a chart per measure, and drawing one is most of its work.
pub type KeptChart = (String, axum::body::Bytes);

#[derive(Clone, Default)]
pub struct InsightCache(Arc<Mutex<Kept>>);

/// What the kept results were made from: the change clock's tick, a
/// count of the committed changes to their data (migration 11), which
/// every such commit moves, in whatever order they commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint(i64);

impl Fingerprint {
    /// A scalar subquery whose one BIGINT is the fingerprint.
    pub const QUERY: &'static str = "SELECT CAST(SUM(tick) AS BIGINT) FROM change_clock";

    /// The fingerprint from `QUERY`'s value.
    pub fn from_value(value: Option<i64>) -> Option<Self> {
        value.map(Self)
    }

    /// Reads the fingerprint in a query of its own.
    pub async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        db.query_one(Statement::from_string(
            db.get_database_backend(),
            Self::QUERY,
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("change clock".into()))?
        .try_get_by_index(0)
        .map(Self)
    }
}

/// Adoptions are counted up to this month, lessons from a year back: what
/// is kept is kept for one day at most.
fn today() -> i32 {
    chrono::Datelike::num_days_from_ce(&shared::clock::local_date(chrono::Utc::now()))
}

impl InsightCache {
    /// The result kept under `key` in `kind`, or `make`'s, kept if the
    /// data did not change meanwhile. `None` (nothing to show) is not kept.
    /// `seen` is the fingerprint the request read already, if it did.
    async fn kept_or<K, V, F>(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        kind: fn(&mut Kept) -> &mut Results<K, V>,
        key: K,
        make: impl FnOnce() -> F,
    ) -> Result<Option<Arc<V>>, DbErr>
    where
        K: Eq + Hash,
        F: Future<Output = Result<Option<V>, DbErr>>,
    {
        let seen = match seen {
            Some(seen) => seen,
            None => Fingerprint::read(db).await?,
        };
        let print = (seen, today());
        let key = (shared::i18n::language(), key);
        {
            let mut kept = self.0.lock().expect("the cache lock");
            if kept.fingerprint != Some(print) {
                *kept = Kept {
                    fingerprint: Some(print),
                    ..Kept::default()
                };
            }
            if let Some(found) = kind(&mut kept).get(&key) {
                metrics::counter!("wijkwijs_kept_results_total", "outcome" => "hit").increment(1);
                return Ok(Some(found.clone()));
            }
        }
        metrics::counter!("wijkwijs_kept_results_total", "outcome" => "miss").increment(1);
        let Some(made) = make().await? else {
            return Ok(None);
        };
        let made = Arc::new(made);
        let mut kept = self.0.lock().expect("the cache lock");
        if kept.fingerprint == Some(print) {
            let results = kind(&mut kept);
            if results.len() >= KEPT_PER_KIND {
                results.clear();
            }
            results.insert(key, made.clone());
        }
        Ok(Some(made))
    }

    pub async fn what_works(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        policy: SuppressionPolicy,
    ) -> Result<Arc<WhatWorks>, DbErr> {
        let made = self
            .kept_or(
                db,
                seen,
                |k| &mut k.what_works,
                (),
                || async { super::what_works::what_works(db, policy).await.map(Some) },
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
        let made = self
            .kept_or(
                db,
                seen,
                |k| &mut k.comparisons,
                query.to_params(),
                || async { super::compare::compare(db, query, policy).await.map(Some) },
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
        self.kept_or(
            db,
            seen,
            |k| &mut k.tables,
            gemeente_id,
            || super::governance::table(db, gemeente_id, policy),
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
            db,
            seen,
            |k| &mut k.overviews,
            gemeente_id,
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
            db,
            seen,
            |k| &mut k.team_spaces,
            (team_id, policy),
            || super::network::team_space(db, team_id, policy),
        )
        .await
    }

    /// How much is new for `account_id` in `teams` (`store::news`): every
    /// change to what news is made of moves the fingerprint.
    pub async fn news_count(
        &self,
        db: &impl ConnectionTrait,
        seen: Option<Fingerprint>,
        account_id: i32,
        teams: &[i32],
    ) -> Result<usize, DbErr> {
        let count = self
            .kept_or(
                db,
                seen,
                |k| &mut k.news_counts,
                account_id,
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
        self.kept_or(
            db,
            seen,
            |k| &mut k.team_charts,
            (team_id, policy),
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
        self.kept_or(
            db,
            seen,
            |k| &mut k.team_run_charts,
            (team_id, policy, measure),
            || async {
                let Some(charts) = self.team_charts(db, seen, team_id, policy).await? else {
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
            db,
            seen,
            |k| &mut k.wijken,
            (wijk_id, policy),
            || super::wijken::wijk_page(db, wijk_id, policy),
        )
        .await
    }
}
