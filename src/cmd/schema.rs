//! `referentiel schema [NAME] [--out DIR]`: the JSON Schema of the data files, for editors.

use std::path::PathBuf;

use referentiel::schema::json::{self, FILES};

use super::{Failure, Out};

#[derive(clap::Args)]
pub struct Args {
    /// Which schema to print: data-file (any data file), certification, correspondences,
    /// vocabulary or sources (the files of that folder of data/), plan (a training plan of plans/),
    /// or referentiel-json (the JSON export, telechargements/json/referentiel.json).
    #[arg(default_value = "data-file", value_parser = clap::builder::PossibleValuesParser::new(FILES.iter().map(|f| f.name).chain([PLAN, EXPORT])))]
    name: String,
    /// Write every schema into this folder, as NAME.schema.json, instead of printing one.
    #[arg(long, value_name = "DIR")]
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
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::Failed(format!("cannot create {}: {e}", dir.display())))?;
    for file in FILES {
        let path = dir.join(format!("{}.schema.json", file.name));
        std::fs::write(&path, json::text(file))
            .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", path.display())))?;
    }
    let path = dir.join(format!("{PLAN}.schema.json"));
    std::fs::write(&path, referentiel::plan::json_schema())
        .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", path.display())))?;
    let path = dir.join(format!("{EXPORT}.schema.json"));
    std::fs::write(&path, referentiel::outputs::json::json_schema())
        .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", path.display())))?;
    out.info(&format!("wrote {} schemas into {}", FILES.len() + 2, dir.display()));
    Ok(())
}
