//! `/title`: one title's card, led by where it can be watched.

use super::{ServiceChoice, autocomplete_title};
use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// Look up one title: where it streams, year, type, origin, genres, cast. Typos are fine.
#[poise::command(slash_command)]
pub async fn title(
    ctx: Context<'_>,
    #[description = "The title's name"]
    #[autocomplete = "autocomplete_title"]
    name: String,
    #[description = "Is it on this service?"] service: Option<ServiceChoice>,
) -> Result<(), Error> {
    reply::run(ctx, Action::title(name, service)).await
}
