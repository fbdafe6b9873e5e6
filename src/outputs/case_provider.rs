//! A static CASE provider (issue #29): the read-only CASE 1.1 REST paths a CASE client pulls from
//! a server, written as files of the site, so that a client (CaSS, OpenSALT's « import from a
//! CASE server ») can read the published site:
//!
//! - `ims/case/v1p1/CFDocuments/index.json`: `{"CFDocuments": [...]}`, every certification (a
//!   host serves it at `…/CFDocuments`, its folder's index);
//! - `ims/case/v1p1/CFDocuments/<id>`: one CFDocument;
//! - `ims/case/v1p1/CFPackages/<id>`: the certification's whole package (as in
//!   `telechargements/case/`);
//! - `ims/case/v1p1/CFItemTypes/<id>` and `CFAssociationGroupings/<id>`: the definitions.
//!
//! The files have no extension, as the REST paths have none: a host must serve them as
//! `application/json` (docs/exports.md says how). Items and associations stay inside the
//! packages (one file each would be thousands of files for little use).

use serde_json::{Value, json};

use crate::build::Files;

/// The root of the CASE 1.1 REST paths in the site.
pub(crate) const ROOT: &str = "ims/case/v1p1";

/// Write the provider's files for these packages (certification order).
pub fn write(packages: &[Value], out: &mut Files) -> Result<(), serde_json::Error> {
    let bytes = |v: &Value| serde_json::to_vec_pretty(v);
    let documents: Vec<&Value> = packages.iter().map(|p| &p["CFDocument"]).collect();
    out.add(format!("{ROOT}/CFDocuments/index.json"), bytes(&json!({"CFDocuments": documents}))?);
    let mut definitions = std::collections::BTreeMap::new();
    for p in packages {
        let id =
            p["CFDocument"]["identifier"].as_str().expect("a package made by case::package_in");
        out.add(format!("{ROOT}/CFDocuments/{id}"), bytes(&p["CFDocument"])?);
        out.add(format!("{ROOT}/CFPackages/{id}"), bytes(p)?);
        for class in ["CFItemTypes", "CFAssociationGroupings"] {
            for d in p["CFDefinitions"][class].as_array().into_iter().flatten() {
                if let Some(id) = d["identifier"].as_str() {
                    definitions.insert(format!("{ROOT}/{class}/{id}"), d.clone());
                }
            }
        }
    }
    for (path, d) in definitions {
        out.add(path, bytes(&d)?);
    }
    Ok(())
}
