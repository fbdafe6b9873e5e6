//! The command line's help pages and usage errors in French: clap's headings, its help and
//! version flags and its error messages are English; this module gives them the words of
//! [`referentiel::words::help`] and [`referentiel::words::usage`].

use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{ArgAction, Command};

use referentiel::words::{help, terminal, usage};

/// `cmd` and its commands with French help pages: headings, the help and version flags, the
/// `help` command. Positional arguments are listed under « Arguments », the others under
/// « Options ».
pub fn french(cmd: Command) -> Command {
    let mut cmd = cmd;
    cmd.build();
    localise(cmd)
}

fn localise(cmd: Command) -> Command {
    let names: Vec<(String, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    let mut cmd = cmd
        .help_template(help::TEMPLATE)
        .subcommand_help_heading(help::COMMANDS)
        .subcommand_value_name(help::COMMAND);
    // `mut_arg` puts the argument last: the order of declaration is kept by `display_order`.
    for (order, (id, positional)) in names.into_iter().enumerate() {
        cmd = cmd.mut_arg(&id, |a| {
            let a = a
                .help_heading(if positional { help::ARGUMENTS } else { help::OPTIONS })
                .display_order(order);
            let a = values_in_french(a);
            match (id.as_str(), a.get_action()) {
                ("help", ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong) => {
                    a.help(help::HELP_SHORT).long_help(help::HELP)
                }
                ("version", ArgAction::Version) => a.help(help::VERSION),
                _ => a,
            }
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" { s.about(help::HELP_COMMAND) } else { s };
            localise(s)
        });
    }
    cmd
}

/// An argument's possible and default values, said in French in its help (clap says them in
/// English: « Possible values », « default »).
fn values_in_french(a: clap::Arg) -> clap::Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let values: Vec<_> = a.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    let defaults: Vec<String> =
        a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if values.is_empty() && defaults.is_empty() {
        return a;
    }
    let short = a.get_help().map(ToString::to_string).unwrap_or_default();
    let mut long = a.get_long_help().map(ToString::to_string).unwrap_or_else(|| short.clone());
    let mut tail = String::new();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        tail.push_str(&format!(" [{}]", usage::possible_values(&names.join(", "))));
        if values.iter().any(|v| v.get_help().is_some()) {
            long.push_str(&format!("\n\n{}", help::POSSIBLE_VALUES));
            for v in &values {
                let h = v.get_help().map(ToString::to_string).unwrap_or_default();
                long.push_str(&format!("\n- {} : {h}", v.get_name()));
            }
            long.push('\n');
        } else {
            long.push_str(&format!(" [{}]", usage::possible_values(&names.join(", "))));
        }
    }
    if !defaults.is_empty() {
        let d = format!("[{}]", help::default_value(&defaults.join(", ")));
        tail.push_str(&format!(" {d}"));
        long.push_str(if long.ends_with('\n') { "" } else { " " });
        long.push_str(&d);
    }
    a.hide_possible_values(true).hide_default_value(true).help(short + &tail).long_help(long)
}

/// clap's usage errors, in French (the kinds and values clap gives; the usage line follows).
pub struct French;

impl ErrorFormatter for French {
    fn format_error(error: &clap::error::Error<Self>) -> clap::builder::StyledStr {
        let text = |k| match error.get(k) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            Some(ContextValue::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let list = |k| match error.get(k) {
            Some(ContextValue::Strings(v)) => Some(v.clone()),
            Some(ContextValue::String(s)) => Some(vec![s.clone()]),
            _ => None,
        };
        let quoted =
            |v: &[String]| v.iter().map(|s| format!("« {s} »")).collect::<Vec<_>>().join(", ");
        let arg = text(ContextKind::InvalidArg).unwrap_or_default();
        let value = text(ContextKind::InvalidValue).unwrap_or_default();
        let mut s = String::new();
        s.push_str(&format!("{} : ", terminal::ERROR));
        match error.kind() {
            ErrorKind::UnknownArgument => s.push_str(&usage::unknown_argument(&arg)),
            ErrorKind::InvalidValue if value.is_empty() => s.push_str(&usage::missing_value(&arg)),
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                s.push_str(&usage::invalid_value(&value, &arg));
                if let Some(v) = list(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                    s.push_str(&format!("\n  [{}]", usage::possible_values(&v.join(", "))));
                }
            }
            ErrorKind::InvalidSubcommand => s.push_str(&usage::unknown_command(
                &text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )),
            ErrorKind::MissingRequiredArgument => {
                s.push_str(usage::MISSING_ARGUMENTS);
                for a in list(ContextKind::InvalidArg).unwrap_or_default() {
                    s.push_str(&format!("\n  {a}"));
                }
            }
            ErrorKind::MissingSubcommand => {
                s.push_str(&usage::missing_command(
                    &text(ContextKind::InvalidSubcommand).unwrap_or_default(),
                ));
                if let Some(v) = list(ContextKind::ValidSubcommand) {
                    s.push_str(&format!("\n  [{}]", usage::commands(&v.join(", "))));
                }
            }
            ErrorKind::ArgumentConflict => {
                let prior = error.get(ContextKind::PriorArg);
                if prior == Some(&ContextValue::String(arg.clone())) {
                    s.push_str(&usage::used_twice(&arg));
                } else {
                    s.push_str(&usage::conflict(&arg));
                    match prior {
                        Some(ContextValue::String(p)) => s.push_str(&format!(" « {p} »")),
                        Some(ContextValue::Strings(p)) => {
                            s.push_str(" :");
                            for p in p {
                                s.push_str(&format!("\n  {p}"));
                            }
                        }
                        _ => s.push_str(&format!(" {}", usage::CONFLICT_OTHERS)),
                    }
                }
            }
            ErrorKind::TooManyValues => s.push_str(&usage::too_many(&value, &arg)),
            ErrorKind::NoEquals => s.push_str(&usage::no_equals(&arg)),
            ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
                let expected = text(ContextKind::ExpectedNumValues)
                    .or_else(|| text(ContextKind::MinValues))
                    .unwrap_or_default();
                let given = text(ContextKind::ActualNumValues).unwrap_or_default();
                s.push_str(&usage::wrong_count(&arg, &expected, &given));
            }
            ErrorKind::InvalidUtf8 => s.push_str(usage::INVALID_UTF8),
            _ => s.push_str(usage::OTHER),
        }
        let mut similar = Vec::new();
        for k in [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ] {
            similar.extend(list(k).unwrap_or_default());
        }
        if !similar.is_empty() {
            s.push_str(&format!("\n\n  {}", usage::similar(&quoted(&similar))));
        }
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            // clap's one tip with values: « to pass '--x' as a value, use '-- --x' ».
            for t in tips.iter().map(ToString::to_string) {
                let quoted: Vec<&str> = t.split('\'').skip(1).step_by(2).collect();
                if t.starts_with("to pass") && quoted.len() == 2 {
                    s.push_str(&format!(
                        "\n  {}",
                        usage::tip(&usage::as_value(quoted[0], quoted[1]))
                    ));
                }
            }
        }
        if let Some(ContextValue::StyledStr(u)) = error.get(ContextKind::Usage) {
            let u = u.to_string();
            let u = u.strip_prefix("Usage:").map_or(u.clone(), |r| format!("{}{r}", usage::USAGE));
            s.push_str(&format!("\n\n{u}"));
        }
        s.push_str(&format!("\n\n{}\n", usage::more("--help")));
        s.into()
    }
}
