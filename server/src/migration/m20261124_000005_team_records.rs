//! The rest of a team's own space: lessons' links, reactions, "useful"
//! marks and adoptions; maatwerkcanvassen; knelpunten with their support and
//! answers; and the anonymous survey, kept as per-period sums so that no
//! stored answer points to a member.

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
enum Agreement {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Lesson {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LessonAgreement {
    Table,
    Id,
    LessonId,
    AgreementId,
}

#[derive(DeriveIden)]
enum LessonReaction {
    Table,
    Id,
    LessonId,
    TeamId,
    AccountId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LessonUseful {
    Table,
    Id,
    LessonId,
    TeamId,
    CreatedAt,
}

/// An agreement that a team took over from another team's lesson or
/// agreement: how knowledge travels through the network.
#[derive(DeriveIden)]
enum Adoption {
    Table,
    Id,
    AgreementId,
    TeamId,
    FromTeamId,
    LessonId,
    SourceAgreementId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Canvas {
    Table,
    Id,
    TeamId,
    Title,
    FamilyWants,
    Law,
    LawReason,
    RegularAmountCents,
    RegularMonths,
    TailoredAmountCents,
    TailoredMonths,
    SavingCents,
    Status,
    SystemLesson,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Knelpunt {
    Table,
    Id,
    TeamId,
    Category,
    Title,
    Description,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum KnelpuntSupport {
    Table,
    Id,
    KnelpuntId,
    TeamId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum KnelpuntAnswer {
    Table,
    Id,
    KnelpuntId,
    AccountId,
    Status,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SurveyTally {
    Table,
    Id,
    TeamId,
    Month,
    Respondents,
    GradeSum,
    KnowWhomSum,
    InformationSum,
    VisionSum,
    ToolsSum,
}

#[derive(DeriveIden)]
enum SurveyParticipation {
    Table,
    Id,
    TeamId,
    Month,
    AccountId,
}

fn reference(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
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
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        let tables = [
            Table::create()
                .table(LessonAgreement::Table)
                .col(pk_auto(LessonAgreement::Id))
                .col(integer(LessonAgreement::LessonId))
                .col(integer(LessonAgreement::AgreementId))
                .foreign_key(&mut reference(
                    (LessonAgreement::Table, LessonAgreement::LessonId),
                    (Lesson::Table, Lesson::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (LessonAgreement::Table, LessonAgreement::AgreementId),
                    (Agreement::Table, Agreement::Id),
                    Cascade,
                ))
                .to_owned(),
            Table::create()
                .table(LessonReaction::Table)
                .col(pk_auto(LessonReaction::Id))
                .col(integer(LessonReaction::LessonId))
                .col(integer(LessonReaction::TeamId))
                .col(integer_null(LessonReaction::AccountId))
                .col(text(LessonReaction::Body))
                .col(timestamp_with_time_zone(LessonReaction::CreatedAt))
                .foreign_key(&mut reference(
                    (LessonReaction::Table, LessonReaction::LessonId),
                    (Lesson::Table, Lesson::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (LessonReaction::Table, LessonReaction::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .foreign_key(&mut reference(
                    (LessonReaction::Table, LessonReaction::AccountId),
                    (Account::Table, Account::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(LessonUseful::Table)
                .col(pk_auto(LessonUseful::Id))
                .col(integer(LessonUseful::LessonId))
                .col(integer(LessonUseful::TeamId))
                .col(timestamp_with_time_zone(LessonUseful::CreatedAt))
                .foreign_key(&mut reference(
                    (LessonUseful::Table, LessonUseful::LessonId),
                    (Lesson::Table, Lesson::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (LessonUseful::Table, LessonUseful::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .to_owned(),
            Table::create()
                .table(Adoption::Table)
                .col(pk_auto(Adoption::Id))
                .col(integer(Adoption::AgreementId))
                .col(integer(Adoption::TeamId))
                .col(integer(Adoption::FromTeamId))
                .col(integer_null(Adoption::LessonId))
                .col(integer_null(Adoption::SourceAgreementId))
                .col(timestamp_with_time_zone(Adoption::CreatedAt))
                .foreign_key(&mut reference(
                    (Adoption::Table, Adoption::AgreementId),
                    (Agreement::Table, Agreement::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (Adoption::Table, Adoption::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .foreign_key(&mut reference(
                    (Adoption::Table, Adoption::FromTeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .foreign_key(&mut reference(
                    (Adoption::Table, Adoption::LessonId),
                    (Lesson::Table, Lesson::Id),
                    SetNull,
                ))
                .foreign_key(&mut reference(
                    (Adoption::Table, Adoption::SourceAgreementId),
                    (Agreement::Table, Agreement::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(Canvas::Table)
                .col(pk_auto(Canvas::Id))
                .col(integer(Canvas::TeamId))
                .col(string(Canvas::Title))
                .col(text(Canvas::FamilyWants))
                .col(string(Canvas::Law))
                .col(text(Canvas::LawReason))
                .col(big_integer(Canvas::RegularAmountCents))
                .col(integer_null(Canvas::RegularMonths))
                .col(big_integer(Canvas::TailoredAmountCents))
                .col(integer_null(Canvas::TailoredMonths))
                .col(big_integer(Canvas::SavingCents))
                .col(string(Canvas::Status))
                .col(text(Canvas::SystemLesson))
                .col(timestamp_with_time_zone(Canvas::CreatedAt))
                .col(timestamp_with_time_zone(Canvas::UpdatedAt))
                .foreign_key(&mut reference(
                    (Canvas::Table, Canvas::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .to_owned(),
            Table::create()
                .table(Knelpunt::Table)
                .col(pk_auto(Knelpunt::Id))
                .col(integer(Knelpunt::TeamId))
                .col(string(Knelpunt::Category))
                .col(string(Knelpunt::Title))
                .col(text(Knelpunt::Description))
                .col(string(Knelpunt::Status))
                .col(timestamp_with_time_zone(Knelpunt::CreatedAt))
                .foreign_key(&mut reference(
                    (Knelpunt::Table, Knelpunt::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .to_owned(),
            Table::create()
                .table(KnelpuntSupport::Table)
                .col(pk_auto(KnelpuntSupport::Id))
                .col(integer(KnelpuntSupport::KnelpuntId))
                .col(integer(KnelpuntSupport::TeamId))
                .col(integer_null(KnelpuntSupport::AccountId))
                .col(timestamp_with_time_zone(KnelpuntSupport::CreatedAt))
                .foreign_key(&mut reference(
                    (KnelpuntSupport::Table, KnelpuntSupport::KnelpuntId),
                    (Knelpunt::Table, Knelpunt::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (KnelpuntSupport::Table, KnelpuntSupport::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .foreign_key(&mut reference(
                    (KnelpuntSupport::Table, KnelpuntSupport::AccountId),
                    (Account::Table, Account::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(KnelpuntAnswer::Table)
                .col(pk_auto(KnelpuntAnswer::Id))
                .col(integer(KnelpuntAnswer::KnelpuntId))
                .col(integer_null(KnelpuntAnswer::AccountId))
                .col(string(KnelpuntAnswer::Status))
                .col(text(KnelpuntAnswer::Body))
                .col(timestamp_with_time_zone(KnelpuntAnswer::CreatedAt))
                .foreign_key(&mut reference(
                    (KnelpuntAnswer::Table, KnelpuntAnswer::KnelpuntId),
                    (Knelpunt::Table, Knelpunt::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (KnelpuntAnswer::Table, KnelpuntAnswer::AccountId),
                    (Account::Table, Account::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(SurveyTally::Table)
                .col(pk_auto(SurveyTally::Id))
                .col(integer(SurveyTally::TeamId))
                .col(string_len(SurveyTally::Month, 7))
                .col(integer(SurveyTally::Respondents))
                .col(integer(SurveyTally::GradeSum))
                .col(integer(SurveyTally::KnowWhomSum))
                .col(integer(SurveyTally::InformationSum))
                .col(integer(SurveyTally::VisionSum))
                .col(integer(SurveyTally::ToolsSum))
                .foreign_key(&mut reference(
                    (SurveyTally::Table, SurveyTally::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .to_owned(),
            Table::create()
                .table(SurveyParticipation::Table)
                .col(pk_auto(SurveyParticipation::Id))
                .col(integer(SurveyParticipation::TeamId))
                .col(string_len(SurveyParticipation::Month, 7))
                .col(integer(SurveyParticipation::AccountId))
                .foreign_key(&mut reference(
                    (SurveyParticipation::Table, SurveyParticipation::TeamId),
                    (Team::Table, Team::Id),
                    Restrict,
                ))
                .foreign_key(&mut reference(
                    (SurveyParticipation::Table, SurveyParticipation::AccountId),
                    (Account::Table, Account::Id),
                    Cascade,
                ))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        for statement in [
            index(
                LessonAgreement::Table,
                "idx_lesson_agreement",
                &["lesson_id", "agreement_id"],
                true,
            ),
            index(
                LessonAgreement::Table,
                "idx_lesson_agreement_agreement",
                &["agreement_id"],
                false,
            ),
            index(
                LessonReaction::Table,
                "idx_lesson_reaction_lesson",
                &["lesson_id"],
                false,
            ),
            index(
                LessonUseful::Table,
                "idx_lesson_useful",
                &["lesson_id", "team_id"],
                true,
            ),
            index(
                Adoption::Table,
                "idx_adoption_agreement",
                &["agreement_id"],
                true,
            ),
            index(
                Adoption::Table,
                "idx_adoption_lesson",
                &["lesson_id"],
                false,
            ),
            index(
                Adoption::Table,
                "idx_adoption_source_agreement",
                &["source_agreement_id"],
                false,
            ),
            index(
                Adoption::Table,
                "idx_adoption_from_team",
                &["from_team_id"],
                false,
            ),
            index(Canvas::Table, "idx_canvas_team", &["team_id"], false),
            index(Knelpunt::Table, "idx_knelpunt_team", &["team_id"], false),
            index(Knelpunt::Table, "idx_knelpunt_status", &["status"], false),
            index(
                KnelpuntSupport::Table,
                "idx_knelpunt_support",
                &["knelpunt_id", "team_id"],
                true,
            ),
            index(
                KnelpuntAnswer::Table,
                "idx_knelpunt_answer",
                &["knelpunt_id"],
                false,
            ),
            index(
                SurveyTally::Table,
                "idx_survey_tally",
                &["team_id", "month"],
                true,
            ),
            index(
                SurveyParticipation::Table,
                "idx_survey_participation",
                &["team_id", "month", "account_id"],
                true,
            ),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SurveyParticipation::Table.into_iden(),
            SurveyTally::Table.into_iden(),
            KnelpuntAnswer::Table.into_iden(),
            KnelpuntSupport::Table.into_iden(),
            Knelpunt::Table.into_iden(),
            Canvas::Table.into_iden(),
            Adoption::Table.into_iden(),
            LessonUseful::Table.into_iden(),
            LessonReaction::Table.into_iden(),
            LessonAgreement::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
