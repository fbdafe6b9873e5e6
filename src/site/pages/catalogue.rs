//! The catalogue: every certification, by lineage (its versions oldest first), lineages in
//! alphabetical order, [`PER_PAGE`] lineages a page with a letter index; and the list of every
//! evolution and passerelle page, [`COMPARISONS_PER_PAGE`] a page. The home page shows the first
//! of each and links here, so that it stays the same size whatever the corpus.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Certification;
use crate::schema::CertKind;
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::home as words;

use super::Page;
use super::paging::{self, Letter, Pager};

/// Lineages a page of the catalogue holds.
pub const PER_PAGE: usize = 25;
/// Links a page of the list of comparisons holds.
pub const COMPARISONS_PER_PAGE: usize = 100;

/// A lineage: the versions of one certification, oldest first.
pub struct Lineage<'c> {
    pub id: &'c str,
    /// The newest named version's title.
    pub title: String,
    /// The newest named version's kind.
    pub kind: CertKind,
    pub certs: Vec<&'c Certification>,
}

/// Every lineage, in alphabetical order of its title.
pub fn lineages<'c>(ctx: &SiteCtx<'c>) -> Vec<Lineage<'c>> {
    let mut by_id: BTreeMap<&str, Vec<&Certification>> = BTreeMap::new();
    for c in &ctx.corpus.certs {
        by_id.entry(c.lineage.as_str()).or_default().push(c);
    }
    let mut out: Vec<(String, Lineage)> = by_id
        .into_iter()
        .map(|(id, certs)| {
            let newest = certs.iter().rfind(|c| !c.only_named).or(certs.last()).copied();
            let title = newest.map(|c| c.title.text.clone()).unwrap_or_else(|| id.to_string());
            let kind = newest.map(|c| c.kind).unwrap_or(CertKind::NonPrecise);
            (paging::sort_key(&title), Lineage { id, title, kind, certs })
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(b.1.id)));
    out.into_iter().map(|(_, l)| l).collect()
}

/// A certification as a card of the home page and the catalogue.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Card {
    pub href: String,
    pub title: String,
    pub version: String,
    pub kind: &'static str,
    pub sigle: Option<String>,
    pub levels: Vec<String>,
    pub elements: usize,
    pub only_named: bool,
}

impl Card {
    pub fn of(ctx: &SiteCtx, from: &str, c: &Certification) -> Card {
        Card {
            href: urls::rel(from, &urls::cert(&c.id)),
            title: c.title.text.clone(),
            version: c.version.clone(),
            kind: c.kind.label(),
            sigle: c.sigle.as_ref().map(|s| s.text.clone()),
            levels: c.levels.iter().map(|l| l.cite.text.clone()).collect(),
            elements: ctx.corpus.elements_of(&c.id).count(),
            only_named: c.only_named,
        }
    }
}

/// A lineage as the pages show it: its versions, or the newest of them.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LineageCard {
    pub id: String,
    pub title: String,
    pub certs: Vec<Card>,
    /// Older versions left out (the catalogue shows them).
    pub older: usize,
    /// Its place in the catalogue.
    pub href: String,
}

impl LineageCard {
    /// `l` seen from `from`, its newest `at_most` versions.
    pub fn of(ctx: &SiteCtx, from: &str, l: &Lineage, page: usize, at_most: usize) -> LineageCard {
        let older = l.certs.len().saturating_sub(at_most);
        LineageCard {
            id: l.id.to_string(),
            title: l.title.clone(),
            certs: l.certs[older..].iter().map(|c| Card::of(ctx, from, c)).collect(),
            older,
            href: format!("{}#lignee-{}", urls::rel(from, &urls::catalogue(page)), l.id),
        }
    }
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Catalogue {
    letters: Vec<Letter>,
    pager: Option<Pager>,
    lineages: Vec<LineageCard>,
    certs: usize,
    total: usize,
}

/// The catalogue's pages.
pub fn render(ctx: &SiteCtx) -> Result<Vec<Page>, crate::site::Error> {
    let all = lineages(ctx);
    let count = paging::page_count(all.len(), PER_PAGE);
    // Every page is in one folder: the index of letters is the same on each.
    let letters =
        paging::index(&urls::catalogue(0), all.iter().map(|l| paging::letter_of(&l.title)), |i| {
            format!("{}#lignee-{}", urls::catalogue(i / PER_PAGE), all[i].id)
        });
    let mut pages = Vec::new();
    for (p, chunk) in all.chunks(PER_PAGE).enumerate() {
        let path = urls::catalogue(p);
        let cx = Catalogue {
            letters: letters.clone(),
            pager: (count > 1).then(|| Pager::new(&path, p, count, urls::catalogue)),
            lineages: chunk.iter().map(|l| LineageCard::of(ctx, &path, l, p, usize::MAX)).collect(),
            certs: ctx.corpus.certs.len(),
            total: all.len(),
        };
        let mut c = ctx.page(&path, &words::catalogue_title(p + 1, count));
        c.insert("catalogue", &cx);
        pages.push((path, ctx.render("catalogue.html", &c)?));
    }
    Ok(pages)
}

/// An evolution or passerelle page, as the lists link it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Comparison {
    pub href: String,
    pub title: String,
    /// An evolution (else a passerelle).
    pub evolution: bool,
}

/// The comparison pages of [`super::compare::render_all`] (the evolutions, then the
/// passerelles), seen from `from`.
pub(crate) fn comparisons(from: &str, listed: &super::compare::Comparisons) -> Vec<Comparison> {
    let of = |list: &[super::compare::Listed], evolution: bool| -> Vec<Comparison> {
        list.iter()
            .map(|d| Comparison {
                href: urls::rel(from, &d.href),
                title: d.title.clone(),
                evolution,
            })
            .collect()
    };
    let mut all = of(&listed.diffs, true);
    all.extend(of(&listed.crosswalks, false));
    all
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Comparisons {
    pager: Option<Pager>,
    items: Vec<Comparison>,
    total: usize,
}

/// The pages of the list of every comparison.
pub(crate) fn render_comparisons(
    ctx: &SiteCtx,
    listed: &super::compare::Comparisons,
) -> Result<Vec<Page>, crate::site::Error> {
    // Every page of the list is in one folder: the links are the same from each.
    let all = comparisons(&urls::comparisons(0), listed);
    let total = all.len();
    let count = paging::page_count(total, COMPARISONS_PER_PAGE);
    let mut pages = Vec::new();
    let mut items = all.into_iter();
    for p in 0..count {
        let path = urls::comparisons(p);
        let cx = Comparisons {
            pager: (count > 1).then(|| Pager::new(&path, p, count, urls::comparisons)),
            items: items.by_ref().take(COMPARISONS_PER_PAGE).collect(),
            total,
        };
        let mut c = ctx.page(&path, &words::comparisons_title(p + 1, count));
        c.insert("comparisons", &cx);
        pages.push((path, ctx.render("comparisons.html", &c)?));
    }
    Ok(pages)
}
