//! The page a static host serves for an address that has no page (`404.html`, the name GitHub
//! Pages, Netlify and most hosts look for; `serve` answers with it too). A host serves it at any
//! depth, so it carries `<base href>` set to the site's address (`[output.html] site-url`) and
//! its links resolve from the site's root wherever it is shown.

use serde::Serialize;

use crate::site::context::{CertLink, SiteCtx};
use crate::urls;

use super::Page;

/// What `404.html` reads besides the layout's part.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct NotFound<'a> {
    /// The site's address, for `<base href>` (only this page has it: the layout tests it).
    base_href: &'a str,
    /// The certifications a reader may have looked for.
    certs: Vec<ShortLink>,
    inline_css: String,
    tops: &'static [&'static str],
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct ShortLink {
    href: String,
    short: String,
}

pub fn render(ctx: &SiteCtx) -> Result<Page, String> {
    let path = urls::not_found();
    let certs = ctx
        .corpus
        .certs
        .iter()
        .filter(|k| !k.only_named)
        .map(|k| {
            let CertLink { href, title } = ctx.cert_link(&path, k);
            ShortLink { href, short: title }
        })
        .collect();
    // (#27) Served at any depth under a root it may not know: its style inline, and the site's
    // top folders, from which its script finds the root in the missing address.
    let assets = crate::site::templates::assets(ctx.cfg.output.html.theme.as_deref())?;
    let inline_css = assets
        .iter()
        .find(|(p, _)| *p == "assets/style.css")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let body =
        NotFound { base_href: &ctx.cfg.output.html.site_url, certs, inline_css, tops: TOP_FOLDERS };
    let base = ctx.base(&path, crate::words::not_found::title);
    Ok((path.clone(), ctx.render_page("404.html", base, &body)?))
}

/// The folders at the site's root (see `urls`): a missing address under one of them tells where
/// the site's root is.
const TOP_FOLDERS: &[&str] = &[
    "c",
    "sources",
    "codes",
    "telechargements",
    "correspondances",
    "evolutions",
    "passerelles",
    "assets",
    "search",
];
