//! `streambot` with a token (the gateway bot) and `streambot http` (the interactions
//! endpoint): open the index, then run a front on a new async runtime until it stops.

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

/// With a token: the Discord bot.
pub(crate) fn discord(cfg: Config) -> ExitCode {
    serve(cfg, streambot::discord::run)
}
