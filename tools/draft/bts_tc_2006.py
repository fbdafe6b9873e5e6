"""Draft data/certifications/bts-tc-2006/ from 004 (arrêté of 23 August 2006, BTS Technico-commercial):
the arrêté, the référentiel des activités professionnelles, the compétences C1–C4 (titles on three
levels), the savoirs associés (headings and content blocks), the unités with the compétences and
savoirs they certify (linked by title where the unit table numbers a compétence differently), the
épreuves, and annexe VI (1997 ↔ 2006). Structure written out from reading the document; texts taken
from the lines, then reviewed."""
import os, re, sys
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'common.py')).read())

SRC, OUT = sys.argv[1], sys.argv[2]
load(SRC)
D = 'bts-tc-2006-arrete'
# Page numbers ("-  -   9"); in the règlement d'examen (4698-5043) such lines are coefficients and durations.
NOISE |= {n for n in range(1, len(src) + 1) if re.fullmatch(r'\s*(-\s*)*\d{1,2}\s*', L(n)) and not 4698 <= n <= 5043}
# Table layout (column headings, a table header): declared under `layout`. The drafting skips both sets;
# the noise file gets NOISE - LAYOUT as `noise` (page numbers) and LAYOUT as `layout`.
LAYOUT = set()

# ---------------------------------------------------------------- The arrêté
el('arrete', 'section', cite(7, 8))
el('arrete-ministere', 'paragraphe', cite(1, 2), 'arrete')
el('arrete-ministre', 'paragraphe', cite(13, 14), 'arrete')
prose('arrete', 17, 33, 'arrete-vu')
el('arrete-arrete', 'paragraphe', cite(38), 'arrete')
ARTS = [n for n in range(38, 100) if re.match(r'^\s*ARTICLE', L(n))] + [100]
for i, a in enumerate(ARTS[:-1], 1):
    x = el(f'art{i}', 'article', cite(a, ARTS[i] - 1), 'arrete', code=f'Article {i}')
el('arrete-fait', 'paragraphe', cite(105), 'arrete')
prose('arrete', 110, 114, 'arrete-signature')
prose('arrete', 142, 144, 'arrete-publication')

# ---------------------------------------------------------------- Annexe I: RAP, champ d'activité
el('rap', 'section', cite(145))
el('appellation', 'section', cite(146), 'rap')
el('appellation-p1', 'paragraphe', cite(149), 'appellation')
el('champ', 'section', cite(151), 'rap')
HEADS = [(154, 'definition'), (203, 'contexte'), (205, 'emplois'), (232, 'organisations'), (240, 'place'), (254, 'environnement'), (325, 'conditions-generales')]
PARENT = {'definition': 'champ', 'contexte': 'champ', 'emplois': 'contexte', 'organisations': 'contexte', 'place': 'contexte', 'environnement': 'contexte', 'conditions-generales': 'contexte'}
for i, (h, sid) in enumerate(HEADS):
    el(sid, 'section', cite(h), PARENT[sid])
    end = HEADS[i + 1][0] - 1 if i + 1 < len(HEADS) else 333
    if end > h:
        prose(sid, h + 1, end, f'{sid}-p')
for sid, h, a, b in [('responsabilite', 334, 336, 345), ('technologies', 352, 354, 379), ('aptitudes', 381, 383, 386)]:
    el(f'conditions-generales-{sid}', 'section', cite(h), 'conditions-generales')
    prose(f'conditions-generales-{sid}', a, b, f'conditions-generales-{sid}-p')

# ---------------------------------------------------------------- The five fonctions
FH = [387, 494, 627, 750, 879, 999]
SUMMARY = {1: 170, 2: 177, 3: 184, 4: 191, 5: 198}
SUBHEADS = {'1. Moyens et ressources', 'Données et informations disponibles', 'Données et informations disponibles sur :', 'Équipements',
            'Liaisons fonctionnelles', 'Relations internes :', 'Relations externes :', 'Issues de sources internes :',
            'Issues de sources externes :', '2. Autonomie et responsabilité', 'RÉSULTATS ATTENDUS'}
for n in range(1, 6):
    h, end = FH[n - 1], FH[n] - 1
    fid = f'f{n}'
    x = el(fid, 'fonction', cite(h + 1), 'rap', code=f'F{n}')
    t, l = cite(SUMMARY[n])
    x['variants'] = [{'text': re.sub(r'^\d\s*–\s*', '', t), 'lines': l}]
    el(f'{fid}-fonction', 'paragraphe', cite(h), fid)
    cond = next(m for m in range(h, end + 1) if 'CONDITIONS D’EXERCICE' in L(m))
    subs = [m for m in range(h, cond) if re.match(r'^\s*\d\.\d\.?\s', L(m))]
    for i, s in enumerate(subs):
        code = re.match(r'^\s*(\d\.\d)', L(s)).group(1)
        sid = f'f{code}'
        title = re.sub(r'^\s*\d\.\d\.?\s*', '', clean(L(s)))
        el(sid, 'sous_fonction', (title, s), fid, code=code)
        nxt = subs[i + 1] if i + 1 < len(subs) else cond
        prose(sid, s + 1, nxt - 1, f'{sid}-t', 'tache')
    cid = f'{fid}-conditions'
    el(cid, 'section', cite(cond), fid)
    heads = [m for m in range(cond + 1, end + 1) if clean(L(m)).strip() in SUBHEADS]
    hb = heads + [end + 1]
    for k, hh in enumerate(heads):
        name = clean(L(hh))
        hid = f'{cid}-{k + 1}'
        el(hid, 'section', cite(hh), cid)
        kind = 'autonomie' if 'Autonomie' in name else 'resultat_attendu' if name == 'RÉSULTATS ATTENDUS' else 'condition_exercice'
        if hb[k + 1] - 1 >= hh + 1:
            prose(hid, hh + 1, hb[k + 1] - 1, f'{hid}-', kind)

# ---------------------------------------------------------------- Compétences: the three levels of titles
CH = [n for n in range(999, 1912) if re.match(r'^\s*C\d(\.\d){0,2}\s', L(n))]
COMP = {}
for n in CH:
    m = re.match(r'^\s*C(\d(?:\.\d){0,2})\s+', L(n))
    code = m.group(1)
    ns = [n]
    k = n + 1
    while k < 1912 and clean(L(k)) and clean(L(k))[0].islower():
        ns.append(k); k += 1
    title = re.sub(r'^\s*C\d(\.\d){0,2}\s+', '', join(ns))
    cid = 'c' + code
    parent = None if '.' not in code else 'c' + code.rsplit('.', 1)[0]
    x = el(cid, 'competence', (title, rng(ns[0], ns[-1])), parent, code='C' + code)
    if '.' not in code:
        x['note'] = ('Le tableau de cette compétence (conditions de réalisation, savoir-faire, critères d’évaluation) '
                     'est imprimé en trois colonnes que l’extraction a mises bout à bout : les conditions qui précèdent '
                     'les sous-compétences et les savoir-faire qui suivent chaque intitulé sont sûrs ; les autres blocs, '
                     'conditions ou critères mêlés, sont gardés tels quels avec une note.')
    COMP[cid] = title

# ---------------------------------------------------------------- Compétence tables
# Each table has three columns (conditions de réalisation, savoir-faire, critères d'évaluation) that
# the extraction printed one after the other. What is certain: the blocks before the first
# sub-compétence are conditions de réalisation; the lines right under a sub-compétence's title are
# its savoir-faire. The later blocks are critères d'évaluation or more conditions, mixed: they are
# kept as paragraphs with a note, never guessed.
TOP = [(999, 1179, 'c1'), (1180, 1451, 'c2'), (1452, 1675, 'c3'), (1676, 1911, 'c4')]
# Annexe V prints the critères d'évaluation of E4, E5 and E6 again, as lists: a mixed block found
# there is a critère d'évaluation, with that printing as its proof.
from unicodedata import normalize as _nf
def _key(t):
    t = _nf('NFD', t.replace('’', "'").replace('œ', 'oe'))
    t = ''.join(c for c in t if not 0x300 <= ord(c) <= 0x36f).lower()
    return ' '.join(re.sub(r'[^a-z0-9]+', ' ', t).split())
