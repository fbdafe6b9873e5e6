"""004, annexe III (#24): the two timetables (recrutement STG, recrutement STI) as matrices.

Each table prints one line per enseignement: its name (with its footnote call), then four values,
the weekly hours and the annual volume of year 1, then of year 2 (« 6 (2+4) (a) 216 4 (0+4) (b) 144 »).
Rows are the enseignements (and TOTAL HEURES, and the optional enseignement), columns the four
values; a cell's text is the value as printed, footnote calls included, its note names them.
The footnotes under each table (« * », « (a) » … « (d) », « Rq : ») become one paragraphe each,
under a section per recrutement. Rewrites `bts-tc-2006/11-annexe3-horaires.yaml`:

    python3 tools/draft/bts_tc_horaires.py data/sources/004_1c934c48cc245faa.txt data
"""
import re, sys
sys.path.insert(0, __file__.rsplit('/', 1)[0])
import common
from common import L, clean

HOURS = r'\d+\s?(?:\(\d\+\d\))?(?:\s?\([a-d]\))*'
ROW = re.compile(rf'^(?P<label>.+?)\s+(?P<h1>{HOURS})\s+(?P<v1>\d+)\s+(?P<h2>{HOURS})\s+(?P<v2>\d+)$')
VALUES = re.compile(rf'^(?P<h1>{HOURS})\s+(?P<v1>\d+)\s+(?P<h2>{HOURS})\s+(?P<v2>\d+)$')
CALL = re.compile(r'\(([a-d])\)|\*')

# (key, heading line, column lines, body lines, facultatif heading, facultatif name, its values, footnotes)
TABLES = [
    ('stg', 4624, (4627, 4629, 4630, 4630, 4632, 4633), range(4636, 4644), 4645, 4646, 4648, 4649,
     [(4651, 4651), (4652, 4653), (4654, 4654), (4655, 4656), (4657, 4658), (4659, 4660)]),
    ('sti', 4661, (4664, 4666, 4667, 4667, 4669, 4670), range(4673, 4681), 4682, 4683, 4685, 4686,
     [(4688, 4688), (4689, 4690), (4691, 4691), (4692, 4693), (4694, 4695), (4696, 4697)]),
]
COLS = [('a1-hebdo', 'Année 1, horaire hebdomadaire'), ('a1-volume', 'Année 1, volume annuel'),
        ('a2-hebdo', 'Année 2, horaire hebdomadaire'), ('a2-volume', 'Année 2, volume annuel')]


def slug(s):
    s = s.lower()
    for a, b in (('é', 'e'), ('è', 'e'), ('ê', 'e'), ('à', 'a'), ('ç', 'c'), ('’', '-'), ("'", '-')):
        s = s.replace(a, b)
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def calls(text):
    found = ['*' if m.group(0) == '*' else f'({m.group(1)})' for m in CALL.finditer(text)]
    if not found:
        return None
    return 'Appel' + ('s' if len(found) > 1 else '') + ' de note ' + ', '.join(f'« {c} »' for c in found) + \
        ' : la note est imprimée sous le tableau.'


def cell(row, col, text, line):
    c = {'row': row, 'col': col, 'state': 'marked', 'text': text, 'lines': line}
    n = calls(text)
    if n:
        c['note'] = n
    return c


def table(key, head, cl, body, total, fac_head, fac_name, fac_values, notes):
    els, rows, cells = [], [], []
    sec = f'annexe3-{key}'
    els.append({'id': sec, 'kind': 'section', 'parent': 'annexe3', 'text': clean(L(head)), 'lines': head})
    for n in list(body) + [total]:
        m = ROW.match(clean(L(n)))
        assert m, (n, L(n))
        label = m.group('label').strip()
        k = slug(re.sub(r'\s*(\([a-d]\)|\*)', '', label))
        r = {'key': k, 'text': label, 'lines': n}
        if calls(label):
            r['note'] = calls(label)
        rows.append(r)
        for (ck, _), g in zip(COLS, ('h1', 'v1', 'h2', 'v2')):
            cells.append(cell(k, ck, m.group(g), n))
    els.append({'id': f'{sec}-facultatif', 'kind': 'paragraphe', 'parent': sec, 'text': clean(L(fac_head)), 'lines': fac_head})
    k = slug(clean(L(fac_name)))
    rows.append({'key': k, 'text': clean(L(fac_name)), 'lines': fac_name,
                 'note': 'Enseignement facultatif (ligne %d) ; ses valeurs sont imprimées sur la ligne suivante.' % fac_head})
    m = VALUES.match(clean(L(fac_values)))
    assert m, L(fac_values)
    for (ck, _), g in zip(COLS, ('h1', 'v1', 'h2', 'v2')):
        cells.append(cell(k, ck, m.group(g), fac_values))
    for i, (a, b) in enumerate(notes, 1):
        t, l = common.cite(a, b)
        els.append({'id': f'{sec}-note{i}', 'kind': 'paragraphe', 'parent': sec, 'text': t, 'lines': l})
    h1, h1e, v1, h2, h2e, v2 = cl
    columns = [
        {'key': 'a1-hebdo', 'text': 'Horaire hebdomadaire', 'lines': f'{h1}-{h1e}', 'note': 'Année 1.'},
        {'key': 'a1-volume', 'text': 'Volume annuel', 'lines': v1, 'note': 'Année 1.'},
        {'key': 'a2-hebdo', 'text': 'Horaire hebdomadaire', 'lines': f'{h2}-{h2e}', 'note': 'Année 2.'},
        {'key': 'a2-volume', 'text': 'Volume annuel', 'lines': v2, 'note': 'Année 2.'},
    ]
    matrix = {'id': f'horaires-{key}', 'title': {'text': clean(L(head)), 'lines': head}, 'rows': rows, 'columns': columns,
              'cells': cells,
              'note': ('Grille horaire de l’annexe III, une ligne par enseignement : l’horaire hebdomadaire (entre parenthèses, '
                       'cours + travaux dirigés ou dédoublés, tel qu’imprimé) et le volume annuel, pour l’année 1 puis l’année 2. '
                       'Les en-têtes « Années / Année 1 / Année 2 » et « Enseignements » sont déclarés comme mise en page ; '
                       'les notes du tableau sont les paragraphes de la section « %s ».') % clean(L(head))}
    return els, matrix


if __name__ == '__main__':
    common.load(sys.argv[1])
    path = f'{sys.argv[2]}/certifications/bts-tc-2006/11-annexe3-horaires.yaml'
    import yaml
    doc = yaml.safe_load(open(path, encoding='utf-8'))
    keep = [e for e in doc['elements'] if e['id'] in ('annexe3', 'annexe3-p1')]
    keep[0]['note'] = ('La grille horaire est imprimée deux fois, pour les recrutements STG et STI : chacune est une matrice '
                       '(horaires-stg, horaires-sti), ses notes des paragraphes de sa section.')
    els, mats = list(keep), []
    for t in TABLES:
        e, m = table(*t)
        els += e
        mats.append(m)
    doc['elements'] = els
    doc['matrices'] = mats
    common.dump(doc, path)
