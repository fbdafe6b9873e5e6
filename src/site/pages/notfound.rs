//! The page a static host serves for an address that has no page (`404.html`, the name GitHub
//! Pages, Netlify and most hosts look for; `serve` answers with it too). A host serves it at any
//! depth, so it carries `<base href>` set to the site's address (`[output.html] site-url`) and
//! its links resolve from the site's root wherever it is shown.

use serde_json::json;

use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

pub fn render(ctx: &SiteCtx) -> Result<Page, String> {
    let path = urls::not_found();
    let mut c = ctx.page(&path, crate::words::not_found::title);
    c.insert("base_href", &ctx.cfg.output.html.site_url);
    let certs: Vec<_> = ctx
        .corpus
        .certs
        .iter()
        .filter(|k| !k.only_named)
        .map(|k| json!({"href": urls::rel(&path, &urls::cert(&k.id)), "short": short_cert(k)}))
        .collect();
    c.insert("certs", &certs);
    // (#27) Served at any depth under a root it may not know: its style inline, and the site's
    // top folders, from which its script finds the root in the missing address.
    let assets = crate::site::templates::assets(ctx.cfg.output.html.theme.as_deref())?;
    let css = assets
        .iter()
        .find(|(p, _)| *p == "assets/style.css")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    c.insert("inline_css", &css);
    c.insert("tops", &TOP_FOLDERS);
    Ok((path.clone(), ctx.render("404.html", &c)?))
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
