//! `/help`: what the bot can do.

use crate::answer::{Answer, AnswerKind, HELP};
use crate::discord::{Context, Error, reply};

/// How to use streambot.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let lang = crate::discord::localize::lang_of(ctx);
    let mut a = Answer::new(AnswerKind::Help, "/help");
    a.lang = lang;
    a.message = format!("{HELP}\n{}", crate::t!(lang, "help-extra"));
    reply::send(ctx, reply::answer_reply(&a).ephemeral(true)).await?;
    Ok(())
}
