"""Draft data/certifications/ntc-2018/*.yaml from 000 (REAC + RE of the titre NTC, 2018).
The structure (which lines are headings, tables, lists) is written out below from reading the
document; the texts are taken from the lines. Every element is then reviewed by hand, and the
checker proves each text at its cited lines."""
import os, sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py')).read())

SRC, OUT = sys.argv[1], sys.argv[2]   # source 000, output folder data/certifications/ntc-2018
load(SRC)
# Page footers, the copyright notice, the closing line: not content.
NOISE |= {524, 525, 971, 972, 1396, 1397, 934, 935, 936, 937, 938, 939, 940, 1569}

# ---------------------------------------------------------------- Introduction
el('intro', 'section', cite(1))
el('intro-evolution', 'section', cite(3), 'intro')
paras('intro-evolution', 5, 8, 'intro-evolution-p')
# 10-11 are the two new activités (variants of at1/at2, below)
paras('intro-evolution', 13, 15, 'intro-evolution-q')
el('intro-contexte', 'section', cite(17), 'intro')
paras('intro-contexte', 19, 38, 'intro-contexte-p')
el('intro-activites', 'section', cite(40), 'intro')
el('intro-activites-ancien', 'paragraphe', cite(42), 'intro-activites')
el('intro-activites-ancien-l', 'paragraphe', cite(43), 'intro-activites')
el('intro-activites-nouveau', 'paragraphe', cite(47), 'intro-activites')
el('intro-activites-nouveau-l', 'paragraphe', cite(48), 'intro-activites')
el('synoptique', 'section', cite(51))

# ---------------------------------------------------------------- Fiche emploi type
el('fet', 'section', cite(87))
el('fet-titre', 'paragraphe', cite(89), 'fet')
el('fet-definition', 'section', cite(91), 'fet')
paras('fet-definition', 93, 134, 'fet-definition-p')
el('fet-secteurs', 'section', cite(136), 'fet')
paras('fet-secteurs', 138, 143, 'fet-secteurs-p')
el('fet-reglementation', 'section', cite(144), 'fet')
el('fet-reglementation-p1', 'paragraphe', cite(146), 'fet-reglementation')
el('fet-equivalences', 'section', cite(148), 'fet')
el('fet-equivalences-p1', 'paragraphe', cite(150), 'fet-equivalences')
el('fet-liste', 'section', cite(153), 'fet')
el('fet-transversales', 'section', cite(166), 'fet')
el('fet-niveau', 'section', cite(172), 'fet')
el('fet-niveau-p1', 'paragraphe', cite(174), 'fet-niveau')
el('fet-niveau-p2', 'paragraphe', cite(175), 'fet-niveau')
el('fet-niveau-p3', 'paragraphe', cite(176, 177), 'fet-niveau')
el('fet-rome', 'section', cite(179), 'fet')
el('fet-rome-p1', 'paragraphe', cite(181), 'fet-rome')
el('fet-rome-p2', 'paragraphe', cite(182), 'fet-rome')

# ---------------------------------------------------------------- Activités types
AT = {
    1: dict(head=183, title=(185, 186), defh=188, desc=(190, 223), regl=227, sans=229, lcp=231, cps=(233, 236), lct=237, cts=(239, 240),
            syn=(72, 73), fet=155, intro=10),
    2: dict(head=241, title=(243, 243), defh=245, desc=(247, 272), regl=274, sans=276, lcp=278, cps=(280, 282), lct=284, cts=(286, 287),
            syn=(84, 84), fet=161, intro=11),
}
for n, a in AT.items():
    at = f'at{n}'
    t, l = cite(*a['title'])
    e = el(at, 'activite_type', (t, l), code=str(n))
    e['variants'] = [var(a['intro']), var(*a['syn'], code_as_printed=str(n)), var(a['fet'], code_as_printed=f'{n}.'), var(49 if n == 1 else 50),
                    # the heading of its compétences in the RE's table 3.2
                    var(1119 if n == 1 else 1191)]
    el(f'{at}-fiche', 'paragraphe', cite(a['head']), at)
    el(f'{at}-definition', 'section', cite(a['defh']), at)
    paras(f'{at}-definition', a['desc'][0], a['desc'][1], f'{at}-desc', 'description')
    el(f'{at}-reglementation', 'section', cite(a['regl']), at)
    el(f'{at}-reglementation-p1', 'paragraphe', cite(a['sans']), f'{at}-reglementation')
    el(f'{at}-liste-cp', 'section', cite(a['lcp']), at)
    el(f'{at}-liste-ct', 'section', cite(a['lct']), at)

