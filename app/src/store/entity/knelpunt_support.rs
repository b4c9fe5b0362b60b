//! Another team supports a knelpunt.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `knelpunt_support` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "knelpunt_support")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub knelpunt_id: i32,
    pub team_id: i32,
    pub account_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
