//! `streambot register`: puts the slash commands on Discord over REST.

use super::serve::runtime;
use super::*;

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
