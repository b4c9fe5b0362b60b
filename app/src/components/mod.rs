//! Building blocks shared by all pages: one way to render a table, a
//! figure, a run chart, a page frame, a failed load, a long table's pages
//! and a part of a page rendered once; and the islands, the only parts
//! that run in the browser.

pub mod data_table;
pub mod form;
pub mod import_progress;
pub mod kept;
pub mod layout;
pub mod live_saving;
pub mod load;
pub mod pager;
pub mod redaction;
pub mod run_chart;
pub mod tiles;
