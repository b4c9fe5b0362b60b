//! Indexes for a network far larger than the demo: every filter of the
//! overview, Vergelijken and Wat werkt, and a substring index for search —
//! a trigram index on PostgreSQL (`pg_trgm`, a trusted extension) and an
//! FTS5 trigram table beside `search_entry` on SQLite, filled here from
//! what is indexed already.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str, &str); 3] = [
    ("idx_team_doelgroep", "team", "doelgroep"),
    ("idx_outcome_month", "outcome_period", "month"),
    ("idx_adoption_created", "adoption", "created_at"),
];

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in INDEXES {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        match db.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                    .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_search_text ON search_entry USING gin (text gin_trgm_ops)",
                )
                .await?;
            }
            DatabaseBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE search_text USING fts5(text, tokenize = 'trigram')",
                )
                .await?;
                db.execute_unprepared(
                    "INSERT INTO search_text (rowid, text) SELECT id, text FROM search_entry",
                )
                .await?;
            }
            DatabaseBackend::MySql => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("DROP INDEX idx_search_text").await?;
            }
            DatabaseBackend::Sqlite => {
                db.execute_unprepared("DROP TABLE search_text").await?;
            }
            DatabaseBackend::MySql => {}
        }
        for (name, table, _) in INDEXES {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
