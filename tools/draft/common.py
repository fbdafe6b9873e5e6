"""Helpers shared by the drafting scripts: read a source, cite lines, join wrapped lines."""
import re, yaml
src = []
NOISE = set()
def load(path):
    global src
    src[:] = open(path, encoding='utf-8').read().split('\n')

def L(n): return src[n - 1]
BULLET = re.compile(r'^\s*(?:[-•\uf0a7\uf0b7]\s+|\uf0a7|\uf0b7)\s*')

def clean(l):
    l = ''.join(c for c in l if not 0xE000 <= ord(c) <= 0xF8FF)
    return BULLET.sub('', l).strip()

def join(ns):
    out = ''
    for n in ns:
        t = clean(L(n))
        if not t:
            continue
        if out.endswith('-') and len(out) > 1 and out[-2].isalpha() and t[:1].isalpha():
            out = out + t   # a word cut at the line end: joined, its hyphen kept (technico-commercial)
        else:
            out = t if not out else out + ' ' + t
    return re.sub(r'\s+', ' ', out).strip()

def rng(a, b):
    return a if a == b else f'{a}-{b}'

def content(a, b):
    return [n for n in range(a, b + 1) if n not in NOISE and clean(L(n))]

def cite(a, b=None):
    ns = content(a, b or a)
    return join(ns), rng(ns[0], ns[-1])

def paragraphs(a, b):
    """Blank-line separated paragraphs; bullet lines start their own paragraph."""
    out, cur = [], []
    for n in range(a, b + 1):
        if n in NOISE:
            continue
        raw = L(n)
        if not clean(raw):
            if cur: out.append(cur); cur = []
            continue
        if cur and BULLET.match(raw):
            out.append(cur); cur = []
        cur.append(n)
    if cur: out.append(cur)
    return [(join(p), rng(p[0], p[-1])) for p in out]

def lines_items(a, b):
    """One item per line; a line starting in lower case continues the previous one."""
    out, cur = [], []
    for n in range(a, b + 1):
        if n in NOISE or not clean(L(n)):
            if cur: out.append(cur); cur = []
            continue
        t = clean(L(n))
        if cur and (t[0].islower() or t[0] == '('):
            cur.append(n)
        else:
            if cur: out.append(cur)
            cur = [n]
    if cur: out.append(cur)
    return [(join(i), rng(i[0], i[-1])) for i in out]

ELS = []
def el(id, kind, text_lines, parent=None, **kw):
    text, lines = text_lines
    e = {'id': id, 'kind': kind}
    if parent: e['parent'] = parent
    for k in ('code',):
        if k in kw: e[k] = kw.pop(k)
    e['text'] = text
    e['lines'] = lines
    if 'doc' in kw: e['doc'] = kw.pop('doc')
    e.update({k: v for k, v in kw.items() if v})
    ELS.append(e)
    return e

def paras(parent, a, b, prefix, kind='paragraphe'):
    for i, (t, l) in enumerate(paragraphs(a, b), 1):
        el(f'{prefix}{i}', kind, (t, l), parent)

def var(a, b=None, **kw):
    t, l = cite(a, b)
    v = {'text': t, 'lines': l}
    v.update(kw)
    return v


def line_blocks(a, b):
    """The non-blank lines of a..b, grouped by blank lines (noise skipped)."""
    out, cur = [], []
    for n in range(a, b + 1):
        if n in NOISE:
            continue
        if not clean(L(n)):
            if cur: out.append(cur); cur = []
            continue
        cur.append(n)
    if cur: out.append(cur)
    return out

def blocks(a, b):
    """Blank-line separated blocks, each one item: (text, lines)."""
    return [(join(i), rng(i[0], i[-1])) for i in line_blocks(a, b)]

def prose(parent, a, b, prefix, kind='paragraphe'):
    """Running text: a bullet line opens an item; after a blank line, a line in lower case continues
    the item before it (a wrapped bullet), any other line opens a new paragraph."""
    items, cur, blank = [], [], False
    for n in range(a, b + 1):
        if n in NOISE:
            continue
        t = clean(L(n))
        if not t:
            blank = True
            continue
        bullet = bool(re.match(r'^\s*[•\uf0a7\uf0b7-]', L(n)))
        if cur and not bullet and (not blank or t[0].islower()):
            cur.append(n)
        else:
            if cur: items.append(cur)
            cur = [n]
        blank = False
    if cur: items.append(cur)
    for i, it in enumerate(items, 1):
        el(f'{prefix}{i}', kind, (join(it), rng(it[0], it[-1])), parent)

HEADING = re.compile(r'^\s*(\d)\.(\d\.)?\s+\S')
def outline(root, a, b, prefix):
    """Numbered headings (1., 3.1.) become nested sections; the text between them, paragraphs."""
    stack = [(0, root)]
    start, count = a, 0
    def flush_text(upto):
        if upto >= start:
            prose(stack[-1][1], start, upto, f'{stack[-1][1]}-p')
    for n in range(a, b + 1):
        if n in NOISE:
            continue
        m = HEADING.match(L(n))
        if m:
            flush_text(n - 1)
            depth = 2 if m.group(2) else 1
            while stack[-1][0] >= depth:
                stack.pop()
            count += 1
            sid = f'{prefix}-{count}'
            el(sid, 'section', cite(n), stack[-1][1])
            stack.append((depth, sid))
            start = n + 1
    flush_text(b)

