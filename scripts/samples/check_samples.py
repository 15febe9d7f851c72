#!/usr/bin/env python3
"""Check the bundled sample parks against the chainmap-park/1 rules and print counts.

Usage: python3 scripts/samples/check_samples.py [FILE.json ...]
(default: every *.json in samples/). Exit status 1 on any error.
Standard library only.
"""

import glob
import json
import math
import os
import sys
from collections import Counter, OrderedDict, defaultdict

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SAMPLES = os.path.join(REPO, "samples")

TOP_KEYS = ["format", "id", "name", "region", "dataDate", "source", "note",
            "chains", "firms", "links", "organizations", "pairings", "needs"]
CHAIN_KEYS = ["id", "name", "illustrative", "note", "stages"]
STAGE_KEYS = ["id", "name", "tier", "inputs", "required", "note"]
FIRM_KEYS = ["id", "name", "stages", "leads", "products", "capabilities", "output", "employees", "capacity",
             "capacityUnit", "zone", "inPark", "partyMembers", "organization", "workCovered", "illustrative", "note"]
LINK_KEYS = ["id", "supplier", "buyer", "product", "value", "share", "status", "local", "primary", "illustrative",
             "note"]
ORG_KEYS = ["id", "name", "kind", "parent", "hostFirm", "members", "chains", "illustrative", "note"]
PAIR_KEYS = ["id", "a", "b", "kind", "since", "outcome", "illustrative", "note"]
NEED_KEYS = ["id", "firm", "kind", "tags", "product", "quantity", "text", "status", "responder", "illustrative",
             "note"]

TIERS = {"upstream", "midstream", "downstream"}
LINK_STATUS = {"active", "planned", "lost"}
ORG_KINDS = {"committee", "alliance", "general-branch", "branch", "joint-branch", "grid", "agency"}
PAIR_KINDS = {"co-building", "regional-joint", "head-led", "branch", "rnd", "purchasing-sales", "service"}
NEED_KINDS = {"supply", "capability", "finance", "talent", "service", "policy"}
NEED_STATUS = {"open", "in-progress", "solved"}
STR = {"id", "name", "region", "dataDate", "source", "note", "format", "tier", "product", "capacityUnit", "zone",
       "organization", "supplier", "buyer", "status", "kind", "parent", "hostFirm", "a", "b", "since", "outcome",
       "firm", "text", "responder"}
LISTS = {"chains", "firms", "links", "organizations", "pairings", "needs", "stages", "inputs", "leads", "products",
         "capabilities", "members", "tags"}
BOOLS = {"illustrative", "required", "inPark", "workCovered", "local", "primary"}
BOOL_DEFAULT = {"illustrative": False, "required": True, "inPark": True, "workCovered": False, "primary": False}
NUMS = {"output", "capacity", "value", "share", "quantity"}
INTS = {"employees", "partyMembers"}


