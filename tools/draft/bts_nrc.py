"""Draft data/certifications/bts-nrc/ from 003 (référentiel of the BTS Négociation et relation client):
the référentiel des activités professionnelles and the compétences C1–C4 (with their conditions de
réalisation, savoir-faire and critères d'évaluation). The structure (which lines are headings, columns,
items) is written out below from reading the document; the texts are taken from the lines, then reviewed."""
import os, re, sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py')).read())

SRC, OUT = sys.argv[1], sys.argv[2]   # source 003, output: the data folder
load(SRC)
D = 'bts-nrc-referentiel'
# Page numbers, and the column headers repeated over each compétence table.
PAGE_NUMBERS = [n for n in range(1, 940) if re.fullmatch(r'\s*\d{1,2}\s*', L(n))]
# Page numbers of the annexes, alone on their line between paragraphs (« 54 », « 59 ») or after the
# last table (« 4 » twice). Not 2120: its « 6 » sits inside the savoirs × unités table header.
PAGE_NUMBERS += [2814, 3106, 3287, 3289]
COLUMN_HEADERS = [468, 469, 471, 472, 474, 475, 569, 570, 572, 573, 575, 576, 701, 702, 704, 705, 707, 708, 821, 822, 824, 825, 827, 828]
# Table layout: the column headings of the tables (repeated over each compétence table; the
# « Connaissances | Limites de connaissances » heading of S4, S6, S7; the unités table; the
# compétence groups over the fonctions × compétences columns; the headings of the cross tables).
LAYOUT = set(COLUMN_HEADERS) | {910, 1017, 1367, 1575, 1963, 2114, 2116, 2152, 2154}
NOISE |= set(PAGE_NUMBERS) | LAYOUT      # both are skipped when texts are drafted
BUL = re.compile(r'^\s*[•\uf0a7-]\s*')

def bullets(a, b, heads=()):
    """Items opened by a bullet line; any other non-blank line continues the current item, across
    blank lines. Lines in `heads` end the current item (they are handled by the caller)."""
    out, cur = [], []
    for n in range(a, b + 1):
        if n in NOISE or not clean(L(n)) or n in heads:
            if n in heads and cur: out.append(cur); cur = []
            continue
        if BUL.match(L(n)) and L(n).strip()[:1] in '•\uf0a7-':
            if cur: out.append(cur)
            cur = [n]
        elif cur:
            cur.append(n)
        else:
            cur = [n]
    if cur: out.append(cur)
    return [(join(i), rng(i[0], i[-1]), i) for i in out]

# ---------------------------------------------------------------- I–II: appellation, champ d'activité
el('rap', 'section', cite(1))
el('appellation', 'section', cite(3), 'rap')
el('appellation-p1', 'paragraphe', cite(5), 'appellation')
el('champ', 'section', cite(7), 'rap')
el('definition', 'section', cite(9), 'champ')
paras('definition', 11, 22, 'definition-p')
el('definition-fonctions', 'paragraphe', cite(24), 'definition')
el('contexte', 'section', cite(45), 'champ')

el('contexte-emplois', 'section', cite(47), 'contexte')
prose('contexte-emplois', 49, 64, 'contexte-emplois-p')
el('contexte-organisations', 'section', cite(65), 'contexte')
prose('contexte-organisations', 67, 74, 'contexte-organisations-p')
el('contexte-place', 'section', cite(75), 'contexte')
prose('contexte-place', 77, 91, 'contexte-place-p')
el('contexte-environnement', 'section', cite(92), 'contexte')
prose('contexte-environnement', 94, 113, 'contexte-environnement-p')
el('conditions-generales', 'section', cite(114), 'contexte')
prose('conditions-generales', 116, 118, 'conditions-generales-p')
for sid, h, a, b in [('autonomie', 120, 122, 126), ('technologies', 128, 130, 134), ('aptitudes', 136, 138, 143)]:
    el(f'conditions-generales-{sid}', 'section', cite(h), 'conditions-generales')
    prose(f'conditions-generales-{sid}', a, b, f'conditions-generales-{sid}-p')

# ---------------------------------------------------------------- The four fonctions
F = {
    1: dict(head=144, title=145, summary=26, table=(913, 913), end=225,
            subs=[(147, '1.1', 27, (914, 914)), (157, '1.2', 28, (915, 915)), (171, '1.3', 29, (916, 917))], cond=180),
    2: dict(head=226, title=228, summary=31, table=(918, 918), end=292,
            subs=[(230, '2.1', 32, (919, 920)), (240, '2.2', 33, (921, 921)), (250, '2.3', 34, (922, 923))], cond=257),
    3: dict(head=293, title=295, summary=36, table=(924, 925), end=390,
            subs=[(297, '3.1', 37, (926, 926)), (311, '3.2', 38, (927, 927)), (323, '3.3', 39, (928, 929))], cond=341),
    4: dict(head=391, title=393, summary=41, table=(930, 930), end=456,
            subs=[(395, '4.1', 42, (931, 932)), (404, '4.2', 43, (933, 934)), (411, '4.3', 44, (935, 936))], cond=415),
}
SUBHEADS = {'Moyens et ressources', 'Données et informations disponibles', 'Équipements', 'Liaisons fonctionnelles',
            'Autonomie', 'Autonomie, responsabilité', 'Résultats attendus'}
