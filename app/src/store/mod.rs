//! Data access on the server: sea-orm entities and the queries behind the
//! server functions. Queries return the DTOs of `shared::dto`, already
//! suppressed for the viewer; the SQL they produce runs unchanged on SQLite
//! and PostgreSQL.

pub mod accounts;
pub mod adoptions;
pub mod agreements;
pub mod api_tokens;
pub mod audit;
pub mod canvases;
pub mod change_clock;
pub mod chart_marks;
pub mod compare;
pub mod dialogue;
pub mod entity;
pub mod governance;
pub mod imports;
pub mod insight_cache;
pub mod knelpunten;
pub mod lessons;
pub mod messages;
pub mod network;
pub mod news;
pub mod redaction;
pub mod results;
pub mod retention;
pub mod rows;
pub mod search;
pub mod series;
pub mod sessions;
pub mod structure;
pub mod survey;
pub mod targets;
pub mod teams;
pub mod throttle;
pub mod two_factor;
pub mod what_works;
pub mod wijken;

/// The current month by the server's clock.
pub fn this_month() -> shared::Month {
    shared::clock::month_of(chrono::Utc::now())
}