# ---------------------------------------------------------------- Compétences professionnelles
heads = [i for i, l in enumerate(src, 1) if 'FICHE COMPÉTENCE PROFESSIONNELLE N°' in l]
ends = heads[1:] + [751]
SYN = {1: (65, 66), 2: (68, 68), 3: (70, 70), 4: (75, 76), 5: (78, 79), 6: (81, 82), 7: (86, 86)}
FET = {1: 156, 2: 157, 3: 158, 4: 159, 5: 162, 6: 163, 7: 164}
ATL = {1: 233, 2: 234, 3: 235, 4: 236, 5: 280, 6: 281, 7: 282}
RE32_CRIT = {1: (1124, 1131), 2: (1137, 1144), 3: (1150, 1158), 4: (1181, 1187), 5: (1196, 1202), 6: (1209, 1216), 7: (1222, 1227)}
RE32 = {1: (1121, 1122), 2: (1135, 1135), 3: (1148, 1148), 4: (1179, 1179), 5: (1193, 1194), 6: (1206, 1207), 7: (1220, 1220)}
for ci, (h, e) in enumerate(zip(heads, ends), 1):
    # The RE (§3.2) prints the same critères again as critères d'évaluation: variants.
    reac_cp_fiche(ci, h, e, 'at1' if ci <= 4 else 'at2',
                  [var(*SYN[ci], code_as_printed=str(ci)), var(FET[ci]), var(ATL[ci]), var(*RE32[ci])],
                  critere_variants=lines_items(*RE32_CRIT[ci]))

# The RE's table 3.3 prints the CP titles in two lists around the two CTs; the first printing of each
# is a column of the matrix ct-cp, the second printing (1266-1269, 1273) a variant of the CP.
def by_id(i):
    return next(e for e in ELS if e['id'] == i)
for cp, n in [('cp6', 1266), ('cp3', 1267), ('cp7', 1268), ('cp2', 1269), ('cp5', 1273)]:
    by_id(cp)['variants'].append(var(n, note='Imprimée une deuxième fois dans le tableau 3.3 (évaluation des compétences transversales).'))

# ---------------------------------------------------------------- Compétences transversales
el('cts', 'section', cite(751))
CT = {1: dict(t=753, d=(755, 759), k=761, cr=(763, 764), fet=168, at=(239, 286)),
      2: dict(t=766, d=(768, 772), k=774, cr=(776, 778), fet=169, at=(240, 287))}
for n, c in CT.items():
    ct = f'ct{n}'
    x = el(ct, 'competence_transversale', cite(c['t']), 'cts')
    x['variants'] = [var(c['fet']), var(c['at'][0]), var(c['at'][1])]
    el(f'{ct}-description', 'section', cite(c['d'][0]), ct)
    el(f'{ct}-desc', 'description', cite(c['d'][0] + 1, c['d'][1]), f'{ct}-description')
    el(f'{ct}-criteres', 'section', cite(c['k']), ct)
    for i, (t, l) in enumerate(lines_items(*c['cr']), 1):
        el(f'{ct}-cr{i}', 'critere_performance', (t, l), f'{ct}-criteres')