ANNEX_CRITERIA = []
for ep, (ca, cb) in [('E4', (5305, 5327)), ('E5', (5523, 5549)), ('E6', (5633, 5674))]:
    cur = []
    for k in range(ca, cb + 1):
        t = clean(L(k))
        if not t:
            continue
        if cur and t[:1].islower():
            cur.append(k)
        else:
            if cur: ANNEX_CRITERIA.append((ep, cur))
            cur = [k]
    if cur: ANNEX_CRITERIA.append((ep, cur))
ANNEX_CRITERIA = [(ep, join(ns).rstrip(' ,;'), rng(ns[0], ns[-1])) for ep, ns in ANNEX_CRITERIA]
def annex_criterion(text):
    k = _key(text)
    for ep, t, l in ANNEX_CRITERIA:
        a = _key(t)
        if a == k or (len(k.split()) >= 4 and (a.startswith(k) or k.startswith(a))):
            return ep, t, l
    return None
COLHEAD = re.compile(r'^(Conditions de réalisation :|“ on donne ”|Savoir-faire :|“ être capable de ”|Critères d’évaluation :|“ on exige ”)$')
heads_all = {n for n in CH}
title_lines = set()
for n in CH:
    k = n + 1
    while k < 1912 and clean(L(k)) and clean(L(k))[0].islower():
        title_lines.add(k); k += 1
for a, b, cid in TOP:
    subs = [n for n in CH if a < n <= b]
    # the compétence's introduction: from its title to the column headers
    hdr = [n for n in range(a, b + 1) if COLHEAD.match(clean(L(n)))]
    NOISE.update(hdr)
    LAYOUT.update(hdr)      # the column headings « Conditions de réalisation : “ on donne ” … »
    intro_end = (hdr[0] - 1) if hdr else a
    if intro_end > a:
        prose(cid, a + 1, intro_end, f'{cid}-p')
    first = subs[0] if subs else b + 1
    for i, (t, l) in enumerate(blocks((hdr[-1] + 1) if hdr else a + 1, first - 1), 1):
        el(f'{cid}-cr{i}', 'condition_realisation', (t, l), cid)
    nmix = 0
    INFINITIVE = re.compile(r"^(?:(?:Se |En )[a-zéèêàâîôûç]|S’|S'|[A-ZÉÈÊÀ])[a-zéèêëàâîïôûç’']*(er|ir|re|dre|oir)\b")
    for j, h in enumerate(subs):
        end = subs[j + 1] - 1 if j + 1 < len(subs) else b
        code = re.match(r'^\s*C(\d(?:\.\d){0,2})', L(h)).group(1)
        sub = 'c' + code
        # Items: a line opening with a capital letter starts one; other lines continue it.
        items, cur = [], []
        for k in range(h + 1, end + 1):
            if k in NOISE or k in title_lines or not clean(L(k)):
                if cur and not clean(L(k)):
                    items.append(cur); cur = []
                continue
            t = L(k).strip().lstrip('“ ')
            if cur and not t[:1].isupper():
                cur.append(k)
            else:
                if cur: items.append(cur)
                cur = [k]
        if cur: items.append(cur)
        has_children = any(x.startswith(sub + '.') for x in COMP)
        nsf = 0
        for it in items:
            t, l = join(it), rng(it[0], it[-1])
            if INFINITIVE.match(t) and not has_children:
                nsf += 1
                el(f'{sub}-sf{nsf}', 'savoir_faire', (t, l), sub)
            elif annex_criterion(t):
                ep, at, al = annex_criterion(t)
                nce = sum(1 for x in ELS if x.get('parent') == cid and x['kind'] == 'critere_evaluation') + 1
                e = el(f'{cid}-ce{nce}', 'critere_evaluation', (t, l), cid)
                e['variants'] = [{'text': at, 'lines': al, 'note': f'Le même critère, imprimé dans la liste des critères d’évaluation de l’épreuve {ep} (annexe V) : c’est ce qui le classe parmi les critères.'}]
            else:
                nmix += 1
                e = el(f'{cid}-x{nmix}', 'paragraphe', (t, l), cid)
                e['note'] = ('Bloc de la colonne « conditions de réalisation » ou de la colonne « critères d’évaluation » : '
                             'l’extraction a mêlé ces deux colonnes à cet endroit, et il ne figure pas dans les listes de critères '
                             'des épreuves E4, E5 et E6 (annexe V) ; le document ne permet pas de dire laquelle.')

# ---------------------------------------------------------------- Savoirs associés
el('savoirs', 'section', cite(1948))
SUMMARY_S = {n: L(n) for n in range(1951, 1966)}
SAV = [n for n in range(1968, 3921) if re.match(r'^\s*S\s?\d+(\.\d+)?\b', L(n)) and not re.match(r'^\s*S8 / S13', L(n))]
SEEN = set()
for i, n in enumerate(SAV):
    raw = clean(L(n))
    m = re.match(r'^S\s?(\d+(?:\.\d+)?)\s*[-–]?\s*', raw)
    code = m.group(1)
    sid = 's' + code
    if sid in SEEN:
        continue
    SEEN.add(sid)
    title = raw[m.end():].strip() or raw
    # A title may wrap onto a line in lower case, even after a blank line (S1.12, S1.13 …).
    tl = [n]
    k = n + 1
    while k < 3921 and not clean(L(k)):
        k += 1
    if k < 3921 and clean(L(k))[:1].islower() and k - n <= 3:
        tl.append(k)
        title = (title + ' ' + clean(L(k))).strip()
    parent = 'savoirs' if '.' not in code else 's' + code.split('.')[0] if len(code.split('.')[1]) == 1 else 's' + code[:-1]
    if parent not in SEEN and parent != 'savoirs':
        parent = 'savoirs'
    x = el(sid, 'savoir_associe', (title, rng(tl[0], tl[-1])), parent, code='S' + code)
    if raw[:m.end()].strip(' -–') != 'S' + code:
        x['code_as_printed'] = raw[:m.end()].strip(' -–')
    nxt = SAV[i + 1] if i + 1 < len(SAV) else 3921
    if nxt - 1 >= n + 1:
        if code == '5':
            # S5 – S6 is organised by thèmes: "Thème n : …" headings, each with its text.
            x['text'], x['code'], x['code_as_printed'] = 'Environnement Économique et Juridique', 'S5-S6', 'S5 – S6'
            themes = [k for k in range(n + 1, nxt) if re.match(r'^\s*Thème \d+\s*:', L(k))]
            prose(sid, n + 1, themes[0] - 1, f'{sid}-p')
            for t_i, th in enumerate(themes, 1):
                tl_ = [th]
                k = th + 1
                while k < nxt and (not clean(L(k)) or clean(L(k))[:1].islower()) and k - th <= 3:
                    if clean(L(k)):
                        tl_.append(k)
                    k += 1
                tt = re.sub(r'^Thème \d+\s*:\s*', '', join(tl_))
                tid = f'{sid}-th{t_i}'
                tx = el(tid, 'theme', (tt, rng(tl_[0], tl_[-1])), sid, code=f'Thème {t_i}')
                tx['code_as_printed'] = re.sub(r'\s+', ' ', re.match(r'^\s*(Thème \d+\s*:)', L(th)).group(1))   # with its colon
                tend = themes[t_i] - 1 if t_i < len(themes) else nxt - 1
                prose(tid, tl_[-1] + 1, tend, f'{tid}-p')
        elif code in ('15', '16') or code.startswith(('6', '8', '9', '10', '11', '12', '13', '14')):
            # Français and languages refer to other texts; S5–S6 (by thèmes) and the STI savoirs
            # S8–S14 are laid out differently: their text is kept block by block.
            for j, b in enumerate(line_blocks(n + 1, nxt - 1), 1):
                el(f'{sid}-p{j}', 'reference' if code in ('15', '16') else 'paragraphe', (join(b), rng(b[0], b[-1])), sid)
        else:
            nxt_code = re.match(r'^\s*S\s?(\d+(?:\.\d+)?)', L(nxt)).group(1) if nxt < 3920 else ''
            last = '.' in code and len(code.split('.')[1]) == 2 and not nxt_code.startswith(code[:-1])
            body_start = tl[-1] + 1
            if body_start <= nxt - 1:
                savoir_body(sid, body_start, nxt - 1, last, 'S' + code[:-1], first_block_connaissances=True)
