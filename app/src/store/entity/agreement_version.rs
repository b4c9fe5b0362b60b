//! One saved version of a collaboration agreement.
//! Schema: `server/src/migration/m20261124_000003_agreement_versions.rs`;
//! later migrations that name `agreement_version` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub agreement_id: i32,
    /// 1 for the first save, then 2, 3, …
    pub version: i32,
    pub theme: String,
    pub title: String,
    pub body: String,
    pub status: String,
    pub effective_from: Option<Date>,
    pub review_date: Option<Date>,
    pub author_account_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
