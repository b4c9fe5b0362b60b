//! One saved version of a team's results for a month.
//! Schema: `server/src/migration/m20261124_000004_outcome_versions.rs`;
//! later migrations that name `outcome_version` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub outcome_period_id: i32,
    pub version: i32,
    pub started: i32,
    pub mean_wait_days: Option<f64>,
    pub ended: i32,
    pub without_help: i32,
    pub client_grade: Option<f64>,
    pub client_responses: i32,
    pub uitval: Option<i32>,
    pub doelrealisatie: Option<i32>,
    /// `None` for figures loaded in bulk (the demo) before any correction.
    pub author_account_id: Option<i32>,
    pub created_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
