//! Accounts: creating them and hashing their passwords (Argon2id with the
//! OWASP minimum of 19 MiB memory and 2 iterations).

use super::entity::account;
use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use shared::network::AccountRole;

/// The password hasher every account uses.
pub fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// An Argon2id PHC string for `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 hashing with valid parameters")
        .to_string()
}

/// What is needed to create an account.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: AccountRole,
    /// `None` leaves the account to be set up later.
    pub password: Option<&'a str>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: NewAccount<'_>,
) -> Result<account::Model, DbErr> {
    account::ActiveModel {
        email: Set(new.email.trim().to_lowercase()),
        display_name: Set(new.display_name.trim().to_string()),
        role: Set(new.role.code().to_string()),
        password_hash: Set(new.password.map(hash_password)),
        active: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}
