"""004, savoirs S5–S6 (by thème) and S8–S13: the two-column savoir tables as connaissances and limites.

The extraction prints each table page column after column: the « Connaissances » column (left),
then the « Limites de connaissances » column (right), the blank lines of the left column keeping
the height of the blocks they face. Which lines form which column, and which block of limites
faces which sub-savoir, was read from the page and is written below (TABLES), one entry per
sub-savoir (per thème for S5–S6); this script does the mechanical rest:

- a line opening with a capital (or a dash bullet) opens an item, a line opening in lower case
  or with « ( » continues it, even across a blank line; line-end hyphenation is repaired (common.join);
- connaissances become `savoir`, limites `limite_connaissances`, under the sub-savoir (or thème);
- `nest='space'`: a connaissance line printed with a leading space is a heading (S5–S6, thèmes 1
  and 2), the items after it are its children; `nest='dash'`: dash items are children of the
  item before them (S11.1);
- an entry `('text', 'lines')` is an item given by hand (an item that shares its line with
  another one, or printed in two pieces); the script checks it is printed at its lines.

It rewrites the `savoir` / `limite_connaissances` children of the two files and keeps every other
element as it is (headings, thèmes, S5's introduction, S14):

    python3 tools/draft/bts_tc_savoir_tables.py data/sources/004_1c934c48cc245faa.txt data
"""
import re, sys, yaml
sys.path.insert(0, __file__.rsplit('/', 1)[0])
import common
from common import L, clean, join, rng

K, LIM = 'savoir', 'limite_connaissances'

# (parent, connaissances, limites, options). A range is (a, b); a hand item is (text, lines) or
# (text, lines, pieces, repair).
TABLES = [
    ('s5-th1', [(2679, 2686), (2688, 2688)], [(2692, 2693), (2695, 2704)], {'nest': 'space'}),
    ('s5-th2', [(2709, 2722), (2744, 2747)],
     [(2727, 2742),
      ('Repérer les droits et obligations des parties et la validité des clauses obligatoires et facultatives '
       '(plus particulièrement clause de non concurrence, de résultat et de mobilité)', '2743-2752',
       [('Repérer les droits et obligations des parties et la validité des', 2743),
        ('clauses obligatoires et facultatives (plus particulièrement clause de non concurrence, de résultat et de mobilité)', '2751-2752')],
       'La limite est imprimée en deux morceaux : la ligne 2743, puis les lignes 2751-2752 ; entre eux, '
       'la colonne des connaissances imprime « Les relations commerciales » et ses items (2744-2747).'),
      (2753, 2756), (2759, 2767)], {'nest': 'space'}),
    ('s5-th3', [(2771, 2775)], [(2777, 2783)], {}),
    ('s5-th4', [(2787, 2791)], [(2793, 2800)], {}),
    ('s5-th5', [(2804, 2807)], [(2810, 2824)], {}),
    ('s5-th6', [(2828, 2829)], [(2833, 2843)], {}),
    ('s5-th7', [(2848, 2853)], [(2856, 2878)], {}),
    ('s5-th8', [(2883, 2886)], [(2890, 2900)], {}),
    # S8: eight blocks of connaissances (S8.1: four), eight blocks of limites, in the same order.
    ('s8.1', [(3093, 3093), (3100, 3100), (3105, 3107), (3116, 3118)],
     [(3155, 3157), (3159, 3161), (3163, 3169),
      ('Rechercher, identifier, et mettre à disposition des normes, des avis techniques, des règles professionnelles '
       'et des règles de calcul nationales, européennes ou internationales en vigueur.', '3171-3173'),
      ('Repérer les contraintes liées à ces documents et leurs évolutions', '3173-3174')], {}),
    ('s8.2', [(3126, 3127)], [(3176, 3180)], {}),
    ('s8.3', [(3133, 3136)], [(3182, 3193)], {}),
    ('s8.4', [(3146, 3148)], [(3195, 3198)], {}),
    ('s8.5', [(3152, 3152)], [(3200, 3202)], {}),
    # S9: S9.1's three blocks (démarche, besoin and cahier des charges, solutions and critères),
    # S9.2's (installation électrique), S9.3's (matériaux).
    ('s9.1', [(3209, 3221)], [(3260, 3263), (3265, 3269), (3271, 3277)], {}),
    ('s9.2', [(3231, 3242)], [(3281, 3286)], {}),
    ('s9.3', [(3248, 3252)], [(3292, 3294), (3296, 3305)], {}),
    # S10: one block per sub-savoir, S10.3 four (ergonomie, produits de finition, éclairage et air,
    # humidité); S10.4's connaissances are printed after its limites (3432-3438).
    ('s10.1', [(3312, 3317)], [(3375, 3382)], {}),
    ('s10.2', [(3326, 3329)], [(3384, 3395)], {}),
    ('s10.3', [(3340, 3362)], [(3397, 3400), (3403, 3404), (3407, 3413), (3415, 3422)], {}),
    ('s10.4', [(3432, 3438)], [(3424, 3431)], {}),
    ('s10.5', [(3443, 3452)], [(3460, 3465)], {}),
    ('s10.6', [(3455, 3457)], [(3475, 3479)], {}),
    # S11: S11.1 three one-line blocks facing its three connaissances; S11.5's « Contrats de
    # maintenance » shares line 3620 with a limite.
    ('s11.1', [(3494, 3505)], [(3565, 3565), (3567, 3567), (3571, 3571)], {'nest': 'dash'}),
    ('s11.2', [(3510, 3520)], [(3577, 3585)], {}),
    ('s11.3', [(3527, 3537)], [(3589, 3605)], {}),
    ('s11.4', [(3545, 3549)], [(3607, 3615)], {}),
    ('s11.5', [(3558, 3561), ('Contrats de maintenance', 3620)],
     [(3617, 3619), ('Identifier les formes de maintenance (corrective, préventive, améliorative)', '3620-3621'), (3622, 3624)], {}),
    ('s12.1', [(3631, 3639)], [(3665, 3667)], {}),
    ('s12.2', [(3643, 3653)], [(3675, 3676), (3678, 3678)], {}),
    ('s12.3', [(3659, 3661)], [(3688, 3693)], {}),
    ('s13.1', [(3700, 3710)], [(3744, 3757)], {}),
    ('s13.2', [(3720, 3721)], [(3759, 3768)], {}),
    ('s13.3', [(3733, 3734)], [(3770, 3783)], {}),
]

