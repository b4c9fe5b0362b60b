//! The bestuurderstafel: the network's target per measure (for the
//! assurance verdicts), and dialogue notes — a dated record of a meeting
//! with the knelpunten and lessons it discussed and its follow-up actions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Gemeente {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Knelpunt {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Lesson {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MeasureTarget {
    Table,
    Id,
    /// `Measure::code`.
    Measure,
    Value,
    AccountId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DialogueNote {
    Table,
    Id,
    /// None: a meeting about the whole network.
    GemeenteId,
    HeldOn,
    Attendees,
    Conclusions,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DialogueNoteKnelpunt {
    Table,
    Id,
    NoteId,
    KnelpuntId,
}

#[derive(DeriveIden)]
enum DialogueNoteLesson {
    Table,
    Id,
    NoteId,
    LessonId,
}

#[derive(DeriveIden)]
enum DialogueAction {
    Table,
    Id,
    NoteId,
    Position,
    Description,
    Owner,
    DueOn,
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

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};
        let tables = [
            Table::create()
                .table(MeasureTarget::Table)
                .col(pk_auto(MeasureTarget::Id))
                .col(string_len_uniq(MeasureTarget::Measure, 32))
                .col(double(MeasureTarget::Value))
                .col(integer_null(MeasureTarget::AccountId))
                .col(timestamp_with_time_zone(MeasureTarget::UpdatedAt))
                .foreign_key(&mut reference(
                    (MeasureTarget::Table, MeasureTarget::AccountId),
                    (Account::Table, Account::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(DialogueNote::Table)
                .col(pk_auto(DialogueNote::Id))
                .col(integer_null(DialogueNote::GemeenteId))
                .col(date(DialogueNote::HeldOn))
                .col(text(DialogueNote::Attendees))
                .col(text(DialogueNote::Conclusions))
                .col(integer_null(DialogueNote::AccountId))
                .col(timestamp_with_time_zone(DialogueNote::CreatedAt))
                .foreign_key(&mut reference(
                    (DialogueNote::Table, DialogueNote::GemeenteId),
                    (Gemeente::Table, Gemeente::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (DialogueNote::Table, DialogueNote::AccountId),
                    (Account::Table, Account::Id),
                    SetNull,
                ))
                .to_owned(),
            Table::create()
                .table(DialogueNoteKnelpunt::Table)
                .col(pk_auto(DialogueNoteKnelpunt::Id))
                .col(integer(DialogueNoteKnelpunt::NoteId))
                .col(integer(DialogueNoteKnelpunt::KnelpuntId))
                .foreign_key(&mut reference(
                    (DialogueNoteKnelpunt::Table, DialogueNoteKnelpunt::NoteId),
                    (DialogueNote::Table, DialogueNote::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (
                        DialogueNoteKnelpunt::Table,
                        DialogueNoteKnelpunt::KnelpuntId,
                    ),
                    (Knelpunt::Table, Knelpunt::Id),
                    Cascade,
                ))
                .to_owned(),
            Table::create()
                .table(DialogueNoteLesson::Table)
                .col(pk_auto(DialogueNoteLesson::Id))
                .col(integer(DialogueNoteLesson::NoteId))
                .col(integer(DialogueNoteLesson::LessonId))
                .foreign_key(&mut reference(
                    (DialogueNoteLesson::Table, DialogueNoteLesson::NoteId),
                    (DialogueNote::Table, DialogueNote::Id),
                    Cascade,
                ))
                .foreign_key(&mut reference(
                    (DialogueNoteLesson::Table, DialogueNoteLesson::LessonId),
                    (Lesson::Table, Lesson::Id),
                    Cascade,
                ))
                .to_owned(),
            Table::create()
                .table(DialogueAction::Table)
                .col(pk_auto(DialogueAction::Id))
                .col(integer(DialogueAction::NoteId))
                .col(integer(DialogueAction::Position))
                .col(text(DialogueAction::Description))
                .col(string(DialogueAction::Owner))
                .col(date(DialogueAction::DueOn))
                .foreign_key(&mut reference(
                    (DialogueAction::Table, DialogueAction::NoteId),
                    (DialogueNote::Table, DialogueNote::Id),
                    Cascade,
                ))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }
        let indexes = [
            (
                "idx_dialogue_note_knelpunt",
                DialogueNoteKnelpunt::Table.into_iden(),
                vec![DialogueNoteKnelpunt::KnelpuntId.into_iden()],
            ),
            (
                "idx_dialogue_note_knelpunt_note",
                DialogueNoteKnelpunt::Table.into_iden(),
                vec![DialogueNoteKnelpunt::NoteId.into_iden()],
            ),
            (
                "idx_dialogue_note_lesson",
                DialogueNoteLesson::Table.into_iden(),
                vec![DialogueNoteLesson::LessonId.into_iden()],
            ),
            (
                "idx_dialogue_note_lesson_note",
                DialogueNoteLesson::Table.into_iden(),
                vec![DialogueNoteLesson::NoteId.into_iden()],
            ),
            (
                "idx_dialogue_action_note",
                DialogueAction::Table.into_iden(),
                vec![DialogueAction::NoteId.into_iden()],
            ),
            (
                "idx_dialogue_note_gemeente",
                DialogueNote::Table.into_iden(),
                vec![
                    DialogueNote::GemeenteId.into_iden(),
                    DialogueNote::HeldOn.into_iden(),
                ],
            ),
        ];
        for (name, table, columns) in indexes {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DialogueAction::Table.into_iden(),
            DialogueNoteLesson::Table.into_iden(),
            DialogueNoteKnelpunt::Table.into_iden(),
            DialogueNote::Table.into_iden(),
            MeasureTarget::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
