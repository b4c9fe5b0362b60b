//! A logged-in browser. Only a hash of the cookie's token is stored.
//! Schema: `server/src/migration/m20261124_000002_security.rs`;
//! later migrations that name `session` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub account_id: i32,
    /// The password was right; the TOTP code is still to come.
    pub second_factor_pending: bool,
    pub client_addr: String,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
