"""Draft data/certifications/cc-2017/ and tp-commercial/ from 002 (REAC of the titre professionnel
Conseiller commercial, 2017), and the old TP Commercial → Conseiller commercial activity lists as a
correspondence. Structure written out from reading the REAC; texts taken from the lines, then reviewed."""
import os, sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py')).read())

SRC, OUT = sys.argv[1], sys.argv[2]   # source 002, output: the data folder
load(SRC)
NOISE |= set(range(1181, 1189))       # the copyright notice
D = 'cc-2017-reac'

# ---------------------------------------------------------------- Introduction
el('intro', 'section', cite(1))
el('intro-evolution', 'section', cite(6), 'intro')
el('intro-evolution-p1', 'paragraphe', cite(8), 'intro-evolution')
paras('intro-evolution', 14, 18, 'intro-evolution-q')
el('intro-contexte', 'section', cite(22), 'intro')
paras('intro-contexte', 24, 51, 'intro-contexte-p')
el('intro-activites', 'section', cite(57), 'intro')
for i, n in enumerate([59, 60, 64, 65], 1):
    el(f'intro-activites-p{i}', 'paragraphe', cite(n), 'intro-activites')
el('synoptique', 'section', cite(69))

# ---------------------------------------------------------------- Fiche emploi type
el('fet', 'section', cite(133))
el('fet-titre', 'paragraphe', cite(136), 'fet')
el('fet-definition', 'section', cite(141), 'fet')
paras('fet-definition', 143, 182, 'fet-definition-p')
el('fet-secteurs', 'section', cite(188), 'fet')
paras('fet-secteurs', 191, 195, 'fet-secteurs-p')
el('fet-reglementation', 'section', cite(196), 'fet')
el('fet-reglementation-p1', 'paragraphe', cite(199), 'fet-reglementation')
el('fet-equivalences', 'section', cite(203), 'fet')
el('fet-equivalences-p1', 'paragraphe', cite(205), 'fet-equivalences')
el('fet-liste', 'section', cite(209), 'fet')
el('fet-transversales', 'section', cite(226), 'fet')
el('fet-niveau', 'section', cite(235), 'fet')
for i, (a, b) in enumerate([(238, 238), (239, 239), (240, 241)], 1):
    el(f'fet-niveau-p{i}', 'paragraphe', cite(a, b), 'fet-niveau')
el('fet-rome', 'section', cite(245), 'fet')
for i, n in enumerate([247, 248, 249], 1):
    el(f'fet-rome-p{i}', 'paragraphe', cite(n), 'fet-rome')

# ---------------------------------------------------------------- Activités types
AT = {1: dict(head=250, title=(254, 254), defh=260, desc=(262, 293), regl=297, sans=299, lcp=303, lct=313, syn=(89, 89), fet=211, intro=10, new=66),
      2: dict(head=314, title=(318, 319), defh=326, desc=(328, 357), regl=361, sans=363, lcp=367, lct=376, syn=(116, 118), fet=218, intro=12, new=(67, 68))}
for n, a in AT.items():
    at = f'at{n}'
    e = el(at, 'activite_type', cite(*a['title']), code=str(n))
    new = a['new'] if isinstance(a['new'], tuple) else (a['new'], a['new'])
    e['variants'] = [var(a['intro']), var(*a['syn'], code_as_printed=str(n)), var(a['fet'], code_as_printed=f'{n}.'), var(*new)]
    el(f'{at}-fiche', 'paragraphe', cite(a['head']), at)
    el(f'{at}-definition', 'section', cite(a['defh']), at)
    paras(f'{at}-definition', a['desc'][0], a['desc'][1], f'{at}-desc', 'description')
    el(f'{at}-reglementation', 'section', cite(a['regl']), at)
    el(f'{at}-reglementation-p1', 'paragraphe', cite(a['sans']), f'{at}-reglementation')
    el(f'{at}-liste-cp', 'section', cite(a['lcp']), at)
    el(f'{at}-liste-ct', 'section', cite(a['lct']), at)

# ---------------------------------------------------------------- Compétences professionnelles
heads = [i for i, l in enumerate(src, 1) if 'FICHE COMPETENCE PROFESSIONNELLE N°' in l]
ends = heads[1:] + [960]
SYN = {1: (91, 91), 2: (95, 97), 3: (101, 101), 4: (105, 105), 5: (109, 111), 6: (120, 120), 7: (124, 124), 8: (128, 128), 9: (132, 132)}
FET = {1: 212, 2: 213, 3: 214, 4: 215, 5: 216, 6: 219, 7: 220, 8: 221, 9: 222}
ATL = {1: 305, 2: 306, 3: 307, 4: 308, 5: 309, 6: 369, 7: 370, 8: 371, 9: 372}
for ci, (h, e) in enumerate(zip(heads, ends), 1):
    reac_cp_fiche(ci, h, e, 'at1' if ci <= 5 else 'at2', [var(*SYN[ci], code_as_printed=str(ci)), var(FET[ci]), var(ATL[ci])])

