//! The Wijkwijs server: configuration, database, HTTP and operator tasks.
//! A library so integration tests drive the same code as the binary.

pub mod backup;
pub mod charts;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod migration;
pub mod operator;
pub mod telemetry;
pub mod upkeep;
