//! One sea-orm entity per table; the schema itself is owned by the
//! migrations in `server/src/migration`.

pub mod account;
pub mod agreement;
pub mod agreement_version;
pub mod audit_event;
pub mod gemeente;
pub mod lesson;
pub mod login_throttle;
pub mod membership;
pub mod organisation;
pub mod outcome_period;
pub mod outcome_version;
pub mod recovery_code;
pub mod session;
pub mod setup_link;
pub mod team;
pub mod wijk;
