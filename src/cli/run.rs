//! What `streambot`'s subcommands do beyond answering one question: serving Discord (gateway or
//! HTTP endpoint), registering commands, building the index, drawing maps and benchmarking.
//! Kept apart from `main.rs` so that the CLI's definition and dispatch read in one sitting.

use super::*;

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            eprintln!("streambot: cannot start the async runtime: {e}");
            ExitCode::from(FAILURE)
        })
}

/// `streambot http`: the HTTP interactions endpoint.
pub(crate) fn http(cfg: Config, listen: &str) -> ExitCode {
    let missing: Vec<&str> = [
        ("DISCORD_PUBLIC_KEY", cfg.public_key.is_none()),
        ("DISCORD_APPLICATION_ID", cfg.application_id.is_none()),
        ("DISCORD_TOKEN", cfg.discord_token.is_none()),
    ]
    .into_iter()
    .filter_map(|(name, missing)| missing.then_some(name))
    .collect();
    if !missing.is_empty() {
        eprintln!(
            "streambot: the HTTP endpoint needs {} (Developer Portal → your application: General Information for the key and id, Bot for the token, which authorises the edits of deferred answers)",
            missing.join(", ")
        );
        return ExitCode::from(USAGE);
    }
    serve(cfg, |cfg, engine| {
        streambot::discord::http::serve(cfg, engine, listen)
    })
}

/// Opens the index, then runs a front until it stops, on a new async runtime.
fn serve<F, E>(cfg: Config, front: impl FnOnce(Config, std::sync::Arc<Engine>) -> F) -> ExitCode
where
    F: std::future::Future<Output = Result<(), E>>,
    E: std::fmt::Display,
{
    let runtime = match runtime() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let engine = match open(&cfg, std::io::stderr().is_terminal()) {
        Ok(e) => std::sync::Arc::new(e),
        Err(code) => return code,
    };
    match runtime.block_on(front(cfg, engine)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("streambot: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `streambot register`: the commands, over REST.
pub(crate) fn register(cfg: &Config, guild: Option<u64>) -> ExitCode {
    let runtime = match runtime() {
        Ok(r) => r,
        Err(code) => return code,
    };
    match runtime.block_on(streambot::discord::register::register(cfg, guild)) {
        Ok(n) => {
            out(&format!("registered {n} commands\n"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("streambot: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// With a token: the Discord bot.
pub(crate) fn discord(cfg: Config) -> ExitCode {
    serve(cfg, streambot::discord::run)
}

#[cfg(feature = "bench")]
/// `streambot bench`: runs the benchmark and prints a table or one JSON object.
pub(crate) fn bench(
    cfg: &Config,
    synthetic: usize,
    queries: usize,
    json: bool,
    smoke: bool,
    fts5: bool,
) -> ExitCode {
    let exe = std::env::current_exe().ok();
    let mut opts = if smoke {
        streambot::bench::Options::smoke(cfg.data_dirs.clone(), exe)
    } else {
        streambot::bench::Options {
            data: cfg.data_dirs.clone(),
            synthetic,
            queries,
            recall_sample: 500,
            exe,
            fts5: true,
        }
    };
    opts.fts5 = fts5;
    match streambot::bench::run(&opts) {
        Ok(report) if json => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", streambot::bench::table(&report));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("streambot: the benchmark failed: {e}");
            ExitCode::from(FAILURE)
        }
    }
}

/// `streambot map`: draws the map, its text in `lang`, and writes the PNG.
pub(crate) fn map(
    engine: &Engine,
    service: &str,
    figure: Option<Figure>,
    out: &std::path::Path,
    (width, height): (u32, u32),
    lang: Lang,
) -> ExitCode {
    let request = Request::Map {
        service: Some(service.to_string()),
        figure,
    };
    let answer = match streambot::answer::answer_in(engine, &request, lang) {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, "answering failed");
            eprintln!("streambot: something went wrong; see the log (RUST_LOG=debug).");
            return ExitCode::from(FAILURE);
        }
    };
    let Some(data) = answer.map() else {
        eprintln!("{}", answer.message);
        return ExitCode::from(NOT_FOUND);
    };
    let png = match render::map::png(data, width, height, answer.lang) {
        Ok(p) => p,
        Err(e @ render::map::MapError::Size { .. }) => {
            eprintln!("streambot: {e}");
            return ExitCode::from(USAGE);
        }
        Err(e) => {
            eprintln!("streambot: {e}");
            return ExitCode::from(FAILURE);
        }
    };
    if let Err(e) = std::fs::write(out, &png) {
        eprintln!("streambot: cannot write {}: {e}", out.display());
        return ExitCode::from(FAILURE);
    }
    print!("{}", render::text(&answer));
    println!(
        "Wrote {} ({} bytes, {width}x{height}).",
        out.display(),
        png.len()
    );
    ExitCode::SUCCESS
}

/// `streambot index`: rebuilds and reports (as JSON lines with `--json`).
pub(crate) fn index(cfg: &Config, json: bool, by: String) -> ExitCode {
    let bar = progress_bar(!json, "indexing");
    let last_line = std::cell::Cell::new(None::<std::time::Instant>);
    let update = |done: u64, total: u64| {
        if json {
            // A few lines a second are enough for a moderator watching.
            let due = last_line
                .get()
                .is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(200));
            if due || done == total {
                last_line.set(Some(std::time::Instant::now()));
                out(&format!("{}\n", Event::Progress { done, total }.to_line()));
            }
        } else {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let rebuilt = Engine::rebuild(&cfg.index_dir, &cfg.data_dirs, &by, &update);
    match rebuilt {
        Ok(rebuilt) if json => {
            out(&format!(
                "{}\n",
                Event::Done(Summary::of(&rebuilt)).to_line()
            ));
            ExitCode::SUCCESS
        }
        Ok(rebuilt) => {
            bar.finish_and_clear();
            for note in &rebuilt.report.notes {
                println!("{note}");
            }
            let info = &rebuilt.info;
            for f in &info.files {
                println!("loaded {} ({}): {} rows", f.file, f.kind, f.rows);
            }
            println!(
                "indexed {} titles, {} passages and {} facts in {} ms; {} rows skipped, {} repaired, {} merged",
                info.titles,
                info.passages,
                info.facts,
                info.build_ms,
                rebuilt.report.count(corpus::Action::Skipped),
                rebuilt.report.count(corpus::Action::Repaired),
                rebuilt.report.count(corpus::Action::Merged),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            bar.abandon();
            if json {
                out(&format!("{}\n", Event::of_error(&e).to_line()));
            }
            if let SearchError::Busy { .. } = e {
                return index_error(cfg, &e);
            }
            tracing::error!(error = %e, "reindex failed");
            eprintln!("streambot: reindex failed, the previous index is still in use: {e}");
            ExitCode::from(FAILURE)
        }
    }
}