for n, f in F.items():
    fid = f'f{n}'
    x = el(fid, 'fonction', cite(f['title']), 'rap', code=f'F{n}')
    x['variants'] = [var(f['summary'], code_as_printed=str(n)), var(*f['table'], code_as_printed=f'F{n}')]
    el(f'{fid}-fonction', 'paragraphe', cite(f['head']), fid)
    bounds = [s[0] for s in f['subs']] + [f['cond']]
    for i, (line, code, summary, table) in enumerate(f['subs']):
        sid = f'f{code}'
        title = clean(L(line))
        title = re.sub(r'^\d\.\d\.?\s*', '', title)
        y = el(sid, 'sous_fonction', (title, line), fid, code=code)
        y['variants'] = [var(summary), var(*table)]
        for j, (t, l, _) in enumerate(bullets(line + 1, bounds[i + 1] - 1), 1):
            el(f'{sid}-t{j}', 'tache', (t, l), sid)
    # Conditions d'exercice: sub-headings, then paragraphs or bullets of the right kind.
    cid = f'{fid}-conditions'
    el(cid, 'section', cite(f['cond']), fid)
    heads = [m for m in range(f['cond'] + 1, f['end'] + 1) if clean(L(m)).rstrip() in SUBHEADS]
    hb = heads + [f['end'] + 1]
    for k, h in enumerate(heads):
        name = clean(L(h))
        hid = f'{cid}-{k + 1}'
        el(hid, 'section', cite(h), cid)
        kind = 'autonomie' if name.startswith('Autonomie') else 'resultat_attendu' if name == 'Résultats attendus' else 'condition_exercice'
        start = h + 1
        if name == 'Résultats attendus' and clean(L(h + 2)).startswith('Les résultats répondent'):
            el(f'{hid}-intro', 'paragraphe', cite(h + 2), hid)
            start = h + 3
        if hb[k + 1] - 1 >= start:
            prose(hid, start, hb[k + 1] - 1, f'{hid}-', kind)

# ---------------------------------------------------------------- Compétences C1–C4
C = {
    1: dict(head=457, intro=(459, 466), cond=(477, 490), sf=(492, 529), crit=(531, 557)),
    2: dict(head=558, intro=(560, 567), cond=(578, 607), sf=(609, 659), crit=(661, 691)),
    3: dict(head=692, intro=(694, 699), cond=(710, 729), sf=(731, 779), crit=(781, 809)),
    4: dict(head=810, intro=(811, 819), cond=(830, 849), sf=(851, 881), crit=(883, 907)),
}
CODE = re.compile(r'^\s*C\s?(\d)\s?(\d)?\s?(\d)?\b\s*[-–]?\s*')
el('competences', 'section', ('Compétences', 457), None) if False else None
for n, c in C.items():
    cid = f'c{n}'
    head = clean(L(c['head']))
    x = el(cid, 'competence', (re.sub(r'^C\d\.\s*', '', head), c['head']), None, code=f'C{n}')
    prose(cid, c['intro'][0], c['intro'][1], f'{cid}-p')
    for i, (t, l) in enumerate(blocks(*c['cond']), 1):
        el(f'{cid}-cr{i}', 'condition_realisation', (t, l), cid)
    for i, (t, l) in enumerate(blocks(*c['crit']), 1):
        el(f'{cid}-ce{i}', 'critere_evaluation', (t, l), cid)
    # Sub-compétences and their savoir-faire.
    a, b = c['sf']
    current = cid          # the compétence the next savoir-faire belongs to
    last_top = None        # the last capitalised savoir-faire, parent of lower-case ones
    count = {}
    item = None            # (id, [lines]) being built
    def flush():
        global item
        if item:
            eid, kind, parent, ns, code = item
            text = join(ns)
            if kind == 'competence':
                text = CODE.sub('', text, count=1)
                e = el(eid, kind, (text, rng(ns[0], ns[-1])), parent, code=code)
                printed = clean(L(ns[0])).split()[0] if False else None
                m = CODE.match(L(ns[0]))
                # the code as printed, with the dash that separates it from the title (« C11 - »)
                raw = re.sub(r'\s+', ' ', L(ns[0]).strip()[:m.end() - (len(L(ns[0])) - len(L(ns[0]).lstrip()))].strip()) if m else None
                if raw and raw.replace(' ', '') != raw:
                    e['code_as_printed'] = raw
            else:
                el(eid, kind, (text, rng(ns[0], ns[-1])), parent)
        item = None
    for m_ in range(a, b + 1):
        if m_ in NOISE or not clean(L(m_)):
            if item and item[1] == 'competence':
                flush()
            continue
        line = L(m_)
        mc = CODE.match(line)
        if mc and not BUL.match(line):
            flush()
            digits = ''.join(g for g in mc.groups() if g)
            code = 'C' + digits
            parent = 'c' + digits[:-1]
            item = ('c' + digits, 'competence', parent, [m_], code)
            current, last_top = 'c' + digits, None
            continue
        if re.match(r'^\s*[•\uf0a7]', line):
            flush()
            t = clean(line)
            lower = t[:1].islower()
            parent = last_top if (lower and last_top) else current
            count[parent] = count.get(parent, 0) + 1
            eid = f'{parent}-sf{count[parent]}' if not lower or not last_top else f'{parent}.{count[parent]}'
            item = (eid, 'savoir_faire', parent, [m_], None)
            if not lower:
                last_top = eid
            continue
        if item:
            item[3].append(m_)
    flush()

# ---------------------------------------------------------------- Savoirs associés S1–S8
el('savoirs', 'section', cite(942) if clean(L(942)) else cite(943))
SAV = [n for n in range(948, 1961) if re.match(r'^\s*S\s?\d', L(n))]
SAV_END = 1960
CUT = {1450: 'Les orientations managériales'}   # the heading line also holds a cell of the next column
# Savoir titles wrapped on the line after their heading (no blank line between, the code only on the first).
TITLE_WRAP = {1119: 1120, 1508: 1509, 1819: 1820}
def heading(n):
    """A savoir associé from its heading line (and the line its title wraps onto)."""
    raw = clean(L(n))
    m = re.match(r'^S\s?(\d+)\.?\s*[-–]?\s*', raw)
    digits = m.group(1)
    title, tl = CUT.get(n, raw[m.end():].strip()), n
    if n in TITLE_WRAP:
        title, tl = title + ' ' + clean(L(TITLE_WRAP[n])), rng(n, TITLE_WRAP[n])
    sid = 's' + digits
    parent = 'savoirs' if len(digits) == 1 else 's' + digits[:-1]
    x = el(sid, 'savoir_associe', (title, tl), parent, code='S' + digits)
    printed = re.sub(r'\s+', ' ', raw[:m.end()].strip())    # with the dash that separates it from the title (« S 41 - »)
    if printed != 'S' + digits:
        x['code_as_printed'] = printed
    return sid

