//! `streambot index`: rebuilds the index and reports every repaired or skipped row.

use super::*;

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
