//! The templates and assets, compiled into the binary (so that the tool works from anywhere) and
//! compiled by Tera once per build.

/// Templates by name, from `templates/`.
const TEMPLATES: &[(&str, &str)] = &[
    ("components.html", include_str!("../../templates/components.html")),
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
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
];

/// Static assets, by their path in the site.
const ASSETS: &[(&str, &str)] = &[
    ("assets/style.css", include_str!("../../templates/assets/style.css")),
    ("assets/search.js", include_str!("../../templates/assets/search.js")),
    ("assets/keys.js", include_str!("../../templates/assets/keys.js")),
];

pub fn compile() -> Result<tera::Tera, String> {
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(TEMPLATES.iter().copied()).map_err(|e| format!("templates: {e}"))?;
    Ok(tera)
}

pub fn assets() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    ASSETS.iter().map(|(p, s)| (*p, s.as_bytes()))
}