S4 = next(n for n in SAV if re.match(r'^S\s?4\b', clean(L(n))))
for i, n in enumerate(SAV):
    if n >= S4:
        break
    sid = heading(n)
    # S1 and S3 only refer to other texts; S2 (languages) is running text.
    for j, (t, l) in enumerate(blocks(n + 1, SAV[i + 1] - 1), 1):
        el(f'{sid}-p{j}', 'reference' if sid in ('s1', 's3') else 'paragraphe', (t, l), sid)

# S4–S8: a table of two columns, « Connaissances » and « Limites de connaissances », that the extraction
# prints one table row after the other, each row's connaissances first, then its limites. The
# connaissances are list items: dashes (S4, S5, S611, S612), bullets « • » (S621, S7) or the font's
# bullet U+F0A7 (S6, S8); under a dash, a U+F0A7 sub-list details it (S611, S612). The limites are
# sentences without a bullet; a limite ending with « : » goes on with dash items that belong to it.
BULLET_ANY = re.compile(r'^\s*[-•\uf0a7]')
# A line that continues the item above it across a blank line although it starts with a capital.
CONTINUES = {1358: 'La ligne 1358 (« Normale, sans … ») continue l’item « l’approximation d’une série observée par une loi » (1356) après une ligne blanche.'}
# Notes on kinds that the layout alone decides.
LINE_NOTES = {
    1581: ('Ligne sans puce, isolée par des lignes blanches entre les items à puce de la colonne « Connaissances » (1578-1579) '
           'et la première phrase des limites (1583-1586) : elle peut être un item des connaissances dont la puce est perdue, '
           'ou une limite de connaissances ; la mise en page ne tranche pas. Encodée comme limite, telle qu’imprimée (sans puce).'),
}
# A table row that goes on over a page break: the connaissances after the break continue the list of
# the last heading above them, and the row's limites stay one block.
PAGE_CONTINUES = {1109}
LINE_NOTES.update({
    1180: 'Le texte s’arrête en bas de page (ligne 1180), au milieu de la phrase ; la page suivante commence S5 (ligne 1181) : la fin n’est pas dans le document.',
})
def common_savoir(sids):
    digits = [x[1:] for x in sids]
    p = digits[0]
    for d in digits[1:]:
        while not d.startswith(p):
            p = p[:-1]
    return 's' + p

