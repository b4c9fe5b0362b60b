//! A neighbourhood (wijk) of a gemeente, identified by its CBS wijk code.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `wijk` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "wijk")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub gemeente_id: i32,
    #[sea_orm(unique)]
    pub cbs_code: String,
    pub name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
