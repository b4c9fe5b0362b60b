//! A baseline on a team's run chart of a measure: limits afresh from a
//! month, for a reason.
//! Schema: `server/src/migration/m20261130_000012_chart_marks.rs`;
//! later migrations that name `chart_baseline` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "chart_baseline")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// `Measure::code`.
    pub measure: String,
    /// YYYY-MM.
    pub month: String,
    pub reason: String,
    pub fixed_after: Option<i32>,
    pub account_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