def body_pass(a, b):
    """The limites of a table row are attached to what the layout supports: the one savoir whose
    connaissances the row holds, or, when the row holds the connaissances of several savoirs, their
    group (the extraction does not keep which line of one column faces which of the other)."""
    cur = None                      # the savoir of the last heading
    item = None                     # {'what': 'k' | 'sub' | 'lim', 'ns': [...], 'sid': ..., 'colon': bool}
    kcount, subcount, lastdash, limcount = {}, {}, {}, {}
    row = {'ks': [], 'lims': [], 'first': None, 'klast': None, 'continued': False}
    blank = False
    def close_row():
        nonlocal row
        if not row['lims']:
            return          # a heading inside a row: the row goes on
        if row["lims"]:
            sids = list(dict.fromkeys(row['ks'])) or [row['lims'][0][1]]
            parent = common_savoir(sids)
            span = f"lignes {rng(row['first'], row['klast'])}" if row['klast'] else f"ligne {row['first']}"
            if len(sids) == 1:
                why = (f'Colonne « Limites de connaissances », imprimée après les connaissances de {sids[0].upper()} ({span}) '
                       f'et avant le titre suivant : rattachée à {parent.upper()}.') if row['ks'] else f'Rattachée à {parent.upper()}.'
            else:
                why = (f'Colonne « Limites de connaissances », imprimée après les connaissances de {", ".join(x.upper() for x in sids)} '
                       f'({span}), sans que l’extraction garde en face de laquelle : la mise en page ne la rattache qu’au groupe {parent.upper()}.')
            for e, _ in row['lims']:
                limcount[parent] = limcount.get(parent, 0) + 1
                e['id'] = f'{parent}-lim{limcount[parent]}'
                e['parent'] = parent
                e['note'] = (e['note'] + ' ' if e.get('note') else '') + why
        row = {'ks': [], 'lims': [], 'first': None, 'klast': None, 'continued': False}
    def flush():
        nonlocal item
        if not item:
            return
        ns, sid = item['ns'], item['sid']
        t, l = join(ns), rng(ns[0], ns[-1])
        if item['what'] in ('k', 'sub'):
            row['ks'].append(sid)
            row['klast'] = ns[-1]
        if item['what'] == 'k':
            kcount[sid] = kcount.get(sid, 0) + 1
            kid = f'{sid}-k{kcount[sid]}'
            e = el(kid, 'savoir', (t, l), sid)
            if row['continued']:
                e['note'] = (f'Imprimée en haut de page (ligne {row["continued"]}), après les limites de connaissances de la même ligne du tableau : '
                             f'suite de la colonne « Connaissances », sous le dernier titre qui la précède ({sid.upper()}).')
            if L(ns[0]).strip().startswith('-'):
                lastdash[sid] = kid
        elif item['what'] == 'sub':
            k = item['under']
            subcount[k] = subcount.get(k, 0) + 1
            e = el(f'{k}.{subcount[k]}', 'savoir', (t, l), k)
            e['note'] = (f'Sous-liste (puce U+F0A7, ligne {ns[0]}) imprimée sous le tiret « {next(x for x in ELS if x["id"] == k)["text"]} » '
                         'dans la colonne « Connaissances » : une connaissance qui détaille ce tiret.')
        else:
            notes = []
            if 'cut' in item:
                t = t[t.index(item['cut']) + len(item['cut']):].strip()
                notes.append(f'Colonne « Limites de connaissances » : ses premiers mots sont imprimés sur la ligne du titre de {sid.upper()} '
                             f'(ligne {ns[0]}), à droite de « {item["cut"]} », la suite aux lignes {ns[1]}-{ns[-1]}.')
            e = el('?', 'limite_connaissances', (t, l), sid)
            row['lims'].append((e, sid))
            dashes = [n for n in ns if L(n).strip().startswith('-')]
            if dashes:
                head = next(n for n in ns if join([n]).endswith(':') or join(ns[:ns.index(n) + 1]).endswith(':'))
                d = rng(dashes[0], dashes[-1])
                notes.append((f'Les tirets (lignes {d}) suivent' if len(dashes) > 1 else f'Le tiret (ligne {d}) suit') +
                             f' la phrase terminée par « : » (ligne {head}) dans la colonne « Limites de connaissances » : ' +
                             ('ils en font partie.' if len(dashes) > 1 else 'il en fait partie.'))
            notes += [CONTINUES[n] for n in ns if n in CONTINUES]
            notes += [LINE_NOTES[n] for n in ns if n in LINE_NOTES]
            if notes:
                e['note'] = ' '.join(notes)
        item = None
    for n in range(a, b + 1):
        if n in NOISE:
            continue
        raw, t = L(n), clean(L(n))
        if n in HEADS:
            flush()
            close_row()
            h = re.match(r'^S\s?(\d+)', clean(L(n))).group(1)
            if row['ks'] and row['ks'][0][:3] != 's' + h[:2]:
                row = {'ks': [], 'lims': [], 'first': None, 'klast': None, 'continued': False}   # a new group: a new row
            if not row['ks']:
                row['first'] = n
            cur = heading(n)
            if n in CUT:          # the rest of the heading line is the start of a limite (S62)
                item = {'what': 'lim', 'ns': [n], 'sid': cur, 'colon': False, 'cut': CUT[n]}
            blank = False
            continue
        if n in SKIP:
            continue
        if not t:
            blank = True
            continue
        dash = raw.strip().startswith('-')
        bullet = bool(BULLET_ANY.match(raw))
        if item and not bullet and (not blank or t[0].islower() or t[0] in '(.,' or n in CONTINUES):
            item['ns'].append(n)
        elif item and item['what'] == 'lim' and dash and item['colon']:
            item['ns'].append(n)
        else:
            after_limite = bool(item) and item['what'] == 'lim'
            flush()
            if bullet and after_limite:
                if n in PAGE_CONTINUES:
                    row['continued'] = n
                else:
                    close_row()
            if row['first'] is None:
                row['first'] = n
            if bullet:
                sub = raw.strip().startswith('\uf0a7') and cur in lastdash
                item = {'what': 'sub' if sub else 'k', 'ns': [n], 'sid': cur, 'under': lastdash.get(cur)}
            else:
                item = {'what': 'lim', 'ns': [n], 'sid': cur, 'colon': False}
        if item['what'] == 'lim' and join(item['ns']).endswith(':'):
            item['colon'] = True
        blank = False
    flush()
    close_row()

HEADS = set(n for n in SAV if n >= S4)
SKIP = set(TITLE_WRAP.values())
body_pass(S4, SAV_END)
for sid, lines in [('s6', '1367-1572'), ('s7', '1575-1787'), ('s8', '1790-1960')]:
    next(e for e in ELS if e['id'] == sid)['note'] = (
        f'Lignes {lines} : les connaissances sont imprimées en items à puce (« • » ou la puce U+F0A7 de la police), '
        'les limites de connaissances en phrases sans puce ; chaque item à puce est une connaissance.')
for v, sid in [(944, 's1'), (945, 's6'), (947, 's7')]:
    e = next(e for e in ELS if e['id'] == sid)
    e.setdefault('variants', []).append(var(v, note='Ligne d’un sommaire des savoirs, imprimée avant le texte.'))

# ---------------------------------------------------------------- Unités (certification of the professional domain)
el('unites', 'section', cite(1961))
UNITS = {
    'u4': dict(title=(1964, 1965), rows=(1967, 2000)),
    'u5': dict(title=(2002, 2004), rows=(2006, 2045)),
    'u6': dict(title=(2047, 2049), rows=(2051, 2098)),
}
for uid, u in UNITS.items():
    t, l = cite(*u['title'])
    t = re.sub(r'^U\d\.?\s*', '', t)
    x = el(uid, 'unite', (t, l), 'unites', code=uid.upper())
    links = []
    for n in range(u['rows'][0], u['rows'][1] + 1):
        raw = clean(L(n))
        m = re.match(r'^([CS])\s?(\d+)\.?', raw)
        if not m:
            continue
        code = m.group(1) + m.group(2)
        # the printed row, with its wrapped second line when the next line continues it
        ns = [n]
        if n + 1 <= u['rows'][1] and clean(L(n + 1)) and not re.match(r'^[CS]\s?\d', clean(L(n + 1))):
            ns.append(n + 1)
        links.append({'rel': 'certifies', 'to': code.lower(), 'lines': rng(ns[0], ns[-1]), 'text': join(ns)})
    x['links'] = links