# ---------------------------------------------------------------- Compétences transversales
el('cts', 'section', cite(960))
CT = {1: dict(t=967, d=970, k=980, end=990, fet=229), 2: dict(t=991, d=994, k=1004, end=1018, fet=230), 3: dict(t=1019, d=1022, k=1029, end=1032, fet=231)}
for n, c in CT.items():
    ct = f'ct{n}'
    x = el(ct, 'competence_transversale', cite(c['t']), 'cts')
    x['variants'] = [var(c['fet'])]
    el(f'{ct}-description', 'section', cite(c['d']), ct)
    el(f'{ct}-desc', 'description', cite(c['d'] + 1, c['k'] - 1), f'{ct}-description')
    el(f'{ct}-criteres', 'section', cite(c['k']), ct)
    for i, (t, l) in enumerate(lines_items(c['k'] + 1, c['end']), 1):
        el(f'{ct}-cr{i}', 'critere_performance', (t, l), f'{ct}-criteres')

# ---------------------------------------------------------------- Glossary (definitions run across blank lines)
el('gl', 'glossaire', cite(1033))
TERMS = [1039, 1048, 1059, 1069, 1081, 1088, 1098, 1108, 1113, 1120, 1131, 1140]
for i, t in enumerate(TERMS, 1):
    nxt = TERMS[i] if i < len(TERMS) else 1146
    el(f'gl-t{i}', 'terme', cite(t), 'gl')
    el(f'gl-t{i}-d1', 'definition', cite(t + 1, nxt - 1), f'gl-t{i}')

# ---------------------------------------------------------------- Old TP Commercial
OLD = [el('at1', 'activite_type', cite(61), None, code='1'), el('at2', 'activite_type', cite(62, 63), None, code='2')]
ELS_CC = ELS[:-2]

CERT = {'certification': {
    'id': 'cc-2017', 'kind': 'titre_professionnel', 'lineage': 'conseiller-commercial', 'version': '2017',
    'title': {'text': 'Conseiller commercial', 'doc': D, 'lines': 136,
              'variants': [{'text': 'Conseiller commercial', 'doc': D, 'lines': 64}, {'text': 'Conseiller commercial', 'doc': D, 'lines': 18}]},
    'codes': {
        'nsf': [{'code': '312t', 'label': 'Négociation et vente', 'doc': D, 'lines': 241}],
        'rome': [{'code': 'D1403', 'label': 'Relation commerciale auprès de particuliers', 'doc': D, 'lines': 247},
                 {'code': 'D1404', 'label': 'Relation commerciale en vente de véhicules', 'doc': D, 'lines': 248},
                 {'code': 'D1501', 'label': 'Animation de vente', 'doc': D, 'lines': 249}],
    },
    'level': [{'text': 'Niveau IV (Nomenclature de 1969)', 'value': 'IV', 'nomenclature': 'Nomenclature de 1969', 'doc': D, 'lines': 238}],
    'predecessors': [{'id': 'tp-commercial', 'text': 'Ancien TP : Commercial', 'doc': D, 'lines': 59}],
    'note': 'Le REAC ne donne ni code du titre, ni date d’arrêté ; il se présente comme « la version 2017 du titre professionnel » (ligne 8).',
}}
OLD_CERT = {'certification': {
    'id': 'tp-commercial', 'kind': 'titre_professionnel', 'lineage': 'conseiller-commercial', 'version': 'avant 2017', 'only_named': True,
    'title': {'text': 'Commercial', 'doc': D, 'lines': 59},
    'successors': [{'id': 'cc-2017', 'text': 'Nouveau TP : Conseiller commercial', 'doc': D, 'lines': 64}],
    'note': 'Seulement nommé par le REAC du Conseiller commercial (« Ancien TP : Commercial ») avec ses deux activités ; le document n’en dit rien d’autre.',
}}
CORR = {'correspondences': [{
    # The document prints the two lists side by side and says nothing of how they correspond: the
    # pairs are read from that layout (inferred), not stated (official).
    'id': 'tp-commercial-cc-2017', 'status': 'inferred', 'from': 'tp-commercial', 'to': 'cc-2017',
    'title': {'text': 'Liste des activités', 'doc': D, 'lines': 57}, 'doc': D,
    'note': 'Le REAC imprime la liste des activités de l’ancien TP Commercial puis celle du nouveau TP Conseiller commercial, dans le même ordre, sans autre commentaire. Les paires suivent cet ordre ; la deuxième activité a le même intitulé dans les deux versions (« exacte »), la première a perdu « et organiser son activité commerciale » (« proche »).',
    'pairs': [{'from': ['at1'], 'to': ['at1'], 'relation': 'close_match', 'lines': '59-66'},
              {'from': ['at2'], 'to': ['at2'], 'relation': 'exact_match', 'lines': '59-68'}],
}]}
for d in ['certifications/cc-2017', 'certifications/tp-commercial', 'correspondences']:
    os.makedirs(os.path.join(OUT, d), exist_ok=True)
dump(CERT, os.path.join(OUT, 'certifications/cc-2017/certification.yaml'))
dump({'in': 'cc-2017', 'doc': D, 'elements': ELS_CC}, os.path.join(OUT, 'certifications/cc-2017/elements.yaml'))
dump(OLD_CERT, os.path.join(OUT, 'certifications/tp-commercial/certification.yaml'))
dump({'in': 'tp-commercial', 'doc': D, 'elements': OLD}, os.path.join(OUT, 'certifications/tp-commercial/elements.yaml'))
dump(CORR, os.path.join(OUT, 'correspondences/tp-commercial-cc-2017.yaml'))
print(len(ELS_CC), 'elements', file=sys.stderr)
