//! Per-user rate limiting with token buckets, so one person cannot flood the bot while everyone
//! else is unaffected. Knows nothing of Discord: users are plain numeric ids.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How much one user may ask: a burst of `burst` questions, refilled at `per_minute`.
/// `per_minute == 0` turns limiting off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub burst: u32,
    pub per_minute: u32,
}

impl Default for Limits {
    /// Ten at once, then one every two seconds: far above what a person types, far below a
    /// script.
    fn default() -> Limits {
        Limits {
            burst: 10,
            per_minute: 30,
        }
    }
}

/// What [`RateLimiter::check`] decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Allowed,
    /// Not now. `retry_after` is when the next question will be allowed; `first` is true for the
    /// first refusal since the user was last allowed (so a flood is told once, not every time).
    Limited {
        retry_after: Duration,
        first: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
    warned: bool,
}

/// Buckets forgotten once full again are recreated full, so memory stays bounded by the users
/// active in the last `burst / rate` seconds.
const PRUNE_ABOVE: usize = 4096;

/// Token buckets per user.
#[derive(Debug)]
pub struct RateLimiter {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<u64, Bucket>>,
}

impl RateLimiter {
    pub fn new(limits: Limits) -> RateLimiter {
        RateLimiter {
            burst: f64::from(limits.burst.max(1)),
            per_second: f64::from(limits.per_minute) / 60.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token from `user`'s bucket, if there is one.
    pub fn check(&self, user: u64) -> Verdict {
        self.check_at(user, Instant::now())
    }

    /// [`RateLimiter::check`] at a given time (for tests).
    pub fn check_at(&self, user: u64, now: Instant) -> Verdict {
        if self.per_second <= 0.0 {
            return Verdict::Allowed;
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            let (burst, rate) = (self.burst, self.per_second);
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(user).or_insert(Bucket {
            tokens: self.burst,
            last: now,
            warned: false,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            bucket.warned = false;
            Verdict::Allowed
        } else {
            let first = !bucket.warned;
            bucket.warned = true;
            Verdict::Limited {
                retry_after: Duration::from_secs_f64((1.0 - bucket.tokens) / self.per_second),
                first,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(burst: u32, per_minute: u32) -> RateLimiter {
        RateLimiter::new(Limits { burst, per_minute })
    }

    #[test]
    fn a_burst_is_allowed_then_refused_until_refilled() {
        let l = limiter(3, 60);
        let t = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.check_at(7, t), Verdict::Allowed);
        }
        assert_eq!(
            l.check_at(7, t),
            Verdict::Limited {
                retry_after: Duration::from_secs(1),
                first: true
            }
        );
        match l.check_at(7, t + Duration::from_millis(500)) {
            Verdict::Limited { retry_after, first } => {
                assert!(!first, "told once");
                assert_eq!(retry_after.as_millis(), 500);
            }
            v => panic!("{v:?}"),
        }
        assert_eq!(l.check_at(7, t + Duration::from_secs(1)), Verdict::Allowed);
        assert!(matches!(
            l.check_at(7, t + Duration::from_secs(1)),
            Verdict::Limited { first: true, .. }
        ));
    }

    #[test]
    fn users_do_not_share_buckets() {
        let l = limiter(1, 6);
        let t = Instant::now();
        assert_eq!(l.check_at(1, t), Verdict::Allowed);
        assert!(matches!(l.check_at(1, t), Verdict::Limited { .. }));
        assert_eq!(l.check_at(2, t), Verdict::Allowed);
    }

    #[test]
    fn a_bucket_never_holds_more_than_the_burst() {
        let l = limiter(2, 60);
        let t = Instant::now();
        let later = t + Duration::from_secs(3600);
        assert_eq!(l.check_at(1, t), Verdict::Allowed);
        assert_eq!(l.check_at(1, later), Verdict::Allowed);
        assert_eq!(l.check_at(1, later), Verdict::Allowed);
        assert!(matches!(l.check_at(1, later), Verdict::Limited { .. }));
    }

    #[test]
    fn zero_per_minute_turns_limiting_off() {
        let l = limiter(1, 0);
        let t = Instant::now();
        for _ in 0..100 {
            assert_eq!(l.check_at(1, t), Verdict::Allowed);
        }
    }

    #[test]
    fn idle_buckets_are_forgotten() {
        let l = limiter(1, 60);
        let t = Instant::now();
        for user in 0..=PRUNE_ABOVE as u64 {
            l.check_at(user, t);
        }
        // All of them have refilled an hour later, so they are dropped before the next check.
        l.check_at(u64::MAX, t + Duration::from_secs(3600));
        assert_eq!(l.buckets.lock().unwrap().len(), 1);
    }
}
