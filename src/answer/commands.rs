//! The command table: every slash command and its options, declared once. The text grammar
//! (`/titles origin:kr` typed in a message or the console), the registration payload Discord is
//! sent, both Discord fronts' reading of an interaction's options and autocomplete all read
//! these rows; adding an option is one row here and one arm in the command's reader.

use crate::domain::Service;

/// Which command a row is, for the readers that turn its options into a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandId {
    WhyNot,
    Titles,
    New,
    Title,
    Map,
    Top,
    Similar,
    Ask,
    Sources,
    Help,
    Settings,
    Reindex,
}

/// One slash command.
#[derive(Debug)]
pub struct Command {
    pub id: CommandId,
    /// The name Discord shows and a message types after `/`.
    pub name: &'static str,
    /// Other words that call it in text (`/why`, `/latest`).
    pub aliases: &'static [&'static str],
    pub options: &'static [Opt],
    /// Whether a typed message can ask it (`/sources` and `/reindex` are Discord's only).
    pub typed: bool,
    /// Only moderators of the operator's own servers (and the operator, in a DM) use it.
    pub home_only: bool,
}

/// One option of a command.
#[derive(Debug)]
pub struct Opt {
    pub name: &'static str,
    pub value: Value,
    pub required: bool,
    /// What autocomplete offers while it is typed.
    pub complete: Option<Field>,
    /// The longest value Discord accepts (messages are bounded by [`super::MAX_INPUT`]).
    pub max_length: Option<u16>,
    /// Whether Discord shows it (`page` is a text option: Discord pages with buttons).
    pub on_discord: bool,
}

/// What an option holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Text,
    /// One of a fixed list, sent by Discord as the choice's index.
    Choice(Choices),
    /// An uploaded file (Discord only).
    File,
}

/// The fixed lists an option chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    Service,
    /// A service, or `mine` (the asker's saved services).
    ServiceOrMine,
    /// What `/settings` answers in: automatic or a language.
    Language,
    /// What `/settings forget` deletes.
    Forget,
    Kind,
    Sort,
    Figure,
    /// What `/top` ranks by.
    Metric,
    /// Yes or no.
    YesNo,
    /// Highest or lowest first.
    Order,
}

/// One choice: the value the readers parse, and the label Discord shows (translated through
/// the `choice-<label>` messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

impl Choices {
    /// The choices in the order Discord numbers them.
    pub fn list(self) -> Vec<Choice> {
        let fixed: &[(&str, &str)] = match self {
            Choices::Service => {
                return Service::all()
                    .map(|s| Choice {
                        value: s.id(),
                        label: s.name(),
                    })
                    .collect();
            }
            Choices::ServiceOrMine => {
                let mut list = Choices::Service.list();
                list.push(Choice {
                    value: "mine",
                    label: "My services",
                });
                return list;
            }
            Choices::Language => &[
                ("auto", "Automatic"),
                ("en", "English"),
                ("zh", "Simplified Chinese"),
                ("zh-TW", "Traditional Chinese"),
            ],
            Choices::Forget => &[
                ("me", "Everything about me"),
                ("server", "This server's region"),
            ],
            Choices::Kind => &[("movie", "movie"), ("tv", "tv")],
            Choices::Sort => &[
                ("relevance", "relevance"),
                ("year", "year"),
                ("title", "title"),
                ("added", "newest added"),
            ],
            Choices::Figure => &[("library", "Library size"), ("price", "Monthly price")],
            Choices::Metric => &[
                ("views", "Views"),
                ("hours", "Hours viewed"),
                ("library", "Library size"),
                ("price_basic", "Basic plan price"),
                ("price_standard", "Standard plan price"),
                ("price_premium", "Premium plan price"),
            ],
            Choices::YesNo => &[("yes", "yes"), ("no", "no")],
            Choices::Order => &[("highest", "highest first"), ("lowest", "lowest first")],
        };
        fixed
            .iter()
            .map(|&(value, label)| Choice { value, label })
            .collect()
    }
}

/// The kinds of values an option completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Place,
    Genre,
    Title,
    Director,
    Cast,
}

const fn text(name: &'static str) -> Opt {
    Opt {
        name,
        value: Value::Text,
        required: false,
        complete: None,
        max_length: None,
        on_discord: true,
    }
}

const fn choice(name: &'static str, choices: Choices) -> Opt {
    Opt {
        value: Value::Choice(choices),
        ..text(name)
    }
}

const fn completed(name: &'static str, field: Field) -> Opt {
    Opt {
        complete: Some(field),
        ..text(name)
    }
}

const fn required(opt: Opt) -> Opt {
    Opt {
        required: true,
        ..opt
    }
}

const fn at_most(max: u16, opt: Opt) -> Opt {
    Opt {
        max_length: Some(max),
        ..opt
    }
}

