//! The change clock by scope (`app::store::insight_cache`). Migration 11
//! moved one clock with every change, so a month saved by one team, a
//! login or a target saved unchanged emptied every kept page of the
//! network. Now a change moves only what it can change:
//!
//! - every change moves `change_clock.tick` (the network: Wat werkt,
//!   Vergelijken, the bestuurderstafel, the overview);
//! - a change of one team's own records (its months, its members, its
//!   survey, what it has seen) moves that team's row of `team_clock`: its
//!   space, its charts and its wijk's page;
//! - any other change — agreements, lessons, structure, accounts, marks —
//!   moves `change_clock.shared` too, which every kept page waits on;
//! - the targets move only the network's tick (the bestuurderstafel);
//! - views, logins, refusals, API use and keys, an import's preview, a
//!   language or second factor chosen move nothing.
//!
//! Tables that can be written without an audit entry (imports, the API,
//! the generators) move the clock by triggers of their own: the audited
//! results actions are left to them. On PostgreSQL the network's tick and
//! `shared` move once per transaction at commit (a deferred trigger, as in
//! migration 11); a team's row is upserted when its months are written,
//! once per statement, teams in id order.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The clock's rows (migration 11).
const ROWS: usize = 64;

/// Audit actions that change nothing a kept page shows, or whose change
/// a table's own trigger counts (results, targets).
pub const MOVE_NOTHING: &[&str] = &[
    "bekijken",
    "inloggen",
    "inloggen-tweede-stap",
    "uitloggen",
    "api-gebruik",
    "api-sleutel-maken",
    "api-sleutel-intrekken",
    "resultaten-import-voorbereiden",
    "taal-kiezen",
    "tweestaps-starten",
    "tweestaps-aanzetten",
    "tweestaps-herstellen",
    "wachtwoord-herstellen",
    "setup-link-maken",
    "auditlog-opschonen",
    "resultaten-invoeren",
    "resultaten-corrigeren",
    "resultaten-importeren",
    "import-uit-ijw-berichten",
    "streefwaarden-opslaan",
];

/// Audit actions on a team (object type "team", its id) that change only
/// that team's own pages (and the network's).
pub const MOVE_TEAM: &[&str] = &[
    "teamlid-toevoegen",
    "teamlid-verwijderen",
    "vragenlijst-invullen",
    "nieuws-gezien",
];

/// Audit actions that change only what the network's pages show.
pub const MOVE_NETWORK: &[&str] = &["overlegverslag-opslaan"];

/// Tables whose every change moves `shared` (besides audited changes).
const SHARED_TABLES: [&str; 3] = ["agreement_version", "adoption", "team"];

/// Migration 11's triggers, dropped here.
const OLD_TABLES: [&str; 4] = ["outcome_period", "agreement_version", "adoption", "team"];

const EVENTS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

