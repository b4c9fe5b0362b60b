//! Connecting to SQLite or PostgreSQL and bringing the schema up to date.

use crate::config::redact;
use crate::migration::Migrator;
use anyhow::Context;
use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::sqlx::{self, pool::PoolOptions, ConnectOptions as _};
use sea_orm::{DatabaseConnection, SqlxPostgresConnector, SqlxSqliteConnector};
use sea_orm_migration::MigratorTrait;
use std::str::FromStr;
use std::time::Duration;

/// A pooled connection last used this recently is lent without a ping;
/// one idle longer is pinged first, and replaced if the ping fails.
const TRUSTED_IDLE: Duration = Duration::from_millis(500);

/// Whether a connection idle for `idle_for` is pinged before it is lent.
fn needs_ping(idle_for: Duration) -> bool {
    idle_for >= TRUSTED_IDLE
}

/// The pool's settings on both backends. sqlx would ping every connection
/// before lending it (a round trip to PostgreSQL, a hop to SQLite's worker
/// thread) and again when it comes back: two of every query's three round
/// trips under load. As HikariCP does, only a connection idle for a while
/// is pinged first; one that broke while in use fails the query that meets
/// it, and the ping on its return drops it.
fn pool_options<DB: sqlx::Database>() -> PoolOptions<DB> {
    PoolOptions::new()
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                Ok(!needs_ping(meta.idle_for) || sqlx::Connection::ping(conn).await.is_ok())
            })
        })
}

/// Connects to `url` (`postgres://…` or `sqlite:…`), creating the folder of
/// a SQLite file if needed.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(folder) = sqlite_folder(url) {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create the database folder {}", folder.display()))?;
    }
    let cannot = || format!("cannot connect to the database at {}", redact(url));
    if url.starts_with("postgres") {
        let options = PgConnectOptions::from_str(url)
            .with_context(cannot)?
            .disable_statement_logging();
        let pool = pool_options()
            .connect_with(options)
            .await
            .with_context(cannot)?;
        return Ok(SqlxPostgresConnector::from_sqlx_postgres_pool(pool));
    }
    // With the write-ahead log, NORMAL syncs at checkpoints rather than at
    // every commit: a commit survives the server crashing, a power cut may
    // take back the last ones, and the file never breaks
    // (sqlite.org/pragma.html#pragma_synchronous).
    let options = SqliteConnectOptions::from_str(url)
        .with_context(cannot)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true)
        .disable_statement_logging();
    // One connection, as sea-orm's default for SQLite: SQLite writes one
    // transaction at a time, and a second connection's transaction would
    // fail instead of waiting when the first commits under it.
    let pool = pool_options()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(cannot)?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// Connects and applies every pending migration.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<DatabaseConnection> {
    let db = connect(url).await?;
    Migrator::up(&db, None)
        .await
        .with_context(|| format!("cannot migrate the database at {}", redact(url)))?;
    Ok(db)
}

/// The folder a `sqlite:` URL keeps its file in, if it names a file.
fn sqlite_folder(url: &str) -> Option<std::path::PathBuf> {
    crate::backup::sqlite_path(url)?
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::sqlite_folder;
    use std::path::PathBuf;

    #[test]
    fn pings_only_a_connection_idle_for_a_while() {
        use super::{needs_ping, TRUSTED_IDLE};
        use std::time::Duration;
        assert!(!needs_ping(Duration::ZERO));
        assert!(!needs_ping(Duration::from_millis(499)));
        assert!(needs_ping(TRUSTED_IDLE));
        assert!(needs_ping(Duration::from_secs(3600)));
    }

    #[test]
    fn finds_the_folder_of_a_sqlite_file() {
        assert_eq!(
            sqlite_folder("sqlite://data/wijkwijs.db?mode=rwc"),
            Some(PathBuf::from("data"))
        );
        assert_eq!(
            sqlite_folder("sqlite:///tmp/x/w.db"),
            Some(PathBuf::from("/tmp/x"))
        );
        assert_eq!(sqlite_folder("sqlite::memory:"), None);
        assert_eq!(sqlite_folder("sqlite://w.db"), None);
        assert_eq!(sqlite_folder("postgres://root@localhost/test"), None);
    }
}
