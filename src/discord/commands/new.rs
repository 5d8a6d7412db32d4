//! `/new`: the titles a service added most recently — `/titles sort:added` in one word.

use super::titles::{TypeChoice, browse};
use super::{Service, autocomplete_place};
use crate::answer::TitlesArgs;
use crate::discord::{Context, Error};
use crate::search::TitleSort;

/// What's new: the latest additions to a service, newest first.
#[poise::command(slash_command)]
pub async fn new(
    ctx: Context<'_>,
    #[description = "Streaming service (all four if left out)"] service: Option<Service>,
    #[description = "Country of production (name or code)"]
    #[autocomplete = "autocomplete_place"]
    origin: Option<String>,
    #[description = "Movie or TV show"]
    #[rename = "type"]
    kind: Option<TypeChoice>,
) -> Result<(), Error> {
    let args = TitlesArgs {
        origin,
        kind: kind.map(TypeChoice::kind),
        service: service.map(|s| s.id().to_string()),
        sort: Some(TitleSort::Added),
        page: 1,
        ..TitlesArgs::default()
    };
    browse(ctx, args).await
}
