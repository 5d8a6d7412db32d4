//! Direct messages: any free text sent to the bot is answered like `/ask`; messages from bots
//! (including itself) and from servers are ignored.

use poise::serenity_prelude as serenity;

use crate::answer::AnswerError;
use crate::discord::{Data, reply};
use crate::render::embed;

pub async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) {
    if msg.author.bot || msg.guild_id.is_some() || msg.content.trim().is_empty() {
        return;
    }
    let text = msg.content.clone();
    let engine = data.engine.clone();
    let result = tokio::task::spawn_blocking(move || crate::answer::respond(&engine, &text)).await;
    let mut out =
        serenity::CreateMessage::new().allowed_mentions(serenity::CreateAllowedMentions::new());
    match result {
        Ok(Ok(answer)) => {
            for e in embed::embeds(&answer) {
                out = out.embed(reply::to_serenity(&e));
            }
        }
        Ok(Err(AnswerError::Usage(u))) => {
            out = out.content(embed::clip(&u.0, embed::limits::CONTENT))
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "answering a direct message failed");
            out = out.content(
                "Sorry, something went wrong answering that. Please try again in a moment.",
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "answering a direct message panicked");
            out = out.content(
                "Sorry, something went wrong answering that. Please try again in a moment.",
            );
        }
    }
    if let Err(e) = msg.channel_id.send_message(ctx, out).await {
        tracing::warn!(error = %e, "could not reply to a direct message");
    }
}
