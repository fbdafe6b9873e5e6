//! The `referentiel` command: see [`cmd`] for the commands and the exit codes.

mod cmd;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cmd::main())
}
