#!/usr/bin/env python3
"""Makes the bad JSON fixtures: the good mini park with one defect each.

Run from this folder: python3 make_bad_fixtures.py. The CSV fixtures under bad-csv/ are small
hand-written files (bad-csv/gbk/firms.csv is GBK-encoded on purpose).
"""
import copy
import json

base = json.load(open('good/mini.json'))


def case(name, mutate):
    d = copy.deepcopy(base)
    mutate(d)
    with open(f'bad/{name}.json', 'w') as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write('\n')


case('duplicate-firm', lambda d: d['firms'].append({"id": "liwei", "name": "重复"}))
case('dangling-link', lambda d: d['links'].append({"supplier": "ghost", "buyer": "liwei"}))
case('unknown-stage', lambda d: d['firms'][0].update(stages=["resn"]))
case('unknown-parent', lambda d: d['organizations'][0].update(parent="nobody"))
case('self-link', lambda d: d['links'].append({"supplier": "liwei", "buyer": "liwei"}))
case('negative-number', lambda d: d['firms'][1].update(output=-1))
case('non-numeric', lambda d: d['firms'][1].update(output="3.2亿"))
case('share-range', lambda d: d['links'][0].update(share=1.5))
case('unknown-enum', lambda d: d['links'][0].update(status="broken"))
case('cyclic-template', lambda d: d['chains'][0]['stages'][0].update(inputs=["recycle"]))
case('missing-required', lambda d: d['firms'][2].pop('name'))
case('unknown-party', lambda d: d['pairings'][0].update(b="nobody"))
case('org-firm-id-clash', lambda d: d['organizations'][1].update(id="liwei"))
