//! Messages between two teams ("in de keuken kijken"): a team asks another
//! a question and the other answers; both teams read the thread.

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
enum TeamMessage {
    Table,
    Id,
    /// The team the message is sent to.
    TeamId,
    FromTeamId,
    AccountId,
    Body,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TeamMessage::Table)
                    .col(pk_auto(TeamMessage::Id))
                    .col(integer(TeamMessage::TeamId))
                    .col(integer(TeamMessage::FromTeamId))
                    .col(integer_null(TeamMessage::AccountId))
                    .col(text(TeamMessage::Body))
                    .col(timestamp_with_time_zone(TeamMessage::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TeamMessage::Table, TeamMessage::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TeamMessage::Table, TeamMessage::FromTeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TeamMessage::Table, TeamMessage::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_team_message_team", TeamMessage::TeamId),
            ("idx_team_message_from_team", TeamMessage::FromTeamId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(TeamMessage::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TeamMessage::Table).to_owned())
            .await
    }
}