const PAGE: Opt = Opt {
    on_discord: false,
    ..text("page")
};
const SERVICE: Opt = choice("service", Choices::Service);
const MY_SERVICE: Opt = choice("service", Choices::ServiceOrMine);
const TYPE: Opt = choice("type", Choices::Kind);
const ORIGIN: Opt = completed("origin", Field::Place);

/// Every command, in the order `/help` lists them and Discord registers them.
pub static COMMANDS: &[Command] = &[
    Command {
        id: CommandId::WhyNot,
        name: "why-not",
        aliases: &["whynot", "why"],
        options: &[required(completed("place", Field::Place)), SERVICE],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Titles,
        name: "titles",
        aliases: &[],
        options: &[
            ORIGIN,
            TYPE,
            MY_SERVICE,
            completed("genre", Field::Genre),
            text("year"),
            text("added"),
            at_most(100, completed("director", Field::Director)),
            at_most(100, completed("cast", Field::Cast)),
            at_most(200, text("query")),
            choice("sort", Choices::Sort),
            completed("place", Field::Place),
            PAGE,
        ],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::New,
        name: "new",
        aliases: &["latest"],
        options: &[MY_SERVICE, ORIGIN, TYPE, PAGE],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Title,
        name: "title",
        aliases: &[],
        options: &[
            required(completed("name", Field::Title)),
            SERVICE,
            completed("place", Field::Place),
        ],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Map,
        name: "map",
        aliases: &[],
        options: &[SERVICE, choice("figure", Choices::Figure)],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Top,
        name: "top",
        aliases: &["popular", "ranking"],
        options: &[
            TYPE,
            choice("by", Choices::Metric),
            text("year"),
            choice("globally", Choices::YesNo),
            choice("order", Choices::Order),
            at_most(200, completed("place", Field::Place)),
            PAGE,
        ],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Similar,
        name: "similar",
        aliases: &["like"],
        options: &[required(completed("title", Field::Title)), TYPE, SERVICE],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Ask,
        name: "ask",
        aliases: &["search"],
        options: &[required(at_most(1000, text("question")))],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Sources,
        name: "sources",
        aliases: &[],
        options: &[],
        typed: false,
        home_only: false,
    },
    Command {
        id: CommandId::Help,
        name: "help",
        aliases: &["start", "?"],
        options: &[],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Settings,
        name: "settings",
        aliases: &["setting", "prefs", "preferences"],
        options: &[
            completed("region", Field::Place),
            at_most(100, text("services")),
            choice("language", Choices::Language),
            completed("server_region", Field::Place),
            choice("forget", Choices::Forget),
        ],
        typed: true,
        home_only: false,
    },
    Command {
        id: CommandId::Reindex,
        name: "reindex",
        aliases: &[],
        options: &[Opt {
            value: Value::File,
            ..text("file")
        }],
        typed: false,
        home_only: true,
    },
];

impl Command {
    /// The command Discord calls `name`.
    pub fn named(name: &str) -> Option<&'static Command> {
        COMMANDS.iter().find(|c| c.name == name)
    }

    /// The command a message calls with `word` (its name or an alias, any case, `_` for `-`).
    pub fn typed(word: &str) -> Option<&'static Command> {
        let word = word.to_ascii_lowercase().replace('_', "-");
        COMMANDS
            .iter()
            .filter(|c| c.typed)
            .find(|c| c.name == word || c.aliases.contains(&word.as_str()))
    }

    /// The option called `name`.
    pub fn option(&self, name: &str) -> Option<&'static Opt> {
        self.options.iter().find(|o| o.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_one_row_and_names_and_aliases_are_unique() {
        let ids = [
            CommandId::WhyNot,
            CommandId::Titles,
            CommandId::New,
            CommandId::Title,
            CommandId::Map,
            CommandId::Top,
            CommandId::Similar,
            CommandId::Ask,
            CommandId::Sources,
            CommandId::Help,
            CommandId::Settings,
            CommandId::Reindex,
        ];
        for id in ids {
            assert_eq!(COMMANDS.iter().filter(|c| c.id == id).count(), 1, "{id:?}");
        }
        let mut words: Vec<&str> = COMMANDS
            .iter()
            .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
            .collect();
        let all = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), all);
    }

    #[test]
    fn commands_are_found_by_what_people_type() {
        let cases = [
            ("why-not", Some("why-not")),
            ("WHY_NOT", Some("why-not")),
            ("why", Some("why-not")),
            ("latest", Some("new")),
            ("?", Some("help")),
            ("sources", None),
            ("reindex", None),
            ("nope", None),
        ];
        for (word, name) in cases {
            assert_eq!(Command::typed(word).map(|c| c.name), name, "{word}");
        }
    }

    #[test]
    fn choices_are_numbered_as_discord_sends_them() {
        let values = |c: Choices| c.list().iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(
            values(Choices::Service),
            ["netflix", "amazon_prime", "disney_plus", "hulu"]
        );
        assert_eq!(
            values(Choices::Sort),
            ["relevance", "year", "title", "added"]
        );
        assert_eq!(Choices::Figure.list()[1].label, "Monthly price");
    }
}