for v in range(1951, 1966):
    m = re.match(r'^\s*•\s*S(\d+)', L(v))
    if m and f's{m.group(1)}' in SEEN:
        e = next(e for e in ELS if e['id'] == f's{m.group(1)}')
        if v == 1965:
            assert clean(L(1967)) == '.'
            e.setdefault('variants', []).append(dict(var(v, 1967), note='Liste des savoirs associés (1951-1967), dernier point de la liste compris : il est imprimé seul, ligne 1967.'))
        else:
            e.setdefault('variants', []).append(dict(var(v), note='Liste des savoirs associés.'))

# ---------------------------------------------------------------- Unités of the professional domain
from unicodedata import normalize as _n
def key(t):
    return re.sub(r'[^a-z0-9]+', ' ', fold_text(t)).strip()
def fold_text(t):
    t = _n('NFD', t.replace('’', "'").replace('œ', 'oe'))
    return ''.join(c for c in t if not 0x300 <= ord(c) <= 0x36f).lower()
el('unites', 'section', cite(4094))
el('unites-entete', 'paragraphe', cite(4097), 'unites')
def competence_links(a, b, rel, where, savoirs=False):
    """Links to the compétences (and savoirs) listed in lines a..b of a unit or épreuve table. The
    lists number some compétences differently from the référentiel: the link follows the title,
    keeps the printed code and title, and says so; the compétence gets the printing as a variant."""
    def common(x, y):
        x, y = key(x).split(), key(y).split()
        k = 0
        while k < min(len(x), len(y)) and x[k] == y[k]:
            k += 1
        return k
    links = []
    n = a
    while n <= b:
        raw = clean(L(n))
        mc = re.match(r'^C(\d(?:\.\d){0,2})\s+', raw)
        ms = re.match(r'^S\s?(\d+(?:\.\d+)?)\s*$', raw)
        if mc:
            ns = [n]
            while n + 1 <= b and clean(L(n + 1)) and clean(L(n + 1))[0].islower():
                n += 1; ns.append(n)
            printed_code, printed = 'C' + mc.group(1), join(ns)
            title = printed[mc.end():].strip()
            best = max(((common(ct, title), cid) for cid, ct in COMP.items() if cid.count('.') == mc.group(1).count('.')), default=(0, None))
            by_title = best[1] if best[0] >= 4 or (best[0] >= 2 and best[0] == len(key(title).split())) else None
            target = by_title or 'c' + mc.group(1)
            link = {'rel': rel, 'to': target, 'lines': rng(ns[0], ns[-1]), 'text': printed}
            if target != 'c' + mc.group(1) or not by_title:
                if target != 'c' + mc.group(1):
                    link['note'] = (f'{where} numérote cette compétence « {printed_code} » ; dans le référentiel, '
                                    f'la compétence de même intitulé est {target.upper()}. Le lien suit l’intitulé.')
                else:
                    link['note'] = (f'L’intitulé imprimé ({where.lower()}) diffère de celui de la compétence {target.upper()} '
                                    f'du référentiel (« {COMP[target]} ») ; aucune compétence du référentiel ne porte cet intitulé. Le lien suit le code.')
                comp = next(e for e in ELS if e['id'] == target)
                comp.setdefault('variants', []).append({'text': title, 'lines': rng(ns[0], ns[-1]), 'code_as_printed': printed_code,
                                                        'note': f'Intitulé et code imprimés par {where.lower()}.'})
            links.append(link)
        elif savoirs and ms and ('s' + ms.group(1)) in SEEN:
            links.append({'rel': rel, 'to': 's' + ms.group(1), 'lines': n, 'text': raw})
        n += 1
    return links

UNITS = {'u4': ((4098, 4100), (4102, 4119)), 'u5': ((4121, 4124), (4126, 4159)), 'u6': ((4161, 4162), (4164, 4214))}
CERTIFIED = set()
for uid, (tl, rows) in UNITS.items():
    t, l = cite(*tl)
    x = el(uid, 'unite', (re.sub(r'^U\d\.?\s*', '', t), l), 'unites', code=uid.upper())
    x['links'] = competence_links(rows[0], rows[1], 'certifies', f'Le tableau de l’unité {uid.upper()}', savoirs=True)
    CERTIFIED.update(k['to'] for k in x['links'] if k['to'].startswith('c'))
    prose(uid, rows[1] - 1, rows[1], f'{uid}-industriels') if uid != 'u5' else prose(uid, rows[1], rows[1], f'{uid}-industriels')
UNCERTIFIED = [c for c in COMP if c.count('.') == 2 and c not in CERTIFIED]
for c in UNCERTIFIED:
    e = next(e for e in ELS if e['id'] == c)
    e['note'] = 'Aucune unité ne certifie cette compétence : elle n’apparaît dans aucun des tableaux des unités U4, U5 et U6 (lignes 4094-4214), ni sous son code ni sous son intitulé.'

# ---------------------------------------------------------------- Règlement d'examen: épreuves and their unités
el('reglement', 'section', cite(4698))
EP = [
    ('e1', 'u1', (4781, 4781), 4785, dict(coefficient=('3', 4790), forme=('écrite', 4793), duree=('4 h', 4796), mode=('CCF', 4799))),
    ('e2', 'u2', (4811, 4812), 4815, dict(coefficient=('3', 4820), forme=('orale', 4823), duree=('30 min', 4831), mode=('CCF', 4834))),
    ('e3', 'u3', (4850, 4851), 4854, dict(coefficient=('2', 4859), forme=('écrite', 4863), duree=('3 h', 4868), mode=('CCF', 4873))),
    ('e4', 'u4', (4889, 4890), 4893, dict(coefficient=('4', 4898), mode=('CCF', 4902))),
    ('e5', 'u5', (4932, 4934), 4937, dict(coefficient=('4', 4940), forme=('écrite', 4943), duree=('4h', 4946), mode=('Ponctuelle', 4949))),
    ('e6', 'u6', (4963, 4964), 4967, dict(coefficient=('5', 4972), forme=('Orale', 4975), duree=('1 h', 4978), mode=('CCF', 4981))),
    ('ef1', 'uf1', (4998, 4999), 5002, dict(forme=('Orale', 5010), duree=('20 min', 5018))),
]
UNIT_NAMES = {'u1': ('Français', 5804), 'u2': ('Communication en langue vivante étrangère', '5805-5807'), 'u3': ('Environnement économique et juridique', '5810-5811'),
              'uf1': ('Épreuve facultative : Langues vivantes étrangères', '5836-5837')}
for eid, uid, tl, ul, facts in EP:
    t, l = cite(*tl)
    t = re.sub(r'^E[F]?\s?\d\s*', '', t)
    x = el(eid, 'epreuve', (t, l), 'reglement', code=eid.upper())
    x['facts'] = {k: {'text': v, 'lines': ln} for k, (v, ln) in facts.items()}
    x['links'] = [{'rel': 'validates', 'to': uid, 'lines': ul, 'text': clean(L(ul))}]
    x['note'] = 'Coefficient, forme, durée et mode sont ceux de la première colonne du règlement (voie scolaire dans un établissement public ou privé sous contrat, CFA ou section d’apprentissage habilité, formation professionnelle continue dans les établissements publics habilités).'
    if uid in UNIT_NAMES:
        un, ull = UNIT_NAMES[uid]
        u = el(uid, 'unite', (un, ull), 'unites', code=uid.upper())
        u['note'] = 'Intitulé de l’unité tel que l’annexe VI l’imprime ; le référentiel ne détaille pas ce que certifie cette unité commune.'
el('reglement-note', 'paragraphe', cite(5043), 'reglement')
for eid, (ea, eb) in {'e4': (5289, 5294), 'e5': (5498, 5511), 'e6': (5596, 5620)}.items():
    e = next(x for x in ELS if x['id'] == eid)
    e['links'] = e['links'] + competence_links(ea, eb, 'evaluates', f'La définition de l’épreuve {eid.upper()} (annexe V)')

# ---------------------------------------------------------------- Annexes II, III and V
el('annexe2', 'section', cite(4317))
outline('annexe2', 4318, 4619, 'annexe2-s')
el('annexe3', 'section', cite(4620))
prose('annexe3', 4621, 4697, 'annexe3-p')
next(e for e in ELS if e['id'] == 'annexe3')['note'] = 'La grille horaire est un tableau que l’extraction a aplati ; ses lignes sont encodées telles quelles, dans l’ordre, sans reconstruire les colonnes.'
el('annexe5', 'section', cite(5050, 5051))
DEF = [(5054, 'e1'), (5183, 'e2'), (5216, 'e3'), (5276, 'e4'), (5481, 'e5'), (5568, 'e6'), (5770, 'ef1')]
for i, (h, eid) in enumerate(DEF):
    end = DEF[i + 1][0] - 1 if i + 1 < len(DEF) else 5790
    sid = f'{eid}-definition'
    el(sid, 'section', cite(h), eid)
    outline(sid, h + 1, end, sid)
