//! The server's own housekeeping, at start and every hour while it
//! serves: dead sessions, stale throttles and day-old imports of results
//! go (the imports' own audit entries stay), and audit entries past
//! their retention (`--audit-retention-days`) are removed in an audited
//! write of their own. `wijkwijs prune` runs it once.

use anyhow::Context;
use app::api::write::{AuditAction, AuditedWrite, Change};
use app::auth::RequestContext;
use app::store::retention;
use sea_orm::DatabaseConnection;

/// How often a serving server cleans up.
pub const INTERVAL: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// What one clean-up removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub sessions: u64,
    pub throttles: u64,
    pub imports: u64,
    pub audit_entries: u64,
}

/// Cleans up as of `now`.
pub async fn clean(
    db: &DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
    audit_retention_days: u32,
) -> anyhow::Result<Removed> {
    let cutoffs = shared::retention::cutoffs(now.timestamp(), audit_retention_days);
    let (sessions, throttles) = retention::remove_dead_sessions_and_throttles(db, &cutoffs)
        .await
        .context("removing dead sessions and throttles")?;
    let imports = app::store::imports::remove_made_before(
        db,
        chrono::DateTime::from_timestamp(cutoffs.import_created, 0).unwrap_or_default(),
    )
    .await
    .context("removing old imports of results")?;
    let mut audit_entries = 0;
    if let Some(before) = cutoffs.audit {
        let upkeep = RequestContext::outside_requests("systeem (bewaartermijn)");
        let write = AuditedWrite::begin_on(db, &upkeep).await?;
        audit_entries = retention::remove_audit_entries_before(write.db(), before)
            .await
            .context("removing audit entries past their retention")?;
        if audit_entries > 0 {
            let cutoff = chrono::DateTime::from_timestamp(before, 0).unwrap_or_default();
            let after = serde_json::json!({
                "verwijderd": audit_entries,
                "ouder_dan": shared::clock::local_timestamp(cutoff),
                "bewaartermijn_dagen": audit_retention_days,
            });
            write
                .commit(
                    AuditAction::AuditLogPruned,
                    Change::of_all("auditlog").after(after.to_string()),
                )
                .await?;
        }
    }
    Ok(Removed {
        sessions,
        throttles,
        imports,
        audit_entries,
    })
}

/// Cleans up now and then every `INTERVAL`, until the server stops.
pub async fn run_while_serving(db: DatabaseConnection, audit_retention_days: u32) {
    let mut ticks = tokio::time::interval(INTERVAL);
    loop {
        ticks.tick().await;
        match clean(&db, chrono::Utc::now(), audit_retention_days).await {
            Ok(removed) => tracing::info!(
                sessions = removed.sessions,
                throttles = removed.throttles,
                audit_entries = removed.audit_entries,
                "cleaned up"
            ),
            Err(err) => tracing::error!(error = %format!("{err:#}"), "cleaning up failed"),
        }
    }
}
