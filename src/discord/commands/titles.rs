//! `/titles`: matching titles, a page at a time, with Previous/Next buttons that only the person
//! who asked can use (see [`crate::discord::interaction::buttons`]: the buttons carry the page
//! and the command, so any process answers a click, at any time).

use super::{
    ServiceChoice, autocomplete_cast, autocomplete_director, autocomplete_genre, autocomplete_place,
};
use crate::corpus::Kind;
use crate::discord::interaction::{Action, TitlesOptions};
use crate::discord::{Context, Error, reply};

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum TypeChoice {
    #[name = "movie"]
    Movie,
    #[name = "tv"]
    Tv,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum SortChoice {
    #[name = "relevance"]
    Relevance,
    #[name = "year"]
    Year,
    #[name = "title"]
    Title,
    #[name = "newest added"]
    Added,
}

impl TypeChoice {
    pub fn kind(self) -> Kind {
        match self {
            TypeChoice::Movie => Kind::Movie,
            TypeChoice::Tv => Kind::Tv,
        }
    }
}

/// Titles from the datasets: filter by origin, type, service, genre, years; 10 a page.
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
pub async fn titles(
    ctx: Context<'_>,
    #[description = "Country of production (name or code)"]
    #[autocomplete = "autocomplete_place"]
    origin: Option<String>,
    #[description = "Movie or TV show"]
    #[rename = "type"]
    kind: Option<TypeChoice>,
    #[description = "Streaming service"] service: Option<ServiceChoice>,
    #[description = "Genre, e.g. horror, documentaries"]
    #[autocomplete = "autocomplete_genre"]
    genre: Option<String>,
    #[description = "Release year, or a range like 2010-2020"] year: Option<String>,
    #[description = "Year added to the service, or a range"] added: Option<String>,
    #[description = "A director's whole name, e.g. Bong Joon Ho"]
    #[autocomplete = "autocomplete_director"]
    #[max_length = 100]
    director: Option<String>,
    #[description = "An actor's whole name, e.g. Lee Jung-jae"]
    #[autocomplete = "autocomplete_cast"]
    #[max_length = 100]
    cast: Option<String>,
    #[description = "Words to look for in titles, descriptions, cast"]
    #[max_length = 200]
    query: Option<String>,
    #[description = "Order of the results"] sort: Option<SortChoice>,
) -> Result<(), Error> {
    let options = TitlesOptions {
        origin,
        kind,
        service,
        genre,
        year,
        added,
        director,
        cast,
        query,
        sort,
    };
    reply::run(ctx, Action::titles(options)).await
}