# ---------------------------------------------------------------- Glossaries
def glossary(gid, head, terms, end):
    el(gid, 'glossaire', cite(*head) if isinstance(head, tuple) else cite(head))
    bounds = terms + [end + 1]
    for i, t in enumerate(terms, 1):
        tid = f'{gid}-t{i}'
        el(tid, 'terme', cite(t), gid)
        nxt = bounds[i]
        for j, (tx, l) in enumerate(paragraphs(t + 1, nxt - 1), 1):
            el(f'{tid}-d{j}', 'definition', (tx, l), tid)
glossary('gl-technique', 779, [781, 792, 796, 802, 806, 813, 818, 823, 826, 832, 836, 840, 845, 849, 856, 860], 861)
glossary('gl-reac', 862, [864, 869, 876, 882, 890, 894, 900, 906, 910, 914, 921, 926], 931)
glossary('gl-modalites', (1537, 1538), [1540, 1544, 1549, 1553, 1558, 1563], 1567)

# ---------------------------------------------------------------- Référentiel d'évaluation
el('re-references', 'section', cite(941))
for i, n in enumerate(range(943, 952), 1):   # one line per field: intitulé, sigle, niveau, codes, dates
    el(f're-references-p{i}', 'paragraphe', cite(n), 're-references')
el('re-modalites', 'section', cite(953))
paras('re-modalites', 954, 1005, 're-modalites-p')
el('re-dispositif', 'section', cite(1006))
x = el('titre', 'epreuve', cite(1008), 're-dispositif')
x['facts'] = {'duree': {'text': '05 h 50 min', 'lines': 1070}}
el('titre-duree', 'paragraphe', cite(1070), 'titre')

def modalite(id, parent, title, evaluates, duree=None, details=None):
    if isinstance(title[0], str):
        m = el(id, 'modalite_evaluation', (title[0], title[1]), parent)
    else:
        m = el(id, 'modalite_evaluation', cite(*title), parent)
    if duree:
        m['facts'] = {'duree': {'text': duree[0], 'lines': duree[1]}}
    # the compétence as the table prints it in the column « Compétences évaluées »
    m['links'] = [{'rel': 'evaluates', 'to': cp, 'lines': l, 'text': by_id(cp)['text']} for cp, l in evaluates]
    if not m['links']:
        del m['links']
    for i, (a, b) in enumerate(details or [], 1):
        t, l = cite(a, b)
        # the first detail line may start with the duration printed before it
        if i == 1 and duree and duree[0] in t:
            t = t.split(duree[0], 1)[1].strip()
        el(f'{id}-p{i}', 'paragraphe', (t, l), id)
    return m

def sans_objet(id, line):
    """A modalité without compétences: « Sans objet » in the column « Compétences évaluées », and
    again in the column « Détail de l’organisation de l’épreuve »."""
    el(f'{id}-competences', 'paragraphe', ('Sans objet', line), id)
    el(f'{id}-p1', 'paragraphe', ('Sans objet', line), id)

modalite('titre-msp', 'titre', (1011, 1012), [('cp4', 1014), ('cp5', 1015), ('cp6', 1016), ('cp7', 1017)], ('04 h 30 min', 1019),
         [(1019, 1020), (1022, 1022), (1023, 1026), (1027, 1029), (1030, 1032), (1033, 1035)])
el('titre-autres', 'paragraphe', cite(1037), 'titre')
modalite('titre-et', 'titre', ('Entretien technique', 1039), [('cp1', 1039), ('cp6', 1040)], ('00 h 30 min', 1042), [(1042, 1044)])
modalite('titre-qp', 'titre', (1046, 1047), [], ('00 h 00 min', 1049), [])
sans_objet('titre-qp', 1049)
modalite('titre-qpp', 'titre', (1051, 1052), [('cp1', 1054), ('cp2', 1055), ('cp3', 1056)], ('00 h 30 min', 1058), [(1058, 1062)])
modalite('titre-ef', 'titre', ('Entretien final', 1064), [], ('00 h 20 min', 1064), [(1065, 1067)])
el('titre-infos', 'section', cite(1072), 'titre')
paras('titre-infos', 1073, 1097, 'titre-infos-p')
el('titre-vae', 'paragraphe', cite(1098), 'titre')
el('titre-vae-p', 'paragraphe', cite(1099), 'titre')

