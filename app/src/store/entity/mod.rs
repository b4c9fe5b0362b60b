//! One sea-orm entity per table; the schema itself is owned by the
//! migrations in `server/src/migration`.

pub mod account;
pub mod agreement;
pub mod gemeente;
pub mod lesson;
pub mod membership;
pub mod organisation;
pub mod outcome_period;
pub mod team;
pub mod wijk;
