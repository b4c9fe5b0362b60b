//! The network's target per measure: what the assurance verdicts test a
//! team's process limits against. Bestuurders set them.

use super::entity::measure_target;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::network::Measure;
use std::collections::HashMap;

pub async fn all(db: &impl ConnectionTrait) -> Result<HashMap<Measure, f64>, DbErr> {
    Ok(measure_target::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| Some((Measure::from_code(&t.measure)?, t.value)))
        .collect())
}

/// Sets (or with `None` removes) the target of `measure`. Call inside a
/// transaction.
pub async fn set(
    db: &impl ConnectionTrait,
    measure: Measure,
    value: Option<f64>,
    author: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing = measure_target::Entity::find()
        .filter(measure_target::Column::Measure.eq(measure.code()))
        .one(db)
        .await?;
    match (existing, value) {
        (Some(old), None) => {
            measure_target::Entity::delete_by_id(old.id)
                .exec(db)
                .await?;
        }
        (Some(old), Some(value)) => {
            measure_target::ActiveModel {
                id: Set(old.id),
                value: Set(value),
                account_id: Set(author),
                updated_at: Set(now),
                ..Default::default()
            }
            .update(db)
            .await?;
        }
        (None, Some(value)) => {
            measure_target::ActiveModel {
                measure: Set(measure.code().to_string()),
                value: Set(value),
                account_id: Set(author),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        (None, None) => {}
    }
    Ok(())
}
