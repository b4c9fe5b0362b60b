//! A lesson a team drew from a case discussion, intervisie or evaluation.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `lesson` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// Where the lesson comes from (casusbespreking, intervisie, …).
    pub source: String,
    pub title: String,
    pub what_happened: String,
    pub what_worked: String,
    pub what_needed: String,
    /// Comma-separated tags.
    pub tags: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
