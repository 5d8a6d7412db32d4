//! The local console: behaves like a DM with the bot, one answer per input line, for people
//! without a Discord token (and for piped input).

use std::io::{BufRead, IsTerminal, Write};

use crate::answer::{AnswerError, Caller, Who, respond_for};
use crate::domain::Service;
use crate::i18n::Lang;
use crate::render;
use crate::search::Engine;
use crate::store::Store;
use crate::t;

/// Draws a map answer into `dir` and says, in `lang`, where it went (or that it could not be
/// drawn).
pub fn save_map(data: &crate::answer::MapData, dir: &std::path::Path, lang: Lang) -> String {
    let path = dir.join(format!("streambot-{}", render::map::attachment_name(data)));
    let drawn = render::map::png(data, render::map::WIDTH, render::map::HEIGHT, lang)
        .map_err(|e| e.to_string())
        .and_then(|png| std::fs::write(&path, png).map_err(|e| e.to_string()));
    match drawn {
        Ok(()) => t!(lang, "console-map-saved", path = path.display().to_string()),
        Err(e) => {
            tracing::error!(error = %e, path = %path.display(), "could not save the map");
            t!(lang, "console-map-failed")
        }
    }
}

/// The person at the console: where their settings are saved, and this run's own region and
/// services (`--region`, `--services`), which win over the saved ones.
#[derive(Default)]
pub struct Local<'a> {
    pub store: Option<&'a Store>,
    pub region: Option<String>,
    pub services: Option<Vec<Service>>,
}

impl Local<'_> {
    /// Their settings now (read again for every question: `/settings` may have changed them).
    pub fn who(&self) -> Who<'_> {
        let mut who = Who::load(self.store, Caller::LOCAL);
        who.asker = who
            .asker
            .with_flags(self.region.as_deref(), self.services.as_deref());
        who
    }
}

/// Reads questions from `input` until it ends (or `/quit`), writing answers to `out`, each in
/// `lang` when one is given (`--lang`, `STREAMBOT_LANG`), else in the saved language, else in
/// the language of each question. The greeting is in `lang`, English when none is given.
pub fn run(
    engine: &Engine,
    local: &Local<'_>,
    input: impl BufRead,
    mut out: impl Write,
    lang: Option<Lang>,
) -> std::io::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let greeting = lang.unwrap_or(Lang::En);
    if interactive {
        writeln!(out, "{}", t!(greeting, "console-welcome"))?;
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in input.lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                writeln!(out, "{}", t!(greeting, "console-not-utf8"))?;
                continue;
            }
            Err(e) => return Err(e),
        };
        let line = line.trim();
        if matches!(line, "/quit" | "/exit") {
            break;
        }
        if !line.is_empty() {
            let who = local.who();
            let lang = lang.unwrap_or_else(|| who.asker.lang(Lang::of_text(line)));
            match respond_for(engine, &who, line, lang) {
                Ok(answer) => {
                    write!(out, "{}", render::text(&answer))?;
                    if let Some(data) = answer.map() {
                        writeln!(
                            out,
                            "{}",
                            save_map(data, &std::env::temp_dir(), answer.lang)
                        )?;
                    }
                }
                Err(AnswerError::Usage(u)) => writeln!(out, "{u}")?,
                Err(e) => {
                    tracing::error!(error = %e, input = line, "answering failed");
                    writeln!(out, "{}", t!(lang, "console-failed"))?;
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
