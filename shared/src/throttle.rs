//! Login throttling: after a few failed attempts a client must wait longer
//! and longer between attempts, and after many it is refused for a while.
//! The same rule applies per account and (more leniently) per address.

/// Times are Unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed without any wait.
    pub free_failures: u32,
    /// Failures after which the key is locked for `lock_seconds`.
    pub lock_after: u32,
    pub lock_seconds: i64,
    /// Failures older than this are forgotten.
    pub window_seconds: i64,
}

impl ThrottlePolicy {
    pub const PER_ACCOUNT: Self = Self {
        free_failures: 3,
        lock_after: 10,
        lock_seconds: 15 * 60,
        window_seconds: 15 * 60,
    };
    pub const PER_ADDRESS: Self = Self {
        free_failures: 10,
        lock_after: 50,
        lock_seconds: 15 * 60,
        window_seconds: 15 * 60,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Refused; try again after this many seconds.
    Wait(i64),
}

/// Whether a new attempt may go ahead, given the failures so far.
pub fn check(
    policy: ThrottlePolicy,
    failures: u32,
    last_failure: Option<i64>,
    now: i64,
) -> Verdict {
    let Some(last) = last_failure else {
        return Verdict::Allow;
    };
    if now - last >= policy.window_seconds.max(policy.lock_seconds)
        || failures < policy.free_failures
    {
        return Verdict::Allow;
    }
    let wait = if failures >= policy.lock_after {
        policy.lock_seconds
    } else {
        // 1, 2, 4, … seconds, at most a minute.
        1i64 << (failures - policy.free_failures).min(6)
    }
    .min(60.max(policy.lock_seconds));
    let remaining = last + wait - now;
    if remaining > 0 {
        Verdict::Wait(remaining)
    } else {
        Verdict::Allow
    }
}

/// The failure count after one more failure at `now`.
pub fn after_failure(
    policy: ThrottlePolicy,
    failures: u32,
    last_failure: Option<i64>,
    now: i64,
) -> u32 {
    match last_failure {
        Some(last) if now - last < policy.window_seconds.max(policy.lock_seconds) => failures + 1,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const P: ThrottlePolicy = ThrottlePolicy::PER_ACCOUNT;

    #[test]
    fn slows_then_locks() {
        assert_eq!(check(P, 0, None, 100), Verdict::Allow);
        assert_eq!(check(P, 2, Some(100), 100), Verdict::Allow);
        assert_eq!(check(P, 3, Some(100), 100), Verdict::Wait(1));
        assert_eq!(check(P, 3, Some(100), 101), Verdict::Allow);
        assert_eq!(check(P, 5, Some(100), 101), Verdict::Wait(3));
        assert_eq!(check(P, 10, Some(100), 160), Verdict::Wait(840));
        assert_eq!(check(P, 10, Some(100), 100 + 900), Verdict::Allow);
        assert_eq!(after_failure(P, 10, Some(100), 100 + 900), 1);
        assert_eq!(after_failure(P, 4, Some(100), 200), 5);
    }

    proptest! {
        #[test]
        fn more_failures_never_wait_less(f in 0u32..40, last in 0i64..1000, dt in 0i64..2000) {
            let wait = |f| match check(P, f, Some(last), last + dt) { Verdict::Allow => 0, Verdict::Wait(s) => s };
            prop_assert!(wait(f + 1) >= wait(f));
            prop_assert!(wait(f) <= P.lock_seconds);
        }
    }
}
