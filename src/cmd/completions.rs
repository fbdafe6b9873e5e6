//! `referentiel completions SHELL`: a completion script for bash, zsh, fish, elvish or PowerShell.

use clap::CommandFactory;
use referentiel::words::help;

use super::{Cli, Failure, Out};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::SHELL, help = help::COMPLETIONS_SHELL)]
    shell: clap_complete::Shell,
}

pub fn run(args: Args, out: &Out) -> Result<(), Failure> {
    let mut buf = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut super::usage::french(Cli::command()),
        "referentiel",
        &mut buf,
    );
    out.print(&String::from_utf8_lossy(&buf))
}
