"""004, S1–S4 and S7 (#24): the limites printed below a group's savoirs, under the savoir they face.

A group (S7.1) prints its savoirs (S7.11, S7.12) one under the other in the left column, then its
limites in the right column, in blank-line-separated blocks. Where the group prints as many blocks
as it has savoirs, the blocks face the savoirs in order (each block's words echo its savoir's
connaissances; the spot-check of the note of #24 reads them): each limite goes under its savoir,
with a note that says so. Where the counts differ, the layout does not decide and the limite stays
at group level with its note.

    python3 tools/draft/bts_tc_group_limites.py data/sources/004_1c934c48cc245faa.txt data [--dry]
"""
import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0])
import yaml
import common
from common import L, clean

FILES = ('04-savoirs-s1-s4.yaml', '06-savoirs-s7.yaml')
MARK = 'rattachée au groupe'


def first_last(lines):
    a, _, b = str(lines).partition('-')
    return int(a), int(b or a)


def blocks_of(lims):
    """The group's limites cut where a blank line separates two of them."""
    out = []
    for e in lims:
        a, _ = first_last(e['lines'])
        if out:
            _, pb = first_last(out[-1][-1]['lines'])
            if any(not clean(L(n)) for n in range(pb + 1, a)):
                out.append([e])
                continue
            out[-1].append(e)
        else:
            out.append([e])
    return out


def code(e):
    return e.get('code', e['id'].upper())


def rewrite(path, dry, report):
    doc = yaml.safe_load(open(path, encoding='utf-8'))
    els = doc['elements']
    groups = {}
    for e in els:
        if e['kind'] == 'limite_connaissances' and MARK in (e.get('note') or ''):
            groups.setdefault(e['parent'], []).append(e)
    renamed = {}
    for g, lims in groups.items():
        subs = [e for e in els if e.get('parent') == g and e['kind'] == 'savoir_associe']
        bl = blocks_of(lims)
        gcode = next(e for e in els if e['id'] == g).get('code', g)
        report.append((g, len(subs), len(bl), [len(b) for b in bl]))
        if len(bl) != len(subs) or not subs:
            continue
        for i, (block, sub) in enumerate(zip(bl, subs), 1):
            a, _ = first_last(block[0]['lines'])
            _, b = first_last(block[-1]['lines'])
            for k, e in enumerate(block, 1):
                new_id = f"{sub['id']}-lim{k}"
                renamed[e['id']] = new_id
                e['id'] = new_id
                e['parent'] = sub['id']
                e['note'] = (f"Limite du bloc {i} sur {len(bl)} que le groupe {gcode} imprime sous ses savoirs (lignes {a}-{b} pour ce bloc) : "
                             f"le groupe imprime autant de blocs que de savoirs, dans le même ordre, et ce bloc fait face à {sub.get('code', sub['id'])} "
                             f"(« {sub['text']} ») ; elle est rattachée à ce savoir.")
    if not renamed or dry:
        return renamed
    # a limite goes right after the last element of its new savoir's subtree (before the next savoir)
    moved = [e for e in els if e['id'] in renamed.values()]
    rest = [e for e in els if e['id'] not in renamed.values()]
    out = []
    for i, e in enumerate(rest):
        out.append(e)
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        for m in moved:
            sub = m['parent']
            # after the last of sub's own children (or sub itself), when the next one is not its child
            if (e['id'] == sub or e.get('parent') == sub) and (nxt is None or nxt.get('parent') != sub):
                out.append(m)
    assert len(out) == len(els), (len(out), len(els))
    doc['elements'] = out
    common.dump(doc, path)
    return renamed


if __name__ == '__main__':
    common.load(sys.argv[1])
    dry = '--dry' in sys.argv
    report = []
    for f in FILES:
        r = rewrite(f'{sys.argv[2]}/certifications/bts-tc-2006/{f}', dry, report)
    for g, ns, nb, sizes in report:
        print(f'{g}: {ns} savoirs, {nb} blocks {sizes}', '→ under its savoirs' if ns == nb and ns else '→ stays at group level')
