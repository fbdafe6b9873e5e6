//! `referentiel show ID`: one element as a reader asks for it — its text, where it sits, what it
//! holds (critères, savoir-faire, savoirs …), what evaluates or certifies it, its
//! correspondences and its source lines; or, for a certification id, its identity and top level.

use referentiel::words::help;
use std::fmt::Write as _;

use serde::Serialize;

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::{Format, md};
use referentiel::graph::Graph;
use referentiel::ids::{ElementKey, LocalId};
use referentiel::model::{Corpus, Element};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::ID, help = help::SHOW_ID)]
    id: String,
    #[arg(long, value_name = help::value::ID, help = help::SHOW_CERT)]
    cert: Option<String>,
    #[command(flatten)]
    format: FormatArgs,
}

/// An element as `show` prints it.
#[derive(Serialize)]
struct Shown {
    id: String,
    certification: String,
    kind: &'static str,
    kind_label: &'static str,
    code: Option<String>,
    text: String,
    /// From the top: code and text of each ancestor.
    ancestors: Vec<Line>,
    /// Children, in data order.
    children: Vec<Line>,
    /// Outgoing links (`certifies`, `evaluates` …) and incoming ones (read backwards).
    links: Vec<Related>,
    /// Counterparts through correspondence tables.
    correspondences: Vec<Related>,
    facts: Vec<(String, String)>,
    /// (#27) A compétence read as its fiche: each part (critères, savoir-faire, savoirs,
    /// évaluation …) under its heading, items in full; empty for other elements.
    fiche: Vec<FichePart>,
    note: Option<String>,
    /// The document's title and the lines: « REAC …, lignes 120-124 ».
    source: String,
}

#[derive(Serialize)]
struct FichePart {
    heading: String,
    items: Vec<String>,
}

