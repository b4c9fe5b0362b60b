//! Failed-login bookkeeping per key, for `shared::throttle`'s rules.

use super::entity::login_throttle;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::throttle::{self, ThrottlePolicy, Verdict};

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn address_key(addr: &str) -> String {
    format!("addr:{addr}")
}

async fn find(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<login_throttle::Model>, DbErr> {
    login_throttle::Entity::find()
        .filter(login_throttle::Column::Key.eq(key))
        .one(db)
        .await
}

/// Whether an attempt under `key` may go ahead now.
pub async fn check(
    db: &impl ConnectionTrait,
    key: &str,
    policy: ThrottlePolicy,
    now: DateTime<Utc>,
) -> Result<Verdict, DbErr> {
    Ok(match find(db, key).await? {
        None => Verdict::Allow,
        Some(row) => throttle::check(
            policy,
            u32::try_from(row.failures).unwrap_or(0),
            Some(row.last_failure_at.timestamp()),
            now.timestamp(),
        ),
    })
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    policy: ThrottlePolicy,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    match find(db, key).await? {
        None => {
            login_throttle::ActiveModel {
                key: Set(key.to_string()),
                failures: Set(1),
                last_failure_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        Some(row) => {
            let failures = throttle::after_failure(
                policy,
                u32::try_from(row.failures).unwrap_or(0),
                Some(row.last_failure_at.timestamp()),
                now.timestamp(),
            );
            login_throttle::ActiveModel {
                id: Set(row.id),
                failures: Set(i32::try_from(failures).unwrap_or(i32::MAX)),
                last_failure_at: Set(now),
                ..Default::default()
            }
            .update(db)
            .await?;
        }
    }
    Ok(())
}

pub async fn reset(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}
