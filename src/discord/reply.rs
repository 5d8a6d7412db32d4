//! Turning core answers into Discord replies: embeds from [`crate::render::embed`], no mentions
//! ever, answers computed off the async threads and deferred when they are slow.

use poise::serenity_prelude as serenity;

use super::{Context, DEFER_AFTER};
use crate::answer::{Answer, AnswerError, Request};
use crate::render::embed::{self, Embed};

/// Our embed as serenity's builder.
pub fn to_serenity(e: &Embed) -> serenity::CreateEmbed {
    let mut b = serenity::CreateEmbed::new().color(e.color);
    if !e.title.is_empty() {
        b = b.title(&e.title);
    }
    if !e.description.is_empty() {
        b = b.description(&e.description);
    }
    for f in &e.fields {
        b = b.field(&f.name, &f.value, f.inline);
    }
    if !e.footer.is_empty() {
        b = b.footer(serenity::CreateEmbedFooter::new(&e.footer));
    }
    b
}

/// A reply with the answer's embeds and no mentions.
pub fn answer_reply(answer: &Answer) -> poise::CreateReply {
    let mut r =
        poise::CreateReply::default().allowed_mentions(serenity::CreateAllowedMentions::new());
    for e in embed::embeds(answer) {
        r = r.embed(to_serenity(&e));
    }
    r
}

/// A short ephemeral text reply.
pub fn ephemeral_text(text: &str) -> poise::CreateReply {
    poise::CreateReply::default()
        .content(embed::clip(text, embed::limits::CONTENT))
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new())
}

/// Tells the user something went wrong, without details.
pub async fn apologise(ctx: Context<'_>) {
    let _ = ctx
        .send(ephemeral_text(
            "Sorry, something went wrong answering that. Please try again in a moment.",
        ))
        .await;
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
            ctx.defer().await?;
            Ok(task.await?)
        }
    }
}

/// Answers a request off-thread and replies; usage errors go back ephemeral.
pub async fn answer_and_reply(
    ctx: Context<'_>,
    request: Request,
) -> anyhow::Result<Option<Answer>> {
    let engine = ctx.data().engine.clone();
    let result = off_thread(ctx, move || crate::answer::answer(&engine, &request)).await?;
    match result {
        Ok(answer) => {
            ctx.send(answer_reply(&answer)).await?;
            Ok(Some(answer))
        }
        Err(AnswerError::Usage(u)) => {
            ctx.send(ephemeral_text(&u.0)).await?;
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}
