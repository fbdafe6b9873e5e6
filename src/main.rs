//! The `referentiel` command: see [`cmd`] for the commands and the exit codes.

mod cmd;

// A build allocates many small strings and values (page contexts, tokens); mimalloc serves them
// in about half the time of the system allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cmd::main())
}
