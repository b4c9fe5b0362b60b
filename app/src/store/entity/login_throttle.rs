//! Failed logins per account or per client address.
//! Schema: `server/src/migration/m20261124_000002_security.rs`;
//! later migrations that name `login_throttle` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "login_throttle")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// "account:<e-mail>" or "addr:<address>".
    #[sea_orm(unique)]
    pub key: String,
    pub failures: i32,
    pub last_failure_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
