//! A message from one team to another (a question or its answer).
//! Schema: `server/src/migration/m20261124_000006_team_messages.rs`;
//! later migrations that name `team_message` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "team_message")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The team it is sent to.
    pub team_id: i32,
    pub from_team_id: i32,
    pub account_id: Option<i32>,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
