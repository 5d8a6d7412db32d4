//! Per-user cooldowns at the Discord edge: the framework's command check, and the polite
//! message for someone asking too fast. The buckets themselves are [`crate::limit`].

use std::time::Duration;

use super::{Context, Data, Error, reply};
use crate::limit::Verdict;
use crate::telemetry::{self, Outcome};

impl Data {
    /// Whether `user` may ask now; owners are never limited. A refusal is counted in the
    /// metrics here, whichever front asked.
    pub(super) fn may_ask(&self, user: u64) -> Verdict {
        if self.config.owner_ids.contains(&user) {
            return Verdict::Allowed;
        }
        let verdict = self.limiter.check(user);
        if matches!(verdict, Verdict::Limited { .. }) {
            telemetry::cooldown_refused();
        }
        verdict
    }
}

/// The polite refusal when someone asks too fast.
pub(super) fn slow_down(retry_after: Duration, lang: crate::i18n::Lang) -> String {
    let seconds = retry_after.as_secs_f64().ceil().max(1.0) as u32;
    crate::t!(lang, "slow-down", seconds = seconds)
}

/// Runs before every command: notes when handling began (for Discord's deadline) and applies
/// the per-user cooldown to every command, `/reindex` included (only owners are exempt).
/// Autocomplete is not limited.
pub(super) async fn command_check(ctx: Context<'_>) -> Result<bool, Error> {
    if let poise::Context::Application(a) = ctx
        && a.interaction_type == poise::CommandInteractionType::Autocomplete
    {
        return Ok(true);
    }
    ctx.set_invocation_data(reply::Started::now()).await;
    let user = ctx.author().id.get();
    match ctx.data().may_ask(user) {
        Verdict::Allowed => Ok(true),
        Verdict::Limited { retry_after, first } => {
            tracing::info!(
                user,
                first,
                retry_after_ms = retry_after.as_millis() as u64,
                "cooldown"
            );
            reply::count(ctx, Some(Outcome::Cooldown)).await;
            reply::send(
                ctx,
                reply::ephemeral_text(&slow_down(retry_after, super::localize::lang_of(ctx))),
            )
            .await?;
            Ok(false)
        }
    }
}
