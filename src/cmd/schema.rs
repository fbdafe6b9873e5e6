//! `referentiel schema [NAME] [--out DIR]`: the JSON Schema of the data files, for editors.

use referentiel::words::help;
use std::path::PathBuf;

use referentiel::schema::json::{self, FILES};

use super::{Failure, Out};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::NAME, help = help::SCHEMA_NAME, default_value = "data-file", value_parser = clap::builder::PossibleValuesParser::new(FILES.iter().map(|f| f.name).chain([PLAN, EXPORT])))]
    name: String,
    #[arg(long, value_name = help::value::DIR, help = help::SCHEMA_OUT)]
    out: Option<PathBuf>,
}

/// #28: the schema of a training plan, beside those of the data files.
const PLAN: &str = "plan";
/// #29: the schema of the JSON export.
const EXPORT: &str = referentiel::outputs::json::SCHEMA_NAME;

pub fn run(args: Args, out: &Out) -> Result<(), Failure> {
    let Some(dir) = args.out else {
        if args.name == PLAN {
            return out.print(&referentiel::plan::json_schema());
        }
        if args.name == EXPORT {
            return out.print(&referentiel::outputs::json::json_schema());
        }
        let file = FILES.iter().find(|f| f.name == args.name).expect("clap checked the name");
        return out.print(&json::text(file));
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        Failure::Failed(referentiel::words::command::cannot_create(
            &dir.display().to_string(),
            &e.to_string(),
        ))
    })?;
    for file in FILES {
        let path = dir.join(format!("{}.schema.json", file.name));
        std::fs::write(&path, json::text(file)).map_err(|e| {
            Failure::Failed(referentiel::words::command::cannot_write(
                &path.display().to_string(),
                &e.to_string(),
            ))
        })?;
    }
    let path = dir.join(format!("{PLAN}.schema.json"));
    std::fs::write(&path, referentiel::plan::json_schema()).map_err(|e| {
        Failure::Failed(referentiel::words::command::cannot_write(
            &path.display().to_string(),
            &e.to_string(),
        ))
    })?;
    let path = dir.join(format!("{EXPORT}.schema.json"));
    std::fs::write(&path, referentiel::outputs::json::json_schema()).map_err(|e| {
        Failure::Failed(referentiel::words::command::cannot_write(
            &path.display().to_string(),
            &e.to_string(),
        ))
    })?;
    out.info(&referentiel::words::command::wrote_schemas(
        FILES.len() + 2,
        &dir.display().to_string(),
    ));
    Ok(())
}
