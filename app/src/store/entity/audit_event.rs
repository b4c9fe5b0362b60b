//! One entry of the append-only audit log. The code has no update or
//! delete path for it, save one: a redaction (`store::redaction`) replaces
//! a removed passage in its before/after copies.
//! Schema: `server/src/migration/m20261124_000002_security.rs`;
//! later migrations that name `audit_event` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    pub actor_account_id: Option<i32>,
    /// The actor's e-mail, or "anoniem".
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    /// "ok", "geweigerd" or "mislukt".
    pub outcome: String,
    pub client_addr: String,
    /// JSON of the object before the change.
    pub before: Option<String>,
    /// JSON of the object after the change.
    pub after: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
