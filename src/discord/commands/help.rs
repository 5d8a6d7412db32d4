//! `/help`: what the bot can do.

use crate::answer::{Answer, AnswerKind, HELP};
use crate::discord::{Context, Error, reply};

/// How to use streambot.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let mut a = Answer::new(AnswerKind::Help, "/help");
    a.message = format!(
        "{HELP}\n/ask <question>              free text, like a direct message\n/sources                     what the bot knows and when it was last reindexed\n/reindex [file]              moderators: reread the data (optionally adding a file)\n\nYou can also send me a direct message."
    );
    reply::send(ctx, reply::answer_reply(&a).ephemeral(true)).await?;
    Ok(())
}
