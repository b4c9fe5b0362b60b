//! Server functions, one module per domain area. Each is thin: take the
//! request's state, check who is asking, call the store, map errors.

pub mod account;
pub mod admin;
pub mod agreements;
pub mod network;
pub mod results;
pub mod structure;
pub mod team;
