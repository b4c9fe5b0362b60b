//! A knelpunt a dialogue note discussed.
//! Schema: `server/src/migration/m20261124_000009_governance.rs`;
//! later migrations that name `dialogue_note_knelpunt` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_note_knelpunt")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub note_id: i32,
    pub knelpunt_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
