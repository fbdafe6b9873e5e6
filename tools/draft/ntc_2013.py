"""Draft data/certifications/ntc-2013/ (RNCP fiche 7141, document 001), tp-tsc, and the official
2013 ↔ 2018 CCP correspondence of 000's annexe 2. Structure written out from reading the fiche;
texts taken from the lines, then reviewed."""
import os, re, sys, yaml
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py')).read())
S001, S000, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
load(S001)
D0 = 'ntc-2018-reac-re'
t000 = open(S000, encoding='utf-8').read().split('\n')
def cite0(n, sub=None):
    t = ' '.join(t000[n - 1].split())
    return (sub if sub else t), n

el('rncp', 'section', cite(2))
el('rncp-resume', 'paragraphe', cite(3), 'rncp')
el('intitule', 'section', cite(4))
el('intitule-p', 'paragraphe', cite(5), 'intitule')
el('autorite', 'section', cite(7))
el('autorite-p1', 'paragraphe', cite(8, 10), 'autorite')
el('autorite-p2', 'paragraphe', cite(11), 'autorite')
el('autorite-p3', 'paragraphe', cite(12), 'autorite')
el('autorite-p4', 'paragraphe', cite(14, 17), 'autorite')
el('niveau', 'section', cite(19))
for i, n in enumerate([20, 21, 22, 23, 24, 25], 1):
    el(f'niveau-p{i}', 'paragraphe', cite(n), 'niveau')
el('resume', 'section', cite(26))
el('resume-p1', 'paragraphe', cite(28, 56), 'resume')

x = el('at1', 'activite_type', (cite(58)[0].split('. ', 1)[1], 58), code='1')
x['variants'] = [{'text': 'Prospecter, présenter et négocier une solution technique', 'doc': D0, 'lines': 44}]
x = el('at2', 'activite_type', (cite(65)[0].split('. ', 1)[1], 65), code='2')
x['variants'] = [{'text': 'Gérer et optimiser l’activité commerciale sur un secteur géographique déterminé', 'doc': D0, 'lines': 45}]
CPS = [(1, 'at1', 59, 111), (2, 'at1', 61, 112), (3, 'at1', 62, 113), (4, 'at1', 63, (114, 115)),
       (5, 'at2', 66, 123), (6, 'at2', 68, (124, 125)), (7, 'at2', 69, (126, 127))]
for n, at, line, bloc in CPS:
    x = el(f'cp{n}', 'competence_professionnelle', cite(line), at)
    b = bloc if isinstance(bloc, tuple) else (bloc, bloc)
    x['variants'] = [var(*b)]
el('transversales', 'section', cite(71))
el('ct1', 'competence_transversale', cite(72), 'transversales')
el('ct2', 'competence_transversale', cite(74), 'transversales')
el('secteurs', 'section', cite(78))
for i, (a, b) in enumerate([(79, 79), (81, 82), (84, 84)], 1):
    el(f'secteurs-p{i}', 'paragraphe', cite(a, b), 'secteurs')
el('rome', 'section', cite(85))
el('rome-p1', 'paragraphe', cite(86), 'rome')
el('rome-p2', 'paragraphe', cite(87), 'rome')
el('reglementation', 'section', cite(88))
el('reglementation-p1', 'paragraphe', cite(90), 'reglementation')
el('acces', 'section', cite(91))
el('acces-composantes', 'paragraphe', cite(92), 'acces')
for i, (a, b) in enumerate([(94, 95), (97, 98), (100, 102)], 1):
    el(f'acces-p{i}', 'paragraphe', cite(a, b), 'acces')
el('blocs', 'section', cite(103))
el('blocs-entete', 'paragraphe', cite(105), 'blocs')
for n, (a, b), cps, lines in [(1, (106, 109), [1, 2, 3, 4], [111, 112, 113, 114]), (2, (117, 121), [5, 6, 7], [123, 124, 126])]:
    x = el(f'bloc{n}', 'bloc_competences', cite(a, b), 'blocs', code=str(n))
    x['links'] = [{'rel': 'certifies', 'to': f'cp{c}', 'lines': l} for c, l in zip(cps, lines)]
x = el('blocs-validite', 'paragraphe', cite(129), 'blocs')
x['facts'] = {'validite': '5 an(s)'}
el('conditions', 'section', cite(131, 132))
for i, (a, b) in enumerate([(140, 144), (149, 153), (158, 162), (173, 177)], 1):
    t, l = cite(a, b)
    t = t[t.index('Le jury'):]
    el(f'conditions-jury{i}', 'paragraphe', (t, l), 'conditions')
el('conditions-rome1', 'paragraphe', cite(166), 'conditions')
el('conditions-rome2', 'paragraphe', cite(167), 'conditions')
el('liens', 'section', cite(183))
el('base-legale', 'section', cite(185))
refs = [(186, 186, 'paragraphe'), (188, 188, 'reference'), (189, 189, 'paragraphe'), (191, 191, 'reference'), (192, 192, 'paragraphe'),
        (194, 194, 'reference'), (195, 196, 'reference'), (197, 197, 'paragraphe')]