# In-course assessment situations: a paragraph that holds a line opening a situation ("1° Première
# situation d’évaluation", "Situation d’évaluation n°1", "La première situation permet …") is cut
# there, and the situation becomes a `situation_evaluation`, linked to the compétences it names.
SITUATION = re.compile(r'^\s*(\d° \S+ situation d’évaluation|Situation d’évaluation n°\s*\d|La (première|seconde) situation permet)')
def span(e):
    ls = [int(x) for x in str(e['lines']).split('-')]
    return ls[0], ls[-1]
out = []
for e in ELS:
    if e['kind'] != 'paragraphe' or not e['id'].startswith('e'):
        out.append(e); continue
    a, b = span(e)
    cuts = [k for k in range(a, b + 1) if SITUATION.match(L(k))]
    if not cuts:
        out.append(e); continue
    bounds = ([a] if cuts[0] != a else []) + cuts + [b + 1]
    for i in range(len(bounds) - 1):
        lo, hi = bounds[i], bounds[i + 1] - 1
        t, l = cite(lo, hi)
        piece = dict(e, id=e['id'] if i == 0 else f"{e['id']}-{i}", text=t, lines=l)
        if SITUATION.match(L(lo)):
            piece['kind'] = 'situation_evaluation'
            links = []
            for k in range(lo, hi + 1):
                for c in re.findall(r'C(\d\.\d\s?\.\d|\d\.\d)(?!\.?\d)', L(k)):
                    links.append({'rel': 'evaluates', 'to': 'c' + c.replace(' ', ''), 'lines': k, 'text': 'C' + c})
            if links:
                piece['links'] = links
        out.append(piece)
ELS[:] = out

# ---------------------------------------------------------------- Dispenses (arrêté du 24 juin 2005)
el('dispenses', 'section', cite(4215, 4216), 'unites')
el('dispenses-note', 'paragraphe', cite(4316), 'dispenses')
DROWS = [('bts-agricole', (4251, 4251), 4254), ('bts-tertiaires', (4256, 4265), 4267), ('sciences-eco', (4269, 4270), 4273),
         ('aes', (4275, 4276), 4278), ('gestion', (4280, 4280), 4283), ('eco-gestion', (4285, 4285), 4288), ('droit', (4290, 4290), 4293),
         ('lea', (4295, 4296), 4298), ('deust', (4300, 4301), 4303), ('licence-mge', (4305, 4306), 4308), ('licence-cpf', (4310, 4311), 4313)]
dcells = []
for key_, _, ln in DROWS:
    vals = re.findall(r'[Dd]ispense\*?', L(ln))
    if len(vals) == 3:
        for col, v in zip(['u1', 'u2', 'u3'], vals):
            dcells.append({'row': key_, 'col': col, 'state': 'marked', 'text': v, 'lines': ln})
    else:
        dcells.append({'row': key_, 'col': 'u1', 'state': 'marked', 'text': vals[0], 'lines': ln})
        for col in ['u2', 'u3']:
            dcells.append({'row': key_, 'col': col, 'state': 'uncertain', 'text': vals[1], 'lines': ln,
                           'note': f'La ligne n’imprime que {len(vals)} mentions pour 3 colonnes (« {clean(L(ln))} ») : on ne peut pas dire laquelle, de U2 ou de U3, porte la seconde.'})
DISPENSES = {
    'id': 'dispenses',
    'title': {'text': 'Diplômes donnant droit à dispense de certaines unités du BTS technico-commercial', 'lines': 4215},
    'rows': [{'key': k, 'text': cite(*r)[0], 'lines': cite(*r)[1]} for k, r, _ in DROWS],
    'columns': [{'key': 'u1', 'ref': 'u1', 'text': 'U1', 'lines': 4227}, {'key': 'u2', 'ref': 'u2', 'text': 'U2', 'lines': 4235},
                {'key': 'u3', 'ref': 'u3', 'text': 'U3', 'lines': 4243}],
    'cells': dcells,
    'note': 'Chaque ligne imprime « Dispense » (avec un astérisque pour U1, renvoyant à l’arrêté du 24 juin 2005) dans les colonnes U1 à U3. Deux lignes n’en impriment que deux : la première est celle de U1 (l’astérisque le dit) ; la place de la seconde est incertaine.',
}

# ---------------------------------------------------------------- Tableau croisé enseignements × compétences × savoirs
CROSS_ROWS = [('c1.1', 3945), ('c1.2', 3951), ('c2.1', 3973), ('c2.2', 3975), ('c2.3', 3980), ('c3.1', 3996), ('c3.2', 4001),
              ('c3.3', 4006), ('c4.4', 4010), ('c4.1', 4043), ('c4.2', 4045), ('c4.3', 4047), ('c4.5', 4052)]
# Two headers are cut inside a word, without a hyphen ("Communicati / on"): they are cited as printed.
CROSS_COLS = [('communication', 'Communicati on', '3925-3926'), ('mercatique', 'Mercatique industrielle', '3928-3929'),
              ('tic', 'Technologies de l’information et de la communicatio n', '3931-3938'), ('gestion', 'Gestion commerciale', '3940-3941'),
              ('management', 'Management', 3943)] + [(f's{i}', f'S{i}', 3943) for i in range(8, 15)]
def row_text(n):
    t = clean(L(n))
    return re.split(r'\s+x\b', t)[0].strip()
CROSS = {
    'id': 'enseignements-competences-savoirs',
    'title': {'text': 'TABLEAU CROISÉ ENSEIGNEMENTS COMPÉTENCES SAVOIRS ASSOCIÉS', 'lines': 3921},
    'rows': [{'key': c, 'ref': c, 'text': row_text(n), 'lines': n} for c, n in CROSS_ROWS],
    'columns': [{'key': k, 'text': t, 'lines': l} for k, t, l in CROSS_COLS],
    'default': 'lost',
    'note': ('Les « x » de ce tableau ont survécu (par exemple lignes 3948, 3971, 3973, 3975, 3999, 4004, 4041, 4043), mais pas leur '
             'colonne : toutes les cases sont perdues. Les lignes sont les compétences de deuxième niveau, que le tableau numérote '
             'C11 … C45 pour C1.1 … C4.5 ; il écrit de même S11 pour S1.1. Les listes de savoirs imprimées entre les lignes '
             '(S11, S12, S32 …) sont gardées dans le document source, sans être rattachées à une case.'),
}

# ---------------------------------------------------------------- Matrices
MATRICES = [DISPENSES, CROSS, {
    'id': 'fonctions-competences',
    'title': {'text': cite(1912)[0], 'lines': 1912},
    'rows': [{'key': f'f{i}', 'ref': f'f{i}', 'text': t, 'lines': l} for i, (t, l) in
             [(1, cite(1916, 1917)), (2, cite(1922)), (3, cite(1927, 1928)), (4, cite(1933, 1934)), (5, cite(1939, 1940))]],
    'columns': [{'key': c.lower().replace('c', 'c', 1), 'text': c, 'lines': 1915} for c in ['C11', 'C12', 'C21', 'C22', 'C23', 'C31', 'C32', 'C33', 'C41', 'C42', 'C43', 'C44', 'C45']],
    'default': 'lost',
    'note': 'Les marques du tableau (« correspondance totale » ou « partielle », légende lignes 1946-1947) sont perdues par l’extraction ; toutes les cases sont perdues. Les colonnes C11 … C45 sont les compétences de deuxième niveau (C1.1 … C4.5).',
}]
for col in MATRICES[2]['columns']:
    col['ref'] = 'c' + col['text'][1] + '.' + col['text'][2]

# ---------------------------------------------------------------- Annexe VI: 1997 ↔ 2006
el('annexe6', 'section', cite(5791))
el('annexe6-titre', 'paragraphe', cite(5794), 'annexe6')
OLD = [('u1', 'Français', 5804), ('u2', 'LVI', 5805), ('u3', 'Économie et droit', 5810), ('u4', 'Achat – vente de biens et services industriels', '5815-5816'),
       ('u5', 'Proposition de solutions technico-commerciales', '5820-5821'), ('u6', 'Conduite et présentation d’activités professionnelles', '5828-5829'),
       ('uf1', 'Épreuve facultative : Langues vivantes étrangères', '5833-5834')]
