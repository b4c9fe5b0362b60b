//! The network's target per measure: what the assurance verdicts test a
//! team's process limits against. Bestuurders set them.

use super::entity::measure_target;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
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

/// Sets (or with `None` removes) the target of each measure in `targets`
/// and returns the targets as they were, for the audit. Call inside a
/// transaction. The rows are read once, not once per measure; a target
/// saved unchanged keeps who set it and when, and is not written (so
/// saves of other targets do not wait on its row).
pub async fn save(
    db: &impl ConnectionTrait,
    targets: &[(Measure, Option<f64>)],
    author: Option<i32>,
    now: DateTime<Utc>,
) -> Result<HashMap<Measure, f64>, DbErr> {
    let existing: HashMap<Measure, measure_target::Model> = measure_target::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| Some((Measure::from_code(&t.measure)?, t)))
        .collect();
    for &(measure, value) in targets {
        match (existing.get(&measure), value) {
            (Some(old), Some(value)) if old.value == value => {}
            (Some(old), None) => {
                measure_target::Entity::delete_by_id(old.id)
                    .exec(db)
                    .await?;
            }
            (Some(old), Some(value)) => {
                measure_target::Entity::update_many()
                    .col_expr(measure_target::Column::Value, Expr::value(value))
                    .col_expr(measure_target::Column::AccountId, Expr::value(author))
                    .col_expr(measure_target::Column::UpdatedAt, Expr::value(now))
                    .filter(measure_target::Column::Id.eq(old.id))
                    .exec(db)
                    .await?;
            }
            // A save under way elsewhere may add the same measure's first
            // target meanwhile: the later commit's value stands, as with
            // an update.
            (None, Some(value)) => {
                measure_target::Entity::insert(measure_target::ActiveModel {
                    measure: Set(measure.code().to_string()),
                    value: Set(value),
                    account_id: Set(author),
                    updated_at: Set(now),
                    ..Default::default()
                })
                .on_conflict(
                    OnConflict::column(measure_target::Column::Measure)
                        .update_columns([
                            measure_target::Column::Value,
                            measure_target::Column::AccountId,
                            measure_target::Column::UpdatedAt,
                        ])
                        .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
            }
            (None, None) => {}
        }
    }
    Ok(existing
        .into_iter()
        .map(|(measure, row)| (measure, row.value))
        .collect())
}
