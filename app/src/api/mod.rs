//! Server functions, one module per page area (as `pages/` and `store/`).
//! Each is thin: take the request's state, check who is asking, call the
//! store, map errors.

pub mod account;
pub mod admin;
pub mod agreements;
pub mod canvases;
pub mod charts;
pub mod compare;
pub mod governance;
pub mod imports;
pub mod knelpunten;
pub mod language;
pub mod lessons;
pub mod news;
pub mod overview;
pub mod redaction;
pub mod results;
pub mod search;
pub mod structure;
pub mod survey;
pub mod team;
pub mod tokens;
pub mod what_works;
pub mod wijk;
#[cfg(feature = "ssr")]
pub mod write;

/// The current month by the server's clock.
#[cfg(feature = "ssr")]
fn this_month() -> shared::Month {
    crate::store::this_month()
}