OLD_ELS = [{'id': u, 'kind': 'unite', 'code': u.upper(), 'text': t, 'lines': l,
            'note': 'Unité du BTS technico-commercial de 1997, seulement nommée par le tableau de correspondance de l’annexe VI.'} for u, t, l in OLD]
NEW_VARIANTS = {'u4': ('Négociation technico-commerciale', 5818), 'u5': ('Management et gestion des activités technico-commerciales', '5823-5824'),
                'u6': ('Projet technico-commercial', 5831)}
for uid, (t, l) in NEW_VARIANTS.items():
    e = next(e for e in ELS if e['id'] == uid)
    e.setdefault('variants', []).append({'text': t, 'lines': l, 'note': 'Intitulé imprimé dans le tableau de correspondance de l’annexe VI.'})
PAIR_LINES = {'u1': 5804, 'u2': '5805-5808', 'u3': '5810-5813', 'u4': '5815-5818', 'u5': '5820-5826', 'u6': '5828-5831', 'uf1': '5833-5839'}
CORR = {'correspondences': [{
    'id': 'bts-tc-1997-bts-tc-2006', 'status': 'official', 'from': 'bts-tc-1997', 'to': 'bts-tc-2006',
    'title': {'text': 'TABLEAU DE CORRESPONDANCE D’ÉPREUVES ET D’UNITÉS', 'doc': D, 'lines': 5794}, 'doc': D, 'relation': 'close_match',
    'note': 'L’annexe VI met en regard chaque unité du BTS technico-commercial de 1997 et l’unité de 2006 qui lui correspond (article 8 de l’arrêté). Le document ne qualifie pas davantage la correspondance.',
    # each pair cites its row as printed: old title, old code, new title, new code
    'pairs': [{'from': [u], 'to': [u], 'lines': PAIR_LINES[u], 'text': cite(*map(int, str(PAIR_LINES[u]).split('-')))[0]} for u, _, _ in OLD],
}]}

CERT = {'certification': {
    'id': 'bts-tc-2006', 'kind': 'bts', 'lineage': 'technico-commercial', 'version': '2006',
    'title': {'text': 'Brevet de technicien supérieur TECHNICO-COMMERCIAL', 'doc': D, 'lines': 149,
              'variants': [{'text': 'BTS technico-commercial', 'doc': D, 'lines': 5801},
                           {'text': cite(4703, 4705)[0], 'doc': D, 'lines': cite(4703, 4705)[1]}]},
    'dates': [{'role': 'arrete', 'text': '23 août 2006', 'date': '2006-08-23', 'doc': D, 'lines': 105},
              {'role': 'premiere_session', 'text': 'aura lieu en 2008', 'doc': D, 'lines': 91}],
    'predecessors': [{'id': 'bts-tc-1997', 'text': 'l’arrêté du 3 septembre 1997 précité est abrogé', 'doc': D, 'lines': 96}],
}}
OLD_CERT = {'certification': {
    'id': 'bts-tc-1997', 'kind': 'bts', 'lineage': 'technico-commercial', 'version': '1997', 'only_named': True,
    'title': {'text': 'BTS technico-commercial', 'doc': D, 'lines': 5798},
    'dates': [{'role': 'arrete', 'text': '(arrêté du 03/09/97 modifié)', 'date': '1997-09-03', 'doc': D, 'lines': 5799},
              {'role': 'derniere_session', 'text': 'aura lieu en 2007', 'doc': D, 'lines': 95},
              {'role': 'abrogation', 'text': 'l’arrêté du 3 septembre 1997 précité est abrogé', 'doc': D, 'lines': 96}],
    'successors': [{'id': 'bts-tc-2006', 'text': 'défini par le présent arrêté', 'doc': D, 'lines': 5802}],
    'note': 'Seulement nommé par l’arrêté de 2006 (articles 8 et 9) et par le tableau de correspondance de l’annexe VI.',
}}

# ---------------------------------------------------------------- Repairs read from the layout
# Everything below corrects the drafting above where a reading of the source's layout settles the
# question; each decision is written into the element's note, with its lines.
def E(i):
    return next(e for e in ELS if e['id'] == i)
def drop(*ids):
    ELS[:] = [e for e in ELS if e['id'] not in ids]
def renumber(parent, kind, stem):
    """Positional ids again (`{parent}-{stem}{n}`) for the children of `parent` of one kind."""
    n = 0
    for e in ELS:
        if e.get('parent') == parent and e['kind'] == kind:
            n += 1
            e['id'] = f'{parent}-{stem}{n}'

# -- The compétence tables. Each table is printed page by page in three columns, and the extraction
# gives, for each page, column 1 (conditions de réalisation), then column 2 (the savoir-faire under
# each sub-compétence), then column 3 (critères d'évaluation). The blocks that the drafting left
# undecided are placed by that order.
TABLE_PAGES = {
    'c1': 'page 1 : conditions 1012-1030, savoir-faire C1.1–C1.2.1 1033-1070, critères 1074-1110 ; page 2 : conditions 1111-1123, savoir-faire C1.2.2–C1.2.4 1125-1150, critères 1153-1179',
    'c2': 'page 1 : conditions 1193-1242, savoir-faire C2.1–C2.2.1 1244-1299, critères 1302-1357 ; page 2 : fin du savoir-faire de C2.2.1 1358-1361, savoir-faire C2.2.2–C2.3.3 1363-1403, critères 1405-1451',
    'c3': 'conditions 1465-1514, savoir-faire C3.1–C3.2.2 1516-1573, critères 1576-1616 ; puis savoir-faire C3.3 1617-1649, critères 1665-1675',
    'c4': 'conditions 1688-1715, savoir-faire C4.1–C4.3.1 1717-1774, critères 1777-1826 ; puis savoir-faire C4.3.1–C4.5 1839-1879, critères 1890-1911',
}
for cid in TABLE_PAGES:
    E(cid)['note'] = ('Le tableau de cette compétence (conditions de réalisation, savoir-faire, critères d’évaluation) est imprimé '
                      'en trois colonnes que l’extraction donne, page après page, l’une après l’autre : colonne 1, colonne 2, colonne 3 '
                      f'({TABLE_PAGES[cid]}). Chaque bloc est classé par la colonne où il se trouve.')
for x in ['c1-x1', 'c1-x2', 'c1-x3', 'c1-x4']:
    e = E(x)
    e['kind'] = 'condition_realisation'
    e['note'] = (f'Colonne 1 (conditions de réalisation) de la deuxième page du tableau de C1 : imprimé après les critères de la première page '
                 f'(1074-1110) et avant le savoir-faire de C1.2.2 (1125) ; lignes {e["lines"]}.')
CE_NOTE = 'Colonne 3 (critères d’évaluation) du tableau de {c} : imprimé parmi les critères, lignes {l} ({where}).'
for x, where in [('c2-x1', 'entre les critères 1319-1321 et 1331-1335'), ('c2-x2', 'après le critère 1349-1351, à la fin de la colonne 3 de la première page'),
                 ('c2-x5', 'entre les critères 1430-1433 et 1440-1442'), ('c3-x1', 'à la suite du critère 1590-1593'),
                 ('c3-x2', 'entre les critères 1590-1596 et 1609-1612'), ('c3-x3', 'entre les critères 1590-1596 et 1609-1612'),
                 ('c3-x4', 'entre les critères 1590-1596 et 1609-1612'), ('c4-x1', 'après le critère 1810-1811'),
                 ('c4-x2', 'en tête de la colonne 3 de la dernière page, avant le critère 1893-1894'), ('c4-x3', 'entre les critères 1900-1901 et 1905-1908')]:
    e = E(x)
    e['kind'] = 'critere_evaluation'
    e['note'] = CE_NOTE.format(c=x[:2].upper(), l=e['lines'], where=where)
E('c4-x1')['variants'] = [dict(var(5546), note='Imprimé de nouveau, sous la forme « Définition de profils de postes adaptés », dans la liste des critères de l’épreuve E5 (annexe V).')]
# C2.2.1's last savoir-faire ends on the next page ("financiers", 1358), which the drafting fused with
# the first line of a critère (1357) whose end is printed at the top of column 3 of that page (1405-1406).
sf = E('c2.2.1-sf4')
t1, l1 = cite(1298, 1299)
sf.update(text=t1 + ' financiers', lines='1298-1358', pieces=[{'text': t1, 'lines': l1}, {'text': 'financiers', 'lines': 1358}],
          repair='Le savoir-faire se poursuit sur la page suivante du tableau : son dernier mot, « financiers » (1358), est imprimé en tête de la colonne 2 de cette page.')
