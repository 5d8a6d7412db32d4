//! Retrying Discord REST calls where Discord allows it — rate limits (429) and server errors
//! (5xx) — within the interaction's deadline, and logging what is given up on.

use std::future::Future;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

/// Retries after the first attempt, at most.
const MAX_RETRIES: u32 = 3;

/// How long to wait before retry number `attempt` (0-based) after a response with `status`, or
/// `None` when Discord does not allow a retry (a 4xx other than 429 means the request itself is
/// wrong or the interaction is gone). serenity's error hides the `Retry-After` header, so rate
/// limits back off from half a second; in production serenity's own ratelimiter has already
/// waited out `Retry-After` before we see a 429.
pub fn backoff(status: u16, attempt: u32) -> Option<Duration> {
    if attempt >= MAX_RETRIES {
        return None;
    }
    let base = match status {
        429 => 500,
        500 | 502 | 503 | 504 => 200,
        _ => return None,
    };
    Some(Duration::from_millis(base << attempt))
}

/// The HTTP status of a failed REST call, if it got that far.
fn status_of(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            Some(r.status_code.as_u16())
        }
        _ => None,
    }
}

/// Runs `call` until it succeeds, Discord refuses for good, the retries run out, or the next
/// attempt would start after `deadline`.
pub async fn retrying<T, F, Fut>(
    what: &'static str,
    deadline: Instant,
    call: F,
) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    retrying_with(what, deadline, backoff, call).await
}

/// How long to wait before retrying the edit of a response this process deferred: as
/// [`backoff`], and also after a 404 in the first attempts. The deferral travels back to
/// Discord in the HTTP response the edit races with, so an edit that gets there first is of a
/// response Discord does not know yet.
pub fn follow_up_backoff(status: u16, attempt: u32) -> Option<Duration> {
    match status {
        404 if attempt < 4 => Some(Duration::from_millis(100 << attempt)),
        _ => backoff(status, attempt),
    }
}

/// [`retrying`] with another policy of which statuses to retry and how long to wait.
pub async fn retrying_with<T, F, Fut>(
    what: &'static str,
    deadline: Instant,
    policy: fn(u16, u32) -> Option<Duration>,
    mut call: F,
) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    let mut attempt = 0;
    loop {
        let error = match call().await {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let status = status_of(&error);
        let wait = status.and_then(|s| policy(s, attempt));
        match wait {
            Some(wait) if Instant::now() + wait < deadline => {
                tracing::warn!(
                    what,
                    status,
                    attempt,
                    wait_ms = wait.as_millis() as u64,
                    "Discord refused; retrying"
                );
                crate::telemetry::discord_retry(what);
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            _ => {
                tracing::error!(what, status, attempts = attempt + 1, error = %error, "gave up sending to Discord");
                crate::telemetry::discord_give_up(what);
                return Err(error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rate_limits_and_server_errors_are_retried() {
        assert_eq!(backoff(429, 0), Some(Duration::from_millis(500)));
        assert_eq!(backoff(429, 1), Some(Duration::from_millis(1000)));
        assert_eq!(backoff(500, 0), Some(Duration::from_millis(200)));
        assert_eq!(backoff(503, 2), Some(Duration::from_millis(800)));
        assert_eq!(backoff(500, 3), None);
        for refused in [400, 401, 403, 404] {
            assert_eq!(backoff(refused, 0), None, "{refused}");
        }
    }

    #[test]
    fn a_deferred_edit_also_waits_out_an_early_404() {
        assert_eq!(follow_up_backoff(404, 0), Some(Duration::from_millis(100)));
        assert_eq!(follow_up_backoff(404, 3), Some(Duration::from_millis(800)));
        assert_eq!(follow_up_backoff(404, 4), None);
        assert_eq!(follow_up_backoff(429, 0), backoff(429, 0));
        assert_eq!(follow_up_backoff(403, 0), None);
    }
}