el('re-criteres', 'section', cite(1100))
el('re-obligations', 'paragraphe', cite(1248), 're-criteres')
el('re-obligations-p', 'paragraphe', cite(1249), 're-criteres')
el('re-transversales', 'section', cite(1250))
el('re-transversales-p1', 'paragraphe', cite(1252), 're-transversales')
el('re-jury', 'section', cite(1275))
el('re-jury-duree', 'paragraphe', cite(1277), 're-jury')
el('re-jury-protocole', 'paragraphe', cite(1279), 're-jury')
paras('re-jury-protocole', 1280, 1283, 're-jury-protocole-p')
el('re-jury-composition', 'paragraphe', cite(1285), 're-jury')
el('re-jury-composition-p', 'paragraphe', cite(1286), 're-jury')
el('re-surveillance', 'section', cite(1288))
paras('re-surveillance', 1289, 1292, 're-surveillance-p')
el('re-ccp', 'section', cite(1293, 1299))

SANS_OBJET = {'ccp1-qp': 1329, 'ccp2-qp': 1440, 'ccp2-qpp': 1445}
def ccp(n, head, title, at, mods, total, infos, jury, autres):
    c = el(f'ccp{n}', 'ccp', cite(title), 're-ccp')
    c['links'] = [{'rel': 'certifies', 'to': at}]
    c['facts'] = {'duree': {'text': total[0], 'lines': total[1]}}
    el(f'ccp{n}-ccp', 'paragraphe', cite(head), f'ccp{n}')
    el(f'ccp{n}-modalites', 'paragraphe', cite(title + 2), f'ccp{n}')
    for i, m in enumerate(mods):
        if i == 1:   # « Autres modalités d’évaluation le cas échéant : », printed after the mise en situation
            el(f'ccp{n}-autres', 'paragraphe', cite(autres), f'ccp{n}')
        modalite(*m)
        if m[0] in SANS_OBJET:
            sans_objet(m[0], SANS_OBJET[m[0]])
    el(f'ccp{n}-total', 'paragraphe', cite(total[1]), f'ccp{n}')
    el(f'ccp{n}-infos', 'section', cite(infos[0]), f'ccp{n}')
    paras(f'ccp{n}-infos', infos[0] + 1, infos[1], f'ccp{n}-infos-p')
    el(f'ccp{n}-jury', 'section', cite(*jury[0]), f'ccp{n}')
    for i, (a, b) in enumerate(jury[1], 1):
        p = el(f'ccp{n}-jury-p{i}', 'paragraphe', cite(a, b), f'ccp{n}-jury')
        if (a, b) in ((1380, 1381), (1465, 1466)):
            p['variants'] = [dict(var(b + 1, b + 2), note='Paragraphe imprimé deux fois de suite dans le document.')]
    return c

