//! A stamp on each team's row of the change clock (migration 17), so that
//! the network's recent months (`app::store::compare::RecentMonths`) read
//! only the rows of the teams changed since it last looked, not every
//! team's row: at 15,000 teams that read cost every network page 40 ms
//! after any month saved.
//!
//! A row's stamp is set whenever its count moves, by a trigger on the row
//! itself, so every way of moving a count (a month saved, an audited
//! change of a team) stamps it. The stamps are such that a reader who
//! reads a mark (`app::store::change_clock::mark`) before it reads the rows
//! finds, next time, every row committed since among those stamped at or
//! above that mark:
//!
//! - SQLite writes one transaction at a time: the stamp is the clock's
//!   count as it will be after this change, more than any count a reader
//!   can have seen before the transaction commits; the mark is the count
//!   plus one.
//! - PostgreSQL: the stamp is the writing transaction's id; the mark is
//!   the oldest transaction still running (the snapshot's `xmin`). Any
//!   transaction a reader did not see yet had not committed then, so its
//!   id is at least that. A transaction left open holds the mark back:
//!   until it ends, each reader re-reads the rows stamped since it began.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// SQLite's stamp: the clock's count after this change.
const SQLITE_STAMP: &str = "(SELECT CAST(SUM(tick) AS BIGINT) + 1 FROM change_clock)";

fn sqlite_statements() -> Vec<String> {
    // The inner UPDATE sets only the stamp, so it moves no trigger `OF tick`.
    ["INSERT", "UPDATE OF tick"]
        .iter()
        .map(|event| {
            let name = event.split_whitespace().next().unwrap_or_default();
            format!(
                "CREATE TRIGGER team_clock_stamp_{} AFTER {event} ON team_clock \
                 BEGIN UPDATE team_clock SET stamp = {SQLITE_STAMP} \
                 WHERE team_id = NEW.team_id; END",
                name.to_lowercase()
            )
        })
        .collect()
}

fn postgres_statements() -> Vec<String> {
    vec![
        "CREATE FUNCTION team_clock_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           NEW.stamp := CAST(CAST(pg_current_xact_id() AS text) AS BIGINT); \
           RETURN NEW; \
         END $$"
            .to_owned(),
        "CREATE TRIGGER team_clock_stamp BEFORE INSERT OR UPDATE ON team_clock \
         FOR EACH ROW EXECUTE FUNCTION team_clock_stamp()"
            .to_owned(),
    ]
}

const COLUMN: [&str; 2] = [
    "ALTER TABLE team_clock ADD COLUMN stamp BIGINT NOT NULL DEFAULT 0",
    "CREATE INDEX team_clock_by_stamp ON team_clock (stamp)",
];

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let triggers = match db.get_database_backend() {
            DatabaseBackend::Postgres => postgres_statements(),
            _ => sqlite_statements(),
        };
        for statement in COLUMN.iter().map(|s| (*s).to_owned()).chain(triggers) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DatabaseBackend::Postgres {
            // Dropping the function drops its trigger with it.
            db.execute_unprepared("DROP FUNCTION team_clock_stamp() CASCADE")
                .await?;
        } else {
            for event in ["insert", "update"] {
                db.execute_unprepared(&format!("DROP TRIGGER team_clock_stamp_{event}"))
                    .await?;
            }
        }
        db.execute_unprepared("DROP INDEX team_clock_by_stamp")
            .await?;
        db.execute_unprepared("ALTER TABLE team_clock DROP COLUMN stamp")
            .await?;
        Ok(())
    }
}
