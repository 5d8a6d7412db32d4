//! Autocomplete: which lookup serves which option, and the choices as Discord takes them (at
//! most 25, names and values clipped to 100 characters). Lookups block: call off the async
//! threads.

use poise::serenity_prelude as serenity;

use crate::places::Places;
use crate::render::embed::{clip, limits};
use crate::search::{Engine, Role};

pub use crate::answer::commands::Field;

/// The field a command's option completes (its row in the command table), `None` for options
/// without autocomplete.
pub fn field_of(command: &str, option: &str) -> Option<Field> {
    crate::answer::commands::Command::named(command)?
        .option(option)?
        .complete
}

/// `(name, value)` pairs for what was typed so far; a failed lookup offers none.
pub fn choices(engine: &Engine, field: Field, partial: &str) -> Vec<(String, String)> {
    let found = match field {
        Field::Place => {
            return Places::global()
                .complete(partial, limits::CHOICES)
                .into_iter()
                .map(|p| (format!("{} ({})", p.name, p.code), p.code.clone()))
                .collect();
        }
        Field::Title => engine.complete_titles(partial, limits::CHOICES),
        Field::Genre => engine
            .complete_genres(partial, limits::CHOICES)
            .map(|g| g.into_iter().map(|g| (g.clone(), g)).collect()),
        Field::Director | Field::Cast => {
            let role = if field == Field::Director {
                Role::Director
            } else {
                Role::Cast
            };
            engine
                .complete_people(partial, role, limits::CHOICES)
                .map(|g| g.into_iter().map(|g| (g.clone(), g)).collect())
        }
    };
    found.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "autocomplete lookup failed");
        Vec::new()
    })
}

/// The choices as serenity's autocomplete response.
pub fn response(items: Vec<(String, String)>) -> serenity::CreateAutocompleteResponse {
    let list = items
        .into_iter()
        .take(limits::CHOICES)
        .map(|(name, value)| {
            serenity::AutocompleteChoice::new(
                clip(&name, limits::CHOICE_NAME),
                clip(&value, limits::CHOICE_NAME),
            )
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(list)
}
