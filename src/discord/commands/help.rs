//! `/help`: what the bot can do.

use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// How to use streambot.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    reply::run(ctx, Action::Help).await
}
