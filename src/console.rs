//! The local console: behaves like a DM with the bot, one answer per input line, for people
//! without a Discord token (and for piped input).

use std::io::{BufRead, IsTerminal, Write};

use crate::answer::{AnswerError, respond};
use crate::render;
use crate::search::Engine;

/// Draws a map answer into `dir` and says where it went (or that it could not be drawn).
pub fn save_map(data: &crate::answer::MapData, dir: &std::path::Path) -> String {
    let path = dir.join(format!("streambot-{}", render::map::attachment_name(data)));
    let drawn = render::map::png(data, render::map::WIDTH, render::map::HEIGHT)
        .map_err(|e| e.to_string())
        .and_then(|png| std::fs::write(&path, png).map_err(|e| e.to_string()));
    match drawn {
        Ok(()) => format!("Map saved to {}", path.display()),
        Err(e) => {
            tracing::error!(error = %e, path = %path.display(), "could not save the map");
            "Sorry, the map could not be drawn or saved.".to_string()
        }
    }
}

/// Reads questions from `input` until it ends (or `/quit`), writing answers to `out`.
pub fn run(engine: &Engine, input: impl BufRead, mut out: impl Write) -> std::io::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        writeln!(
            out,
            "streambot console — ask like in a DM: /why-not china, /titles origin:cn type:movie, /title Breaking Bad, or free text. /help for more, /quit to leave."
        )?;
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in input.lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                writeln!(out, "That line was not valid UTF-8 text.")?;
                continue;
            }
            Err(e) => return Err(e),
        };
        let line = line.trim();
        if matches!(line, "/quit" | "/exit") {
            break;
        }
        if !line.is_empty() {
            match respond(engine, line) {
                Ok(answer) => {
                    write!(out, "{}", render::text(&answer))?;
                    if let Some(data) = &answer.map {
                        writeln!(out, "{}", save_map(data, &std::env::temp_dir()))?;
                    }
                }
                Err(AnswerError::Usage(u)) => writeln!(out, "{u}")?,
                Err(e) => {
                    tracing::error!(error = %e, input = line, "answering failed");
                    writeln!(
                        out,
                        "Sorry, something went wrong answering that. Please try again."
                    )?;
                }
            }
            writeln!(out)?;
        }
        if interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
    }
    Ok(())
}
