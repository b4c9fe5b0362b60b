//! The database schema, as ordered migrations that run unchanged on SQLite
//! and PostgreSQL. A released migration is never edited; change the schema
//! with a new one. Each table's sea-orm entity is
//! `app/src/store/entity/{table}.rs`, which names the migration that
//! creates it.

use sea_orm_migration::prelude::*;

mod m20261124_000001_network;
mod m20261124_000002_security;
mod m20261124_000003_agreement_versions;
mod m20261124_000004_outcome_versions;
mod m20261124_000005_team_records;
mod m20261124_000006_team_messages;
mod m20261124_000007_search;
mod m20261124_000008_scale;
mod m20261124_000009_governance;
mod m20261124_000010_audit_changes;
mod m20261124_000011_change_clock;
mod m20261130_000012_chart_marks;
mod m20261201_000013_team_visits;
mod m20261201_000014_account_language;
mod m20261201_000015_result_imports;
mod m20261201_000016_api_tokens;
pub mod m20261201_000017_scoped_clock;
mod m20261202_000018_team_clock_stamp;

pub struct Migrator;

#[sea_orm_migration::async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_network::Migration),
            Box::new(m20261124_000002_security::Migration),
            Box::new(m20261124_000003_agreement_versions::Migration),
            Box::new(m20261124_000004_outcome_versions::Migration),
            Box::new(m20261124_000005_team_records::Migration),
            Box::new(m20261124_000006_team_messages::Migration),
            Box::new(m20261124_000007_search::Migration),
            Box::new(m20261124_000008_scale::Migration),
            Box::new(m20261124_000009_governance::Migration),
            Box::new(m20261124_000010_audit_changes::Migration),
            Box::new(m20261124_000011_change_clock::Migration),
            Box::new(m20261130_000012_chart_marks::Migration),
            Box::new(m20261201_000013_team_visits::Migration),
            Box::new(m20261201_000014_account_language::Migration),
            Box::new(m20261201_000015_result_imports::Migration),
            Box::new(m20261201_000016_api_tokens::Migration),
            Box::new(m20261201_000017_scoped_clock::Migration),
            Box::new(m20261202_000018_team_clock_stamp::Migration),
        ]
    }
}
