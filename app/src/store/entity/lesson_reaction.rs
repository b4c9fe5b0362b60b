//! A reaction to a lesson, by a member on behalf of one of their teams.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `lesson_reaction` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_reaction")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub lesson_id: i32,
    pub team_id: i32,
    pub account_id: Option<i32>,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