c1 = ccp(1, 1300, 1302, 'at1', [
    ('ccp1-msp', 'ccp1', (1307, 1308), [('cp4', 1310)], ('01 h 00 min', 1310), [(1310, 1312), (1313, 1317)]),
    ('ccp1-et', 'ccp1', ('Entretien technique', 1321), [('cp1', 1321)], ('00 h 30 min', 1321), [(1321, 1324)]),
    ('ccp1-qp', 'ccp1', (1326, 1327), [], None, []),
    ('ccp1-qpp', 'ccp1', (1331, 1332), [('cp3', 1334), ('cp1', 1335), ('cp2', 1336)], ('00 h 30 min', 1338), [(1338, 1343)]),
], ('02 h 00 min', 1345), (1347, 1372), ((1373, 1374), [(1376, 1376), (1378, 1378), (1379, 1379), (1380, 1381), (1385, 1385), (1386, 1386), (1388, 1388), (1389, 1390)]), 1319)
c2 = ccp(2, 1399, 1401, 'at2', [
    ('ccp2-msp', 'ccp2', (1406, 1407), [('cp7', 1409), ('cp5', 1410), ('cp6', 1411)], ('03 h 30 min', 1413), [(1413, 1415), (1417, 1417), (1418, 1420), (1421, 1423), (1424, 1427)]),
    ('ccp2-et', 'ccp2', ('Entretien technique', 1432), [('cp6', 1432)], ('00 h 30 min', 1432), [(1432, 1435)]),
    ('ccp2-qp', 'ccp2', (1437, 1438), [], ('00 h 00 min', 1440), []),
    ('ccp2-qpp', 'ccp2', (1442, 1443), [], ('00 h 00 min', 1445), []),
], ('04 h 00 min', 1447), (1448, 1458), ((1459, 1459), [(1461, 1461), (1463, 1463), (1464, 1464), (1465, 1466), (1470, 1470), (1471, 1471), (1473, 1473), (1474, 1475)]), 1430)

# ---------------------------------------------------------------- Annexes
el('annexe1', 'section', cite(1476))
el('annexe1-titre', 'paragraphe', cite(1478), 'annexe1')
el('annexe1-emploi', 'paragraphe', cite(1480), 'annexe1')
el('annexe1-locaux', 'section', cite(1482), 'annexe1')
paras('annexe1-locaux', 1484, 1501, 'annexe1-locaux-p')
el('annexe1-ressources', 'section', cite(1502), 'annexe1')
paras('annexe1-ressources', 1503, 1519, 'annexe1-ressources-p')
el('annexe2', 'section', cite(1520))
el('annexe2-titre', 'paragraphe', cite(1522), 'annexe2')
el('annexe2-p1', 'paragraphe', cite(1524, 1525), 'annexe2')
el('annexe3', 'section', cite(1535))

# ---------------------------------------------------------------- Matrices
COLS = [('msp', (1105, 1108)), ('et', (1109, 1109)), ('qp', (1111, 1112)), ('qpp', (1114, 1117))]
GLYPH = {1: 1133, 2: 1146, 3: 1160, 4: 1189, 5: 1204, 6: 1218, 7: 1229}
cells = []
for cp, n in GLYPH.items():
    marks = [c for c in L(n) if c in '\uf054\uf0a3']
    assert len(marks) == 4, (n, marks)
    for (key, _), m in zip(COLS, marks):
        cells.append({'row': f'cp{cp}', 'col': key, 'state': 'marked' if m == '\uf054' else 'unmarked', 'lines': n})
MATRICES = [{
    'id': 'cp-modalites',
    'title': {'text': '3.2. Critères d’évaluation des compétences professionnelles', 'lines': 1100},
    'rows': [{'key': f'cp{i}', 'ref': f'cp{i}', 'text': cite(*RE32[i])[0], 'lines': cite(*RE32[i])[1]} for i in range(1, 8)],
    'columns': [{'key': k, 'ref': {'msp': 'titre-msp', 'et': 'titre-et', 'qp': 'titre-qp', 'qpp': 'titre-qpp'}[k], 'text': cite(*l)[0], 'lines': cite(*l)[1]} for k, l in COLS],
    'cells': cells,
    'note': 'Les cases sont des glyphes de police : U+F054 (case cochée) et U+F0A3 (case vide), une par colonne, dans l’ordre des colonnes, sur la ligne qui suit les critères de chaque compétence. Le décodage concorde avec le tableau 3.1.',
}, {
    'id': 'ct-cp',
    'title': {'text': '3.3. Évaluation des compétences transversales', 'lines': 1250},
    'rows': [{'key': 'ct1', 'ref': 'ct1', 'text': cite(1263)[0], 'lines': 1263}, {'key': 'ct2', 'ref': 'ct2', 'text': cite(1271)[0], 'lines': 1271}],
    'columns': [{'key': f'cp{i}', 'ref': f'cp{i}', 'text': t, 'lines': l} for i, (t, l) in [
        (1, (cite(1256)[0], 1256)), (2, (cite(1260)[0], 1260)), (3, (cite(1258)[0], 1258)), (4, (cite(1265)[0], 1265)),
        (5, (cite(1261)[0], 1261)), (6, (cite(1257)[0], 1257)), (7, (cite(1259)[0], 1259))]],
    'default': 'uncertain',
    'note': 'L’extraction a brouillé ce tableau : les listes de compétences professionnelles (lignes 1256-1261, 1265-1269 et 1273) ne sont pas alignées avec les deux compétences transversales (lignes 1263 et 1271), si bien qu’on ne peut pas dire avec certitude quelle liste appartient à quelle compétence transversale. Aucune case n’est donc affirmée : toutes sont incertaines.',
}]