for i, (a, b, k) in enumerate(refs, 1):
    el(f'base-legale-{i}', k, cite(a, b), 'base-legale')
el('informations', 'section', cite(198))
for i, n in enumerate([199, 200, 202, 203, 204, 206], 1):
    el(f'informations-{i}', 'paragraphe', cite(n), 'informations')
el('historique', 'section', cite(207))
el('historique-1', 'paragraphe', cite(209), 'historique')
el('historique-2', 'paragraphe', cite(210), 'historique')
el('historique-3', 'paragraphe', cite(212), 'historique')
# The 2013 CCPs, named in 000's annexe 2.
for n, at, line, sub in [(1, 'at1', 1533, 'Prospecter, présenter et négocier une solution technique'),
                         (2, 'at2', 1534, 'Gérer et optimiser l’activité commerciale sur un secteur géographique déterminé')]:
    x = el(f'ccp{n}', 'ccp', (sub, line), None, doc=D0)
    x['links'] = [{'rel': 'certifies', 'to': at, 'lines': '94-95', 'doc': 'rncp-7141'}]
    x['note'] = 'Certificat nommé seulement par l’annexe 2 du référentiel d’évaluation de 2018 (correspondances).'

ACCESS_ROWS = [('etudiant', (134, 136), 138), ('apprentissage', (140, 140), 140), ('continue', (146, 147), 149),
               ('professionnalisation', (155, 156), 158), ('individuelle', (164, 164), 164), ('vae', (170, 171), 173)]
def row_text(a, b):
    t, l = cite(a, b)
    return re.split(r' X\b', t)[0].strip(), l
def x_cells(rows):
    """The « X » printed on each row: under OUI or under NON, the extraction lost which. Both
    cells of the row are uncertain and cite it, with the two readings."""
    return [{'row': k, 'col': col, 'state': 'uncertain', 'text': 'X', 'lines': x,
             'note': f'Le « X » de la ligne {x} est sous OUI ou sous NON : l’extraction a perdu sa colonne. Les deux lectures restent possibles ; aucune n’est choisie.'}
            for k, x in rows for col in ('oui', 'non')]