#[derive(Serialize)]
struct Line {
    id: String,
    kind: &'static str,
    code: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct Related {
    relation: String,
    #[serde(flatten)]
    element: Line,
}

fn line(e: &Element) -> Line {
    Line {
        id: e.key.to_string(),
        kind: e.kind.label(),
        code: e.code.clone(),
        text: e.text().to_string(),
    }
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let key = resolve(&corpus, &args.id, args.cert.as_deref())?;
    let graph = Graph::build(&corpus);
    let e = corpus.element(&key).expect("resolved");
    let shown = shown(&corpus, &graph, e);
    let printed = match format {
        Format::Json => {
            format!("{}\n", serde_json::to_string_pretty(&shown).expect("serializable"))
        }
        Format::Markdown => markdown(&shown),
        Format::Text => text(&shown),
    };
    super::print_for(ctx, format, &printed)
}

/// The element a person named, or a usage failure that says what exists.
fn resolve(corpus: &Corpus, given: &str, cert: Option<&str>) -> Result<ElementKey, Failure> {
    let (cert, local) = match (cert, given.split_once('/')) {
        (Some(c), _) => (Some(c), given),
        (None, Some((c, l))) => (Some(c), l),
        (None, None) => (None, given),
    };
    if let Some(c) = cert {
        let cert = corpus.require_cert(c).map_err(|u| Failure::Usage {
            message: referentiel::words::command::no_cert(&u.id),
            hint: u.hint,
        })?;
        let key = ElementKey::new(cert.clone(), LocalId::new(local));
        if corpus.element(&key).is_some() {
            return Ok(key);
        }
        // (#27) `ntc-2018/CP3`: the id or the code as the document prints it, whatever the case.
        let same = |s: &str| s.eq_ignore_ascii_case(local);
        let found: Vec<&Element> = corpus
            .elements_of(&cert)
            .filter(|e| same(e.key.local.as_str()) || e.code.as_deref().is_some_and(same))
            .collect();
        if let [one] = found.as_slice() {
            return Ok(one.key.clone());
        }
        let hint = referentiel::diag::did_you_mean(
            local,
            corpus.elements_of(&cert).map(|e| e.key.local.as_str()),
        );
        return Err(Failure::Usage {
            message: referentiel::words::command::no_element_in(local, cert.as_str()),
            hint,
        });
    }
    if corpus.cert(&referentiel::ids::CertId::new(given)).is_some() {
        return Err(Failure::Usage {
            message: referentiel::words::command::is_a_certification(given),
            hint: Some(referentiel::words::command::is_a_certification_hint(given)),
        });
    }
    let mut matches: Vec<&Element> =
        corpus.elements.iter().filter(|e| e.key.local.as_str() == given).collect();
    if matches.is_empty() {
        // `CP3`, `C1.1.1`: an id or a code, whatever the case.
        let same = |s: &str| s.eq_ignore_ascii_case(given);
        matches = corpus
            .elements
            .iter()
            .filter(|e| same(e.key.local.as_str()) || e.code.as_deref().is_some_and(same))
            .collect();
    }
    match matches.as_slice() {
        [one] => Ok(one.key.clone()),
        [] => Err(Failure::Usage {
            message: referentiel::words::command::no_element(given),
            hint: Some(referentiel::words::command::NO_ELEMENT_HINT.into()),
        }),
        many => Err(Failure::Usage {
            message: referentiel::words::command::element_of_many(given, many.len()),
            hint: Some(referentiel::words::command::name_one(
                &many.iter().map(|e| e.key.to_string()).collect::<Vec<_>>().join(", "),
            )),
        }),
    }
}

fn shown(corpus: &Corpus, graph: &Graph, e: &Element) -> Shown {
    let related = |rel: String, k: &ElementKey| {
        corpus.element(k).map(|o| Related { relation: rel, element: line(o) })
    };
    let mut links: Vec<Related> =
        e.links.iter().filter_map(|l| related(l.rel.labels().0.to_string(), &l.to)).collect();
    links.extend(
        graph
            .incoming_links(&e.key)
            .into_iter()
            .filter_map(|(rel, k)| related(rel.labels().1.to_string(), k)),
    );
    let correspondences = graph
        .correspondents(&e.key)
        .into_iter()
        .filter_map(|(table, rel, _, k)| related(format!("{} ({table})", rel.label()), k))
        .collect();
    let doc = corpus.sources.get(e.cite.doc.as_str());
    let fiche = fiche_parts(corpus, graph, e);
    if !fiche.is_empty() {
        // The fiche's évaluation part says what evaluates and certifies it.
        links.retain(|r| {
            r.relation != referentiel::words::rel::Evaluates.1
                && r.relation != referentiel::words::rel::Certifies.1
        });
    }
    Shown {
        id: e.key.to_string(),
        certification: corpus
            .cert(&e.key.cert)
            .map(referentiel::present::short_cert)
            .unwrap_or_default(),
        kind: e.kind.name(),
        kind_label: e.kind.label(),
        code: e.code.clone(),
        text: e.text().to_string(),
        // Parent › child, as the site's breadcrumb.
        ancestors: corpus.ancestors(e).into_iter().map(line).collect(),
        children: e.children.iter().filter_map(|k| corpus.element(k)).map(line).collect(),
        links,
        correspondences,
        facts: e
            .facts
            .iter()
            .map(|f| {
                (
                    referentiel::site::pages::element::fact_label(f.name).to_string(),
                    f.cite.text.clone(),
                )
            })
            .collect(),
        fiche,
        note: e.note.clone(),
        source: format!(
            "{}, {} {}",
            doc.map(|d| d.title.clone()).unwrap_or_else(|| e.cite.doc.to_string()),
            referentiel::words::show::lines,
            e.cite.lines
        ),
    }
}

/// (#27) The parts of a compétence's fiche, in the order a trainer reads them.
fn fiche_parts(corpus: &Corpus, graph: &Graph, e: &Element) -> Vec<FichePart> {
    use referentiel::present::{fiche_heading, savoir_faire_group};
    let Some(f) = referentiel::fiche::Fiche::of(corpus, graph, &e.key) else { return Vec::new() };
    if !e.kind.is_competence() {
        return Vec::new();
    }
    let text = |k: &ElementKey| corpus.element(k).map(|x| head(&line(x))).unwrap_or_default();
    let texts = |ks: &[ElementKey]| ks.iter().map(text).collect::<Vec<_>>();
    let mut out: Vec<FichePart> = Vec::new();
    let mut part = |heading: String, items: Vec<String>| {
        if !items.is_empty() {
            out.push(FichePart { heading, items });
        }
    };
    part(fiche_heading("parts").to_string(), texts(&f.parts));
    part(fiche_heading("description").to_string(), texts(&f.description));
    part(fiche_heading("contexte").to_string(), texts(&f.contexte));
    let inherited = |v: &[referentiel::fiche::Inherited]| {
        v.iter()
            .flat_map(|i| {
                i.items.iter().map(move |k| {
                    format!(
                        "{} ({} {})",
                        text(k),
                        referentiel::words::show::printed_for,
                        text(&i.from)
                    )
                })
            })
            .collect::<Vec<_>>()
    };
    part(
        fiche_heading("conditions").to_string(),
        [texts(&f.conditions), inherited(&f.conditions_inherited)].concat(),
    );
    let criteres = f
        .all_criteres()
        .next()
        .and_then(|k| corpus.element(k))
        .map(|c| c.kind.plural().to_string())
        .unwrap_or_else(|| fiche_heading("criteres").to_string());
    part(criteres, [texts(&f.criteres), inherited(&f.criteres_inherited)].concat());
    for g in &f.savoir_faire {
        let heading = match savoir_faire_group(g.block, g.subtype) {
            Some(h) => format!("{} — {h}", fiche_heading("savoir_faire")),
            None => fiche_heading("savoir_faire").to_string(),
        };
        part(heading, texts(&g.items));
    }
    let savoirs: Vec<String> = f
        .savoirs
        .iter()
        .flat_map(|s| {
            std::iter::once(text(&s.key))
                .chain(s.savoirs.iter().chain(&s.limites).map(|k| format!("  {}", text(k))))
        })
        .collect();
    part(fiche_heading("savoirs").to_string(), savoirs);
    let assessed: Vec<String> = f
        .evaluated_by
        .iter()
        .chain(&f.certified_by)
        .filter_map(|a| {
            let by = corpus.element(&a.by)?;
            let owner = by
                .parent
                .as_ref()
                .and_then(|p| corpus.element(p))
                .filter(|_| by.kind == referentiel::schema::Kind::ModaliteEvaluation);
            let facts: Vec<String> = by
                .facts
                .iter()
                .map(|x| {
                    format!(
                        "{} : {}",
                        referentiel::site::pages::element::fact_label(x.name),
                        x.cite.text.trim()
                    )
                })
                .collect();
            let mut s = format!("{} {} {}", a.rel.labels().1, by.kind.label(), head(&line(by)));
            if let Some(o) = owner {
                s.push_str(&format!(" ({} {})", referentiel::words::show::within, head(&line(o))));
            }
            if let Some(v) = a.via.as_ref().and_then(|v| corpus.element(v)) {
                s.push_str(&format!(" (via {})", head(&line(v))));
            }
            if !facts.is_empty() {
                s.push_str(&format!(" · {}", facts.join(" · ")));
            }
            Some(s)
        })
        .collect();
    part(fiche_heading("evaluation").to_string(), assessed);
    out
}

fn head(l: &Line) -> String {
    match &l.code {
        Some(c) if !l.text.starts_with(c.as_str()) => format!("{c} {}", l.text),
        _ => l.text.clone(),
    }
}

fn text(s: &Shown) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} · {}", s.kind_label, s.certification);
    if !s.ancestors.is_empty() {
        let _ = writeln!(o, "{}", s.ancestors.iter().map(head).collect::<Vec<_>>().join(" › "));
    }
    let _ = writeln!(
        o,
        "\n{}\n",
        head(&Line {
            id: s.id.clone(),
            kind: s.kind_label,
            code: s.code.clone(),
            text: s.text.clone()
        })
    );
    for (name, value) in &s.facts {
        let _ = writeln!(o, "  {name}: {value}");
    }
    for p in &s.fiche {
        let _ = writeln!(o, "{}", p.heading);
        for i in &p.items {
            let _ = writeln!(o, "  - {i}");
        }
    }
    let mut last_kind = "";
    // A fiche says what the compétence holds, in full and in reading order.
    for c in s.children.iter().filter(|_| s.fiche.is_empty()) {
        if c.kind != last_kind {
            let _ = writeln!(o, "{}", c.kind);
            last_kind = c.kind;
        }
        let _ = writeln!(o, "  - {}  [{}]", head(c), c.id);
    }
    for (title, list) in [("Liens", &s.links), ("Correspondances", &s.correspondences)] {
        if !list.is_empty() {
            let _ = writeln!(o, "{title}");
            for r in list {
                let _ = writeln!(o, "  {} {}  [{}]", r.relation, head(&r.element), r.element.id);
            }
        }
    }
    if let Some(n) = &s.note {
        let _ = writeln!(o, "{} : {n}", referentiel::words::show::note);
    }
    let _ = writeln!(o, "{} : {}  [{}]", referentiel::words::show::source, s.source, s.id);
    o
}

fn markdown(s: &Shown) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "## {}\n",
        md(&head(&Line {
            id: s.id.clone(),
            kind: s.kind_label,
            code: s.code.clone(),
            text: s.text.clone()
        }))
    );
    let _ = writeln!(o, "*{}* · {}\n", s.kind_label, md(&s.certification));
    for p in &s.fiche {
        let _ = writeln!(o, "\n### {}\n", md(&p.heading));
        for i in &p.items {
            let _ = writeln!(o, "- {}", md(i.trim_start()));
        }
    }
    if !s.fiche.is_empty() {
        let _ = writeln!(o);
    }
    for c in s.children.iter().filter(|_| s.fiche.is_empty()) {
        let _ = writeln!(o, "- {} — {}", c.kind, md(&head(c)));
    }
    for r in s.links.iter().chain(&s.correspondences) {
        let _ = writeln!(o, "- {} : {}", md(&r.relation), md(&head(&r.element)));
    }
    let _ = writeln!(o, "\nSource : {}", md(&s.source));
    o
}
