//! The correction history of monthly results: each save of a month adds a
//! version; `outcome_period` holds the current figures.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutcomePeriod {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OutcomeVersion {
    Table,
    Id,
    OutcomePeriodId,
    Version,
    Started,
    MeanWaitDays,
    Ended,
    WithoutHelp,
    ClientGrade,
    ClientResponses,
    Uitval,
    Doelrealisatie,
    AuthorAccountId,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutcomeVersion::Table)
                    .col(pk_auto(OutcomeVersion::Id))
                    .col(integer(OutcomeVersion::OutcomePeriodId))
                    .col(integer(OutcomeVersion::Version))
                    .col(integer(OutcomeVersion::Started))
                    .col(double_null(OutcomeVersion::MeanWaitDays))
                    .col(integer(OutcomeVersion::Ended))
                    .col(integer(OutcomeVersion::WithoutHelp))
                    .col(double_null(OutcomeVersion::ClientGrade))
                    .col(integer(OutcomeVersion::ClientResponses))
                    .col(integer_null(OutcomeVersion::Uitval))
                    .col(integer_null(OutcomeVersion::Doelrealisatie))
                    .col(integer_null(OutcomeVersion::AuthorAccountId))
                    .col(timestamp_with_time_zone_null(OutcomeVersion::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutcomeVersion::Table, OutcomeVersion::OutcomePeriodId)
                            .to(OutcomePeriod::Table, OutcomePeriod::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutcomeVersion::Table, OutcomeVersion::AuthorAccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outcome_version")
                    .table(OutcomeVersion::Table)
                    .col(OutcomeVersion::OutcomePeriodId)
                    .col(OutcomeVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OutcomeVersion::Table).to_owned())
            .await
    }
}
