//! `streambot ask`: one question, answered as text or as one JSON object.

use super::*;

/// Answers `input` and prints it; the exit status says whether anything matched.
pub(crate) fn ask(cfg: &Config, input: &str, json: bool, stderr_tty: bool) -> ExitCode {
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
    let who = local.who();
    let lang = cfg
        .lang
        .unwrap_or_else(|| who.asker.lang(Lang::of_text(input)));
    match respond_for(&engine, &who, input, lang) {
        Ok(answer) => {
            if json {
                out(&format!("{}\n", render::json(&answer)));
            } else {
                out(&render::text(&answer));
            }
            if answer.kind() == AnswerKind::NotFound {
                ExitCode::from(NOT_FOUND)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(AnswerError::Usage(u)) => {
            if json {
                let body = serde_json::json!({"kind": "usage_error", "message": u.0});
                out(&format!("{body}\n"));
            } else {
                eprintln!("{u}");
            }
            ExitCode::from(USAGE)
        }
        Err(e) => {
            tracing::error!(error = %e, "answering failed");
            eprintln!(
                "streambot: something went wrong answering that; see the log (RUST_LOG=debug)."
            );
            ExitCode::from(FAILURE)
        }
    }
}
