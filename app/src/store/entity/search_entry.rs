//! A lesson or agreement in the search index.
//! Schema: `server/src/migration/m20261124_000007_search.rs`;
//! later migrations that name `search_entry` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "search_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// "les" or "afspraak".
    pub kind: String,
    pub record_id: i32,
    pub team_id: i32,
    /// An agreement's theme code; empty for lessons.
    pub theme: String,
    pub doelgroep: String,
    pub wijk_id: i32,
    pub title: String,
    /// Normalized by `shared::search::normalize`.
    pub text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