# Where a limite block faces a sub-savoir only by the order of the blocks (no limite names its
# connaissance), the note says so; everywhere else the block's words name the connaissances beside it.
NOTES = {}
ITEM_NOTES = {
    's9.3-k1': 'Phrase imprimée dans la colonne « Connaissances » de S9.3 (lignes 3248-3252) : elle dit dans quel but la '
               'connaissance sera abordée plutôt qu’elle ne nomme une connaissance ; elle garde le type de sa colonne.',
    's5-th1-lim1': 'Phrase imprimée en tête de la colonne « Objectifs et limites de connaissances » du thème 1 : elle dit le cadre '
                   'des limites qui la suivent ; elle garde le type de sa colonne.',
}


def items(ranges, nest=None):
    """[(text, lines, parent_index_or_None, extra)] for a column's ranges."""
    out = []
    head = None      # index of the current heading (nest)
    for r in ranges:
        if isinstance(r[0], str):
            text, lines = r[0], r[1]
            extra = {}
            if len(r) > 2:
                extra = {'pieces': [{'text': t, 'lines': l} for t, l in r[2]], 'repair': r[3]}
            out.append([text, lines, None, extra])
            continue
        a, b = r
        cur = None
        for n in range(a, b + 1):
            raw = L(n)
            t = clean(raw)
            if not t or n in common.NOISE:
                continue
            cont = t[0].islower() or t[0] in '(,.'
            if cur is not None and not cont:
                # a line opening with a capital still continues an item cut on a word that cannot end
                # it (« … du conseil des » / « Prud’hommes ») or inside a parenthesis (« (biens et services, » / « IDE…) »)
                before = join(cur['ns'])
                cont = bool(common.DANGLING.search(before)) or before.count('(') > before.count(')')
            if cur is not None and cont:
                cur['ns'].append(n)
                continue
            cur = {'ns': [n], 'raw': raw}
            level = None
            if nest == 'space':
                level = 'head' if raw[:1] == ' ' else 'child'
            elif nest == 'dash':
                level = 'child' if raw.lstrip().startswith('-') else 'head'
            cur['level'] = level
            out.append(cur)
        # close dicts into lists
    res = []
    for it in out:
        if isinstance(it, list):
            res.append(it)
            continue
        ns = it['ns']
        res.append([join(ns), rng(ns[0], ns[-1]), it['level'], {}])
    # nesting: a child refers to the last head before it
    last_head = None
    for i, it in enumerate(res):
        if it[2] == 'head':
            last_head = i
            it[2] = None
        elif it[2] == 'child':
            it[2] = last_head
    return res


def build(parent):
    entry = next(t for t in TABLES if t[0] == parent)
    _, ks, ls, opt = entry
    new = []
    kids = items(ks, opt.get('nest'))
    for i, (text, lines, p, extra) in enumerate(kids, 1):
        e = {'id': f'{parent}-k{i}', 'kind': K, 'parent': f'{parent}-k{p + 1}' if p is not None else parent,
             'text': text, 'lines': lines if not str(lines).isdigit() else int(lines)}
        e.update(extra)
        new.append(e)
    for i, (text, lines, _, extra) in enumerate(items(ls), 1):
        e = {'id': f'{parent}-lim{i}', 'kind': LIM, 'parent': parent,
             'text': text, 'lines': lines if not str(lines).isdigit() else int(lines)}
        e.update(extra)
        if parent in NOTES:
            e['note'] = NOTES[parent]
        new.append(e)
    for e in new:
        if e['id'] in ITEM_NOTES:
            e['note'] = ITEM_NOTES[e['id']]
    return new


def rewrite(path):
    doc = yaml.safe_load(open(path, encoding='utf-8'))
    parents = {t[0] for t in TABLES}
    byid = {e['id']: e for e in doc['elements']}

    def in_table(e):
        p = e.get('parent')
        while p is not None:
            if p in parents:
                return True
            p = byid.get(p, {}).get('parent')
        return False
    out = []
    for e in doc['elements']:
        if in_table(e):
            continue        # the old children of a table: drafted again below
        out.append(e)
        if e['id'] in parents:
            out.extend(build(e['id']))
    doc['elements'] = out
    common.dump(doc, path)


if __name__ == '__main__':
    common.load(sys.argv[1])
    root = sys.argv[2]
    for f in ('05-savoirs-s5-s6.yaml', '07-savoirs-s8-s14.yaml'):
        rewrite(f'{root}/certifications/bts-tc-2006/{f}')
