//! The home page, a trainer's first screen: what the site holds, the certifications grouped by
//! kind (titres professionnels, BTS …) with their counts, each group's first lineages (their
//! versions, oldest first), and the first evolution and passerelle pages. It shows at most
//! [`CARDS`] certifications and [`COMPARISONS`] comparisons, whatever the corpus: the
//! catalogue ([`super::catalogue`]) lists them all.

use serde::Serialize;

use crate::schema::CertKind;
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::home as words;

use super::Page;
use super::catalogue::{self, Comparison, LineageCard};

/// Certifications (versions) the home page shows at most.
pub const CARDS: usize = 12;
/// Versions of one lineage the home page shows at most (the newest).
pub const VERSIONS: usize = 4;
/// Evolution pages, and passerelle pages, the home page links at most (of each).
pub const COMPARISONS: usize = 10;

/// The groups, in the order the home page shows them.
const KINDS: [(CertKind, &str); 3] = [
    (CertKind::TitreProfessionnel, words::GROUP_TITRE_PROFESSIONNEL),
    (CertKind::Bts, words::GROUP_BTS),
    (CertKind::NonPrecise, words::GROUP_NON_PRECISE),
];

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Stats {
    certs: usize,
    elements: usize,
    matrices: usize,
    correspondences: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Group {
    title: &'static str,
    counts: String,
    lineages: Vec<LineageCard>,
    /// Lineages of the group the page leaves to the catalogue.
    more: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Home {
    stats: Stats,
    groups: Vec<Group>,
    /// The catalogue's first page, and whether the page shows every certification.
    catalogue: String,
    everything: bool,
    evolutions: Vec<Comparison>,
    passerelles: Vec<Comparison>,
    comparisons_total: usize,
    comparisons_href: String,
}

pub fn render(
    ctx: &SiteCtx,
    comparisons: &super::compare::Comparisons,
) -> Result<Page, crate::site::Error> {
    let path = urls::home();
    let all = catalogue::lineages(ctx);
    // Each lineage's page in the catalogue.
    let page_of = |i: usize| i / catalogue::PER_PAGE;
    let mut kinds: Vec<Vec<(usize, &catalogue::Lineage)>> = vec![Vec::new(); KINDS.len()];
    for (i, l) in all.iter().enumerate() {
        let k = KINDS.iter().position(|(k, _)| *k == l.kind).unwrap_or(KINDS.len() - 1);
        kinds[k].push((i, l));
    }
    // The lineages shown: one of each group in turn, while they fit in the page's budget.
    let mut shown = vec![0; KINDS.len()];
    let mut used = 0;
    loop {
        let mut added = false;
        for (k, lineages) in kinds.iter().enumerate() {
            if let Some((_, l)) = lineages.get(shown[k]) {
                let cards = l.certs.len().min(VERSIONS);
                if used + cards <= CARDS {
                    used += cards;
                    shown[k] += 1;
                    added = true;
                }
            }
        }
        if !added {
            break;
        }
    }
    let groups: Vec<Group> = kinds
        .iter()
        .zip(KINDS)
        .zip(&shown)
        .filter(|((lineages, _), _)| !lineages.is_empty())
        .map(|((lineages, (_, title)), &n)| Group {
            title,
            counts: words::counts(
                lineages.iter().map(|(_, l)| l.certs.len()).sum(),
                lineages.len(),
            ),
            lineages: lineages[..n]
                .iter()
                .map(|(i, l)| LineageCard::of(ctx, &path, l, page_of(*i), VERSIONS))
                .collect(),
            more: lineages.len() - n,
        })
        .collect();
    let everything = groups.iter().all(|g| g.more == 0 && g.lineages.iter().all(|l| l.older == 0));
    let listed = catalogue::comparisons(&path, comparisons);
    let comparisons_total = listed.len();
    let (evolutions, passerelles): (Vec<_>, Vec<_>) = listed.into_iter().partition(|c| c.evolution);
    let first = |v: Vec<Comparison>| v.into_iter().take(COMPARISONS).collect::<Vec<_>>();
    let cx = Home {
        stats: Stats {
            certs: ctx.corpus.certs.len(),
            elements: ctx.corpus.elements.len(),
            matrices: ctx.corpus.matrices.len(),
            correspondences: ctx.corpus.correspondences.len(),
        },
        groups,
        catalogue: urls::rel(&path, &urls::catalogue(0)),
        everything,
        evolutions: first(evolutions),
        passerelles: first(passerelles),
        comparisons_total,
        comparisons_href: urls::rel(&path, &urls::comparisons(0)),
    };
    let mut c = ctx.page(&path, &ctx.cfg.book.title);
    c.insert("home", &cx);
    Ok((path.clone(), ctx.render("home.html", &c)?))
}
