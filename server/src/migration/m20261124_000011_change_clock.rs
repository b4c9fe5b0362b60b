//! The change clock, whose tick moves with every transaction that changes
//! what kept pages are made from (`app::store::insight_cache`): an
//! audited change (views are audited too, and change nothing), or a row of
//! results, agreement versions, adoptions or teams, however it was
//! written. A kept page is valid while the tick it was made under stands.
//!
//! It replaces a fingerprint of the newest ids, which missed changes that
//! commit out of id order on PostgreSQL: ids are handed out when a row is
//! inserted, not when its transaction commits. The tick is the sum of the
//! clock's rows, and each such transaction adds one to a row as it
//! commits: the sum counts the committed changes, so every commit moves
//! it, in whatever order. On PostgreSQL a deferred trigger adds it at
//! commit, once per transaction, to the row of its connection (of 64), so
//! that changes on other connections do not wait for its row lock. SQLite
//! writes one transaction at a time: a plain trigger adds one to row 1 for
//! every row changed.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables whose every change moves the clock (besides audited changes).
const TABLES: [&str; 4] = ["outcome_period", "agreement_version", "adoption", "team"];

/// The clock's rows.
const ROWS: usize = 64;

/// Adds one to the clock's row `row`.
fn tick(row: &str) -> String {
    format!("UPDATE change_clock SET tick = tick + 1 WHERE id = {row}")
}

/// Only an audited change: every change is audited, and views are too.
const AUDITED_CHANGE: &str = "WHEN (NEW.action <> 'bekijken')";

/// Moves the clock once per transaction, whichever of its rows asks first.
fn postgres_tick_function() -> String {
    format!(
        "CREATE FUNCTION change_clock_tick() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF current_setting('wijkwijs.clock_ticked', true) IS DISTINCT FROM 'on' THEN \
             PERFORM set_config('wijkwijs.clock_ticked', 'on', true); \
             {}; \
           END IF; \
           RETURN NULL; \
         END $$",
        tick(&format!("1 + pg_backend_pid() % {ROWS}"))
    )
}

/// A trigger that moves the clock: its name, event, table and condition
/// (a `WHEN` clause, or none).
struct Trigger {
    name: String,
    event: &'static str,
    table: &'static str,
    when: &'static str,
}

/// The clock's triggers; SQLite names one trigger per event.
fn triggers(per_event: bool) -> Vec<Trigger> {
    let mut triggers = Vec::new();
    for table in TABLES {
        if per_event {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                triggers.push(Trigger {
                    name: format!("change_clock_{table}_{}", event.to_lowercase()),
                    event,
                    table,
                    when: "",
                });
            }
        } else {
            triggers.push(Trigger {
                name: format!("change_clock_{table}"),
                event: "INSERT OR UPDATE OR DELETE",
                table,
                when: "",
            });
        }
    }
    triggers.push(Trigger {
        name: "change_clock_audit_event".to_owned(),
        event: "INSERT",
        table: "audit_event",
        when: AUDITED_CHANGE,
    });
    triggers
}

/// The statements that set the clock up on `backend`.
fn clock_statements(backend: DatabaseBackend) -> Vec<String> {
    let rows: Vec<String> = (1..=ROWS).map(|id| format!("({id}, 0)")).collect();
    let mut statements = vec![
        "CREATE TABLE change_clock (id INTEGER PRIMARY KEY, tick BIGINT NOT NULL)".to_owned(),
        format!(
            "INSERT INTO change_clock (id, tick) VALUES {}",
            rows.join(", ")
        ),
    ];
    statements.extend(triggers_on(backend));
    // The newest audited change was found through this index; the clock
    // answers instead.
    statements.push("DROP INDEX idx_audit_change".to_owned());
    statements
}

/// The clock's function and triggers on `backend` (migration 17 puts
/// them back when it is undone).
pub(super) fn triggers_on(backend: DatabaseBackend) -> Vec<String> {
    let postgres = backend == DatabaseBackend::Postgres;
    let mut statements = Vec::new();
    if postgres {
        statements.push(postgres_tick_function());
    }
    for Trigger {
        name,
        event,
        table,
        when,
    } in triggers(!postgres)
    {
        statements.push(if postgres {
            format!(
                "CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} \
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {when} \
                 EXECUTE FUNCTION change_clock_tick()"
            )
        } else {
            format!(
                "CREATE TRIGGER {name} AFTER {event} ON {table} {when} BEGIN {}; END",
                tick("1")
            )
        });
    }
    statements
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for statement in clock_statements(db.get_database_backend()) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DatabaseBackend::Postgres {
            // Dropping the function drops its triggers with it.
            db.execute_unprepared("DROP FUNCTION change_clock_tick() CASCADE")
                .await?;
        } else {
            for trigger in triggers(true) {
                db.execute_unprepared(&format!("DROP TRIGGER {}", trigger.name))
                    .await?;
            }
        }
        db.execute_unprepared("DROP TABLE change_clock").await?;
        db.execute_unprepared(
            "CREATE INDEX idx_audit_change ON audit_event (id) WHERE action <> 'bekijken'",
        )
        .await?;
        Ok(())
    }
}
