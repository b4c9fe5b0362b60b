//! An import of monthly results awaiting (or past) its confirmation.
//! Schema: `server/src/migration/m20261201_000015_result_imports.rs`;
//! later migrations that name `result_import` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "result_import")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The SHA-256 of the token in the preview's address.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub account_id: i32,
    /// The team imported for; none for a beheerder's import of many teams.
    pub team_id: Option<i32>,
    /// "csv", "xlsx" or "berichten" (iJw/iWmo messages).
    pub kind: String,
    /// `shared::import::results::Preview` as JSON.
    #[sea_orm(column_type = "Text")]
    pub preview: String,
    /// The accepted rows, `shared::import::results::Kept` as JSON.
    #[sea_orm(column_type = "Text")]
    pub rows: String,
    pub created_at: DateTimeUtc,
    /// When the confirmed import began (it runs in the background).
    pub started_at: Option<DateTimeUtc>,
    pub applied_at: Option<DateTimeUtc>,
    pub applied_added: Option<i32>,
    pub applied_corrected: Option<i32>,
    pub applied_refused: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
