//! Accounts: creating them and hashing their passwords (Argon2id with the
//! OWASP minimum of 19 MiB memory and 2 iterations).

use super::entity::account;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::network::AccountRole;
use std::sync::LazyLock;

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

/// Checked when an account has no password, so that a login for an unknown
/// account takes as long as one with a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("no account has this password"));

/// Whether `password` matches `hash`; always does the full work.
pub fn verify_password(hash: Option<&str>, password: &str) -> bool {
    let hash = hash.unwrap_or(DUMMY_HASH.as_str());
    let matches = PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    matches && hash != DUMMY_HASH.as_str()
}

pub async fn find_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find_by_id(id).one(db).await
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find()
        .filter(account::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await
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

/// How long a setup link works.
pub const SETUP_LINK_HOURS: i64 = 72;

/// Every account, by name.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<account::Model>, DbErr> {
    use sea_orm::QueryOrder;
    account::Entity::find()
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await
}

/// A new one-time setup link for `account_id`; earlier unused links stop
/// working. Returns the token for the URL.
pub async fn new_setup_link(
    db: &impl ConnectionTrait,
    account_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, DbErr> {
    use super::entity::setup_link;
    use super::sessions::{hash_token, new_token};
    setup_link::Entity::delete_many()
        .filter(setup_link::Column::AccountId.eq(account_id))
        .filter(setup_link::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = new_token();
    setup_link::ActiveModel {
        account_id: Set(account_id),
        token_hash: Set(hash_token(&token)),
        expires_at: Set(now + chrono::Duration::hours(SETUP_LINK_HOURS)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The account a setup link is for, if the link is unused and unexpired.
pub async fn setup_link_account(
    db: &impl ConnectionTrait,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(i32, account::Model)>, DbErr> {
    use super::entity::setup_link;
    let Some(link) = setup_link::Entity::find()
        .filter(setup_link::Column::TokenHash.eq(super::sessions::hash_token(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if link.used_at.is_some() || link.expires_at <= now {
        return Ok(None);
    }
    Ok(find_by_id(db, link.account_id)
        .await?
        .filter(|a| a.active)
        .map(|a| (link.id, a)))
}

/// Sets the password through a setup link, which is then used up.
pub async fn complete_setup(
    db: &impl ConnectionTrait,
    link_id: i32,
    account_id: i32,
    password: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    use super::entity::setup_link;
    setup_link::ActiveModel {
        id: Set(link_id),
        used_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    account::ActiveModel {
        id: Set(account_id),
        password_hash: Set(Some(hash_password(password))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Keeps `language` as the account's choice; returns the choice it had.
pub async fn choose_language(
    db: &impl ConnectionTrait,
    account_id: i32,
    language: shared::i18n::Language,
) -> Result<Option<String>, DbErr> {
    use sea_orm::EntityTrait;
    let before = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("account".into()))?
        .language;
    account::ActiveModel {
        id: Set(account_id),
        language: Set(Some(language.code().to_string())),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(before)
}

/// Display names by account id, for the given ids (authors, members).
pub async fn display_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<std::collections::HashMap<i32, String>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.display_name))
        .collect())
}
