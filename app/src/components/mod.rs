//! Building blocks shared by all pages: one way to render a table, a
//! figure, a run chart, a page frame and a failed load.

pub mod data_table;
pub mod form;
pub mod layout;
pub mod load;
pub mod run_chart;
pub mod tiles;
