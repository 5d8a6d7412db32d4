//! The `streambot` command line: its definition (clap), the configuration it reads, and the
//! dispatch to one file per subcommand; each turns the core's results into output and an exit
//! status.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use tracing_subscriber::EnvFilter;

use streambot::answer::{AnswerError, AnswerKind, Figure, Request, parse_service, respond_for};
use streambot::config::Config;
use streambot::i18n::Lang;
use streambot::reindex::{Event, Summary};
use streambot::search::{Engine, OpenOutcome, SearchError};
use streambot::{corpus, render};

mod ask;
#[cfg(feature = "bench")]
mod bench;
mod console;
mod index;
mod map;
mod register;
mod serve;
use ask::ask;
#[cfg(feature = "bench")]
use bench::bench;
use console::console;
use index::index;
use map::map_command;
use register::register;
use serve::{discord, http};

/// Answers questions about streaming availability: why a service is missing somewhere, which
/// titles come from where, and what a title is.
#[derive(Parser, Debug)]
#[command(name = "streambot", version, about, after_help = EXIT_CODES)]
struct Cli {
    /// Data directory to load (repeatable); default `data`, or STREAMBOT_DATA (comma-separated).
    #[arg(long = "data", value_name = "DIR", global = true)]
    data: Vec<PathBuf>,
    /// Index directory; default `index`, or STREAMBOT_INDEX.
    #[arg(long = "index", value_name = "DIR", global = true)]
    index: Option<PathBuf>,
    /// Answer in this language (en, zh or zh-TW) whatever the question's; or STREAMBOT_LANG. By
    /// default the language of the question.
    #[arg(long = "lang", value_name = "en|zh|zh-TW", global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Answer for this region (a country name or code: HK, "hong kong", 香港) where the
    /// question names none, over the one saved with /settings; or STREAMBOT_REGION.
    #[arg(long = "region", value_name = "PLACE", global = true)]
    region: Option<String>,
    /// The services you have (netflix,disney,…), for `service:mine` and the ticks on title
    /// cards, over the saved ones; or STREAMBOT_SERVICES.
    #[arg(long = "services", value_name = "LIST", global = true)]
    services: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Answer one input written as in Discord: `/why-not china`, `/titles origin:cn`, free text.
    Ask {
        /// The question.
        input: String,
        /// Print the answer as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the index from the data directories, listing every skipped or repaired row.
    /// Exits 4 when another reindex holds the index directory.
    Index {
        /// Print progress and the outcome as JSON lines (what the bot reads when it reindexes
        /// in a child process).
        #[arg(long)]
        json: bool,
        /// Record WHO as who built the index (default: $USER).
        #[arg(long, value_name = "WHO")]
        by: Option<String>,
    },
    /// Draw a service's availability map (or a per-country figure) as a PNG.
    Map {
        /// netflix, prime, disney or hulu (default: the first of the service table).
        #[arg(long)]
        service: Option<String>,
        /// Shade a per-country figure instead of statuses: library or price (Netflix, Dec 2021).
        #[arg(long)]
        figure: Option<String>,
        /// Where to write the PNG.
        #[arg(long, default_value = "map.png")]
        out: PathBuf,
        /// Width in pixels.
        #[arg(long, default_value_t = render::map::WIDTH)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = render::map::HEIGHT)]
        height: u32,
    },
    /// Open the local console (what `streambot` does without a Discord token).
    Console,
    /// Serve Discord's HTTP interactions endpoint (needs DISCORD_PUBLIC_KEY,
    /// DISCORD_APPLICATION_ID and DISCORD_TOKEN; no gateway connection). Answers POST / and
    /// POST /interactions.
    Http {
        /// Address to listen on, HOST:PORT.
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
        listen: String,
    },
    /// Register the slash commands with Discord over REST (needs DISCORD_TOKEN and
    /// DISCORD_APPLICATION_ID): globally, or in one guild (--guild or DISCORD_GUILD_ID).
    Register {
        /// Register in this guild only (instant; global commands can take a while to appear).
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
    },
    /// Benchmark the engine against SQLite FTS5 (see BENCHMARKS.md); builds in a temp dir.
    #[cfg(feature = "bench")]
    Bench {
        /// Add this many deterministic generated titles to the data.
        #[arg(long, default_value_t = 0)]
        synthetic: usize,
        /// Queries per shape.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Tiny sizes for CI (200 queries, 2,000 synthetic titles, 100 recall titles).
        #[arg(long)]
        smoke: bool,
        /// Skip the SQLite FTS5 peer (its figures are null): ours alone, e.g. at a million
        /// titles, where the peer's fuzzy queries take most of an hour.
        #[arg(long)]
        no_fts5: bool,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("{s:?} is not en, zh or zh-TW"))
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Exit statuses.
const NOT_FOUND: u8 = 1;
const USAGE: u8 = 2;
const FAILURE: u8 = 3;
const BUSY: u8 = streambot::reindex::EXIT_BUSY;

const EXIT_CODES: &str = "Exit status: 0 done; 1 understood but nothing matched (ask, map); \
2 usage or configuration error; 3 failure (details on stderr); 4 another reindex is running on \
the index directory (the message names its pid).";

fn progress_bar(visible: bool, message: &'static str) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(message);
    bar
}

fn open(cfg: &Config, show_progress: bool) -> Result<Engine, ExitCode> {
    let bar = progress_bar(show_progress, "indexing");
    let update = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let who = format!("{} (start-up)", whoami());
    match Engine::open(&cfg.index_dir, &cfg.data_dirs, &who, &update) {
        Ok((engine, outcome)) => {
            bar.finish_and_clear();
            if let OpenOutcome::Built(reason) = outcome {
                let info = engine.info();
                tracing::info!(
                    reason,
                    titles = info.titles,
                    passages = info.passages,
                    ms = info.build_ms,
                    "built the index"
                );
            }
            Ok(engine)
        }
        Err(e) => {
            bar.abandon();
            Err(index_error(cfg, &e))
        }
    }
}

/// Says why the index could not be built or opened; the exit status for it.
fn index_error(cfg: &Config, e: &SearchError) -> ExitCode {
    if let SearchError::Busy { pid } = e {
        let holder = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
        eprintln!(
            "streambot: another reindex is running on the index in {}{holder}; try again when it finishes.",
            cfg.index_dir.display()
        );
        return ExitCode::from(BUSY);
    }
    eprintln!("streambot: {e}");
    ExitCode::from(FAILURE)
}

/// The settings store of the configuration; one that cannot be opened is reported and the
/// console goes on without saved settings.
fn open_store(cfg: &Config) -> Option<streambot::store::Store> {
    match streambot::store::Store::open(&cfg.database) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(error = %e, location = ?cfg.database, "settings unavailable");
            None
        }
    }
}

