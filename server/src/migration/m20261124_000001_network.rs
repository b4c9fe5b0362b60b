//! The network and what teams record in it: gemeenten, wijken,
//! organisations, teams, accounts and memberships, agreements, monthly
//! results and lessons.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Gemeente {
    Table,
    Id,
    CbsCode,
    Name,
}

#[derive(DeriveIden)]
enum Wijk {
    Table,
    Id,
    GemeenteId,
    CbsCode,
    Name,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
    Sector,
}

#[derive(DeriveIden)]
enum Team {
    Table,
    Id,
    WijkId,
    Name,
    Doelgroep,
    ContactAccountId,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    DisplayName,
    Role,
    PasswordHash,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Membership {
    Table,
    Id,
    TeamId,
    AccountId,
    OrganisationId,
    Discipline,
    Coordinator,
}

#[derive(DeriveIden)]
enum Agreement {
    Table,
    Id,
    TeamId,
    Theme,
    Title,
    Body,
    Status,
    EffectiveFrom,
    ReviewDate,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutcomePeriod {
    Table,
    Id,
    TeamId,
    Month,
    Started,
    MeanWaitDays,
    Ended,
    WithoutHelp,
    ClientGrade,
    ClientResponses,
    Uitval,
    Doelrealisatie,
}

#[derive(DeriveIden)]
enum Lesson {
    Table,
    Id,
    TeamId,
    Source,
    Title,
    WhatHappened,
    WhatWorked,
    WhatNeeded,
    Tags,
    CreatedAt,
}

fn foreign_key(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

fn index(
    table: impl IntoIden + 'static,
    name: &str,
    columns: &[&str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(Alias::new(*column));
    }
    if unique {
        index.unique();
    }
    index.to_owned()
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Gemeente::Table)
                    .col(pk_auto(Gemeente::Id))
                    .col(string_uniq(Gemeente::CbsCode))
                    .col(string(Gemeente::Name))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Wijk::Table)
                    .col(pk_auto(Wijk::Id))
                    .col(integer(Wijk::GemeenteId))
                    .col(string_uniq(Wijk::CbsCode))
                    .col(string(Wijk::Name))
                    .foreign_key(&mut foreign_key(
                        (Wijk::Table, Wijk::GemeenteId),
                        (Gemeente::Table, Gemeente::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(pk_auto(Organisation::Id))
                    .col(string_uniq(Organisation::Name))
                    .col(string(Organisation::Sector))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(pk_auto(Account::Id))
                    .col(string_uniq(Account::Email))
                    .col(string(Account::DisplayName))
                    .col(string(Account::Role))
                    .col(string_null(Account::PasswordHash))
                    .col(boolean(Account::Active))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Team::Table)
                    .col(pk_auto(Team::Id))
                    .col(integer(Team::WijkId))
                    .col(string(Team::Name))
                    .col(string(Team::Doelgroep))
                    .col(integer_null(Team::ContactAccountId))
                    .foreign_key(&mut foreign_key(
                        (Team::Table, Team::WijkId),
                        (Wijk::Table, Wijk::Id),
                    ))
                    .foreign_key(&mut foreign_key(
                        (Team::Table, Team::ContactAccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Membership::Table)
                    .col(pk_auto(Membership::Id))
                    .col(integer(Membership::TeamId))
                    .col(integer(Membership::AccountId))
                    .col(integer(Membership::OrganisationId))
                    .col(string(Membership::Discipline))
                    .col(boolean(Membership::Coordinator))
                    .foreign_key(&mut foreign_key(
                        (Membership::Table, Membership::TeamId),
                        (Team::Table, Team::Id),
                    ))
                    .foreign_key(&mut foreign_key(
                        (Membership::Table, Membership::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(&mut foreign_key(
                        (Membership::Table, Membership::OrganisationId),
                        (Organisation::Table, Organisation::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Agreement::Table)
                    .col(pk_auto(Agreement::Id))
                    .col(integer(Agreement::TeamId))
                    .col(string(Agreement::Theme))
                    .col(string(Agreement::Title))
                    .col(text(Agreement::Body))
                    .col(string(Agreement::Status))
                    .col(date_null(Agreement::EffectiveFrom))
                    .col(date_null(Agreement::ReviewDate))
                    .col(timestamp_with_time_zone(Agreement::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        (Agreement::Table, Agreement::TeamId),
                        (Team::Table, Team::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutcomePeriod::Table)
                    .col(pk_auto(OutcomePeriod::Id))
                    .col(integer(OutcomePeriod::TeamId))
                    .col(string_len(OutcomePeriod::Month, 7))
                    .col(integer(OutcomePeriod::Started))
                    .col(double_null(OutcomePeriod::MeanWaitDays))
                    .col(integer(OutcomePeriod::Ended))
                    .col(integer(OutcomePeriod::WithoutHelp))
                    .col(double_null(OutcomePeriod::ClientGrade))
                    .col(integer(OutcomePeriod::ClientResponses))
                    .col(integer_null(OutcomePeriod::Uitval))
                    .col(integer_null(OutcomePeriod::Doelrealisatie))
                    .foreign_key(&mut foreign_key(
                        (OutcomePeriod::Table, OutcomePeriod::TeamId),
                        (Team::Table, Team::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Lesson::Table)
                    .col(pk_auto(Lesson::Id))
                    .col(integer(Lesson::TeamId))
                    .col(string(Lesson::Source))
                    .col(string(Lesson::Title))
                    .col(text(Lesson::WhatHappened))
                    .col(text(Lesson::WhatWorked))
                    .col(text(Lesson::WhatNeeded))
                    .col(string(Lesson::Tags))
                    .col(timestamp_with_time_zone(Lesson::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        (Lesson::Table, Lesson::TeamId),
                        (Team::Table, Team::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        for statement in [
            index(Wijk::Table, "idx_wijk_gemeente", &["gemeente_id"], false),
            index(Team::Table, "idx_team_wijk", &["wijk_id"], false),
            index(
                Membership::Table,
                "idx_membership_team_account",
                &["team_id", "account_id"],
                true,
            ),
            index(
                Membership::Table,
                "idx_membership_account",
                &["account_id"],
                false,
            ),
            index(Agreement::Table, "idx_agreement_team", &["team_id"], false),
            index(
                OutcomePeriod::Table,
                "idx_outcome_team_month",
                &["team_id", "month"],
                true,
            ),
            index(Lesson::Table, "idx_lesson_team", &["team_id"], false),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Lesson::Table.into_iden(),
            OutcomePeriod::Table.into_iden(),
            Agreement::Table.into_iden(),
            Membership::Table.into_iden(),
            Team::Table.into_iden(),
            Account::Table.into_iden(),
            Organisation::Table.into_iden(),
            Wijk::Table.into_iden(),
            Gemeente::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
