//! A collaboration agreement of a team.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `agreement` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    /// A `shared::network::AgreementTheme` code.
    pub theme: String,
    pub title: String,
    pub body: String,
    /// A `shared::network::AgreementStatus` code.
    pub status: String,
    pub effective_from: Option<Date>,
    pub review_date: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
