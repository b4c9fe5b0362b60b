//! A team's aggregate results for one month; never a client record.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `outcome_period` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_period")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// `shared::Month` as YYYY-MM, so text order is time order.
    pub month: String,
    pub started: i32,
    pub mean_wait_days: Option<f64>,
    pub ended: i32,
    pub without_help: i32,
    pub client_grade: Option<f64>,
    pub client_responses: i32,
    pub uitval: Option<i32>,
    pub doelrealisatie: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
