//! `/why-not`: why a service is (not) available in a place.

use super::{ServiceChoice, autocomplete_place};
use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// Why is a streaming service not available somewhere? Status, sourced facts and quotes.
#[poise::command(slash_command, rename = "why-not")]
pub async fn why_not(
    ctx: Context<'_>,
    #[description = "A country or region: name, code or Chinese name (China, CN, 中国, Crimea…)"]
    #[autocomplete = "autocomplete_place"]
    place: String,
    #[description = "The service (default Netflix)"] service: Option<ServiceChoice>,
) -> Result<(), Error> {
    reply::run(ctx, Action::why_not(place, service)).await
}
