//! A follow-up action of a dialogue note, with its owner and due date.
//! Schema: `server/src/migration/m20261124_000009_governance.rs`;
//! later migrations that name `dialogue_action` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub note_id: i32,
    /// Order within the note, from 0.
    pub position: i32,
    pub description: String,
    pub owner: String,
    pub due_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