def savoir_body(sid, a, b, last_in_group=False, group='', first_block_connaissances=False):
    """The body of a savoir associé printed in two columns that the extraction mixed: the
    connaissances are dash items (kind `savoir`), the limites de connaissances are sentences (kind
    `limite_connaissances`); a dash item right after a limite ending with ":" belongs to it.
    With `first_block_connaissances` (004's layout), the connaissances are the lines of the first
    block, one a line, and the blocks after it are limites, one a line."""
    count = {'connaissance': 0, 'limite': 0}
    def emit(what, ns):
        ns = list(ns)
        t, l = join(ns), rng(ns[0], ns[-1])
        if what == 'header':
            el(f'{sid}-colonnes', 'paragraphe', (t, l), sid)
            return
        count[what] += 1
        if what == 'connaissance':
            el(f'{sid}-k{count[what]}', 'savoir', (t, l), sid)
            return
        e = el(f'{sid}-lim{count[what]}', 'limite_connaissances', (t, l), sid)
        if last_in_group:
            e['note'] = (f'Imprimée après le dernier savoir de son groupe ({group}) : la mise en page ne dit pas si '
                         'cette limite vaut pour ce seul savoir ou pour tout le groupe ; elle est rattachée au savoir sous lequel elle est imprimée.')
    if first_block_connaissances:
        bl = line_blocks(a, b)
        items = []
        for bi, block in enumerate(bl):
            what = 'connaissance' if bi == 0 else 'limite'
            for t, l in lines_items(block[0], block[-1]):
                items.append([what, l])
        for what, l in items:
            ls = [int(x) for x in str(l).split('-')]
            emit(what, range(ls[0], ls[-1] + 1))
        return
    items, cur, blank = [], [], False
    for k in range(a, b + 1):
        if k in NOISE:
            continue
        t = clean(L(k))
        if not t:
            blank = True
            continue
        dash = L(k).strip().startswith('-')
        header = re.match(r'^Connaissances\s+Limites? de(s)? connaissances', t)
        if header:
            if cur: items.append(cur)
            items.append(['header', [k]]); cur = []
        elif cur and not dash and (not blank or t[0].islower() or t[0] in '.,'):
            cur[1].append(k)
        elif cur and dash and cur[0] == 'limite' and join(cur[1]).endswith(':'):
            cur[1].append(k)
        else:
            if cur: items.append(cur)
            cur = ['connaissance' if dash else 'limite', [k]]
        blank = False
    if cur: items.append(cur)
    for what, ns in items:
        emit(what, ns)

DANGLING = re.compile(r"(?:\b(?:de|la|le|les|des|du|et|à|au|aux|en|d[’']|l[’']))$")
def unbroken(items):
    """Items of `lines_items` with an item that ends on a word that cannot end a statement (« de la »)
    joined to the next one: a line that goes on with a capital (« … les compétences de la » /
    « Commission nationale de l’informatique … ») is one item."""
    out = []
    for t, l in items:
        if out and DANGLING.search(out[-1][0]):
            pt, pl = out[-1]
            out[-1] = (pt + ' ' + t, rng(str(pl).split('-')[0], str(l).split('-')[-1]))
        else:
            out.append((t, l))
    return [(t, int(l) if str(l).isdigit() else l) for t, l in out]

def reac_cp_fiche(ci, h, e, at, variants, critere_variants=None):
    """A REAC "FICHE COMPÉTENCE PROFESSIONNELLE" from its heading line h to e (exclusive): the CP,
    its description, contexte, critères de performance, and its savoir-faire and savoirs by block
    (a line starting "Connaissance" is a savoir). `critere_variants` are the same critères printed
    elsewhere (the RE), in order."""
    cp = f'cp{ci}'
    d = next(n for n in range(h, e) if L(n).startswith('Description de la compétence'))
    c = next(n for n in range(d, e) if L(n).startswith('Contexte(s) professionnel'))
    k = next(n for n in range(c, e) if L(n).strip().startswith('Critères de performance'))
    s = next(n for n in range(k, e) if L(n).startswith('Savoir-faire techniques'))
    x = el(cp, 'competence_professionnelle', cite(h + 1, d - 1), at, code=f'CP{ci}')
    x['variants'] = variants
    el(f'{cp}-fiche', 'paragraphe', cite(h), cp)
    el(f'{cp}-description', 'section', cite(d), cp)
    el(f'{cp}-desc', 'description', cite(d + 1, c - 1), f'{cp}-description')
    el(f'{cp}-contexte', 'section', cite(c), cp)
    el(f'{cp}-ctx', 'contexte', cite(c + 1, k - 1), f'{cp}-contexte')
    el(f'{cp}-criteres', 'section', cite(k), cp)
    mine = lines_items(k + 1, s - 1)
    if critere_variants is not None:
        assert len(critere_variants) == len(mine), (cp, len(critere_variants), len(mine))
    for i, (t, l) in enumerate(mine, 1):
        cr = el(f'{cp}-cr{i}', 'critere_performance', (t, l), f'{cp}-criteres')
        if critere_variants is not None:
            t2, l2 = critere_variants[i - 1]
            cr['variants'] = [{'text': t2, 'lines': l2, 'note': 'Critère d’évaluation du référentiel d’évaluation (§3.2).'}]
    el(f'{cp}-savoirs', 'section', cite(s), cp)
    sf = sv = 0
    for bi, bl in enumerate(line_blocks(s + 1, e - 1), 1):
        for t, l in unbroken(lines_items(bl[0], bl[-1])):
            if t.startswith('Connaissance'):
                sv += 1; el(f'{cp}-sv{sv}', 'savoir', (t, l), f'{cp}-savoirs', block=bi)
            else:
                sf += 1; el(f'{cp}-sf{sf}', 'savoir_faire', (t, l), f'{cp}-savoirs', block=bi)

def dump(obj, path):
    yaml.safe_dump(obj, open(path, 'w'), allow_unicode=True, sort_keys=False, width=10000)
