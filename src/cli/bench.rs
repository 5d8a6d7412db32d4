//! `streambot bench` (with the `bench` feature): the benchmark, as a table or one JSON object.

use super::*;

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
