//! An agreement a lesson refers to.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `lesson_agreement` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub lesson_id: i32,
    pub agreement_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
