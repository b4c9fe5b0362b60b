//! An API token: its fingerprint, scope, team and life.
//! Schema: `server/src/migration/m20261201_000016_api_tokens.rs`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "api_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The SHA-256 of the token, which is shown once and never kept.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub name: String,
    /// `shared::api_tokens::TokenScope::code`.
    pub scope: String,
    /// The team it is for; none for the network.
    pub team_id: Option<i32>,
    /// Who created it.
    pub account_id: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
