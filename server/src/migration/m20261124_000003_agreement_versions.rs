//! The version history of collaboration agreements: every save of an
//! agreement adds a version; the `agreement` row holds the current one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agreement {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AgreementVersion {
    Table,
    Id,
    AgreementId,
    Version,
    Theme,
    Title,
    Body,
    Status,
    EffectiveFrom,
    ReviewDate,
    AuthorAccountId,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AgreementVersion::Table)
                    .col(pk_auto(AgreementVersion::Id))
                    .col(integer(AgreementVersion::AgreementId))
                    .col(integer(AgreementVersion::Version))
                    .col(string(AgreementVersion::Theme))
                    .col(string(AgreementVersion::Title))
                    .col(text(AgreementVersion::Body))
                    .col(string(AgreementVersion::Status))
                    .col(date_null(AgreementVersion::EffectiveFrom))
                    .col(date_null(AgreementVersion::ReviewDate))
                    .col(integer_null(AgreementVersion::AuthorAccountId))
                    .col(timestamp_with_time_zone(AgreementVersion::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgreementVersion::Table, AgreementVersion::AgreementId)
                            .to(Agreement::Table, Agreement::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgreementVersion::Table, AgreementVersion::AuthorAccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_agreement_version")
                    .table(AgreementVersion::Table)
                    .col(AgreementVersion::AgreementId)
                    .col(AgreementVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AgreementVersion::Table).to_owned())
            .await
    }
}
