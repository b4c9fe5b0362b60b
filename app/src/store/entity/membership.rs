//! An account's place in a team: discipline, organisation, coordinator or not.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `membership` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "membership")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub account_id: i32,
    pub organisation_id: i32,
    pub discipline: String,
    pub coordinator: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