fn quoted(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which audit entries move `shared`, the network only, or a team;
/// `numeric` is the backend's test that the object id is a number.
fn audit_conditions(numeric: &str) -> [(&'static str, String); 3] {
    let team = format!(
        "NEW.object_type = 'team' AND {numeric} AND NEW.action IN ({})",
        quoted(MOVE_TEAM)
    );
    let unshared: Vec<&str> = [MOVE_NOTHING, MOVE_NETWORK].concat();
    [
        (
            "shared",
            format!(
                "NEW.outcome = 'ok' AND NEW.action NOT IN ({}) AND NOT COALESCE(({team}), FALSE)",
                quoted(&unshared)
            ),
        ),
        (
            "network",
            format!(
                "NEW.outcome = 'ok' AND NEW.action IN ({})",
                quoted(MOVE_NETWORK)
            ),
        ),
        ("team", format!("NEW.outcome = 'ok' AND {team}")),
    ]
}

/// Adds one to a team's row, made on its first change.
fn team_upsert(team: &str) -> String {
    format!(
        "INSERT INTO team_clock (team_id, tick) VALUES ({team}, 1) \
         ON CONFLICT (team_id) DO UPDATE SET tick = team_clock.tick + 1"
    )
}

fn sqlite_statements() -> Vec<String> {
    let network = "UPDATE change_clock SET tick = tick + 1 WHERE id = 1";
    let shared = "UPDATE change_clock SET tick = tick + 1, shared = shared + 1 WHERE id = 1";
    let mut statements = Vec::new();
    for table in OLD_TABLES {
        for event in EVENTS {
            statements.push(format!(
                "DROP TRIGGER change_clock_{table}_{}",
                event.to_lowercase()
            ));
        }
    }
    statements.push("DROP TRIGGER change_clock_audit_event".to_owned());
    for event in EVENTS {
        let row = if event == "DELETE" { "OLD" } else { "NEW" };
        let mut body = vec![team_upsert(&format!("{row}.team_id"))];
        if event == "UPDATE" {
            body.push(team_upsert("OLD.team_id"));
        }
        body.push(network.to_owned());
        statements.push(format!(
            "CREATE TRIGGER team_clock_outcome_period_{} AFTER {event} ON outcome_period \
             BEGIN {}; END",
            event.to_lowercase(),
            body.join("; ")
        ));
        for table in SHARED_TABLES {
            statements.push(format!(
                "CREATE TRIGGER change_clock_{table}_{} AFTER {event} ON {table} BEGIN {shared}; END",
                event.to_lowercase()
            ));
        }
        statements.push(format!(
            "CREATE TRIGGER change_clock_measure_target_{} AFTER {event} ON measure_target \
             BEGIN {network}; END",
            event.to_lowercase()
        ));
    }
    let numeric = "NEW.object_id <> '' AND NEW.object_id NOT GLOB '*[^0-9]*'";
    for (scope, when) in audit_conditions(numeric) {
        let body = match scope {
            "shared" => shared.to_owned(),
            "network" => network.to_owned(),
            _ => format!(
                "{}; {network}",
                team_upsert("CAST(NEW.object_id AS INTEGER)")
            ),
        };
        statements.push(format!(
            "CREATE TRIGGER change_clock_audit_{scope} AFTER INSERT ON audit_event \
             WHEN {when} BEGIN {body}; END"
        ));
    }
    statements
}

fn postgres_statements() -> Vec<String> {
    let mut statements = Vec::new();
    for table in OLD_TABLES {
        statements.push(format!("DROP TRIGGER change_clock_{table} ON {table}"));
    }
    statements.push("DROP TRIGGER change_clock_audit_event ON audit_event".to_owned());
    statements.push("DROP FUNCTION change_clock_tick()".to_owned());
    // The network's tick, and `shared` when the argument says so: once per
    // transaction each, at commit, on the row of its connection.
    statements.push(format!(
        "CREATE FUNCTION change_clock_tick() RETURNS trigger LANGUAGE plpgsql AS $$ \
         DECLARE flag text := 'wijkwijs.clock_ticked_' || TG_ARGV[0]; \
         BEGIN \
           IF current_setting(flag, true) IS DISTINCT FROM 'on' THEN \
             PERFORM set_config(flag, 'on', true); \
             UPDATE change_clock SET tick = tick + 1, \
               shared = shared + CASE WHEN TG_ARGV[0] = 'shared' THEN 1 ELSE 0 END \
               WHERE id = 1 + pg_backend_pid() % {ROWS}; \
           END IF; \
           RETURN NULL; \
         END $$"
    ));
    // The teams of a statement's rows (the transition table `changed`).
    statements.push(format!(
        "CREATE FUNCTION team_clock_rows() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           {}; \
           RETURN NULL; \
         END $$",
        team_upsert("team_id").replace(
            "VALUES (team_id, 1)",
            "SELECT team_id, 1 FROM (SELECT DISTINCT team_id FROM changed) AS t ORDER BY team_id"
        )
    ));
    statements.push(format!(
        "CREATE FUNCTION team_clock_audit() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           {}; \
           RETURN NULL; \
         END $$",
        team_upsert("CAST(NEW.object_id AS INTEGER)")
    ));
    let deferred = |name: &str, event: &str, table: &str, when: &str, scope: &str| {
        format!(
            "CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} \
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {when} \
             EXECUTE FUNCTION change_clock_tick('{scope}')"
        )
    };
    let all_events = "INSERT OR UPDATE OR DELETE";
    for event in EVENTS {
        let transition = if event == "DELETE" { "OLD" } else { "NEW" };
        statements.push(format!(
            "CREATE TRIGGER team_clock_outcome_period_{} AFTER {event} ON outcome_period \
             REFERENCING {transition} TABLE AS changed FOR EACH STATEMENT \
             EXECUTE FUNCTION team_clock_rows()",
            event.to_lowercase()
        ));
    }
    statements.push(deferred(
        "change_clock_outcome_period",
        all_events,
        "outcome_period",
        "",
        "network",
    ));
    for table in SHARED_TABLES {
        statements.push(deferred(
            &format!("change_clock_{table}"),
            all_events,
            table,
            "",
            "shared",
        ));
    }
    statements.push(deferred(
        "change_clock_measure_target",
        all_events,
        "measure_target",
        "",
        "network",
    ));
    for (scope, when) in audit_conditions("NEW.object_id ~ '^[0-9]+$'") {
        let when = format!("WHEN ({when})");
        if scope == "team" {
            statements.push(format!(
                "CREATE TRIGGER team_clock_audit AFTER INSERT ON audit_event \
                 FOR EACH ROW {when} EXECUTE FUNCTION team_clock_audit()"
            ));
        }
        statements.push(deferred(
            &format!("change_clock_audit_{scope}"),
            "INSERT",
            "audit_event",
            &when,
            if scope == "shared" {
                "shared"
            } else {
                "network"
            },
        ));
    }
    statements
}

/// What this migration adds, on both backends, before its triggers.
const TABLES: [&str; 2] = [
    "ALTER TABLE change_clock ADD COLUMN shared BIGINT NOT NULL DEFAULT 0",
    "CREATE TABLE team_clock (team_id INTEGER PRIMARY KEY, tick BIGINT NOT NULL)",
];

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let triggers = match db.get_database_backend() {
            DatabaseBackend::Postgres => postgres_statements(),
            _ => sqlite_statements(),
        };
        for statement in TABLES.iter().map(|s| (*s).to_owned()).chain(triggers) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        if backend == DatabaseBackend::Postgres {
            // Dropping the functions drops their triggers with them.
            for function in ["change_clock_tick", "team_clock_rows", "team_clock_audit"] {
                db.execute_unprepared(&format!("DROP FUNCTION {function}() CASCADE"))
                    .await?;
            }
        } else {
            for statement in sqlite_statements() {
                if let Some(rest) = statement.strip_prefix("CREATE TRIGGER ") {
                    let name = rest.split_whitespace().next().unwrap_or_default();
                    db.execute_unprepared(&format!("DROP TRIGGER {name}"))
                        .await?;
                }
            }
        }
        db.execute_unprepared("DROP TABLE team_clock").await?;
        db.execute_unprepared("ALTER TABLE change_clock DROP COLUMN shared")
            .await?;
        for statement in super::m20261124_000011_change_clock::triggers_on(backend) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }
}