el('unites-communes', 'section', cite(2099))
el('unites-communes-p1', 'paragraphe', cite(2101), 'unites-communes')
for i, n in enumerate(range(2103, 2110), 1):
    el(f'unites-communes-l{i}', 'paragraphe', cite(n), 'unites-communes')
# The caption printed under the title of the savoirs × unités table (the matrix holds the table itself).
el('savoirs-unites-legende', 'paragraphe', cite(2112), 'unites')['note'] = 'Légende du tableau croisé savoirs – unités (ligne 2110), imprimée sous son titre.'

# ---------------------------------------------------------------- Règlement d'examen: épreuves
el('reglement', 'section', cite(2565))
prose('reglement', 2567, 2589, 'reglement-entete')
EP = [
    ('e1', 'u1', 'Français', 2591, dict(coefficient=('3', 2591), forme=('Écrite', 2591), duree=('4 h', 2591), mode=('4 situations d’évaluation', 2591))),
    ('e2', 'u2', 'Communication en langue vivante étrangère', 2592, dict(coefficient=('3', 2594), forme=('Orale', 2594), duree=('301 + 30mn', '2595-2596'), mode=('2 situations d’évaluation', 2596))),
    ('e3', 'u3', 'Économie droit', 2598, dict(coefficient=('3', 2598), forme=('Écrite', 2598), duree=('4 h', 2598), mode=('3 situations d’évaluation', 2598))),
    ('e4', 'u4', 'Communication commerciale', 2599, dict(coefficient=('4', 2599), forme=('Orale', 2599), duree=('402 + 40mn', '2599-2601'), mode=('3 situations d’évaluation', 2602))),
    ('e5', 'u5', 'Management et gestion d’activités commerciales', (2604, 2605), dict(coefficient=('4', 2607), forme=('Écrite', 2607), duree=('5 h', 2607), mode=('Épreuve ponctuelle', 2607))),
    ('e6', 'u6', 'Conduite et présentation de projets commerciaux', (2609, 2610), dict(coefficient=('4', 2612), forme=('Pratique', 2612), duree=('1 h', 2612), mode=('3 situations d’évaluation', 2612))),
    ('ef1', 'uf1', 'Communication en langue vivante étrangère B', 2615, dict(coefficient=('2', 2615), forme=('orale', 2615), duree=('20 mn', 2615), mode=('Ponctuelle orale', 2615))),
]
# The durations of E2 and E4 carry a footnote call: « 30¹ + 30mn », « 40² + 40mn »; the notes say what it is.
PREPARATION = {
    'e2': ('30 minutes de préparation', 2617, 'Durée imprimée « 301 + 30mn » (lignes 2595-2596), telle que l’extraction l’a aplatie : « 30 » suivi de l’appel de note « 1 », dont la note dit « 30 minutes de préparation » (ligne 2617), puis 30 minutes d’épreuve ; l’annexe V dit de même « durée 30 mn ; préparation 30mn » (ligne 2748).'),
    'e4': ('40 minutes de préparation', 2618, 'Durée imprimée « 402 + 40mn » (lignes 2599-2601), telle que l’extraction l’a aplatie : « 40 » suivi de l’appel de note « 2 », dont la note dit « 40 minutes de préparation » (ligne 2618), puis 40 minutes d’épreuve.'),
}
UNIT_LINE = {'u1': 2591, 'u2': 2594, 'u3': 2598, 'u4': 2599, 'u5': 2607, 'u6': 2612, 'uf1': 2615}
for eid, uid, title, line, facts in EP:
    lines = line if isinstance(line, int) else rng(*line)
    x = el(eid, 'epreuve', (title, lines), 'reglement', code=eid.upper())
    x['facts'] = {k: {'text': t, 'lines': l} for k, (t, l) in facts.items()}
    if eid in PREPARATION:
        t, l, note = PREPARATION[eid]
        x['facts']['duree_preparation'] = {'text': t, 'lines': l}
        x['note'] = note
    x['links'] = [{'rel': 'validates', 'to': uid, 'lines': UNIT_LINE[uid], 'text': uid.upper()}]
    if uid not in UNITS:
        u = el(uid, 'unite', (title, lines), 'unites', code=uid.upper())
        u['note'] = 'Le référentiel ne donne pas d’intitulé propre à cette unité, ni les compétences qu’elle certifie (le tableau croisé savoirs × unités a perdu ses marques) ; le règlement d’examen la nomme avec son épreuve.'
el('reglement-facultative', 'paragraphe', cite(2614), 'reglement')
next(e for e in ELS if e['id'] == 'ef1')['variants'] = [{'text': 'Communication en langue vivante étrangère B3', 'lines': 2615,
    'note': 'L’intitulé tel que l’extraction l’imprime dans le règlement d’examen : « B » suivi de l’appel de note « 3 » (note, lignes 2619-2620).'}]
next(e for e in ELS if e['id'] == 'ef1')['note'] = 'Le règlement d’examen la nomme « Épreuve facultative » (unité UF1, ligne 2615) ; l’annexe V la titre « EF2 » (ligne 3214). Les deux codes sont ceux du document.'
for i, n in enumerate([2617, 2618], 1):
    el(f'reglement-note{i}', 'paragraphe', cite(n), 'reglement')
el('reglement-note3', 'paragraphe', cite(2619, 2620), 'reglement')

# ---------------------------------------------------------------- Matrices
MAT_ROWS = []
for fn, f in F.items():
    MAT_ROWS.append({'key': f'f{fn}', 'ref': f'f{fn}', 'text': cite(*f['table'])[0], 'lines': cite(*f['table'])[1]})
    for (line, code, summary, table) in f['subs']:
        t, l = cite(*table)
        MAT_ROWS.append({'key': f'f{code}', 'ref': f'f{code}', 'text': t, 'lines': l})
