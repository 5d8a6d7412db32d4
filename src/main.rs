//! `streambot`: the command line is `src/cli/`; this only hands over to it.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
