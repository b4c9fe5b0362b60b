//! Domain types and rules of Wijkwijs, free of I/O so they build for the
//! server and for the browser alike: the network's vocabulary, the figures a
//! team records, the privacy rules that decide what may be shown, Dutch
//! formatting, and the one translation catalogue.

pub mod api_tokens;
pub mod canvas;
pub mod chart_marks;
pub mod clock;
pub mod disclosure;
pub mod dto;
pub mod export;
pub mod format;
pub mod governance;
pub mod i18n;
pub mod import;
pub mod knelpunten;
pub mod lessons;
pub mod month;
pub mod network;
pub mod news;
pub mod paging;
pub mod permissions;
pub mod personal_data;
pub mod proxy;
pub mod results;
pub mod retention;
pub mod search;
pub mod session;
pub mod stats;
pub mod suppression;
pub mod survey;
pub mod throttle;
pub mod totp;
pub mod validation;

pub use month::Month;
