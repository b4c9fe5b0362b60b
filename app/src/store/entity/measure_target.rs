//! The network's target for a measure, which the assurance verdicts test.
//! Schema: `server/src/migration/m20261124_000009_governance.rs`;
//! later migrations that name `measure_target` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "measure_target")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `Measure::code`.
    pub measure: String,
    /// Days, a share 0–1 or a grade.
    pub value: f64,
    pub account_id: Option<i32>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
