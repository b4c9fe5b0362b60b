//! Test databases: every test gets a fresh one, on SQLite always and on
//! PostgreSQL through `WIJKWIJS_TEST_POSTGRES_URL` (an admin URL used to
//! create and drop a database per test). With `CI=true` a missing
//! PostgreSQL URL fails the test instead of skipping it.

#![allow(dead_code)]

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub const POSTGRES_URL_VAR: &str = "WIJKWIJS_TEST_POSTGRES_URL";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test.
pub struct TestDb {
    pub url: String,
    pub db: DatabaseConnection,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

fn unique_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "wijkwijs_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

/// The URL of a fresh, empty database on `backend`, or `None` when
/// PostgreSQL is not configured outside CI.
pub async fn empty_url(backend: Backend) -> Option<(String, CleanupHandle)> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(unique_name());
            std::fs::create_dir_all(&dir).unwrap();
            let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
            Some((url, CleanupHandle(Cleanup::File(dir))))
        }
        Backend::Postgres => {
            let admin_url = match std::env::var(POSTGRES_URL_VAR) {
                Ok(url) if !url.is_empty() => url,
                _ if std::env::var("CI").as_deref() == Ok("true") => {
                    panic!("{POSTGRES_URL_VAR} must be set in CI: the PostgreSQL tests may not be skipped")
                }
                _ => {
                    eprintln!("skipping PostgreSQL: {POSTGRES_URL_VAR} is not set");
                    return None;
                }
            };
            let name = unique_name();
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL admin URL");
            admin
                .execute(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE {name}"),
                ))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let base = admin_url
                .rsplit_once('/')
                .map(|(base, _)| base)
                .unwrap_or(&admin_url);
            let url = format!("{base}/{name}");
            Some((url, CleanupHandle(Cleanup::Database { admin_url, name })))
        }
    }
}

/// Removes a test database.
pub struct CleanupHandle(Cleanup);

impl CleanupHandle {
    pub async fn run(self) {
        match self.0 {
            Cleanup::File(dir) => {
                std::fs::remove_dir_all(dir).ok();
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    admin
                        .execute(Statement::from_string(
                            admin.get_database_backend(),
                            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                        ))
                        .await
                        .ok();
                    admin.close().await.ok();
                }
            }
        }
    }
}

impl TestDb {
    /// A fresh database on `backend` with the schema migrated.
    pub async fn migrated(backend: Backend) -> Option<Self> {
        let (url, cleanup) = empty_url(backend).await?;
        let db = server::db::connect_and_migrate(&url)
            .await
            .expect("connect and migrate");
        Some(Self {
            url,
            db,
            cleanup: cleanup.0,
        })
    }

    /// A fresh database with the demo network loaded.
    pub async fn with_demo(backend: Backend) -> Option<Self> {
        let test_db = Self::migrated(backend).await?;
        assert_eq!(
            server::demo::load(&test_db.db).await.unwrap(),
            server::demo::Loaded::Now
        );
        Some(test_db)
    }

    pub async fn cleanup(self) {
        self.db.close().await.ok();
        CleanupHandle(self.cleanup).run().await;
    }
}

/// Defines one test per backend around an async body taking a `Backend`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(support::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(support::Backend::Postgres).await;
            }
        }
    };
}
