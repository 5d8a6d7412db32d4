//! `/title`: one title's card.

use super::autocomplete_title;
use crate::answer::Request;
use crate::discord::{Context, Error, reply};

/// Look up one title: year, type, origin, genres, cast, where it streams. Typos are fine.
#[poise::command(slash_command)]
pub async fn title(
    ctx: Context<'_>,
    #[description = "The title's name"]
    #[autocomplete = "autocomplete_title"]
    name: String,
) -> Result<(), Error> {
    reply::answer_and_reply(ctx, Request::Title { name }).await?;
    Ok(())
}
