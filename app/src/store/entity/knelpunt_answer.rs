//! A bestuurder's answer to a knelpunt, with the status it set.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `knelpunt_answer` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "knelpunt_answer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub knelpunt_id: i32,
    pub account_id: Option<i32>,
    pub status: String,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
