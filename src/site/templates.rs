//! The templates and assets, compiled into the binary (so that the tool works from anywhere) and
//! compiled by Tera once per build. A theme folder (`output.html.theme`, `templates/` by default)
//! replaces any of them by a file of the same name, read at build time.

use std::path::Path;

use super::Error;

/// Templates by name, from `templates/`.
const TEMPLATES: &[(&str, &str)] = &[
    ("components.html", include_str!("../../templates/components.html")),
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("catalogue.html", include_str!("../../templates/catalogue.html")),
    ("comparisons.html", include_str!("../../templates/comparisons.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("cert.html", include_str!("../../templates/cert.html")),
    ("document.html", include_str!("../../templates/document.html")),
    ("element.html", include_str!("../../templates/element.html")),
    ("matrix.html", include_str!("../../templates/matrix.html")),
    ("correspondence.html", include_str!("../../templates/correspondence.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("sources.html", include_str!("../../templates/sources.html")),
    ("glossary.html", include_str!("../../templates/glossary.html")),
    ("code.html", include_str!("../../templates/code.html")),
    ("codes.html", include_str!("../../templates/codes.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("diff.html", include_str!("../../templates/diff.html")),
    ("crosswalk.html", include_str!("../../templates/crosswalk.html")),
    ("downloads.html", include_str!("../../templates/downloads.html")),
    ("printable.html", include_str!("../../templates/printable.html")),
    // #28
    ("grid.html", include_str!("../../templates/grid.html")),
    ("positionnement.html", include_str!("../../templates/positionnement.html")),
    ("plan.html", include_str!("../../templates/plan.html")),
];

/// Static assets, by their path in the site.
const ASSETS: &[(&str, &str)] = &[
    ("assets/style.css", include_str!("../../templates/assets/style.css")),
    ("assets/search.js", include_str!("../../templates/assets/search.js")),
    ("assets/keys.js", include_str!("../../templates/assets/keys.js")),
];

/// The theme's version of a built-in file, when the theme folder has one.
fn themed(theme: Option<&Path>, name: &str, builtin: &str) -> Result<String, Error> {
    match theme.map(|t| t.join(name)).filter(|p| p.is_file()) {
        Some(path) => {
            std::fs::read_to_string(&path).map_err(|source| Error::Theme { path, source })
        }
        None => Ok(builtin.to_string()),
    }
}

/// Compile the templates, the theme's where it has them, the built-in ones otherwise.
pub fn compile(theme: Option<&Path>) -> Result<tera::Tera, Error> {
    let mut tera = tera::Tera::new();
    tera.set_escape_fn(super::richtext::escape_into);
    let mut sources = Vec::new();
    for (name, builtin) in TEMPLATES {
        sources.push((*name, themed(theme, name, builtin)?));
    }
    tera.add_raw_templates(sources.iter().map(|(n, s)| (*n, s.as_str())))
        .map_err(Error::Templates)?;
    Ok(tera)
}

/// The static assets, the theme's where it has them.
pub fn assets(theme: Option<&Path>) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    ASSETS.iter().map(|(p, s)| Ok((*p, themed(theme, p, s)?.into_bytes()))).collect()
}
