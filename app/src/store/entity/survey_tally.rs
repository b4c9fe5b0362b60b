//! The sums of a team's survey answers for one month; never single answers.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `survey_tally` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_tally")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub month: String,
    pub respondents: i32,
    pub grade_sum: i32,
    pub know_whom_sum: i32,
    pub information_sum: i32,
    pub vision_sum: i32,
    pub tools_sum: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
