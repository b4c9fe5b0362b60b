//! Wat werkt, Vergelijken and the bestuurderstafel read every team's
//! months: costly on a large network, and the same until the data behind
//! them changes. This cache keeps their results per server process under a
//! fingerprint of that data — the newest change in the audit log (every
//! change is audited; views are not changes), the newest month of results,
//! agreement version and adoption, the number of teams, and the day (what
//! counts as recent moves with it) — read in one small query per request,
//! so any change shows on the next request. Results are shared, not
//! copied, between the requests that read them.

use sea_orm::{ConnectionTrait, DbErr, Statement};
use shared::dto::{CompareQuery, Comparison, GovernanceView, WhatWorks};
use shared::suppression::SuppressionPolicy;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Comparisons kept at most (different filters); older ones are dropped.
const COMPARISONS: usize = 64;

type Fingerprint = [Option<i64>; 6];

#[derive(Default)]
struct Kept {
    fingerprint: Option<Fingerprint>,
    what_works: Option<Arc<WhatWorks>>,
    comparisons: HashMap<String, Arc<Comparison>>,
    /// The bestuurderstafel of the network (`None`) or one gemeente.
    tables: HashMap<Option<i32>, Arc<GovernanceView>>,
}

#[derive(Clone, Default)]
pub struct InsightCache(Arc<Mutex<Kept>>);

/// The newest audited change: views are audited too, but change nothing.
/// A partial index of the changes answers it (migration 10).
pub const LATEST_CHANGE: &str =
    "SELECT CAST(id AS BIGINT) FROM audit_event WHERE action <> 'bekijken' ORDER BY id DESC LIMIT 1";

async fn fingerprint(db: &impl ConnectionTrait) -> Result<Fingerprint, DbErr> {
    let sql = format!(
        "SELECT ({LATEST_CHANGE}), \
        (SELECT CAST(MAX(id) AS BIGINT) FROM outcome_period), \
        (SELECT CAST(MAX(id) AS BIGINT) FROM agreement_version), \
        (SELECT CAST(MAX(id) AS BIGINT) FROM adoption), \
        (SELECT CAST(COUNT(*) AS BIGINT) FROM team)"
    );
    let row = db
        .query_one(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("fingerprint".into()))?;
    let mut print: Fingerprint = [None; 6];
    for (i, value) in print.iter_mut().take(5).enumerate() {
        *value = row.try_get_by_index(i)?;
    }
    // Adoptions are counted up to this month, lessons from a year back.
    let today = chrono::Utc::now().date_naive();
    print[5] = Some(i64::from(chrono::Datelike::num_days_from_ce(&today)));
    Ok(print)
}

impl InsightCache {
    /// What is kept, emptied first when the data changed since.
    async fn current(&self, db: &impl ConnectionTrait) -> Result<Fingerprint, DbErr> {
        let print = fingerprint(db).await?;
        let mut kept = self.0.lock().expect("the cache lock");
        if kept.fingerprint != Some(print) {
            *kept = Kept {
                fingerprint: Some(print),
                ..Kept::default()
            };
        }
        Ok(print)
    }

    /// Keeps `value` if the data is still as `print` says.
    fn keep(&self, print: Fingerprint, store: impl FnOnce(&mut Kept)) {
        let mut kept = self.0.lock().expect("the cache lock");
        if kept.fingerprint == Some(print) {
            store(&mut kept);
        }
    }

    pub async fn what_works(
        &self,
        db: &impl ConnectionTrait,
        policy: SuppressionPolicy,
    ) -> Result<Arc<WhatWorks>, DbErr> {
        let print = self.current(db).await?;
        if let Some(found) = self.0.lock().expect("the cache lock").what_works.clone() {
            return Ok(found);
        }
        let made = Arc::new(super::what_works::what_works(db, policy).await?);
        self.keep(print, |kept| kept.what_works = Some(made.clone()));
        Ok(made)
    }

    pub async fn compare(
        &self,
        db: &impl ConnectionTrait,
        query: CompareQuery,
        policy: SuppressionPolicy,
    ) -> Result<Arc<Comparison>, DbErr> {
        let key = query.to_params();
        let print = self.current(db).await?;
        if let Some(found) = self
            .0
            .lock()
            .expect("the cache lock")
            .comparisons
            .get(&key)
            .cloned()
        {
            return Ok(found);
        }
        let made = Arc::new(super::compare::compare(db, query, policy).await?);
        self.keep(print, |kept| {
            if kept.comparisons.len() >= COMPARISONS {
                kept.comparisons.clear();
            }
            kept.comparisons.insert(key, made.clone());
        });
        Ok(made)
    }

    /// The bestuurderstafel; `None` for a gemeente that does not exist.
    pub async fn table(
        &self,
        db: &impl ConnectionTrait,
        gemeente_id: Option<i32>,
        policy: SuppressionPolicy,
    ) -> Result<Option<Arc<GovernanceView>>, DbErr> {
        let print = self.current(db).await?;
        if let Some(found) = self
            .0
            .lock()
            .expect("the cache lock")
            .tables
            .get(&gemeente_id)
            .cloned()
        {
            return Ok(Some(found));
        }
        let Some(made) = super::governance::table(db, gemeente_id, policy).await? else {
            return Ok(None);
        };
        let made = Arc::new(made);
        self.keep(print, |kept| {
            kept.tables.insert(gemeente_id, made.clone());
        });
        Ok(Some(made))
    }
}
