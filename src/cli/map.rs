//! `streambot map`: draws a service's availability map (or a per-country figure) as a PNG.

use std::path::Path;

use super::*;

/// Reads `--service` and `--figure`, opens the index and draws.
pub(crate) fn map_command(
    cfg: &Config,
    service: Option<String>,
    figure: Option<String>,
    out: &Path,
    size: (u32, u32),
    stderr_tty: bool,
) -> ExitCode {
    let (Some(service), Ok(figure)) = (
        match service {
            Some(s) => parse_service(&s),
            None => Some(streambot::domain::Service::DEFAULT.id().to_string()),
        },
        figure
            .as_deref()
            .map(Figure::parse)
            .map_or(Ok(None), |f| f.map(Some).ok_or(())),
    ) else {
        eprintln!("streambot: use --service netflix|prime|disney|hulu and --figure library|price");
        return ExitCode::from(USAGE);
    };
    let engine = match open(cfg, stderr_tty) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let lang = cfg.lang.unwrap_or(Lang::En);
    draw(&engine, &service, figure, out, size, lang)
}

/// `streambot map`: draws the map, its text in `lang`, and writes the PNG.
fn draw(
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
    let answer = match streambot::answer::answer(engine, &request, lang) {
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