COLS = ['c11', 'c12', 'c13', 'c21', 'c22', 'c31', 'c32', 'c33', 'c41', 'c42', 'c43']
MATRICES = [{
    'id': 'fonctions-competences',
    'title': {'text': 'Tableau de correspondance Référentiel d’activités professionnelles - compétences', 'lines': 908},
    'rows': MAT_ROWS,
    'columns': [{'key': c, 'ref': c, 'text': c.upper(), 'lines': 911} for c in COLS],
    'default': 'lost',
    'note': 'L’extraction n’a conservé que les intitulés des lignes (fonctions et sous-fonctions) et des colonnes (compétences) ; toutes les cases sont perdues.',
}, {
    'id': 'savoirs-unites',
    'title': {'text': 'TABLEAU CROISÉ SAVOIRS – UNITÉS', 'lines': 2110},
    'rows': [{'key': f's{i}', 'ref': f's{i}', 'text': t, 'lines': l} for i, (t, l) in
             [(1, ('S1 - FRANÇAIS', 2124)), (2, ('S2 - COMMUNICATION EN LANGUES VIVANTES ÉTRANGÈRES', '2126-2127')), (3, ('S3 - ÉCONOMIE ET DROIT', 2128)), (4, ('S4 - MERCATIQUE', 2130)),
              (5, ('S5 – GESTION COMMERCIALE', 2134)), (6, ('S6 – MANAGEMENT COMMERCIAL', 2138)), (7, ('S7 – COMMUNICATION NÉGOCIATION', 2142)), (8, ('S8 - TECHNOLOGIES COMMERCIALES', 2146))]],
    'columns': [{'key': u, 'ref': u, 'text': t, 'lines': 2117} for u, t in [('u1', 'U1'), ('u2', 'U2'), ('u3', 'U3'), ('u4', 'U4'), ('u5', 'U 5'), ('u6', 'U6')]]
               + [{'key': 'u-2117', 'text': 'U 6', 'lines': '2117-2120',
                   'note': ('Après « U6 », la ligne d’en-tête imprime encore « U » (ligne 2117), et « 6 » seul à la ligne 2120 : '
                            'un septième en-tête d’unité que la mise en page ne permet pas d’identifier (une seconde impression de U6 ?). '
                            'Ses cases sont perdues comme les autres.')},
                  {'key': 'competences', 'text': 'COMPÉTENCES', 'lines': 2122}],
    'default': 'lost',
    'cells': [{'row': f's{i}', 'col': 'competences', 'state': 'marked', 'text': cite(a, b)[0][re.search(r'C\d\d', cite(a, b)[0]).start():], 'lines': rng(a, b)}
              for i, (a, b) in [(4, (2130, 2132)), (5, (2134, 2136)), (6, (2138, 2140)), (7, (2142, 2144)), (8, (2146, 2149))]],
    'note': ('Les marques des unités sont perdues par l’extraction : aucune case des colonnes U1–U6 n’est devinée. La colonne « COMPÉTENCES » '
             '(ligne 2122) garde les listes imprimées pour S4–S8 (lignes 2130-2149) ; pour S1–S3 l’extraction n’y montre rien, '
             'sans qu’on puisse distinguer une case vide d’une case perdue : elles restent perdues.'),
}]

# ---------------------------------------------------------------- Annexes II, III and V: numbered headings and running text
el('annexe2', 'section', cite(2249))
el('annexe2-stages', 'section', cite(2251, 2252), 'annexe2')
outline('annexe2-stages', 2253, 2385, 'annexe2-s')
el('annexe3', 'section', cite(2386, 2387))
prose('annexe3', 2389, 2564, 'annexe3-p')
next(e for e in ELS if e['id'] == 'annexe3')['note'] = 'La grille horaire est un tableau que l’extraction a aplati ; ses lignes sont encodées telles quelles, dans l’ordre, sans reconstruire les colonnes.'
el('annexe5', 'section', cite(2621, 2622))
DEF = [(2623, 'e1'), (2735, 'e2'), (2762, 'e3'), (2818, 'e4'), (2947, 'e5'), (3035, 'e6'), (3214, 'ef1')]
for i, (h, eid) in enumerate(DEF):
    end = DEF[i + 1][0] - 1 if i + 1 < len(DEF) else 3240
    sid = f'{eid}-definition'
    x = el(sid, 'section', cite(h), eid)
    outline(sid, h + 1, end, sid)

# The savoirs × unités table also prints, for S4–S8, the compétences they serve: those survive.
COMP_LISTS = {'s4': [2130, 2131, 2132], 's5': [2134, 2135, 2136], 's6': [2138, 2139, 2140], 's7': [2142, 2143, 2144], 's8': [2146, 2147, 2148, 2149]}
for sid, lines in COMP_LISTS.items():
    e = next(x for x in ELS if x['id'] == sid)
    links = []
    for n in lines:
        for code in re.findall(r'C\d\d', L(n)):
            links.append({'rel': 'related', 'to': code.lower(), 'lines': n, 'text': code,
                          'note': 'Compétence imprimée en face de ce savoir dans la colonne « COMPÉTENCES » du tableau croisé savoirs – unités.'})
    e['links'] = e.get('links', []) + links

