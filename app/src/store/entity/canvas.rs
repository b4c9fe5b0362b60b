//! A maatwerkcanvas: a tailored solution on the value triangle.
//! Schema: `server/src/migration/m20261124_000005_team_records.rs`;
//! later migrations that name `canvas` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "canvas")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub title: String,
    pub family_wants: String,
    pub law: String,
    pub law_reason: String,
    pub regular_amount_cents: i64,
    pub regular_months: Option<i32>,
    pub tailored_amount_cents: i64,
    pub tailored_months: Option<i32>,
    pub saving_cents: i64,
    pub status: String,
    pub system_lesson: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
