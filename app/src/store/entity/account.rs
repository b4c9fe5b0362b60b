//! A person who can log in. The password hash never leaves the server.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `account` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// A `shared::network::AccountRole` code.
    pub role: String,
    /// Argon2id PHC string; `None` until the account is set up.
    pub password_hash: Option<String>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    /// Base32 TOTP secret; set when enrolment starts.
    pub totp_secret: Option<String>,
    /// Whether login asks for a TOTP code.
    pub totp_enabled: bool,
    /// The time step of the last accepted code: each code works once.
    pub totp_last_step: Option<i64>,
    /// Recovery codes shown during enrolment, one per line; hashed into
    /// `recovery_code` and cleared when enrolment is confirmed.
    pub pending_recovery_codes: Option<String>,
    /// The `shared::i18n::Language` code chosen with the header's switch;
    /// `None` follows the browser's `Accept-Language`.
    pub language: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
