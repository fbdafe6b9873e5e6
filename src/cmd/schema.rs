//! `referentiel schema [NAME] [--out DIR]`: the JSON Schema of the data files, for editors.

use std::path::PathBuf;

use referentiel::schema::json::{self, FILES};

use super::{Failure, Out};

#[derive(clap::Args)]
pub struct Args {
    /// Which schema to print: data-file (any data file), certification, correspondences,
    /// vocabulary or sources (the files of that folder of data/), or plan (a training plan of plans/).
    #[arg(default_value = "data-file", value_parser = clap::builder::PossibleValuesParser::new(FILES.iter().map(|f| f.name).chain([PLAN])))]
    name: String,
    /// Write every schema into this folder, as NAME.schema.json, instead of printing one.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// #28: the schema of a training plan, beside those of the data files.
const PLAN: &str = "plan";

pub fn run(args: Args, out: &Out) -> Result<(), Failure> {
    let Some(dir) = args.out else {
        if args.name == PLAN {
            return out.print(&referentiel::plan::json_schema());
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
    out.info(&format!("wrote {} schemas into {}", FILES.len() + 1, dir.display()));
    Ok(())
}
