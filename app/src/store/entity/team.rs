//! A virtual team in a wijk, organised around one doelgroep.
//! Schema: `server/src/migration/m20261124_000001_network.rs`;
//! later migrations that name `team` change it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "team")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub wijk_id: i32,
    pub name: String,
    /// A `shared::network::Doelgroep` code.
    pub doelgroep: String,
    /// The account others contact with questions about the team.
    pub contact_account_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
