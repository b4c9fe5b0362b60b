//! Connecting to SQLite or PostgreSQL and bringing the schema up to date.

use crate::config::redact;
use crate::migration::Migrator;
use anyhow::Context;
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// Connects to `url`, creating the folder of a SQLite file if needed.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(folder) = sqlite_folder(url) {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create the database folder {}", folder.display()))?;
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            // With the write-ahead log, NORMAL syncs at checkpoints rather
            // than at every commit: a commit survives the server crashing,
            // a power cut may take back the last ones, and the file never
            // breaks (sqlite.org/pragma.html#pragma_synchronous).
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to the database at {}", redact(url)))
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
    let path = url.strip_prefix("sqlite:")?;
    let path = path.strip_prefix("//").unwrap_or(path);
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::sqlite_folder;
    use std::path::PathBuf;

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
