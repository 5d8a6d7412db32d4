//! `/new`: the titles a service added most recently — `/titles sort:added` in one word.

use super::titles::TypeChoice;
use super::{ServiceChoice, autocomplete_place};
use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// What's new: the latest additions to a service, newest first.
#[poise::command(slash_command)]
pub async fn new(
    ctx: Context<'_>,
    #[description = "Streaming service (all four if left out)"] service: Option<ServiceChoice>,
    #[description = "Country of production (name or code)"]
    #[autocomplete = "autocomplete_place"]
    origin: Option<String>,
    #[description = "Movie or TV show"]
    #[rename = "type"]
    kind: Option<TypeChoice>,
) -> Result<(), Error> {
    reply::run(ctx, Action::new_titles(service, origin, kind)).await
}
