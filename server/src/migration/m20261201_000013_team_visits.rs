//! When a member last marked their team's news as seen: what happened in
//! the team's space after that is "new" for them (`store::news`).

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
enum TeamVisit {
    Table,
    Id,
    AccountId,
    TeamId,
    SeenAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TeamVisit::Table)
                    .col(pk_auto(TeamVisit::Id))
                    .col(integer(TeamVisit::AccountId))
                    .col(integer(TeamVisit::TeamId))
                    .col(timestamp_with_time_zone(TeamVisit::SeenAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TeamVisit::Table, TeamVisit::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TeamVisit::Table, TeamVisit::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_team_visit_account_team")
                    .table(TeamVisit::Table)
                    .col(TeamVisit::AccountId)
                    .col(TeamVisit::TeamId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TeamVisit::Table).to_owned())
            .await
    }
}
