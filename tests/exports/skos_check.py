"""rdflib parses every Turtle file given, together, and runs qSKOS-style checks on the whole
(issue #29): every scheme has a prefLabel; every concept one prefLabel in French, is in a scheme
and is either top concept or has a broader concept (no orphan); no cycle of skos:broader;
broader/narrower are inverse; every symmetric mapping relation (exact, close, related) has its
inverse, broadMatch its narrowMatch; concepts of a scheme that share a prefLabel have distinct
notations. Prints the problems and exits 1 when there are any."""
import sys
from collections import defaultdict

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

g = Graph()
for path in sys.argv[1:]:
    g.parse(path, format="turtle")
problems = []
schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))
concepts = set(g.subjects(RDF.type, SKOS.Concept))
for s in schemes:
    if not list(g.objects(s, SKOS.prefLabel)):
        problems.append(f"scheme without prefLabel: {s}")
labels = defaultdict(list)
for c in concepts:
    pref = [l for l in g.objects(c, SKOS.prefLabel) if isinstance(l, Literal) and l.language == "fr"]
    if len(pref) != 1:
        problems.append(f"{c}: {len(pref)} French prefLabels")
    in_scheme = list(g.objects(c, SKOS.inScheme))
    if not in_scheme:
        problems.append(f"orphan (no scheme): {c}")
    if not list(g.objects(c, SKOS.broader)) and not list(g.objects(c, SKOS.topConceptOf)):
        problems.append(f"orphan (neither broader nor top): {c}")
    for s in in_scheme:
        for l in pref:
            labels[(s, str(l))].append(c)
for (s, l), cs in labels.items():
    if len(cs) > 1:
        notations = [tuple(sorted(map(str, g.objects(c, SKOS.notation)))) for c in cs]
        if any(not n for n in notations) or len(set(notations)) < len(notations):
            problems.append(f"{len(cs)} concepts share « {l} » without distinct notations")
for c in concepts:  # cycles of skos:broader
    seen, cur = {c}, list(g.objects(c, SKOS.broader))
    while cur:
        nxt = []
        for p in cur:
            if p == c:
                problems.append(f"broader cycle through {c}")
                nxt = []
                break
            if p not in seen:
                seen.add(p)
                nxt.extend(g.objects(p, SKOS.broader))
        cur = nxt
for a, b in g.subject_objects(SKOS.broader):
    if (b, SKOS.narrower, a) not in g:
        problems.append(f"broader without narrower: {a} → {b}")
inverse = {SKOS.exactMatch: SKOS.exactMatch, SKOS.closeMatch: SKOS.closeMatch, SKOS.relatedMatch: SKOS.relatedMatch, SKOS.broadMatch: SKOS.narrowMatch, SKOS.narrowMatch: SKOS.broadMatch}
mappings = 0
for p, q in inverse.items():
    for a, b in g.subject_objects(p):
        mappings += 1
        if b in concepts and (b, q, a) not in g:
            problems.append(f"{p.split('#')[1]} without its inverse: {a} → {b}")
for p in problems[:40]:
    print(p)
print(f"rdflib: {len(sys.argv) - 1} files, {len(g)} triples, {len(schemes)} schemes, {len(concepts)} concepts, {mappings} mapping triples, {len(problems)} problems")
sys.exit(1 if problems else 0)