class Checker:
    def __init__(self, path):
        self.path = path
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{os.path.basename(self.path)}: {where}: {msg}")

    def keys(self, where, obj, order):
        if not isinstance(obj, dict):
            self.err(where, "not an object")
            return False
        ks = list(obj.keys())
        unknown = [k for k in ks if k not in order]
        if unknown:
            self.err(where, f"unknown keys {unknown}")
        known = [k for k in ks if k in order]
        if known != sorted(known, key=order.index):
            self.err(where, f"keys out of order: {known}")
        for k, v in obj.items():
            if v is None:
                self.err(where, f"{k} is null")
            elif k in STR and not isinstance(v, str):
                self.err(where, f"{k} is not a string")
            elif k in STR and (v == "" or v != v.strip()):
                self.err(where, f"{k} is empty or has leading/trailing spaces")
            elif k in LISTS and not isinstance(v, list):
                self.err(where, f"{k} is not a list")
            elif k in LISTS and isinstance(v, list) and len(v) == 0 and k not in TOP_KEYS:
                self.err(where, f"{k} is an empty list (omit it)")
            elif k in BOOLS and not isinstance(v, bool):
                self.err(where, f"{k} is not a boolean")
            elif k in BOOL_DEFAULT and v == BOOL_DEFAULT[k]:
                self.err(where, f"{k} written with its default value")
            elif k in NUMS and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0):
                self.err(where, f"{k} is not a non-negative number")
            elif k in INTS and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                self.err(where, f"{k} is not a non-negative integer")
        return True

    def ids(self, kind, records, required=True):
        seen = set()
        for i, r in enumerate(records):
            rid = r.get("id") if isinstance(r, dict) else None
            if rid is None:
                if required:
                    self.err(f"{kind}[{i}]", "missing id")
                continue
            if rid in seen:
                self.err(f"{kind}[{i}]", f"duplicate id {rid!r}")
            seen.add(rid)
        return seen

    def run(self):
        with open(self.path, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err("file", f"not UTF-8: {e}")
            return None
        if not text.endswith("\n"):
            self.err("file", "no trailing newline")
        park = json.loads(text, object_pairs_hook=OrderedDict)
        if json.dumps(park, ensure_ascii=False, indent=2) + "\n" != text:
            self.err("file", "not pretty-printed with 2-space indent and non-ASCII as-is")
        self.keys("park", park, TOP_KEYS)
        for k in ("format", "id", "name"):
            if k not in park:
                self.err("park", f"missing {k}")
        if park.get("format") != "chainmap-park/1":
            self.err("park", f"format is {park.get('format')!r}")
        for k in ("chains", "firms", "links", "organizations", "pairings", "needs"):
            park.setdefault(k, [])

        # ---- chains and stages ----
        chain_ids = self.ids("chain", park["chains"])
        stage_chain = {}
        stages = {}
        for c in park["chains"]:
            self.keys(f"chain {c.get('id')}", c, CHAIN_KEYS)
            for s in c.get("stages", []):
                self.keys(f"stage {s.get('id')}", s, STAGE_KEYS)
                sid = s.get("id")
                if sid in stages:
                    self.err(f"stage {sid}", "duplicate stage id in the park")
                stages[sid] = s
                stage_chain[sid] = c.get("id")
                if s.get("tier") not in TIERS:
                    self.err(f"stage {sid}", f"bad tier {s.get('tier')!r}")
        for sid, s in stages.items():
            for t in s.get("inputs", []):
                if t not in stages:
                    self.err(f"stage {sid}", f"input {t!r} does not exist")
                elif stage_chain[t] != stage_chain[sid]:
                    self.err(f"stage {sid}", f"input {t!r} is in another chain")
                elif t == sid:
                    self.err(f"stage {sid}", "feeds itself")
        # DAG (Kahn) per park (inputs stay within a chain, so this is per chain)
        indeg = {sid: 0 for sid in stages}
        outs = defaultdict(list)
        for sid, s in stages.items():
            for t in s.get("inputs", []):
                if t in stages:
                    indeg[sid] += 1
                    outs[t].append(sid)
        queue = [sid for sid, d in indeg.items() if d == 0]
        seen = 0
        while queue:
            n = queue.pop()
            seen += 1
            for m in outs[n]:
                indeg[m] -= 1
                if indeg[m] == 0:
                    queue.append(m)
        if seen != len(stages):
            self.err("chains", "stage inputs contain a cycle")

        # ---- firms ----
        firm_ids = self.ids("firm", park["firms"])
        firms = {f.get("id"): f for f in park["firms"]}
        org_ids = self.ids("organization", park["organizations"])
        clash = firm_ids & org_ids
        if clash:
            self.err("ids", f"firm and organization ids collide: {sorted(clash)[:5]}")
        for f in park["firms"]:
            w = f"firm {f.get('id')}"
            self.keys(w, f, FIRM_KEYS)
            for k in ("id", "name"):
                if k not in f:
                    self.err(w, f"missing {k}")
            for s in f.get("stages", []):
                if s not in stages:
                    self.err(w, f"stage {s!r} does not exist")
            for c in f.get("leads", []):
                if c not in chain_ids:
                    self.err(w, f"leads unknown chain {c!r}")
            if "organization" in f and f["organization"] not in org_ids:
                self.err(w, f"organization {f['organization']!r} does not exist")
            if "capacity" in f and "capacityUnit" not in f:
                self.err(w, "capacity without capacityUnit")

        # ---- links ----
        self.ids("link", park["links"], required=False)
        active = set()
        share_sum = defaultdict(float)
        for i, l in enumerate(park["links"]):
            w = f"link {l.get('id', i)}"
            self.keys(w, l, LINK_KEYS)
            s, b = l.get("supplier"), l.get("buyer")
            if s not in firms:
                self.err(w, f"supplier {s!r} does not exist")
            if b not in firms:
                self.err(w, f"buyer {b!r} does not exist")
            if s == b:
                self.err(w, "supplier == buyer")
            st = l.get("status", "active")
            if st not in LINK_STATUS:
                self.err(w, f"bad status {st!r}")
            if "share" in l and not (0 <= l["share"] <= 1):
                self.err(w, f"share {l['share']} outside 0-1")
            key = (s, b, l.get("product"))
            if st == "active":
                if key in active:
                    self.err(w, f"duplicate active link {key}")
                active.add(key)
            if "share" in l:
                share_sum[(b, l.get("product"))] += l["share"]
            if s in firms and b in firms:
                ok = any(t in stages.get(x, {}).get("inputs", []) for x in firms[b].get("stages", [])
                         for t in firms[s].get("stages", []))
                if not ok:
                    self.err(w, f"{s} ({firms[s].get('stages')}) does not feed {b} ({firms[b].get('stages')})")
        for (b, prod), tot in share_sum.items():
            if tot > 1.0 + 1e-9:
                self.err(f"buyer {b}", f"shares for {prod!r} sum to {tot:.3f} > 1")

        # ---- organizations ----
        for o in park["organizations"]:
            w = f"organization {o.get('id')}"
            self.keys(w, o, ORG_KEYS)
            if o.get("kind") not in ORG_KINDS:
                self.err(w, f"bad kind {o.get('kind')!r}")
            if "parent" in o and o["parent"] not in org_ids:
                self.err(w, f"parent {o['parent']!r} does not exist")
            if "hostFirm" in o and o["hostFirm"] not in firms:
                self.err(w, f"hostFirm {o['hostFirm']!r} does not exist")
            for m in o.get("members", []):
                if m not in firms:
                    self.err(w, f"member {m!r} does not exist")
            for c in o.get("chains", []):
                if c not in chain_ids:
                    self.err(w, f"chain {c!r} does not exist")
        # parent chains must not loop
        orgs = {o.get("id"): o for o in park["organizations"]}
        for oid in orgs:
            cur, hops = oid, 0
            while cur in orgs and "parent" in orgs[cur]:
                cur = orgs[cur]["parent"]
                hops += 1
                if hops > len(orgs):
                    self.err(f"organization {oid}", "parent chain loops")
                    break

        # ---- consistency between firms and organizations ----
        for f in park["firms"]:
            w = f"firm {f.get('id')}"
            for cid in f.get("leads", []):
                if not any(stage_chain.get(s) == cid for s in f.get("stages", [])):
                    self.err(w, f"leads chain {cid!r} but has no stage in it")
            oid = f.get("organization")
            if oid in orgs:
                o = orgs[oid]
                if o.get("kind") == "joint-branch" and f.get("id") not in o.get("members", []):
                    self.err(w, f"joint branch {oid!r} does not list it as a member")
                if o.get("kind") in ("branch", "general-branch") and o.get("hostFirm") not in (None, f.get("id")):
                    self.err(w, f"organization {oid!r} is hosted by another firm")
            if not f.get("inPark", True) and ("partyMembers" in f or "organization" in f):
                self.err(w, "outside-park firm with party data")
        for o in park["organizations"]:
            if o.get("kind") == "joint-branch":
                for m in o.get("members", []):
                    if m in firms and firms[m].get("organization") != o.get("id"):
                        self.err(f"organization {o.get('id')}", f"member {m!r} points at another organization")

        # ---- pairings ----
        self.ids("pairing", park["pairings"], required=False)
        for i, pr in enumerate(park["pairings"]):
            w = f"pairing {pr.get('id', i)}"
            self.keys(w, pr, PAIR_KEYS)
            for side in ("a", "b"):
                if pr.get(side) not in firm_ids and pr.get(side) not in org_ids:
                    self.err(w, f"{side} {pr.get(side)!r} is neither a firm nor an organization")
            if pr.get("a") == pr.get("b"):
                self.err(w, "a == b")
            if pr.get("kind") not in PAIR_KINDS:
                self.err(w, f"bad kind {pr.get('kind')!r}")

        # ---- needs ----
        self.ids("need", park["needs"])
        for n in park["needs"]:
            w = f"need {n.get('id')}"
            self.keys(w, n, NEED_KEYS)
            if n.get("firm") not in firms:
                self.err(w, f"firm {n.get('firm')!r} does not exist")
            if n.get("kind") not in NEED_KINDS:
                self.err(w, f"bad kind {n.get('kind')!r}")
            if n.get("status", "open") not in NEED_STATUS:
                self.err(w, f"bad status {n.get('status')!r}")
            r = n.get("responder")
            if r is not None and r.startswith(("ag-", "cm-", "al-", "gr-", "br-", "jb-", "gb-")) and r not in org_ids:
                self.err(w, f"responder {r!r} looks like an organization id but does not exist")
        return park


def _inpark(park):
    return [f for f in park["firms"] if f.get("inPark", True)]


def _coverage(park):
    withpm = [f for f in _inpark(park) if f.get("partyMembers", 0) > 0]
    return sum(1 for f in withpm if "organization" in f), len(withpm)


def _chain_firms(park, cid):
    chain = next(c for c in park["chains"] if c["id"] == cid)
    sids = {s["id"] for s in chain["stages"]}
    return [f for f in _inpark(park) if sids & set(f.get("stages", []))]


def _children(park, parent, kind):
    return [o for o in park["organizations"] if o.get("parent") == parent and o["kind"] == kind]


def _org(park, oid):
    return next(o for o in park["organizations"] if o["id"] == oid)


def _need(park, firm):
    return [n for n in park["needs"] if n["firm"] == firm]


def _firm(park, fid):
    return next(f for f in park["firms"] if f["id"] == fid)


# Figures and cases from the source articles that each sample must reproduce.
FACTS = {
    "beilun-nev": [
        ("194 in-park manufacturing firms in the NEV chain", lambda p: len(_chain_firms(p, "nev")) == 194),
        ("chain output 116.7 bn RMB", lambda p: abs(sum(f["output"] for f in _inpark(p)) - 116.7e9) < 1e7),
        ("70% of firms with party members have an organization",
         lambda p: round(100.0 * _coverage(p)[0] / _coverage(p)[1], 2) == 70.0),
        ("111 needs from 103 firms", lambda p: len(p["needs"]) == 111 and len({n["firm"] for n in p["needs"]}) == 103),
        ("mold tech centre paired with 52 mold firms",
         lambda p: len({x["b"] for x in p["pairings"] if x["a"] == "br-moldctr"}) == 52),
        ("Tuopu green-power service pairing with the utility",
         lambda p: any(x["a"] == "tuopu" and x["b"] == "ag-power" and x["kind"] == "service" for x in p["pairings"])),
        ("chain leaders 力劲, 吉润, 臻至", lambda p: all("nev" in _firm(p, i).get("leads", [])
                                                    for i in ("lijin", "jirun", "zhenzhi"))),
    ],
    "yihuang-plastics": [
        ("75 plastics firms", lambda p: len(_chain_firms(p, "plastics")) == 75),
        ("85 firms in the two alliances", lambda p: len(set(_org(p, "al-plastics")["members"])
                                                        | set(_org(p, "al-electronics")["members"])) == 85),
        ("plastics: 7 standalone + 5 joint branches", lambda p: len(_children(p, "al-plastics", "branch")) == 7
         and len(_children(p, "al-plastics", "joint-branch")) == 5),
        ("electronics: 3 standalone + 1 joint branch", lambda p: len(_children(p, "al-electronics", "branch")) == 3
         and len(_children(p, "al-electronics", "joint-branch")) == 1),
        ("72 problems, 38 solved", lambda p: len(p["needs"]) == 72
         and sum(1 for n in p["needs"] if n.get("status") == "solved") == 38),
        ("创泰 has an open automation capability need", lambda p: any(
            n["kind"] == "capability" and n.get("status", "open") == "open" and "automation" in n.get("tags", [])
            for n in _need(p, "chuangtai"))),
        ("立伟 offers automation and molds", lambda p: {"automation", "自动化研发", "模具"}
         <= set(_firm(p, "liwei").get("capabilities", []))),
        ("立伟 and 创泰 both in the plastics alliance", lambda p: {"liwei", "chuangtai"}
         <= set(_org(p, "al-plastics")["members"])),
        ("航正 supplies the 3 plastics firms that took it over", lambda p: len(
            {l["buyer"] for l in p["links"] if l["supplier"] == "hangzheng" and l.get("status", "active") == "active"}) >= 3),
        ("创泰 capacity 400k pistons a month", lambda p: _firm(p, "chuangtai").get("capacity") == 400000),
    ],
    "wujin-machinery": [
        ("三 chain alliances", lambda p: sum(1 for o in p["organizations"] if o["kind"] == "alliance") == 3),
        ("柳工 leads engineering machinery", lambda p: "em" in _firm(p, "liugong").get("leads", [])),
        ("恒立 and 今创 are local primary suppliers of 柳工", lambda p: {"hengli", "ktk"} <= {
            l["supplier"] for l in p["links"] if l["buyer"] == "liugong" and l.get("primary")}),
        ("main chain has 60-120 firms", lambda p: 60 <= len(_chain_firms(p, "em")) <= 120),
    ],
    "ningxiang-storage": [
        ("organization coverage 85.16%", lambda p: round(100.0 * _coverage(p)[0] / _coverage(p)[1], 2) == 85.16
         and round(100.0 * sum(1 for f in _inpark(p) if "organization" in f) / len(_inpark(p)), 2) == 85.16),
        ("work coverage 100%", lambda p: all(f.get("workCovered") for f in _inpark(p))),
        ("19 above-scale storage firms", lambda p: sum(1 for f in _chain_firms(p, "es")
                                                       if not f.get("illustrative") or "规上" in f.get("note", "")) == 19),
        ("closed loop: recycler feeds precursor", lambda p: any(
            l["supplier"] == "brunp" and l["buyer"] == "cngr" for l in p["links"])),
    ],
    "jinchang-battery": [
        ("6 chain committees", lambda p: sum(1 for o in p["organizations"] if o["kind"] == "committee") == 6),
        ("three pairings: branch, R&D, purchasing-sales", lambda p: {"branch", "rnd", "purchasing-sales"}
         <= {x["kind"] for x in p["pairings"]}),
    ],
}


def check_facts(park):
    errors = []
    for label, test in FACTS.get(park.get("id"), []):
        try:
            ok = test(park)
        except (StopIteration, KeyError, ZeroDivisionError) as e:
            ok = False
            label += f" ({type(e).__name__})"
        if not ok:
            errors.append(f"{park.get('id')}: article figure not reproduced: {label}")
    return errors


def summary(park):
    firms = park["firms"]
    inpark = [f for f in firms if f.get("inPark", True)]
    withpm = [f for f in inpark if f.get("partyMembers", 0) > 0]
    covered = [f for f in withpm if "organization" in f]
    orgs_all = [f for f in inpark if "organization" in f]
    work = [f for f in inpark if f.get("workCovered", False)]
    status = Counter(l.get("status", "active") for l in park["links"])
    local = sum(1 for l in park["links"] if l.get("local", all(
        next(f for f in firms if f["id"] == x).get("inPark", True) for x in (l["supplier"], l["buyer"]))))
    kinds = Counter(o["kind"] for o in park["organizations"])
    needs = park["needs"]
    nstat = Counter(n.get("status", "open") for n in needs)
    print(f"== {park['id']}: {park['name']}")
    print(f"   firms {len(firms)} (in park {len(inpark)}, outside {len(firms) - len(inpark)}, "
          f"illustrative {sum(1 for f in firms if f.get('illustrative'))}), chains {len(park['chains'])}, "
          f"stages {sum(len(c['stages']) for c in park['chains'])}")
    for c in park["chains"]:
        cnt = [(s["id"], sum(1 for f in inpark if s["id"] in f.get("stages", [])),
                sum(1 for f in firms if not f.get("inPark", True) and s["id"] in f.get("stages", [])))
               for s in c["stages"]]
        members = {f["id"] for f in inpark if any(s["id"] in f.get("stages", []) for s in c["stages"])}
        print(f"   chain {c['id']}: {len(members)} in-park firms; per stage (in/out): "
              + ", ".join(f"{sid} {a}/{b}" for sid, a, b in cnt))
    print(f"   links {len(park['links'])} ({dict(status)}; local {local}; primary "
          f"{sum(1 for l in park['links'] if l.get('primary'))})")
    print(f"   organizations {len(park['organizations'])} {dict(kinds)}")
    print(f"   pairings {len(park['pairings'])} {dict(Counter(p['kind'] for p in park['pairings']))}")
    print(f"   needs {len(needs)} from {len({n['firm'] for n in needs})} firms {dict(nstat)}")
    if withpm:
        print(f"   coverage: in-park firms with party members {len(withpm)}, with organization {len(covered)} "
              f"= {100.0 * len(covered) / len(withpm):.2f}%; in-park firms with organization {len(orgs_all)}/"
              f"{len(inpark)} = {100.0 * len(orgs_all) / len(inpark):.2f}%; work covered {len(work)}/{len(inpark)} "
              f"= {100.0 * len(work) / len(inpark):.2f}%")


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(SAMPLES, "*.json")))
    if not paths:
        print("no sample files found", file=sys.stderr)
        return 1
    errors = []
    for path in paths:
        c = Checker(path)
        park = c.run()
        errors.extend(c.errors)
        if park is not None and not c.errors:
            summary(park)
            errors.extend(check_facts(park))
    for e in errors[:200]:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print(f"OK: {len(paths)} file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
