//! `streambot` with no token and no subcommand (or `streambot console`): the local console.

use super::*;

/// Answers questions read from standard input, one per line.
pub(crate) fn console(cfg: &Config, stderr_tty: bool) -> ExitCode {
    let engine = match open(cfg, stderr_tty) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let store = open_store(cfg);
    let local = streambot::console::Local {
        store: store.as_ref(),
        region: cfg.region.clone(),
        services: cfg.services.clone(),
    };
    let stdin = std::io::stdin();
    match streambot::console::run(
        &engine,
        &local,
        stdin.lock(),
        std::io::stdout().lock(),
        cfg.lang,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("streambot: {e}");
            ExitCode::from(FAILURE)
        }
    }
}
