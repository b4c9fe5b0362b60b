//! How long what Wijkwijs records about use is kept. Expired sessions (with
//! the address they came from) and stale login throttles serve nothing and
//! go as soon as they are dead; the audit log is kept for years, as NEN
//! 7513 expects of a log of access to care information, and then removed —
//! the removal itself an audit entry. Times are Unix seconds.

use crate::session::{ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS};
use crate::throttle::ThrottlePolicy;

/// The audit log's default retention: five years.
pub const DEFAULT_AUDIT_RETENTION_DAYS: u32 = 5 * 365 + 1;

/// What a clean-up at `now` removes: everything older than these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    /// Sessions last used before this are dead (idle too long)…
    pub session_last_seen: i64,
    /// …as are sessions created before this (too old).
    pub session_created: i64,
    /// Throttles whose last failure is before this count nothing any more.
    pub throttle_last_failure: i64,
    /// Imports of results made before this are done or lapsed.
    pub import_created: i64,
    /// Audit entries before this are past their retention; `None` keeps all.
    pub audit: Option<i64>,
}

/// The cut-offs at `now` for an audit retention of `audit_days` (0: kept
/// for ever).
pub fn cutoffs(now: i64, audit_days: u32) -> Cutoffs {
    let throttle_memory = [ThrottlePolicy::PER_ACCOUNT, ThrottlePolicy::PER_ADDRESS]
        .iter()
        .map(|p| p.window_seconds.max(p.lock_seconds))
        .max()
        .unwrap_or(0);
    Cutoffs {
        session_last_seen: now - IDLE_TIMEOUT_SECONDS,
        session_created: now - ABSOLUTE_LIFETIME_SECONDS,
        throttle_last_failure: now - throttle_memory,
        import_created: now - crate::import::KEPT_SECONDS,
        audit: (audit_days > 0).then(|| now - i64::from(audit_days) * 24 * 60 * 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::is_alive;
    use crate::throttle::{check, Verdict};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn only_dead_sessions_are_removed(created in 0i64..100_000, idle in 0i64..100_000, now in 100_000i64..200_000) {
            let last_seen = (created + idle).min(now);
            let c = cutoffs(now, 0);
            let removed = last_seen < c.session_last_seen || created < c.session_created;
            let alive = is_alive(created, last_seen, now);
            // A removed session is dead; a dead one goes, unless it died
            // this very second (then at the next clean-up).
            prop_assert!(!(removed && alive));
            let at_the_edge = now - last_seen == IDLE_TIMEOUT_SECONDS
                || now - created == ABSOLUTE_LIFETIME_SECONDS;
            prop_assert!(alive || removed || at_the_edge);
        }

        #[test]
        fn a_removed_throttle_would_allow_anyway(failures in 0u32..100, age in 0i64..10_000) {
            let now = 1_000_000;
            let last = now - age;
            if last < cutoffs(now, 0).throttle_last_failure {
                for policy in [ThrottlePolicy::PER_ACCOUNT, ThrottlePolicy::PER_ADDRESS] {
                    prop_assert_eq!(check(policy, failures, Some(last), now), Verdict::Allow);
                }
            }
        }
    }

    #[test]
    fn the_audit_log_is_kept_for_its_days_or_for_ever() {
        let day = 24 * 60 * 60;
        assert_eq!(cutoffs(100 * day, 30).audit, Some(70 * day));
        assert_eq!(cutoffs(100 * day, 0).audit, None);
        assert_eq!(DEFAULT_AUDIT_RETENTION_DAYS, 1826);
    }
}
