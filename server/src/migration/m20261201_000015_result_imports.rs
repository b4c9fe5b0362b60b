//! Imports of monthly results between their preview and their
//! confirmation (`app::store::imports`): the accepted rows and the
//! preview, for the account that uploaded the file, when its confirmed
//! import started and finished; removed a day later.
//! Only aggregates, as the results form takes: never a client's data.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Team {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ResultImport {
    Table,
    Id,
    TokenHash,
    AccountId,
    TeamId,
    Kind,
    Preview,
    Rows,
    CreatedAt,
    StartedAt,
    AppliedAt,
    AppliedAdded,
    AppliedCorrected,
    AppliedRefused,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ResultImport::Table)
                    .col(pk_auto(ResultImport::Id))
                    .col(string_uniq(ResultImport::TokenHash))
                    .col(integer(ResultImport::AccountId))
                    .col(integer_null(ResultImport::TeamId))
                    .col(string(ResultImport::Kind))
                    .col(text(ResultImport::Preview))
                    .col(text(ResultImport::Rows))
                    .col(timestamp_with_time_zone(ResultImport::CreatedAt))
                    .col(timestamp_with_time_zone_null(ResultImport::StartedAt))
                    .col(timestamp_with_time_zone_null(ResultImport::AppliedAt))
                    .col(integer_null(ResultImport::AppliedAdded))
                    .col(integer_null(ResultImport::AppliedCorrected))
                    .col(integer_null(ResultImport::AppliedRefused))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResultImport::Table, ResultImport::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResultImport::Table, ResultImport::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_result_import_created_at")
                    .table(ResultImport::Table)
                    .col(ResultImport::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ResultImport::Table).to_owned())
            .await
    }
}
