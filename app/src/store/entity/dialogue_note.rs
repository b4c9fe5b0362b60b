//! A bestuurderstafel meeting: when, who was there, what was concluded.
//! Schema: `server/src/migration/m20261124_000009_governance.rs`;
//! later migrations that name `dialogue_note` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dialogue_note")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// None: a meeting about the whole network.
    pub gemeente_id: Option<i32>,
    pub held_on: Date,
    pub attendees: String,
    pub conclusions: String,
    pub account_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