fn whoami() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "console".to_string())
}

/// Parses the command line, reads the configuration and runs the subcommand.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let mut cfg = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("streambot: {e}");
            return ExitCode::from(USAGE);
        }
    };
    if !cli.data.is_empty() {
        cfg.data_dirs = cli.data.clone();
    }
    if let Some(i) = &cli.index {
        cfg.index_dir = i.clone();
    }
    if cli.lang.is_some() {
        cfg.lang = cli.lang;
    }
    // The settings file sits beside the index the command line names.
    if cli.index.is_some() && std::env::var_os("DATABASE_URL").is_none_or(|v| v.is_empty()) {
        cfg.database = streambot::store::Location::beside(&cfg.index_dir);
    }
    if let Some(r) = &cli.region {
        match streambot::config::region(r) {
            Ok(code) => cfg.region = Some(code),
            Err(e) => {
                eprintln!("streambot: --region: {}", e.why);
                return ExitCode::from(USAGE);
            }
        }
    }
    if let Some(s) = &cli.services {
        match streambot::config::services(s) {
            Ok(list) => cfg.services = Some(list),
            Err(e) => {
                eprintln!("streambot: --services: {}", e.why);
                return ExitCode::from(USAGE);
            }
        }
    }
    tracing::debug!(config = ?cfg, "configuration");
    let stderr_tty = std::io::stderr().is_terminal();
    match cli.command {
        Some(Command::Ask { input, json }) => ask(&cfg, &input, json, stderr_tty),
        Some(Command::Index { json, by }) => index(&cfg, json, by.unwrap_or_else(whoami)),
        Some(Command::Map {
            service,
            figure,
            out,
            width,
            height,
        }) => map_command(&cfg, service, figure, &out, (width, height), stderr_tty),
        #[cfg(feature = "bench")]
        Some(Command::Bench {
            synthetic,
            queries,
            json,
            smoke,
            no_fts5,
        }) => bench(&cfg, synthetic, queries, json, smoke, !no_fts5),
        Some(Command::Http { listen }) => http(cfg, &listen),
        Some(Command::Register { guild }) => register(&cfg, guild),
        None if cfg.discord_token.is_some() => discord(cfg),
        Some(Command::Console) | None => console(&cfg, stderr_tty),
    }
}
