//! How the gateway bot's slash commands reply: actions computed off the async threads through
//! the shared mapping ([`super::interaction`]) and deferred when they are slow, and every send
//! retried where Discord allows it.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use super::interaction::{Action, Reply};
use super::localize::lang_of;
use super::retry::retrying;
use super::{Context, DEFER_AFTER};
use crate::t;

/// A short ephemeral text reply.
pub fn ephemeral_text(text: &str) -> poise::CreateReply {
    Reply::text(text).to_poise()
}

/// When the handling of this interaction began (set by the framework's command check).
#[derive(Debug, Clone, Copy)]
pub struct Started(pub Instant);

/// Discord wants the first response within 3 s of the event; keep a margin for the trip.
const FIRST_RESPONSE_WITHIN: Duration = Duration::from_millis(2800);
/// Follow-ups may come for 15 minutes; a reply retried for longer than this is not worth it.
const FOLLOW_UP_WITHIN: Duration = Duration::from_secs(30);

/// The latest time a send to this interaction may still be (re)tried.
async fn deadline(ctx: Context<'_>) -> Instant {
    let initial_sent = match ctx {
        poise::Context::Application(a) => a.has_sent_initial_response.load(Ordering::SeqCst),
        poise::Context::Prefix(_) => true,
    };
    if initial_sent {
        return Instant::now() + FOLLOW_UP_WITHIN;
    }
    let started = ctx
        .invocation_data::<Started>()
        .await
        .map_or_else(Instant::now, |s| s.0);
    started + FIRST_RESPONSE_WITHIN
}

/// `ctx.send`, retried on rate limits and server errors while the interaction still accepts it.
pub async fn send<'a>(
    ctx: Context<'a>,
    reply: poise::CreateReply,
) -> Result<poise::ReplyHandle<'a>, serenity::Error> {
    let until = deadline(ctx).await;
    retrying("reply", until, || ctx.send(reply.clone())).await
}

/// Defers the response (a "thinking…" placeholder), retried like [`send`].
pub async fn defer(ctx: Context<'_>, ephemeral: bool) -> Result<(), serenity::Error> {
    let until = deadline(ctx).await;
    if ephemeral {
        retrying("defer", until, || ctx.defer_ephemeral()).await
    } else {
        retrying("defer", until, || ctx.defer()).await
    }
}

/// Tells the user something went wrong, without details.
pub async fn apologise(ctx: Context<'_>) {
    let _ = send(ctx, ephemeral_text(&t!(lang_of(ctx), "went-wrong"))).await;
}

/// Runs `f` on a blocking thread. If it takes longer than [`DEFER_AFTER`], the interaction is
/// deferred first so Discord's 3-second deadline is met.
pub async fn off_thread<T: Send + 'static>(
    ctx: Context<'_>,
    f: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let mut task = tokio::task::spawn_blocking(f);
    match tokio::time::timeout(DEFER_AFTER, &mut task).await {
        Ok(done) => Ok(done?),
        Err(_) => {
            defer(ctx, false).await?;
            Ok(task.await?)
        }
    }
}

/// Carries out a slash command's action through the shared mapping
/// ([`super::interaction::compute`]) off-thread and replies.
pub async fn run(ctx: Context<'_>, action: Action) -> anyhow::Result<()> {
    let started = Instant::now();
    let engine = ctx.data().engine.clone();
    let lang = lang_of(ctx);
    let reply = off_thread(ctx, move || {
        super::interaction::compute(&engine, &action, lang)
    })
    .await??;
    let sent = send(ctx, reply.to_poise()).await;
    super::interaction::finished(&ctx.command().name, sent.is_ok(), started.elapsed());
    sent?;
    Ok(())
}