MATRICES = [{
    'id': 'conditions-inscription',
    'title': {'text': "CONDITIONS D'INSCRIPTION À LA", 'lines': 131},
    'rows': [{'key': k, 'text': row_text(*r)[0], 'lines': row_text(*r)[1],
              'note': f'Un « X » est imprimé ligne {x}, mais la colonne (OUI ou NON) où il se trouvait est perdue par l’extraction.'}
             for k, r, x in ACCESS_ROWS],
    'columns': [{'key': 'oui', 'text': 'OUI', 'lines': 132}, {'key': 'non', 'text': 'NON', 'lines': 132}],
    'cells': x_cells([(k, x) for k, _, x in ACCESS_ROWS]),
    'note': 'L’extraction a conservé les « X » de ce tableau mais pas leur colonne : chaque ligne a un « X », sous OUI ou sous NON, sans qu’on puisse dire lequel. Les deux cases de chaque ligne sont donc incertaines et citent ce « X » ; rien n’est deviné.',
}, {
    'id': 'accessibilite',
    'title': {'text': 'OUI NON', 'lines': 179},
    'rows': [{'key': 'nouvelle-caledonie', 'text': 'Accessible en Nouvelle Calédonie', 'lines': 180},
             {'key': 'polynesie', 'text': 'Accessible en Polynésie Française', 'lines': 181}],
    'columns': [{'key': 'oui', 'text': 'OUI', 'lines': 179}, {'key': 'non', 'text': 'NON', 'lines': 179}],
    'cells': x_cells([('nouvelle-caledonie', 180), ('polynesie', 181)]),
    'note': 'Chaque ligne porte un « X » (lignes 180 et 181) dont la colonne, OUI ou NON, est perdue par l’extraction : les deux cases de chaque ligne sont incertaines.',
}]
CERT = {'certification': {
    'id': 'ntc-2013', 'kind': 'titre_professionnel', 'lineage': 'ntc', 'version': '2013',
    'title': {'text': 'Négociateur (trice) technico-commercial (e)', 'doc': 'rncp-7141', 'lines': 5,
              'variants': [{'text': 'Négociateur technico-commercial', 'doc': D0, 'lines': 42},
                           {'text': 'Négociateur technico-commercial', 'doc': D0, 'lines': 1527}]},
    'codes': {
        'rncp': [{'code': '7141', 'doc': 'rncp-7141', 'lines': 3}],
        'nsf': [{'code': '312t', 'label': 'Négociation et vente', 'doc': 'rncp-7141', 'lines': 24}],
        'rome': [{'code': 'D1407', 'label': 'Relation technico-commerciale', 'doc': 'rncp-7141', 'lines': 86},
                 {'code': 'D1402', 'label': 'Relation commerciale grands comptes et entreprises', 'doc': 'rncp-7141', 'lines': 87}],
    },
    'level': [{'text': 'III (Nomenclature de 1969)', 'value': 'III', 'nomenclature': 'Nomenclature de 1969', 'doc': 'rncp-7141', 'lines': 20},
              {'text': '5 (Nomenclature Europe)', 'value': '5', 'nomenclature': 'Nomenclature Europe', 'doc': 'rncp-7141', 'lines': 21}],
    'dates': [
        {'role': 'creation', 'text': 'Arrêté du 07/05/2009', 'date': '2009-05-07', 'doc': 'rncp-7141', 'lines': 191},
        {'role': 'publication_jo', 'text': 'paru au JO du 09/06/2009', 'date': '2009-06-09', 'doc': 'rncp-7141', 'lines': 191},
        {'role': 'arrete', 'text': 'Arrêté du 23/12/2013', 'date': '2013-12-23', 'doc': 'rncp-7141', 'lines': 191},
        {'role': 'publication_jo', 'text': 'paru au JO du 15/01/2014', 'date': '2014-01-15', 'doc': 'rncp-7141', 'lines': 191},
    ],
    'predecessors': [{'id': 'tp-tsc', 'text': 'Certification précédente : Technicien (ne) supérieur (e) commercial (e)', 'doc': 'rncp-7141', 'lines': 210}],
    'successors': [{'id': 'ntc-2018', 'text': 'Nouveau TP : Négociateur technico-commercial', 'doc': D0, 'lines': 47}],
    'note': 'La fiche RNCP 7141 décrit le titre tel qu’établi par les arrêtés du 07/05/2009 et du 23/12/2013 ; ses deux CCP ne sont nommés que par l’annexe 2 du référentiel d’évaluation de 2018.',
}}
TSC = {'certification': {
    'id': 'tp-tsc', 'kind': 'non_precise', 'lineage': 'ntc', 'version': 'avant 2009', 'only_named': True,
    'title': {'text': 'Technicien(ne) supérieur(e) commercial(e)', 'doc': 'rncp-7141', 'lines': 209,
              'variants': [{'text': 'Technicien (ne) supérieur (e) commercial (e)', 'doc': 'rncp-7141', 'lines': 210}]},
    'codes': {'rncp': [{'code': '1900', 'doc': 'rncp-7141', 'lines': 212}]},
    'successors': [{'id': 'ntc-2013', 'text': 'Certification précédente : Technicien (ne) supérieur (e) commercial (e)', 'doc': 'rncp-7141', 'lines': 210}],
    'note': 'Seulement nommée par l’historique de la fiche RNCP 7141, comme « certification précédente ». Sa nature (titre, diplôme) n’est pas dite ; son numéro de fiche RNCP (1900) est celui du lien imprimé ligne 212.',
}}
CORR = {'correspondences': [{
    'id': 'ntc-2013-2018', 'status': 'official', 'from': 'ntc-2013', 'to': 'ntc-2018',
    'title': {'text': 'CORRESPONDANCES DU TP', 'doc': D0, 'lines': 1522}, 'doc': D0, 'relation': 'close_match',
    'note': 'L’annexe 2 donne, pour chaque CCP de l’arrêté du 23/12/2013, le CCP de l’arrêté du 11/12/2018 qui lui correspond. Le document ne qualifie pas davantage la correspondance ; elle est encodée « équivalence proche » (close_match) et non « exacte », les intitulés différant.',
    # each row as printed: the 2013 CCP, then the 2018 CCP
    'pairs': [{'from': ['ccp1'], 'to': ['ccp2'], 'lines': 1533, 'text': cite0(1533)[0]},
              {'from': ['ccp2'], 'to': ['ccp1'], 'lines': 1534, 'text': cite0(1534)[0]}],
}]}
os.makedirs(os.path.join(OUT, 'certifications/ntc-2013'), exist_ok=True)
os.makedirs(os.path.join(OUT, 'certifications/tp-tsc'), exist_ok=True)
os.makedirs(os.path.join(OUT, 'correspondences'), exist_ok=True)
dump(CERT, os.path.join(OUT, 'certifications/ntc-2013/certification.yaml'))
dump({'in': 'ntc-2013', 'doc': 'rncp-7141', 'elements': ELS, 'matrices': MATRICES}, os.path.join(OUT, 'certifications/ntc-2013/elements.yaml'))
dump(TSC, os.path.join(OUT, 'certifications/tp-tsc/certification.yaml'))
dump(CORR, os.path.join(OUT, 'correspondences/ntc-2013-2018.yaml'))
print(len(ELS), 'elements', file=sys.stderr)
