//! Statistics over teams' monthly series: XmR process control, funnel
//! limits and weighted aggregation. Pure, so that every figure a page shows
//! can be recomputed in a test.

pub mod aggregate;
pub mod association;
pub mod chart;
pub mod comparison;
pub mod funnel;
pub mod xmr;

/// Known-answer data from the reference implementations, for the tests.
#[cfg(test)]
pub(crate) mod reference {
    /// `set.seed(123); rnorm(20)` in R, the data of NHSRplotthedots'
    /// tests/testthat/test-ptd_spc_standard.R.
    pub const RNORM_20: [f64; 20] = [
        -0.56047565,
        -0.23017749,
        1.55870831,
        0.07050839,
        0.12928774,
        1.71506499,
        0.46091621,
        -1.26506123,
        -0.68685285,
        -0.44566197,
        1.22408180,
        0.35981383,
        0.40077145,
        0.11068272,
        -0.55584113,
        1.78691314,
        0.49785048,
        -1.96661716,
        0.70135590,
        -0.47279141,
    ];
}
