//! `/map [service] [figure]`: a world map of a service's availability (or of Netflix's
//! per-country figures), drawn off the async threads and attached to the answer's embed.

use super::ServiceChoice;
use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// What a map can shade instead of statuses.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum FigureChoice {
    #[name = "Library size"]
    Library,
    #[name = "Monthly price"]
    Price,
}

/// A world map of where a streaming service is available, with a legend and sources.
#[poise::command(slash_command)]
pub async fn map(
    ctx: Context<'_>,
    #[description = "The service (default Netflix)"] service: Option<ServiceChoice>,
    #[description = "Shade Netflix's per-country figures instead (December 2021)"] figure: Option<
        FigureChoice,
    >,
) -> Result<(), Error> {
    reply::run(ctx, Action::map(service, figure)).await
}
