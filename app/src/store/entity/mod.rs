//! One sea-orm entity per table; the schema itself is owned by the
//! migrations in `server/src/migration`.

pub mod account;
pub mod adoption;
pub mod agreement;
pub mod agreement_version;
pub mod audit_event;
pub mod canvas;
pub mod chart_baseline;
pub mod dialogue_action;
pub mod dialogue_note;
pub mod dialogue_note_knelpunt;
pub mod dialogue_note_lesson;
pub mod gemeente;
pub mod knelpunt;
pub mod knelpunt_answer;
pub mod knelpunt_support;
pub mod lesson;
pub mod lesson_agreement;
pub mod lesson_reaction;
pub mod lesson_useful;
pub mod login_throttle;
pub mod measure_target;
pub mod membership;
pub mod month_note;
pub mod organisation;
pub mod outcome_period;
pub mod outcome_version;
pub mod recovery_code;
pub mod search_entry;
pub mod session;
pub mod setup_link;
pub mod survey_participation;
pub mod survey_tally;
pub mod team;
pub mod team_message;
pub mod wijk;
