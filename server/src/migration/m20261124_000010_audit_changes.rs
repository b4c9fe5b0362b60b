//! Every request for a kept result (Wat werkt, Vergelijken, the
//! bestuurderstafel) asks for the newest audited change that is not a view.
//! Views of other teams' spaces are audited too and soon outnumber changes:
//! without this partial index (the same SQL on SQLite and PostgreSQL) that
//! question reads back through every view since the last change.

use sea_orm::ConnectionTrait;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX idx_audit_change ON audit_event (id) WHERE action <> 'bekijken'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX idx_audit_change")
            .await?;
        Ok(())
    }
}
