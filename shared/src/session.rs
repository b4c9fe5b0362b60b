//! How long a login lasts: it ends after a spell of inactivity and, however
//! active, after a fixed lifetime. Times are Unix seconds.

/// Logged out after this long without a request.
pub const IDLE_TIMEOUT_SECONDS: i64 = 30 * 60;
/// Logged out this long after logging in, however active.
pub const ABSOLUTE_LIFETIME_SECONDS: i64 = 12 * 60 * 60;
/// `last_seen` is written at most this often, to spare the database.
pub const TOUCH_INTERVAL_SECONDS: i64 = 60;

/// Whether a session created at `created` and last used at `last_seen` is
/// still valid at `now`.
pub fn is_alive(created: i64, last_seen: i64, now: i64) -> bool {
    now - last_seen < IDLE_TIMEOUT_SECONDS && now - created < ABSOLUTE_LIFETIME_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn idle_and_absolute_limits() {
        assert!(is_alive(0, 0, IDLE_TIMEOUT_SECONDS - 1));
        assert!(!is_alive(0, 0, IDLE_TIMEOUT_SECONDS));
        let late = ABSOLUTE_LIFETIME_SECONDS;
        assert!(
            !is_alive(0, late - 10, late),
            "active, but past the lifetime"
        );
    }

    proptest! {
        #[test]
        fn never_alive_past_either_limit(created in 0i64..100_000, idle in 0i64..100_000, gap in 0i64..100_000) {
            let last_seen = created + idle;
            let now = last_seen + gap;
            if is_alive(created, last_seen, now) {
                prop_assert!(gap < IDLE_TIMEOUT_SECONDS && now - created < ABSOLUTE_LIFETIME_SECONDS);
            }
        }
    }
}
