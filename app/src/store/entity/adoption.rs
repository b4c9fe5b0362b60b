//! An agreement a team took over from another team's lesson or agreement.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `adoption` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "adoption")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub agreement_id: i32,
    pub team_id: i32,
    pub from_team_id: i32,
    pub lesson_id: Option<i32>,
    pub source_agreement_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
