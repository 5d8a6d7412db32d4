//! `/ask`: free text, answered like a direct message.

use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// Ask anything in your own words, e.g. "why can't I watch Netflix in Russia?"
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question"]
    #[max_length = 1000]
    question: String,
) -> Result<(), Error> {
    reply::run(ctx, Action::Ask(question)).await
}
