//! `/ask`: free text, answered like a direct message.

use crate::discord::{Context, Error, reply};

/// Ask anything in your own words, e.g. "why can't I watch Netflix in Russia?"
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question"]
    #[max_length = 1000]
    question: String,
) -> Result<(), Error> {
    let engine = ctx.data().engine.clone();
    let text = question.clone();
    let request = reply::off_thread(ctx, move || crate::answer::route(&engine, &text)).await?;
    match request {
        Ok(r) => {
            reply::answer_and_reply(ctx, r).await?;
        }
        Err(u) => {
            reply::send(ctx, reply::ephemeral_text(&u.0)).await?;
        }
    }
    Ok(())
}