# ---------------------------------------------------------------- Tableau croisé enseignements – savoirs
CODE_RE = re.compile(r'S(\d+(?:\.\d)?)\s')
entries = []
label_open = False              # the line after a row group label (S5 Gestion / commerciale) ends the label
for n in range(2158, 2249):
    raw = L(n)
    t = clean(raw)
    if not t:
        continue
    spots = [m for m in CODE_RE.finditer(t + ' ')]
    if not spots:
        if label_open:
            label_open = False
        elif entries and (entries[-1][3] == n - 1 or t[:1].islower()):
            entries[-1][2].append(n); entries[-1][3] = n
        continue
    label_open = False
    for j, m in enumerate(spots):
        code = m.group(1).replace('.', '')
        if len(code) == 1:
            label_open = len(spots) == 1   # a row group label (S4 Mercatique …) alone on its line
            continue
        end = spots[j + 1].start() if j + 1 < len(spots) else len(t)
        entries.append([code, t[m.start():end].strip(), [n], n])
rows = []
seen = set()
for code, text, ns, _ in entries:
    full = text
    for k in ns[1:]:
        full = full + ' ' + clean(L(k))
    key_ = f's{code}'
    if key_ in seen:
        continue
    seen.add(key_)
    row = {'key': key_, 'text': full, 'lines': rng(ns[0], ns[-1])}
    if any(e['id'] == key_ for e in ELS):
        row['ref'] = key_
    rows.append(row)
ENSEIGNEMENTS = {
    'id': 'enseignements-savoirs',
    'title': {'text': 'TABLEAU CROISÉ ENSEIGNEMENTS - SAVOIRS', 'lines': 2150},
    'rows': rows,
    'columns': [{'key': k, 'text': t, 'lines': 2156} for k, t in [('gestion-clienteles', 'Gestion de clientèles'), ('relation-client', 'Relation Client'),
                                                                   ('management', 'Management de l’équipe commerciale'), ('gestion-projet', 'Gestion de projet')]],
    'default': 'lost',
    'note': 'Chaque savoir est imprimé dans la colonne de l’enseignement qui le traite, mais l’extraction a perdu ces colonnes : les savoirs survivent, en désordre, sans leur enseignement. Toutes les cases sont perdues.',
}
MATRICES.append(ENSEIGNEMENTS)
# The row-group labels of that table name the savoirs S4–S8 (the S4 label shares its line with S41).
for sid, t, l in [('s4', 'Mercatique', 2158), ('s5', 'Gestion commerciale', '2179-2180'), ('s6', 'Management commercial', '2198-2199'),
                  ('s7', 'Communication-négociation', '2212-2213'), ('s8', 'Technologies commerciales', '2232-2233')]:
    e = next(x for x in ELS if x['id'] == sid)
    e.setdefault('variants', []).append({'text': t, 'lines': l, 'code_as_printed': sid.upper(),
                                         'note': 'Libellé de groupe de lignes du tableau croisé enseignements – savoirs.'})

# ---------------------------------------------------------------- Annexe VI: BTS Force de vente (1997) ↔ NRC
el('annexe6', 'section', cite(3241))
el('annexe6-titre', 'paragraphe', cite(3242, 3245), 'annexe6')
FV = [('e1', 'Français', 3256, 'e1'), ('e2', 'Langue vivante étrangère', 3258, 'e2'), ('e3', 'Économie et droit', 3261, 'e3'),
      ('e4', 'Négociation vente commerciale', (3263, 3264), 'e4'), ('e5', 'Organisation et gestion de clientèle et de secteur', (3271, 3272), 'e5'),
      ('e6', 'Conduites et présentation d’activités professionnelles', (3279, 3280), 'e6')]
FV_ELS = []
for eid, title, line, _ in FV:
    lines = line if isinstance(line, int) else rng(*line)
    FV_ELS.append({'id': eid, 'kind': 'epreuve', 'code': eid.upper(), 'text': title, 'lines': lines,
                   'note': 'Épreuve du BTS Force de vente, seulement nommée par le tableau de correspondance de l’annexe VI, avec son unité.'})
NRC_VARIANTS = {'e2': ('Communication en langue vivante étrangère', '3258-3259'), 'e4': ('Communication commerciale', '3266-3267'),
                'e5': ('Management et gestion d’activités commerciales', '3274-3275'), 'e6': ('Conduite et présentation de projets commerciaux', '3282-3283')}
for eid, (t, l) in NRC_VARIANTS.items():
    e = next(e for e in ELS if e['id'] == eid)
    e.setdefault('variants', []).append({'text': t, 'lines': l, 'note': 'Intitulé imprimé dans le tableau de correspondance de l’annexe VI.'})
# Each row of the table as printed: the Force de vente épreuve and unit, then the NRC épreuve and unit.
FV_ROWS = {'e1': (3256, 3256), 'e2': (3258, 3259), 'e3': (3261, 3261), 'e4': (3263, 3269), 'e5': (3271, 3277), 'e6': (3279, 3285)}
CORR = {'correspondences': [{
    'id': 'bts-fv-1997-bts-nrc', 'status': 'official', 'from': 'bts-fv-1997', 'to': 'bts-nrc',
    'title': {'text': 'TABLEAU DE CORRESPONDANCE', 'doc': D, 'lines': 3242}, 'doc': D, 'relation': 'close_match',
    'note': 'L’annexe VI met en regard, ligne à ligne, chaque épreuve (et son unité) du BTS Force de vente et l’épreuve (et l’unité) du BTS Négociation et relation client qui lui correspond. Le document ne qualifie pas davantage la correspondance.',
    'pairs': [{'from': [a], 'to': [b], 'lines': rng(*FV_ROWS[a]), 'text': cite(*FV_ROWS[a])[0]} for a, _, l, b in FV],
}]}