# ---------------------------------------------------------------- Write
CERT = {'certification': {
    'id': 'ntc-2018', 'kind': 'titre_professionnel', 'lineage': 'ntc', 'version': '2018',
    'title': {'text': 'Négociateur technico-commercial', 'doc': 'ntc-2018-reac-re', 'lines': 943,
              'variants': [{'text': 'Négociateur technico-commercial', 'doc': 'ntc-2018-reac-re', 'lines': 89},
                           # heading of the 2018 column of annexe 2 (correspondences)
                           {'text': 'Négociateur technico-commercial', 'doc': 'ntc-2018-reac-re', 'lines': 1530}]},
    'sigle': {'text': 'NTC', 'doc': 'ntc-2018-reac-re', 'lines': 944},
    'codes': {
        'tp': [{'code': 'TP-00338', 'doc': 'ntc-2018-reac-re', 'lines': 525}],
        'nsf': [{'code': '312t', 'label': 'Négociation et vente', 'doc': 'ntc-2018-reac-re', 'lines': 177}],
        'rome': [{'code': 'D1402', 'label': 'Relation commerciale grands comptes et entreprises', 'doc': 'ntc-2018-reac-re', 'lines': 181},
                 {'code': 'D1407', 'label': 'Relation technico-commerciale', 'doc': 'ntc-2018-reac-re', 'lines': 182}],
        'formacode': [{'code': c, 'doc': 'ntc-2018-reac-re', 'lines': 948} for c in ['34572', '34573', '34561', '34581', '34593']],
    },
    'level': [{'text': 'Niveau 5 (Cadre national des certifications 2019)', 'value': '5', 'nomenclature': 'Cadre national des certifications 2019', 'doc': 'ntc-2018-reac-re', 'lines': 174}],
    'dates': [
        {'role': 'arrete', 'text': '11/12/2018', 'date': '2018-12-11', 'doc': 'ntc-2018-reac-re', 'lines': 949},
        {'role': 'publication_jo', 'text': '18/12/2018', 'date': '2018-12-18', 'doc': 'ntc-2018-reac-re', 'lines': 950},
        {'role': 'effet', 'text': '10/06/2019', 'date': '2019-06-10', 'doc': 'ntc-2018-reac-re', 'lines': 951},
    ],
    'predecessors': [{'id': 'ntc-2013', 'text': 'Ancien TP : Négociateur technico-commercial', 'doc': 'ntc-2018-reac-re', 'lines': 42}],
}}
os.makedirs(OUT, exist_ok=True)
dump(CERT, os.path.join(OUT, 'certification.yaml'))
dump({'in': 'ntc-2018', 'doc': 'ntc-2018-reac-re', 'elements': ELS, 'matrices': MATRICES}, os.path.join(OUT, 'elements.yaml'))
print(len(ELS), 'elements', file=sys.stderr)
