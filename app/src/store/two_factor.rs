//! Two-factor login: enrolling an authenticator app (secret plus recovery
//! codes, confirmed with a first code) and checking the second factor at
//! login, where each TOTP code and each recovery code works once.

use super::entity::{account, recovery_code};
use super::sessions::{hash_token, new_token};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::totp;

pub const RECOVERY_CODES: usize = 10;

/// An enrolment waiting for its first code.
pub struct PendingEnrolment {
    pub secret_base32: String,
    pub recovery_codes: Vec<String>,
}

/// Starts (or restarts) enrolment with a new secret and recovery codes.
pub async fn start(db: &impl ConnectionTrait, account_id: i32) -> Result<(), DbErr> {
    let mut secret = [0u8; 20];
    OsRng.fill_bytes(&mut secret);
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let code = &new_token()[..10];
            format!("{}-{}", &code[..5], &code[5..])
        })
        .collect();
    account::ActiveModel {
        id: Set(account_id),
        totp_secret: Set(Some(totp::base32_encode(&secret))),
        totp_enabled: Set(false),
        totp_last_step: Set(None),
        pending_recovery_codes: Set(Some(codes.join("\n"))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub fn pending(account: &account::Model) -> Option<PendingEnrolment> {
    if account.totp_enabled {
        return None;
    }
    Some(PendingEnrolment {
        secret_base32: account.totp_secret.clone()?,
        recovery_codes: account
            .pending_recovery_codes
            .as_deref()?
            .lines()
            .map(str::to_string)
            .collect(),
    })
}

/// Turns two-factor login on if `code` matches the pending secret.
pub async fn confirm(
    db: &impl ConnectionTrait,
    account: &account::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let Some(enrolment) = pending(account) else {
        return Ok(false);
    };
    let Some(secret) = totp::base32_decode(&enrolment.secret_base32) else {
        return Ok(false);
    };
    let Some(step) = totp::verify(&secret, code, now.timestamp(), None) else {
        return Ok(false);
    };
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .exec(db)
        .await?;
    for code in &enrolment.recovery_codes {
        recovery_code::ActiveModel {
            account_id: Set(account.id),
            code_hash: Set(hash_token(code)),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    account::ActiveModel {
        id: Set(account.id),
        totp_enabled: Set(true),
        totp_last_step: Set(Some(step)),
        pending_recovery_codes: Set(None),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(true)
}

/// Checks a login's second factor: a TOTP code or an unused recovery code.
pub async fn verify_login(
    db: &impl ConnectionTrait,
    account: &account::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    if !account.totp_enabled {
        return Ok(false);
    }
    let secret = account.totp_secret.as_deref().and_then(totp::base32_decode);
    if let Some(step) =
        secret.and_then(|s| totp::verify(&s, code, now.timestamp(), account.totp_last_step))
    {
        account::ActiveModel {
            id: Set(account.id),
            totp_last_step: Set(Some(step)),
            ..Default::default()
        }
        .update(db)
        .await?;
        return Ok(true);
    }
    let unused = recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .filter(recovery_code::Column::CodeHash.eq(hash_token(code.trim())))
        .filter(recovery_code::Column::UsedAt.is_null())
        .one(db)
        .await?;
    match unused {
        Some(found) => {
            recovery_code::ActiveModel {
                id: Set(found.id),
                used_at: Set(Some(now)),
                ..Default::default()
            }
            .update(db)
            .await?;
            Ok(true)
        }
        None => Ok(false),
    }
}