CERT = {'certification': {
    'id': 'bts-nrc', 'kind': 'bts', 'lineage': 'force-de-vente-nrc', 'version': 'NRC',
    'title': {'text': 'Brevet de technicien supérieur Négociation et relation client', 'doc': D, 'lines': 5,
              'variants': [{'text': 'Brevet de technicien supérieur Négociation et relation client', 'doc': D, 'lines': '3252-3253'}]},
    'dates': [{'role': 'arrete', 'text': 'Défini par le présent arrêté', 'doc': D, 'lines': 3254}],
    'predecessors': [{'id': 'bts-fv-1997', 'text': 'Force de vente', 'doc': D, 'lines': 3248}],
    'note': 'Le référentiel (annexes I à VI) ne porte ni la date de son arrêté ni de code RNCP ; l’annexe VI dit seulement « Défini par le présent arrêté » (ligne 3254).',
}}
FV_CERT = {'certification': {
    'id': 'bts-fv-1997', 'kind': 'bts', 'lineage': 'force-de-vente-nrc', 'version': '1997', 'only_named': True,
    'title': {'text': 'Brevet de technicien supérieur Force de vente', 'doc': D, 'lines': '3247-3248'},
    'dates': [{'role': 'arrete', 'text': '(arrêté du 3 septembre 1997)', 'date': '1997-09-03', 'doc': D, 'lines': 3250}],
    'successors': [{'id': 'bts-nrc', 'text': 'Négociation et relation client', 'doc': D, 'lines': 3253}],
    'note': 'Seulement nommé par l’annexe VI du référentiel du BTS NRC : ses six épreuves et unités, mises en correspondance avec celles du BTS NRC.',
}}

# Annexe V lists the compétences each épreuve evaluates (E4 2831-2833, E5 2964-2969, E6 3057-3066).
for eid, (a, b) in {'e4': (2831, 2833), 'e5': (2964, 2969), 'e6': (3057, 3066)}.items():
    e = next(x for x in ELS if x['id'] == eid)
    for n in range(a, b + 1):
        m = re.match(r'^\s*C\s?(\d{2,3})\b', L(n))
        if m and any(x['id'] == 'c' + m.group(1) for x in ELS):
            e['links'].append({'rel': 'evaluates', 'to': 'c' + m.group(1), 'lines': n, 'text': clean(L(n))})

# In-course assessment situations named as such in annexe V ("1° Première situation d’évaluation …").
for e in ELS:
    if e['kind'] == 'paragraphe' and re.match(r'^\d° \S+ situation d’évaluation', e['text']):
        e['kind'] = 'situation_evaluation'
# C32 is titled differently in the unit table and in annexe V.
c32 = next(e for e in ELS if e['id'] == 'c32')
c32.setdefault('variants', []).extend([
    {'text': 'Construire une situation de communication', 'lines': '1972-1973', 'code_as_printed': 'C32', 'note': 'Intitulé imprimé dans le tableau des unités (U4).'},
    {'text': 'Construire une situation de communication', 'lines': 2832, 'code_as_printed': 'C32', 'note': 'Intitulé imprimé dans la définition de l’épreuve E4 (annexe V).'},
])

# The part files of data/certifications/bts-nrc/: (file name, id of its first element, what it holds).
PARTS = [
    ('01-rap', 'rap', 'référentiel des activités professionnelles (appellation, champ d’activité, fonctions F1–F4)'),
    ('02-competences', 'c1', 'compétences C1–C4 (conditions de réalisation, savoir-faire, critères d’évaluation)'),
    ('03-savoirs-s1-s4', 'savoirs', 'savoirs associés S1–S4'),
    ('04-savoirs-s5-s8', 's5', 'savoirs associés S5–S8'),
    ('05-unites-epreuves', 'unites', 'unités constitutives du référentiel de certification, annexe IV (règlement d’examen, épreuves)'),
    ('06-annexes', 'annexe2', 'Annexes II (stages), III (horaires), V (définition des épreuves), VI (correspondance)'),
]

def write_part(path, what, obj):
    dump(obj, path)
    body = open(path, encoding='utf-8').read()
    open(path, 'w', encoding='utf-8').write(f'# BTS Négociation et relation client — {what}.\n'
                                            f'# Drafted by tools/draft/bts_nrc.py from 003_c4c5c4445889f3b1.txt, then reviewed.\n' + body)

if __name__ == '__main__':
    for d in ['certifications/bts-nrc', 'certifications/bts-fv-1997', 'correspondences', 'sources']:
        os.makedirs(os.path.join(OUT, d), exist_ok=True)
    dump(CERT, os.path.join(OUT, 'certifications/bts-nrc/certification.yaml'))
    # The elements in ordered part files that follow the document (the loader reads the files of the
    # folder in path order, so the elements keep this order); the matrices in a file of their own.
    ids = [e['id'] for e in ELS]
    cuts = [ids.index(first) for _, first, _ in PARTS] + [len(ELS)]
    for (name, _, what), a, b in zip(PARTS, cuts, cuts[1:]):
        write_part(os.path.join(OUT, f'certifications/bts-nrc/{name}.yaml'), what, {'in': 'bts-nrc', 'doc': D, 'elements': ELS[a:b]})
    write_part(os.path.join(OUT, 'certifications/bts-nrc/07-matrices.yaml'),
               'matrices : fonctions × compétences, savoirs × unités, enseignements × savoirs', {'in': 'bts-nrc', 'doc': D, 'matrices': MATRICES})
    dump(FV_CERT, os.path.join(OUT, 'certifications/bts-fv-1997/certification.yaml'))
    dump({'in': 'bts-fv-1997', 'doc': D, 'elements': FV_ELS}, os.path.join(OUT, 'certifications/bts-fv-1997/elements.yaml'))
    dump(CORR, os.path.join(OUT, 'correspondences/bts-fv-1997-bts-nrc.yaml'))
    dump({'doc': D, 'noise': sorted(PAGE_NUMBERS), 'layout': sorted(LAYOUT)}, os.path.join(OUT, 'sources/noise-bts-nrc-referentiel.yaml'))
    print(len(ELS), 'elements', file=sys.stderr)
