//! A team's factual note on a month of a measure.
//! Schema: `server/src/migration/m20261130_000012_chart_marks.rs`;
//! later migrations that name `month_note` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "month_note")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// `Measure::code`.
    pub measure: String,
    /// YYYY-MM.
    pub month: String,
    pub body: String,
    pub lesson_id: Option<i32>,
    pub canvas_id: Option<i32>,
    pub account_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