x3 = E('c2-x3')
ta, tb = cite(1357)[0], cite(1405, 1406)[0]
x3.update(kind='critere_evaluation', text=ta + ' ' + tb, lines='1357-1406', pieces=[{'text': ta, 'lines': 1357}, {'text': tb, 'lines': '1405-1406'}],
          repair='Le critère commence en bas de la colonne 3 d’une page (1357) et finit en tête de la colonne 3 de la page suivante (1405-1406).',
          variants=[dict(var(5640), note='Le même critère, imprimé d’un seul tenant dans la liste des critères de l’épreuve E6 (annexe V).')],
          note='Colonne 3 (critères d’évaluation) du tableau de C2, sur deux pages (1357 et 1405-1406).')
drop('c2-x4')
for cid in TABLE_PAGES:
    renumber(cid, 'condition_realisation', 'cr')
    renumber(cid, 'critere_evaluation', 'ce')

# -- Savoirs: texts cut, split or fused.
k1 = E('s3.2-k1'); k1['text'], k1['lines'] = cite(2410, 2412)
drop('s3.2-k2'); renumber('s3.2', 'savoir', 'k')
k = E('s3.51-k1')
ta, tb = cite(2464)[0], cite(2472)[0]
k.update(text=ta + ' ' + tb, lines='2464-2472', pieces=[{'text': ta, 'lines': 2464}, {'text': tb, 'lines': 2472}],
         repair='La fin de la connaissance (« partage de l’information », 2472, imprimée en retrait dans la colonne des connaissances) est placée par l’extraction au milieu de la colonne des limites.')
lim = E('s3.51-lim2'); lim['text'], lim['lines'] = cite(2469, 2471)
# S8–S13: the code is on its own line, the title on the next, followed by the column heading
# "Limites de connaissances" (on the same line for S8, on its own line for S9–S13).
# The code is printed alone on a line above the title (3089, 3203, 3306, 3488, 3625, 3694): the element
# cites both lines, its text being the title's line as its one piece, so that the code is claimed where
# it is printed.
for code, tl, cl in [('8', 3090, 3089), ('9', 3205, 3203), ('10', 3308, 3306), ('11', 3490, 3488), ('12', 3627, 3625), ('13', 3696, 3694)]:
    e = E(f's{code}')
    t = clean(L(tl))
    assert clean(L(cl)) == f'S {code}', (cl, L(cl))
    title = re.sub(r'\s*Limites de connaissances$', '', t)
    e['text'] = title
    e['lines'] = f'{cl}-{tl}'
    e['code_as_printed'] = f'S {code}'
    e['pieces'] = [{'text': title, 'lines': tl}]
    e['repair'] = (f'Le code « S {code} » est imprimé seul sur la ligne {cl}, au-dessus de l’intitulé (ligne {tl}) : '
                   'l’élément cite les deux lignes, son texte est l’intitulé seul.')
    drop(f's{code}-p1')
    if t != title:
        # S8: the column heading « Limites de connaissances » is printed on the title's line (3090); it
        # cannot be declared as layout without the title, so the line as printed is a variant.
        e.setdefault('variants', []).append({'text': t, 'lines': tl,
                          'note': f'La ligne {tl} telle qu’elle est imprimée : l’intitulé, puis l’en-tête de la colonne de droite « Limites de connaissances », '
                                  'que la mise en page place sur la même ligne pour S8 (pour S9–S13, il a sa propre ligne, déclarée comme mise en page : '
                                  '3206, 3309, 3491, 3628, 3697).'})
    if clean(L(tl + 1)) == 'Limites de connaissances':
        LAYOUT.add(tl + 1)
# The column heading "Connaissances Limites de connaissances" is layout, not a connaissance.
for sid in ['s1', 's2', 's3', 's4', 's7']:
    h = E(f'{sid}-k1')
    assert h['text'] == 'Connaissances Limites de connaissances', h
    LAYOUT.add(int(h['lines']))
    drop(f'{sid}-k1'); renumber(sid, 'savoir', 'k')
# S7.23 is printed inside its group S7.2: after the connaissances of S7.21 and S7.22 come the group's
# limites (2991-3003, 3006-3013), then S7.23's own connaissances (3014-3020, nouns, in the connaissances
# column), then S7.24 and the rest of the group's limites (3032-3055).
S72 = []
for e in list(ELS):
    if e.get('parent') == 's7.23':
        a = int(str(e['lines']).split('-')[0])
        if a <= 3013:
            e['kind'] = 'limite_connaissances'
            S72.append(e)
        else:
            e['kind'] = 'savoir'
            e['note'] = ('Connaissance de S7.23 (colonne des connaissances : un nom, non un verbe à l’infinitif), imprimée par l’extraction après '
                         'les limites de connaissances du groupe S7.2 (2991-3013).')
n = 0
for e in ELS:
    if e.get('parent') == 's7.23' and e['kind'] == 'savoir':
        n += 1; e['id'] = f's7.23-k{n}'
# Limites printed after the last savoir of a group belong to the group: the layout prints the
# group's limites together, in the right-hand column, below its savoirs, without saying which savoir
# each block is about. They are attached to the group's own element.
def _first(e):
    return int(str(e['lines']).split('-')[0])
for e in ELS:
    if e['kind'] == 'limite_connaissances' and (e.get('note', '').startswith('Imprimée après le dernier savoir') or e in S72):
        sav = e['parent']
        group = sav[:-1] if sav != 's7.23' else 's7.2'
        members = [x for x in ELS if x.get('parent') == group and x['kind'] == 'savoir_associe']
        if len(members) == 1:
            e['note'] = f'Limite imprimée sous le seul savoir de son groupe ({group.upper()}), ligne(s) {e["lines"]}.'
            continue
        first = min(_first(m) for m in members)
        e['parent'] = group
        e['note'] = (f'Limite de connaissances du groupe {group.upper()} : la mise en page imprime les limites du groupe ensemble, dans la colonne '
                     f'de droite, sous ses savoirs ({", ".join(m["code"] for m in members)}, à partir de la ligne {first}), sans dire à quel savoir '
                     f'chacune se rapporte ; elle est rattachée au groupe (lignes {e["lines"]}).')
for g in sorted({e['parent'] for e in ELS if e['kind'] == 'limite_connaissances' and re.fullmatch(r's\d\.\d', e.get('parent', ''))}):
    n = 0
    for e in ELS:
        if e.get('parent') == g and e['kind'] == 'limite_connaissances':
            n += 1; e['id'] = f'{g}-lim{n}'
for sid in {e['parent'] for e in ELS if e['kind'] == 'limite_connaissances'}:
    n = 0
    for e in ELS:
        if e.get('parent') == sid and e['kind'] == 'limite_connaissances':
            n += 1; e['id'] = f'{sid}-lim{n}'
# The group elements come before their savoirs in ELS, the limites after them: keep each limite where
# it is printed (its position in the list follows the lines).

# -- S16 (langues vivantes) has its own content, headings and paragraphs: it is not a reference.
S16_HEADS = {3855: None, 3872: None, 3874: 3872, 3894: 3872, 3905: 3872}
hid = {}
for e in ELS:
    if e.get('parent') == 's16':
        a = _first(e)
        if a in S16_HEADS:
            e['kind'] = 'section'
            hid[a] = e['id']
cur = None
for e in ELS:
    if e.get('parent') == 's16':
        a = _first(e)
        if a in S16_HEADS:
            if S16_HEADS[a]:
                e['parent'] = hid[S16_HEADS[a]]
            cur = e['id']
        else:
            e['kind'] = 'paragraphe'
            e['parent'] = cur
p10 = E('s16-p10'); p10['text'], p10['lines'] = cite(3889, 3891)
drop('s16-p11')
# A lone "." (5589) ends the list item above it.
p7 = E('e6-definition-1-p7'); p7['text'], p7['lines'] = cite(5587, 5589)
drop('e6-definition-1-p8')

