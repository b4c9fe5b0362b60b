//! The search index: one row per lesson and agreement with its normalized
//! text and what it can be filtered by (theme, doelgroep, wijk), kept up to
//! date on every save. Rows for records that exist already are added here.

use sea_orm::{ConnectionTrait, Statement};
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
enum SearchEntry {
    Table,
    Id,
    /// "les" or "afspraak".
    Kind,
    RecordId,
    TeamId,
    /// An agreement's theme; empty for lessons.
    Theme,
    Doelgroep,
    WijkId,
    Title,
    Text,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SearchEntry::Table)
                    .col(pk_auto(SearchEntry::Id))
                    .col(string_len(SearchEntry::Kind, 16))
                    .col(integer(SearchEntry::RecordId))
                    .col(integer(SearchEntry::TeamId))
                    .col(string(SearchEntry::Theme))
                    .col(string(SearchEntry::Doelgroep))
                    .col(integer(SearchEntry::WijkId))
                    .col(string(SearchEntry::Title))
                    .col(text(SearchEntry::Text))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SearchEntry::Table, SearchEntry::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns, unique) in [
            (
                "idx_search_record",
                vec![SearchEntry::Kind, SearchEntry::RecordId],
                true,
            ),
            ("idx_search_theme", vec![SearchEntry::Theme], false),
            ("idx_search_doelgroep", vec![SearchEntry::Doelgroep], false),
            ("idx_search_wijk", vec![SearchEntry::WijkId], false),
        ] {
            let mut index = Index::create();
            index.name(name).table(SearchEntry::Table);
            for column in columns {
                index.col(column);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }

        // Index what is there already.
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let rows = db
            .query_all(Statement::from_string(
                backend,
                "SELECT 'les' AS kind, l.id, l.team_id, '' AS theme, t.doelgroep, t.wijk_id, l.title, \
                 l.title || ' ' || l.what_happened || ' ' || l.what_worked || ' ' || l.what_needed || ' ' || l.tags AS body \
                 FROM lesson l JOIN team t ON t.id = l.team_id \
                 UNION ALL \
                 SELECT 'afspraak', a.id, a.team_id, a.theme, t.doelgroep, t.wijk_id, a.title, a.title || ' ' || a.body \
                 FROM agreement a JOIN team t ON t.id = a.team_id",
            ))
            .await?;
        for row in rows {
            let kind: String = row.try_get_by_index(0)?;
            let id: i32 = row.try_get_by_index(1)?;
            let team_id: i32 = row.try_get_by_index(2)?;
            let theme: String = row.try_get_by_index(3)?;
            let doelgroep: String = row.try_get_by_index(4)?;
            let wijk_id: i32 = row.try_get_by_index(5)?;
            let title: String = row.try_get_by_index(6)?;
            let body: String = row.try_get_by_index(7)?;
            let insert = Query::insert()
                .into_table(SearchEntry::Table)
                .columns([
                    SearchEntry::Kind,
                    SearchEntry::RecordId,
                    SearchEntry::TeamId,
                    SearchEntry::Theme,
                    SearchEntry::Doelgroep,
                    SearchEntry::WijkId,
                    SearchEntry::Title,
                    SearchEntry::Text,
                ])
                .values_panic([
                    kind.into(),
                    id.into(),
                    team_id.into(),
                    theme.into(),
                    doelgroep.into(),
                    wijk_id.into(),
                    title.into(),
                    shared::search::normalize(&body).into(),
                ])
                .to_owned();
            manager.exec_stmt(insert).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SearchEntry::Table).to_owned())
            .await
    }
}
