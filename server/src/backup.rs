//! Backup and restore of the embedded SQLite database. `backup` copies a
//! consistent snapshot while the server runs (`VACUUM INTO` reads in one
//! transaction: commits after it began are not in the copy, commits before
//! it all are), then checks the copy. `restore` checks a copy and puts it
//! in place of the database, for a server that is stopped. PostgreSQL has
//! its own tools for this (`pg_dump`, `pg_restore`; docs/operations.md).

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::path::{Path, PathBuf};

const POSTGRES: &str = "this database is PostgreSQL: back it up with pg_dump and restore it with \
     pg_restore (docs/operations.md, \"Backup and restore\")";

/// The file a `sqlite:` URL names, if it names one.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite:")?;
    let path = path.strip_prefix("//").unwrap_or(path);
    let path = path.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// `text` as an SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn path_text(path: &Path) -> anyhow::Result<&str> {
    path.to_str()
        .with_context(|| format!("{} is not a UTF-8 path", path.display()))
}

/// Copies the database at `url` to the new file `to`, consistently while
/// the server writes, and checks the copy.
pub async fn backup(url: &str, to: &Path) -> anyhow::Result<()> {
    if sqlite_path(url).is_none() {
        bail!(POSTGRES);
    }
    if to.exists() {
        bail!("{} exists already: choose a new file", to.display());
    }
    let db = crate::db::connect(url).await?;
    db.execute_unprepared(&format!("VACUUM INTO {}", literal(path_text(to)?)))
        .await
        .with_context(|| format!("cannot write the backup to {}", to.display()))?;
    db.close().await.ok();
    check(to)
        .await
        .with_context(|| format!("the backup {} does not check out", to.display()))
}

/// The lock every serving server holds on its SQLite database, shared
/// (several processes may serve one file); `restore` takes it alone, so it
/// refuses while any server runs — a server would go on writing to the
/// database it replaced.
pub struct ServingLock(#[allow(dead_code)] std::fs::File);

impl ServingLock {
    fn file(database: &Path) -> anyhow::Result<std::fs::File> {
        let mut name = database.as_os_str().to_owned();
        name.push(".serving");
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(PathBuf::from(name))
            .with_context(|| format!("cannot open the lock beside {}", database.display()))
    }

    /// Held while a server serves the database at `url` (PostgreSQL: none).
    pub fn serve(url: &str) -> anyhow::Result<Option<ServingLock>> {
        let Some(database) = sqlite_path(url) else {
            return Ok(None);
        };
        if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        let file = Self::file(&database)?;
        if file.try_lock_shared().is_err() {
            bail!(
                "{} is being restored: try again when that is done",
                database.display()
            );
        }
        Ok(Some(ServingLock(file)))
    }
}

/// Puts the backup `from` in place of the database at `url` (refused while
/// a server runs): checks it, copies it beside the database, and moves it
/// over the database in one step.
pub async fn restore(url: &str, from: &Path) -> anyhow::Result<()> {
    let Some(target) = sqlite_path(url) else {
        bail!(POSTGRES);
    };
    let _alone = ServingLock::file(&target)?;
    if _alone.try_lock().is_err() {
        bail!(
            "a server is using {}: stop it first (systemctl stop wijkwijs)",
            target.display()
        );
    }
    check(from).await.with_context(|| {
        format!(
            "{} is not a Wijkwijs backup that checks out",
            from.display()
        )
    })?;
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
    }
    let staged = target.with_extension("restoring");
    let _ = std::fs::remove_file(&staged);
    let source = open_read_only(from).await?;
    source
        .execute_unprepared(&format!("VACUUM INTO {}", literal(path_text(&staged)?)))
        .await
        .with_context(|| format!("cannot copy the backup to {}", staged.display()))?;
    source.close().await.ok();
    // The old database's write-ahead log must not be replayed onto the
    // restored file.
    for suffix in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    std::fs::rename(&staged, &target)
        .with_context(|| format!("cannot move the restored database to {}", target.display()))?;
    Ok(())
}

/// The SQLite file opened read-only, as it is (no journal mode set).
async fn open_read_only(file: &Path) -> anyhow::Result<DatabaseConnection> {
    use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    if !file.is_file() {
        bail!("{} is not a file", file.display());
    }
    let options = SqliteConnectOptions::new().filename(file).read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open {}", file.display()))?;
    Ok(sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// The file is a SQLite database that passes its integrity check and
/// holds Wijkwijs's schema.
pub async fn check(file: &Path) -> anyhow::Result<()> {
    let db = open_read_only(file).await?;
    let backend = db.get_database_backend();
    let verdict = db
        .query_one(Statement::from_string(backend, "PRAGMA integrity_check"))
        .await
        .context("not a SQLite database")?
        .map(|row| row.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_default();
    if verdict != "ok" {
        bail!("its integrity check says: {verdict}");
    }
    let migrations = db
        .query_one(Statement::from_string(
            backend,
            "SELECT COUNT(*) FROM seaql_migrations",
        ))
        .await
        .context("it holds no Wijkwijs schema")?;
    db.close().await.ok();
    if migrations.is_none() {
        bail!("it holds no Wijkwijs schema");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_file_of_a_sqlite_url() {
        assert_eq!(
            sqlite_path("sqlite://data/wijkwijs.db?mode=rwc"),
            Some(PathBuf::from("data/wijkwijs.db"))
        );
        assert_eq!(
            sqlite_path("sqlite:///tmp/w.db"),
            Some(PathBuf::from("/tmp/w.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://root@localhost/test"), None);
        assert_eq!(literal("it's"), "'it''s'");
    }
}