# -- Content the drafting left out.
# The dispenses table heads its columns with the units' numbers and titles (4227-4248).
for col, (a, b), (ta, tb) in [('u1', (4227, 4230), (4229, 4230)), ('u2', (4235, 4240), (4237, 4240)), ('u3', (4243, 4248), (4245, 4248))]:
    c = next(x for x in DISPENSES['columns'] if x['key'] == col)
    c['text'], c['lines'] = cite(a, b)
    E(col).setdefault('variants', []).append(dict(var(ta, tb), note='Intitulé de l’unité en tête de sa colonne dans le tableau des dispenses (annexe IV).'))
# The enseignements × compétences × savoirs table: its first column names the enseignement of a group
# of rows, in a cell merged over them; its last row is "C11 à C45".
CROSS['rows'].append({'key': 'c11-c45', 'text': cite(4090, 4091)[0], 'lines': cite(4090, 4091)[1],
                      'note': 'Ligne « C11 à C45 » : toutes les compétences de deuxième niveau, pour l’enseignement « Technologies industrielles ».'})
CROSS['columns'].insert(0, {'key': 'enseignement', 'text': 'Enseignements', 'lines': 3923,
                            'note': 'Première colonne du tableau : l’enseignement qui couvre un groupe de lignes (case fusionnée).'})
CROSS['cells'] = [{'row': 'c11-c45', 'col': 'enseignement', 'state': 'marked', 'text': cite(4087, 4088)[0], 'lines': cite(4087, 4088)[1],
                   'note': 'Imprimé juste avant la ligne « C11 à C45 », seule ligne de ce groupe (4087-4091).'}]
for (a, b), before, after, row in [((3948, 3949), 'C11 (3945)', 'C12 (3951)', 'c1.1'), ((3977, 3978), 'C22 (3975)', 'C23 (3980)', 'c2.2'),
                                   ((4008, 4008), 'C33 (4006)', 'C44 (4010)', 'c3.3'), ((4049, 4050), 'C43 (4047)', 'C45 (4052)', 'c4.3')]:
    t, l = cite(a, b)
    if a == 3948:
        t = re.sub(r'^(x\s*)+', '', t).strip()
    CROSS['cells'].append({'row': row, 'col': 'enseignement', 'state': 'uncertain', 'text': t, 'lines': l,
                           'note': f'Case fusionnée sur plusieurs lignes, imprimée entre les lignes {before} et {after} : l’extraction ne dit pas '
                                   'quelles lignes elle couvre ; placée sur la ligne qui la précède.'})
# The règlement d'examen is a grid: per épreuve, its unité and coefficient, then forme and durée for
# three categories of candidates (headings 4708-4751).
CATS = [(4708, 4717), (4723, 4728), (4732, 4751)]
for i, (a, b) in enumerate(CATS, 1):
    el(f'reglement-candidats{i}', 'paragraphe', cite(a, b), 'reglement')
# The grid's top-left cell « BTS Technico-commercial » (4703-4705) names the diploma: it is kept as a
# variant of the certification's title. The category headings say who the columns are for: content.
el('reglement-facultative', 'paragraphe', cite(4995), 'reglement')
_new = ELS[-4:]; del ELS[-4:]
_at = next(k for k, e in enumerate(ELS) if e['id'] == 'reglement') + 1
ELS[_at:_at] = _new[:3] + [_new[3]]
for _i in (1, 2, 3):
    _c = E(f'reglement-candidats{_i}')
    _c['note'] = (f'En-tête des colonnes « Forme » et « durée » de la catégorie {_i} de candidats dans la grille du règlement (lignes {_c["lines"]}) : '
                  'il dit à qui ces colonnes s’appliquent, c’est pourquoi il est gardé comme texte et non déclaré comme mise en page.')
# The footnote (1) called by EF1's title (4999): the language of the optional épreuve (5044-5049).
_fn = el('reglement-note2', 'paragraphe', cite(5044, 5049), 'reglement')
ELS.remove(_fn)
ELS.insert(next(k for k, e in enumerate(ELS) if e['id'] == 'reglement-note') + 1, _fn)
LAYOUT.update({4754})
RCOLS = [('unite', 4757), ('coef', 4760), ('forme1', 4763), ('duree1', 4766), ('forme2', 4769), ('duree2', 4772), ('forme3', 4775), ('duree3', 4778)]
RROWS = [('e1', (4781, 4781)), ('e2', (4811, 4812)), ('e3', (4850, 4851)), ('e4', (4889, 4890)), ('e5', (4932, 4934)), ('e6', (4963, 4964)), ('ef1', (4998, 4999))]
RCELLS = {
    'e1': {'unite': (4785,), 'coef': (4790,), 'forme1': (4793,), 'duree1': (4796,), 'forme2': (4799, 4802), 'forme3': (4805,), 'duree3': (4808,)},
    'e2': {'unite': (4815,), 'coef': (4820,), 'forme1': (4823,), 'duree1': (4826, 4831), 'forme2': (4834, 4837), 'forme3': (4840,), 'duree3': (4843, 4848)},
    'e3': {'unite': (4854,), 'coef': (4859,), 'forme1': (4863,), 'duree1': (4868,), 'forme2': (4873, 4876), 'forme3': (4883,), 'duree3': (4886,)},
    'e4': {'unite': (4893,), 'coef': (4898,), 'forme1': (4902, 4905), 'forme2': (4911, 4914), 'forme3': (4920,), 'duree3': (4925, 4930)},
    'e5': {'unite': (4937,), 'coef': (4940,), 'forme1': (4943,), 'duree1': (4946,), 'forme2': (4949, 4951), 'duree2': (4954,), 'forme3': (4957,), 'duree3': (4960,)},
    'e6': {'unite': (4967,), 'coef': (4972,), 'forme1': (4975,), 'duree1': (4978,), 'forme2': (4981, 4984), 'forme3': (4990,), 'duree3': (4993,)},
    'ef1': {'unite': (5002,), 'forme1': (5010,), 'duree1': (5013, 5018), 'forme2': (5021,), 'duree2': (5024, 5029), 'forme3': (5032,), 'duree3': (5035, 5040)},
}
REGLEMENT = {
    'id': 'reglement-examen',
    'title': {'text': cite(4698)[0], 'lines': 4698},
    'rows': [{'key': r, 'ref': r, 'text': cite(*ls)[0], 'lines': cite(*ls)[1]} for r, ls in RROWS],
    'columns': [{'key': k, 'text': cite(n)[0], 'lines': n} for k, n in RCOLS],
    'cells': [{'row': r, 'col': c, 'state': 'marked', 'text': cite(*ls)[0], 'lines': cite(*ls)[1]} for r, cs in RCELLS.items() for c, ls in cs.items()],
    'default': 'unmarked',
    'note': ('Les colonnes « Forme » et « durée » se répètent pour trois catégories de candidats, dans l’ordre des en-têtes : 1 = voie scolaire dans un '
             'établissement public ou privé sous contrat, CFA ou section d’apprentissage habilité, formation professionnelle continue dans les établissements '
             'publics habilités (4708-4717) ; 2 = formation professionnelle continue dans les établissements publics habilités (4723-4728) ; 3 = voie scolaire '
             'dans un établissement privé, CFA ou section d’apprentissage non habilité, formation professionnelle continue non habilitée, enseignement à distance, '
             'candidats justifiant de 3 ans d’expérience professionnelle (4732-4751). Un contrôle en cours de formation (« CCF … situations d’évaluation ») est '
             'imprimé dans la colonne de la forme, sans durée. « * » renvoie au temps de préparation (5043) : « 30 min* + 30 min » = 30 min de préparation + 30 min.'),
}
MATRICES.append(REGLEMENT)
# The épreuves' facts are those of category 1; the "mode" the drafting took was category 2's where
# category 1 prints a forme and a durée (E1, E2, E3, E5, E6).
for eid in ['e1', 'e2', 'e3', 'e5', 'e6']:
    E(eid)['facts'].pop('mode', None)
for eid, (a, b) in [('e2', (4826, 4828)), ('ef1', (5013, 5015))]:
    E(eid).setdefault('facts', {})['duree_preparation'] = {'text': cite(a, b)[0].rstrip('*').strip(), 'lines': cite(a, b)[1]}
for eid in ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']:
    E(eid)['note'] = ('Coefficient, forme et durée sont ceux de la première catégorie de candidats du règlement (voie scolaire dans un établissement public '
                      'ou privé sous contrat, CFA ou section d’apprentissage habilité, formation professionnelle continue dans les établissements publics habilités) ; '
                      'les trois catégories sont dans la matrice « reglement-examen ».')

