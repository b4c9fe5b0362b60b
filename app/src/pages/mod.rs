//! One module per screen.

pub mod accessibility;
pub mod account;
pub mod admin;
pub mod agreement;
pub mod audit;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod results;
pub mod second_factor;
pub mod setup;
pub mod structure;
pub mod team;
