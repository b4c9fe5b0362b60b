//! What members set on a team's run charts: baselines (a new phase of
//! limits from a month, with its reason) and notes on a month of a
//! measure, optionally linked to a lesson or canvas of the team.

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
enum Lesson {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Canvas {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ChartBaseline {
    Table,
    Id,
    TeamId,
    /// A `Measure` code.
    Measure,
    /// YYYY-MM: the first month of the new phase.
    Month,
    Reason,
    /// Limits fixed on this many months from the baseline, if set.
    FixedAfter,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MonthNote {
    Table,
    Id,
    TeamId,
    Measure,
    Month,
    Body,
    LessonId,
    CanvasId,
    AccountId,
    CreatedAt,
}

fn team_key<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Team::Table, Team::Id)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

fn account_key<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Account::Table, Account::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ChartBaseline::Table)
                    .col(pk_auto(ChartBaseline::Id))
                    .col(integer(ChartBaseline::TeamId))
                    .col(string_len(ChartBaseline::Measure, 32))
                    .col(string_len(ChartBaseline::Month, 7))
                    .col(text(ChartBaseline::Reason))
                    .col(integer_null(ChartBaseline::FixedAfter))
                    .col(integer_null(ChartBaseline::AccountId))
                    .col(timestamp_with_time_zone(ChartBaseline::CreatedAt))
                    .foreign_key(&mut team_key(ChartBaseline::Table, ChartBaseline::TeamId))
                    .foreign_key(&mut account_key(
                        ChartBaseline::Table,
                        ChartBaseline::AccountId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MonthNote::Table)
                    .col(pk_auto(MonthNote::Id))
                    .col(integer(MonthNote::TeamId))
                    .col(string_len(MonthNote::Measure, 32))
                    .col(string_len(MonthNote::Month, 7))
                    .col(text(MonthNote::Body))
                    .col(integer_null(MonthNote::LessonId))
                    .col(integer_null(MonthNote::CanvasId))
                    .col(integer_null(MonthNote::AccountId))
                    .col(timestamp_with_time_zone(MonthNote::CreatedAt))
                    .foreign_key(&mut team_key(MonthNote::Table, MonthNote::TeamId))
                    .foreign_key(&mut account_key(MonthNote::Table, MonthNote::AccountId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MonthNote::Table, MonthNote::LessonId)
                            .to(Lesson::Table, Lesson::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MonthNote::Table, MonthNote::CanvasId)
                            .to(Canvas::Table, Canvas::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_chart_baseline_team")
                    .table(ChartBaseline::Table)
                    .col(ChartBaseline::TeamId)
                    .col(ChartBaseline::Measure)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_month_note_team")
                    .table(MonthNote::Table)
                    .col(MonthNote::TeamId)
                    .col(MonthNote::Measure)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MonthNote::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ChartBaseline::Table).to_owned())
            .await
    }
}
