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
use crate::telemetry::{self, Outcome};

/// A short ephemeral text reply.
pub fn ephemeral_text(text: &str) -> poise::CreateReply {
    Reply::text(text).to_poise()
}

/// When the handling of this interaction began (set by the framework's command check), and how
/// it ended for the metrics: `Answered` unless noted otherwise with [`mark`], counted once by
/// [`count`].
#[derive(Debug, Clone, Copy)]
pub struct Started {
    pub at: Instant,
    pub outcome: Outcome,
    pub counted: bool,
}

impl Started {
    pub fn now() -> Started {
        Started {
            at: Instant::now(),
            outcome: Outcome::Answered,
            counted: false,
        }
    }
}

/// Notes how this interaction ended, for [`count`].
pub async fn mark(ctx: Context<'_>, outcome: Outcome) {
    if let Some(mut started) = ctx.invocation_data::<Started>().await {
        started.outcome = outcome;
    }
}

/// Counts this interaction in the metrics, once: with `outcome`, or else the one noted by
/// [`mark`]. Later calls for the same interaction count nothing.
pub async fn count(ctx: Context<'_>, outcome: Option<Outcome>) {
    let outcome = match ctx.invocation_data::<Started>().await {
        Some(mut started) if !started.counted => {
            started.counted = true;
            outcome.unwrap_or(started.outcome)
        }
        Some(_) => return,
        None => outcome.unwrap_or(Outcome::Answered),
    };
    telemetry::interaction(&ctx.command().name, outcome);
}

/// When the interaction began, if its first response has not been sent yet.
async fn awaiting_first_response(ctx: Context<'_>) -> Option<Instant> {
    if initial_sent(ctx) {
        return None;
    }
    ctx.invocation_data::<Started>().await.map(|s| s.at)
}

/// Discord wants the first response within 3 s of the event; keep a margin for the trip.
const FIRST_RESPONSE_WITHIN: Duration = Duration::from_millis(2800);
/// Follow-ups may come for 15 minutes; a reply retried for longer than this is not worth it.
const FOLLOW_UP_WITHIN: Duration = Duration::from_secs(30);

/// Whether the interaction's first response (a reply or a deferral) has been sent.
fn initial_sent(ctx: Context<'_>) -> bool {
    match ctx {
        poise::Context::Application(a) => a.has_sent_initial_response.load(Ordering::SeqCst),
        poise::Context::Prefix(_) => true,
    }
}

/// The latest time a send to this interaction may still be (re)tried.
async fn deadline(ctx: Context<'_>) -> Instant {
    if initial_sent(ctx) {
        return Instant::now() + FOLLOW_UP_WITHIN;
    }
    let started = ctx
        .invocation_data::<Started>()
        .await
        .map_or_else(Instant::now, |s| s.at);
    started + FIRST_RESPONSE_WITHIN
}

/// `ctx.send`, retried on rate limits and server errors while the interaction still accepts it.
pub async fn send<'a>(
    ctx: Context<'a>,
    reply: poise::CreateReply,
) -> Result<poise::ReplyHandle<'a>, serenity::Error> {
    let until = deadline(ctx).await;
    let first = awaiting_first_response(ctx).await;
    let sent = retrying("reply", until, || ctx.send(reply.clone())).await?;
    if let Some(started) = first {
        telemetry::first_response(started.elapsed());
    }
    Ok(sent)
}

/// Edits a reply already sent (e.g. a progress line), retried like [`send`].
pub async fn edit<'a>(
    ctx: Context<'a>,
    handle: &poise::ReplyHandle<'a>,
    reply: poise::CreateReply,
) -> Result<(), serenity::Error> {
    let until = Instant::now() + FOLLOW_UP_WITHIN;
    retrying("edit", until, || handle.edit(ctx, reply.clone())).await
}

/// Defers the response (a "thinking…" placeholder), retried like [`send`].
pub async fn defer(ctx: Context<'_>, ephemeral: bool) -> Result<(), serenity::Error> {
    let until = deadline(ctx).await;
    let first = awaiting_first_response(ctx).await;
    if ephemeral {
        retrying("defer", until, || ctx.defer_ephemeral()).await?;
    } else {
        retrying("defer", until, || ctx.defer()).await?;
    }
    if let Some(started) = first {
        telemetry::first_response(started.elapsed());
    }
    Ok(())
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
/// ([`super::interaction::compute`]) off-thread and replies; the framework's `post_command`
/// hook counts it with the outcome noted here.
pub async fn run(ctx: Context<'_>, action: Action) -> anyhow::Result<()> {
    let engine = ctx.data().engine.clone();
    let store = ctx.data().store.clone();
    let lang = lang_of(ctx);
    let caller = match ctx {
        poise::Context::Application(a) => super::interaction::caller(
            a.interaction.user.id,
            a.interaction.guild_id,
            a.interaction.member.as_deref(),
        ),
        poise::Context::Prefix(p) => {
            super::interaction::caller(p.msg.author.id, p.msg.guild_id, None)
        }
    };
    let reply = off_thread(ctx, move || {
        super::interaction::compute(&engine, store.as_deref(), caller, &action, lang)
    })
    .await??;
    mark(ctx, reply.outcome).await;
    send(ctx, reply.to_poise()).await?;
    Ok(())
}
