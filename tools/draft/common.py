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

def dump(obj, path):
    yaml.safe_dump(obj, open(path, 'w'), allow_unicode=True, sort_keys=False, width=10000)
