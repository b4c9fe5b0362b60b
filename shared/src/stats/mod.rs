//! Statistics over teams' monthly series: XmR process control, funnel
//! limits and weighted aggregation. Pure, so that every figure a page shows
//! can be recomputed in a test.

pub mod aggregate;
pub mod association;
pub mod chart;
pub mod comparison;
pub mod funnel;
pub mod xmr;
