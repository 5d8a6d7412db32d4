//! `/sources`: the indexed documents and datasets, with counts, and the last rebuild.

use crate::discord::interaction::Action;
use crate::discord::{Context, Error, reply};

/// What streambot knows: documents, datasets, facts, and when the index was last rebuilt.
#[poise::command(slash_command)]
pub async fn sources(ctx: Context<'_>) -> Result<(), Error> {
    reply::run(ctx, Action::Sources).await
}