# -- Table layout and content left out by the drafting (coverage of the source).
# The fonctions × compétences table: « C1 C2 C3 C4 » groups its columns C11 … C45 (1914): a column
# heading. Its legend (1946-1947) says what its lost marks were: content, kept as a paragraph.
LAYOUT.add(1914)
_leg = el('fonctions-competences-legende', 'paragraphe', cite(1946, 1947))
_leg['note'] = ('Légende du tableau de correspondance fonctions × compétences (1912-1947, matrice « fonctions-competences ») : '
                'ses deux sortes de marques ; les marques elles-mêmes sont perdues par l’extraction.')
ELS.remove(_leg)
ELS.insert(next(k for k, e in enumerate(ELS) if e['id'] == 'savoirs'), _leg)
# The dispenses table: « DIPLOMES ACQUIS » heads its first column, the rows (4222).
LAYOUT.add(4222)
# The enseignements × compétences × savoirs table. Line 3923 is its header row: « Enseignements »
# (the first column, kept as that column's text), « Compétences » over the rows, « Savoirs associés du
# domaine tertiaire » over the five enseignement columns and « … du domaine industriel » over S8–S14:
# column headings, declared as layout.
LAYOUT.add(3923)
for _k, (_a, _b) in {'c1.1': (3945, 3946), 'c3.1': (3996, 3997), 'c3.2': (4001, 4002), 'c4.4': (4010, 4011)}.items():
    _r = next(r for r in CROSS['rows'] if r['key'] == _k)
    _r['text'], _r['lines'] = cite(_a, _b)
# Read from the layout: the extraction prints each row's title, then what its cells hold — lists of
# savoirs (S11, S12 …) and « x » marks — before the next row (the marks of C21, C22 and C41 are on the
# row's own line: 3973, 3975, 4043). A list of savoirs S1x … S7x is in the column of the enseignement
# that teaches S1 … S7 (the list of savoirs, 1951-1956: S1 Communication, S2 Mercatique industrielle,
# S3 Technologies de l’information et de la communication, S4 Gestion commerciale, S7 Management);
# the « x » are in the columns of the industrial savoirs S8–S14 (the row « C11 à C45 » prints seven of
# them for the seven columns, 4093). Which of S8–S14 each « x » marks is lost.
SCOL = {'1': 'communication', '2': 'mercatique', '3': 'tic', '4': 'gestion', '7': 'management'}
CROW = {k: str(l) for k, l in [(r['key'], r['lines']) for r in CROSS['rows']]}
SLISTS = [('c1.2', (3954, 3956)), ('c1.2', (3963, 3963)), ('c1.2', (3968, 3969)), ('c2.3', (3985, 3987)), ('c2.3', (3993, 3993)),
          ('c4.4', (4019, 4019)), ('c4.4', (4028, 4030)), ('c4.4', (4040, 4040)),
          ('c4.5', (4058, 4059)), ('c4.5', (4067, 4067)), ('c4.5', (4076, 4076)), ('c4.5', (4084, 4085))]
for row, (a, b) in SLISTS:
    t, l = cite(a, b)
    t = re.sub(r'(\s+x)+$', '', t)          # 4085 prints the row's marks after S72
    codes = re.findall(r'S\s?(\d)', t)
    assert len(set(codes)) == 1, t
    CROSS['cells'].append({'row': row, 'col': SCOL[codes[0]], 'state': 'uncertain', 'text': t, 'lines': l,
        'note': (f'Liste de savoirs imprimée après la ligne {row.upper().replace(".", "")} ({CROW[row]}), dans la colonne de l’enseignement qui '
                 f'enseigne S{codes[0]} (liste des savoirs, 1951-1956). Deux lectures : elle est dans la case de cette ligne, ou dans une case '
                 'fusionnée sur les lignes de son groupe d’enseignement ; l’extraction ne le dit pas.')})
XRUNS = [('c1.1', 3948), ('c1.2', 3971), ('c2.1', 3973), ('c2.2', 3975), ('c2.3', 3994), ('c3.1', 3999), ('c3.2', 4004),
         ('c4.4', 4041), ('c4.1', 4043), ('c4.5', 4085)]
INDUS = [f's{i}' for i in range(8, 15)]
for row, ln in XRUNS:
    k = len(re.findall(r'(?<![A-Za-zÀ-ÿ])x(?![A-Za-zÀ-ÿ])', L(ln)))
    assert 0 < k < 7, (ln, k)
    where = 'sur la ligne même de la compétence' if CROW[row] == str(ln) else f'après la ligne de la compétence ({CROW[row]})'
    for col in INDUS:
        CROSS['cells'].append({'row': row, 'col': col, 'state': 'uncertain', 'text': 'x', 'lines': ln,
            'note': (f'{k} « x » imprimés ligne {ln}, {where}, pour les 7 colonnes S8–S14 : {k} de ces cases sont marquées, '
                     'l’extraction a perdu lesquelles.')})
assert len(re.findall(r'\bx\b', L(4093))) == 7
for col in INDUS:
    CROSS['cells'].append({'row': 'c11-c45', 'col': col, 'state': 'marked', 'text': 'x', 'lines': 4093,
        'note': 'Sept « x » imprimés ligne 4093 pour les sept colonnes S8–S14 de la ligne « C11 à C45 » : toutes sont marquées.'})
CROSS['note'] = ('Les lignes sont les compétences de deuxième niveau, que le tableau numérote C11 … C45 pour C1.1 … C4.5 ; il écrit de même '
                 'S11 pour S1.1. L’extraction imprime chaque ligne puis ce que ses cases contiennent : des listes de savoirs dans les colonnes '
                 'des enseignements (la colonne suit le numéro du savoir) et des « x » dans les colonnes S8–S14, dont la colonne est perdue '
                 '(cases « uncertain », sauf la ligne « C11 à C45 » qui en imprime sept pour sept colonnes). Les autres cases sont perdues.')

# The part files of data/certifications/bts-tc-2006/, in the order of the elements: (name, first element).
PARTS = [('arrete', 'arrete'), ('rap', 'rap'), ('competences', 'c1'), ('savoirs-s1-s4', 'savoirs'), ('savoirs-s5-s6', 's5'),
         ('savoirs-s7', 's7'), ('savoirs-s8-s14', 's8'), ('savoirs-s15-s16', 's15'), ('unites-epreuves', 'unites'),
         ('annexe2-professionnalite', 'annexe2'), ('annexe3-horaires', 'annexe3'), ('annexe5-definition-epreuves', 'annexe5'),
         ('dispenses', 'dispenses'), ('annexe6-correspondance', 'annexe6')]

if __name__ == '__main__':
    for d in ['certifications/bts-tc-2006', 'certifications/bts-tc-1997', 'correspondences', 'sources']:
        os.makedirs(os.path.join(OUT, d), exist_ok=True)
    dump(CERT, os.path.join(OUT, 'certifications/bts-tc-2006/certification.yaml'))
    # The elements go into ordered part files that follow the document (the loader reads the files of
    # the folder in name order, so the element order is the same as in one file).
    bounds = [next(k for k, e in enumerate(ELS) if e['id'] == first) for _, first in PARTS] + [len(ELS)]
    assert bounds == sorted(bounds), bounds
    for i, (name, _) in enumerate(PARTS):
        dump({'in': 'bts-tc-2006', 'doc': D, 'elements': ELS[bounds[i]:bounds[i + 1]]},
             os.path.join(OUT, f'certifications/bts-tc-2006/{i + 1:02d}-{name}.yaml'))
    dump({'in': 'bts-tc-2006', 'doc': D, 'matrices': MATRICES},
         os.path.join(OUT, f'certifications/bts-tc-2006/{len(PARTS) + 1:02d}-matrices.yaml'))
    dump(OLD_CERT, os.path.join(OUT, 'certifications/bts-tc-1997/certification.yaml'))
    dump({'in': 'bts-tc-1997', 'doc': D, 'elements': OLD_ELS}, os.path.join(OUT, 'certifications/bts-tc-1997/elements.yaml'))
    dump(CORR, os.path.join(OUT, 'correspondences/bts-tc-1997-bts-tc-2006.yaml'))
    dump({'doc': D, 'noise': sorted(NOISE - LAYOUT), 'layout': sorted(LAYOUT)}, os.path.join(OUT, 'sources/noise-bts-tc-2006-arrete.yaml'))
    print(len(ELS), 'elements; certified by no unit:', UNCERTIFIED, file=sys.stderr)
