#!/usr/bin/env python3
"""Build the five bundled sample parks of ChainMap (samples/*.json).

Real records (firms, organizations, pairings, needs and figures named in the five source
articles in /work/shared/seeds) are written here as data with "illustrative": false and a
note citing the article. Everything else is illustrative filler, generated deterministically
from a fixed seed per park, so that running this script twice gives byte-identical files.

Usage: python3 scripts/samples/build_samples.py [--out DIR]
Standard library only.
"""

import argparse
import json
import math
import os
import random
from collections import OrderedDict


# =====================================================================================
# Machinery: builder, name generator, link filler, JSON writer
# =====================================================================================

FORMAT = "chainmap-park/1"

# Two-character brand names are drawn from these pools (plausible, not real firms).
BRAND_A = list("华恒瑞鑫宏嘉博锐泰盛远创宇和鼎联科兴明德信东海天正永昌亿合凯诺奥伟精卓星弘骏峰诚顺达丰源腾睿祥通佳汇晟宸铭旭福万隆安")
BRAND_B = list("华恒瑞鑫宏嘉博锐泰盛远创宇和鼎联科兴明德信东海天正永昌亿合凯诺奥伟精卓星弘骏峰诚顺达丰源腾睿祥通佳汇晟宸铭旭福万隆安")
SUFFIXES = ["有限公司", "有限公司", "有限公司", "科技有限公司", "科技有限公司", "股份有限公司", "实业有限公司", "制造有限公司"]


def clean(pairs):
    """Build an ordered dict from (key, value, default) triples, leaving out absent values.

    A value is left out when it is None, an empty list/string, or equal to its default.
    """
    d = OrderedDict()
    for item in pairs:
        key, value = item[0], item[1]
        has_default = len(item) > 2
        if value is None:
            continue
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)
        if isinstance(value, (list, str)) and len(value) == 0:
            continue
        if has_default and value == item[2] and type(value) is type(item[2]):
            continue
        d[key] = value
    return d


class Stage:
    def __init__(self, id, name, tier, inputs=(), required=True, note=None, products=(), words=(),
                 unit="件/年", price=100.0, median=5e7, k=(1, 3), frac=None, caps=()):
        self.id = id
        self.name = name
        self.tier = tier
        self.inputs = list(inputs)
        self.required = required
        self.note = note
        self.products = list(products)      # product names made in this stage
        self.words = list(words)            # industry words for generated firm names
        self.unit = unit                    # capacity unit
        self.price = price                  # RMB per capacity unit (for capacity = output / price)
        self.median = median                # median annual output of a generated firm, RMB
        self.k = k                          # suppliers per (buyer, input stage): (min, max)
        self.frac = frac                    # share of buyer output spent on this stage's inputs in total
        self.caps = list(caps)              # capabilities a firm of this stage may offer

    def record(self):
        return clean([
            ("id", self.id), ("name", self.name), ("tier", self.tier), ("inputs", self.inputs),
            ("required", self.required, True), ("note", self.note),
        ])


class ParkBuilder:
    def __init__(self, seed, place_prefixes):
        self.rng = random.Random(seed)
        self.places = place_prefixes
        self.chains = []          # (id, name, illustrative, note, [Stage])
        self.stage = {}           # stage id -> Stage
        self.stage_chain = {}     # stage id -> chain id
        self.firms = []           # dicts (internal, with keys as in the format)
        self.firm = {}
        self.links = []
        self.orgs = []
        self.org = {}
        self.pairings = []
        self.needs = []
        self.names = set()
        self.counters = {}

    # ---- chains -------------------------------------------------------------------
    def add_chain(self, id, name, stages, illustrative=False, note=None):
        self.chains.append((id, name, illustrative, note, stages))
        for s in stages:
            assert s.id not in self.stage, s.id
            self.stage[s.id] = s
            self.stage_chain[s.id] = id

    # ---- firms --------------------------------------------------------------------
    def add_firm(self, id, name, stages=(), leads=(), products=(), capabilities=(), output=None,
                 employees=None, capacity=None, capacityUnit=None, zone=None, inPark=True,
                 partyMembers=None, organization=None, workCovered=False, illustrative=False, note=None):
        assert id not in self.firm, id
        for s in stages:
            assert s in self.stage, s
        f = dict(id=id, name=name, stages=list(stages), leads=list(leads), products=list(products),
                 capabilities=list(capabilities), output=output, employees=employees, capacity=capacity,
                 capacityUnit=capacityUnit, zone=zone, inPark=inPark, partyMembers=partyMembers,
                 organization=organization, workCovered=workCovered, illustrative=illustrative, note=note)
        self.names.add(name)
        self.firms.append(f)
        self.firm[id] = f
        return f

    def unique_name(self, words, place=None):
        rng = self.rng
        for _ in range(1000):
            p = place if place is not None else rng.choice(self.places)
            a = rng.choice(BRAND_A)
            b = rng.choice(BRAND_B)
            if a == b:
                continue
            w = rng.choice(words)
            sfx = rng.choice(SUFFIXES)
            if (w.endswith("科技") and sfx.startswith(("科技", "实业", "制造"))) or \
                    (w.endswith("制造") and sfx.startswith(("制造", "实业"))):
                sfx = "有限公司"
            name = f"{p}{a}{b}{w}{sfx}"
            if name not in self.names:
                return name
        raise RuntimeError("name space exhausted")

    def next_id(self, prefix):
        n = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = n
        return f"{prefix}-{n:03d}"

    def gen_output(self, median, sigma=0.9):
        v = median * math.exp(self.rng.gauss(0.0, sigma))
        v = min(max(v, median / 8.0), median * 25.0)
        return round_money(v)

    def filler(self, stage_id, n, prefix, zones=None, inPark=True, median=None, place=None, note=None,
               extra_stages=()):
        """Add n illustrative firms in one stage. Returns the new firm dicts."""
        s = self.stage[stage_id]
        out = []
        for _ in range(n):
            fid = self.next_id(prefix)
            output = self.gen_output(median or s.median)
            emp = max(8, int(output / self.rng.uniform(0.55e6, 1.6e6)))
            nprod = min(len(s.products), self.rng.choice([1, 1, 2, 2, 3]))
            prods = self.rng.sample(s.products, nprod) if s.products else []
            caps = []
            if s.caps and self.rng.random() < 0.35:
                caps = self.rng.sample(s.caps, 1)
            cap = round_sig(output / s.price)
            f = self.add_firm(
                fid, self.unique_name(s.words, place), stages=[stage_id] + list(extra_stages), products=prods,
                capabilities=caps, output=output, employees=emp, capacity=cap, capacityUnit=s.unit,
                zone=(self.rng.choice(zones) if zones else None), inPark=inPark, illustrative=True, note=note)
            out.append(f)
        return out

    def firms_in(self, stage_id, in_park=None):
        return [f for f in self.firms if stage_id in f["stages"] and (in_park is None or f["inPark"] == in_park)]

    # ---- links --------------------------------------------------------------------
    def add_link(self, supplier, buyer, product, value=None, share=None, status="active", local=None,
                 primary=False, illustrative=False, note=None, id=None, fixed=True):
        assert supplier in self.firm and buyer in self.firm and supplier != buyer, (supplier, buyer)
        key = (supplier, buyer, product)
        assert all((l["supplier"], l["buyer"], l["product"]) != key for l in self.links), key
        l = dict(id=id, supplier=supplier, buyer=buyer, product=product, value=value, share=share,
                 status=status, local=local, primary=primary, illustrative=illustrative, note=note,
                 _fixed=fixed, _w=1.0)
        self.links.append(l)
        return l

    def feeds(self, sup, buy):
        """Stage pairs (t, s) with t a stage of the supplier feeding stage s of the buyer."""
        out = []
        for s in buy["stages"]:
            for t in self.stage[s].inputs:
                if t in sup["stages"]:
                    out.append((t, s))
        return out

    def gen_links(self, buyers=None, p_source=0.85, alpha=1.0, outside_bias=1.0):
        """Illustrative links: every buyer sources most of its input stages from a few suppliers,
        drawn with probability proportional to output**alpha (a heavy tail: big suppliers win)."""
        rng = self.rng
        existing = {(l["supplier"], l["buyer"], l["product"]) for l in self.links}
        pairs_done = {(l["supplier"], l["buyer"]) for l in self.links}
        buyers = buyers if buyers is not None else [f for f in self.firms if f["inPark"]]
        for b in buyers:
            for s in b["stages"]:
                st = self.stage[s]
                for t in st.inputs:
                    cands = [f for f in self.firms_in(t) if f["id"] != b["id"]]
                    if not cands or rng.random() > p_source:
                        continue
                    lo, hi = st.k.get(t, st.k.get("*", (1, 3))) if isinstance(st.k, dict) else st.k
                    k = min(len(cands), rng.randint(lo, hi))
                    weights = []
                    for f in cands:
                        w = (f["output"] or 1e7) ** alpha
                        if not f["inPark"]:
                            w *= outside_bias
                        weights.append(w)
                    chosen = weighted_sample(rng, cands, weights, k)
                    tprods = self.stage[t].products
                    need = rng.sample(tprods, min(len(tprods), max(1, (k + 2) // 3)))
                    for sup in chosen:
                        if (sup["id"], b["id"]) in pairs_done:
                            continue
                        prods = [p for p in sup["products"] if p in need]
                        if prods:
                            prod = rng.choice(prods)
                        else:
                            prod = rng.choice(need)
                            if sup["illustrative"]:
                                sup["products"].append(prod)
                            elif prod not in sup["products"]:
                                continue
                        if (sup["id"], b["id"], prod) in existing:
                            continue
                        existing.add((sup["id"], b["id"], prod))
                        pairs_done.add((sup["id"], b["id"]))
                        l = self.add_link(sup["id"], b["id"], prod, illustrative=True, fixed=False)
                        l["_w"] = (sup["output"] or 1e7) * rng.uniform(0.4, 1.6)
                        l["_stage"] = s
                        l["_in"] = t

    def finish_links(self, p_lost=0.02, p_planned=0.02, cap=0.85):
        """Set shares (per buyer and product, sum <= 1), values, primary flags and a few
        lost/planned illustrative links.

        A buyer spends `frac` of its output on the inputs of its stage, split evenly over the
        input stages and over the products it buys from each; a link's value is its share of
        that product budget. No supplier sells more than `cap` of its output through the links:
        where the buyers' budgets exceed that, the supplier's values and shares shrink (the
        buyer covers the rest from suppliers outside the sample)."""
        rng = self.rng
        groups = OrderedDict()
        for l in self.links:
            groups.setdefault((l["buyer"], l["product"]), []).append(l)
        for (bid, prod), ls in groups.items():
            fixed = [l for l in ls if l["_fixed"] and l["share"] is not None]
            free = [l for l in ls if not l["_fixed"]]
            fsum = sum(l["share"] for l in fixed)
            assert fsum <= 1.0 + 1e-9, (bid, prod)
            if free:
                total = max(fsum + 0.05 * len(free), rng.uniform(0.55, 1.0)) if not fixed else min(1.0, fsum + rng.uniform(0.05, 0.3))
                total = min(total, 1.0)
                rest = max(0.0, total - fsum)
                wsum = sum(l["_w"] for l in free)
                for l in free:
                    l["share"] = max(0.01, math.floor(rest * l["_w"] / wsum * 1000) / 1000.0)
                # floor keeps the sum <= rest; guard the 0.01 minimum
                while sum(l["share"] for l in ls) > 1.0 + 1e-9:
                    big = max(free, key=lambda x: x["share"])
                    big["share"] = round(big["share"] - 0.01, 3)
        # budgets: products bought per (buyer, buyer stage, input stage)
        nprod = OrderedDict()
        for l in self.links:
            if not l["_fixed"]:
                nprod.setdefault((l["buyer"], l["_stage"], l["_in"]), set()).add(l["product"])
        for l in self.links:
            if l["_fixed"]:
                continue
            buyer = self.firm[l["buyer"]]
            s = self.stage[l["_stage"]]
            base = s.frac if s.frac is not None else 0.5
            budget = (buyer["output"] or 1e8) * base / max(1, len(s.inputs)) / len(nprod[(l["buyer"], l["_stage"], l["_in"])])
            l["_budget"] = budget
            l["value"] = budget * l["share"]
        # supplier capacity cap
        sales = OrderedDict()
        for l in self.links:
            sales.setdefault(l["supplier"], [0.0, 0.0])
            sales[l["supplier"]][0 if l["_fixed"] else 1] += l["value"] or 0.0
        for l in self.links:
            if l["_fixed"]:
                continue
            sup = self.firm[l["supplier"]]
            fixed_sales, free_sales = sales[l["supplier"]]
            room = max(0.0, cap * (sup["output"] or 0) - fixed_sales)
            if free_sales > room:
                f = room / free_sales
                l["value"] *= f
                l["share"] = max(0.001, math.floor(l["share"] * f * 1000) / 1000.0)
                l["value"] = min(l["value"], l["_budget"] * l["share"])
            l["value"] = round_money(l["value"])
            if l["share"] >= 0.5 and rng.random() < 0.45:
                l["primary"] = True
        illustrative = [l for l in self.links if not l["_fixed"] and not l["primary"]]
        for l in illustrative:
            r = rng.random()
            if r < p_lost:
                l["status"] = "lost"
                l["note"] = rng.choice(["供应商转产,配套中断", "价格谈不拢,已改从外地采购", "质量问题,停止配套"])
            elif r < p_lost + p_planned:
                l["status"] = "planned"
                l["note"] = rng.choice(["供需对接会达成意向", "就近配套洽谈中", "样件验证中"])

    def calibrate(self, firms, target_total, frozen=()):
        """Scale the output (and staff, capacity) of the illustrative firms among `firms`
        (except `frozen` ones) so that the output of all `firms` sums to target_total."""
        frozen_ids = {f["id"] for f in frozen}
        free = [f for f in firms if f["illustrative"] and f["id"] not in frozen_ids]
        free_ids = {f["id"] for f in free}
        have = sum(f["output"] for f in firms if f["id"] not in free_ids)
        fsum = sum(f["output"] for f in free)
        k = (target_total - have) / fsum
        assert k > 0
        for f in free:
            f["output"] = round_money(f["output"] * k)
            if f["employees"]:
                f["employees"] = max(10, int(f["employees"] * k))
            if f["capacity"]:
                f["capacity"] = round_sig(f["capacity"] * k)
        return k

    # ---- organizations, pairings, needs ----------------------------------------------
    def add_org(self, id, name, kind, parent=None, hostFirm=None, members=(), chains=(), illustrative=False,
                note=None):
        assert id not in self.org and id not in self.firm, id
        o = dict(id=id, name=name, kind=kind, parent=parent, hostFirm=hostFirm, members=list(members),
                 chains=list(chains), illustrative=illustrative, note=note)
        self.orgs.append(o)
        self.org[id] = o
        return o

    def add_pairing(self, a, b, kind, since=None, outcome=None, illustrative=False, note=None, id=None):
        p = dict(id=id, a=a, b=b, kind=kind, since=since, outcome=outcome, illustrative=illustrative, note=note)
        self.pairings.append(p)
        return p

    def add_need(self, firm, kind, tags=(), product=None, quantity=None, text=None, status="open",
                 responder=None, illustrative=False, note=None, id=None):
        assert firm in self.firm, firm
        nid = id or f"n{len(self.needs) + 1:03d}"
        n = dict(id=nid, firm=firm, kind=kind, tags=list(tags), product=product, quantity=quantity, text=text,
                 status=status, responder=responder, illustrative=illustrative, note=note)
        self.needs.append(n)
        return n

    # ---- output -------------------------------------------------------------------
    def to_json(self, id, name, region=None, dataDate=None, source=None, note=None):
        chains = []
        for cid, cname, ill, cnote, stages in self.chains:
            chains.append(clean([("id", cid), ("name", cname), ("illustrative", ill, False), ("note", cnote),
                                 ("stages", [s.record() for s in stages])]))
        # keep the documented key order for chains: id, name, illustrative, note, stages
        firms = [clean([
            ("id", f["id"]), ("name", f["name"]), ("stages", f["stages"]), ("leads", f["leads"]),
            ("products", f["products"]), ("capabilities", f["capabilities"]), ("output", f["output"]),
            ("employees", f["employees"]), ("capacity", f["capacity"]), ("capacityUnit", f["capacityUnit"]),
            ("zone", f["zone"]), ("inPark", f["inPark"], True), ("partyMembers", f["partyMembers"]),
            ("organization", f["organization"]), ("workCovered", f["workCovered"], False),
            ("illustrative", f["illustrative"], False), ("note", f["note"]),
        ]) for f in self.firms]
        links = [clean([
            ("id", l["id"]), ("supplier", l["supplier"]), ("buyer", l["buyer"]), ("product", l["product"]),
            ("value", l["value"]), ("share", l["share"]), ("status", l["status"], "active"), ("local", l["local"]),
            ("primary", l["primary"], False), ("illustrative", l["illustrative"], False), ("note", l["note"]),
        ]) for l in self.links]
        orgs = [clean([
            ("id", o["id"]), ("name", o["name"]), ("kind", o["kind"]), ("parent", o["parent"]),
            ("hostFirm", o["hostFirm"]), ("members", o["members"]), ("chains", o["chains"]),
            ("illustrative", o["illustrative"], False), ("note", o["note"]),
        ]) for o in self.orgs]
        pairings = [clean([
            ("id", p["id"]), ("a", p["a"]), ("b", p["b"]), ("kind", p["kind"]), ("since", p["since"]),
            ("outcome", p["outcome"]), ("illustrative", p["illustrative"], False), ("note", p["note"]),
        ]) for p in self.pairings]
        needs = [clean([
            ("id", n["id"]), ("firm", n["firm"]), ("kind", n["kind"]), ("tags", n["tags"]), ("product", n["product"]),
            ("quantity", n["quantity"]), ("text", n["text"]), ("status", n["status"], "open"),
            ("responder", n["responder"]), ("illustrative", n["illustrative"], False), ("note", n["note"]),
        ]) for n in self.needs]
        top = OrderedDict()
        top["format"] = FORMAT
        top["id"] = id
        top["name"] = name
        for k, v in (("region", region), ("dataDate", dataDate), ("source", source), ("note", note)):
            if v:
                top[k] = v
        top["chains"] = chains
        top["firms"] = firms
        top["links"] = links
        top["organizations"] = orgs
        top["pairings"] = pairings
        top["needs"] = needs
        return json.dumps(top, ensure_ascii=False, indent=2) + "\n"


def round_money(v):
    """Round an RMB amount to 10,000 RMB (万元) and return an int."""
    return int(round(v / 1e4)) * 10000


def round_sig(v, digits=2):
    if v <= 0:
        return 0
    e = int(math.floor(math.log10(v))) - digits + 1
    r = round(v / 10 ** e) * 10 ** e
    return int(r) if r >= 1 else r


def weighted_sample(rng, items, weights, k):
    """k distinct items, drawn one by one with probability proportional to weight."""
    items = list(items)
    weights = list(weights)
    out = []
    for _ in range(min(k, len(items))):
        total = sum(weights)
        r = rng.random() * total
        acc = 0.0
        idx = len(items) - 1
        for i, w in enumerate(weights):
            acc += w
            if r < acc:
                idx = i
                break
        out.append(items.pop(idx))
        weights.pop(idx)
    return out


# =====================================================================================
# The five parks
# =====================================================================================

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_OUT = os.path.join(REPO, "samples")

ILL = "illustrative"


def pick(rng, items, k):
    items = list(items)
    rng.shuffle(items)
    return items[:k]


def assign_branch(p, firm, parent, name=None, note=None, illustrative=True, oid=None):
    """Give a firm its own branch (单独组建) under `parent` and point the firm at it."""
    oid = oid or f"br-{firm['id']}"
    nm = name or f"{firm['name']}党支部"
    p.add_org(oid, nm, "branch", parent=parent, hostFirm=firm["id"], illustrative=illustrative, note=note)
    firm["organization"] = oid
    return oid


def assign_general_branch(p, firm, parent, nsub, name=None, note=None, illustrative=True, sub_names=None):
    """A large firm's general branch (党总支) with nsub branches under it."""
    gid = f"gb-{firm['id']}"
    p.add_org(gid, name or f"{firm['name']}党总支", "general-branch", parent=parent, hostFirm=firm["id"],
              illustrative=illustrative, note=note)
    names = sub_names or ["生产党支部", "研发党支部", "管理党支部", "营销党支部", "青年党支部"]
    for i in range(nsub):
        p.add_org(f"br-{firm['id']}-{i + 1}", f"{firm['name']}{names[i % len(names)]}", "branch", parent=gid,
                  hostFirm=firm["id"], illustrative=True)
    firm["organization"] = gid
    return gid


def joint_branches(p, firms, parent_of, name_of, size=(3, 5), prefix="jb", note=None, chains_of=None):
    """Group small firms (fewer than 3 party members) into joint branches (联合组建)."""
    rng = p.rng
    groups = {}
    for f in firms:
        groups.setdefault(parent_of(f), []).append(f)
    made = []
    n = 0
    for parent in sorted(groups):
        fs = groups[parent]
        i = 0
        while i < len(fs):
            k = rng.randint(size[0], size[1])
            chunk = fs[i:i + k]
            if len(chunk) < 2 and made and made[-1][1] == parent:
                # fold a lone straggler into the previous branch of the same parent
                oid = made[-1][0]
                p.org[oid]["members"].append(chunk[0]["id"])
                chunk[0]["organization"] = oid
                i += k
                continue
            n += 1
            oid = f"{prefix}-{n:02d}"
            p.add_org(oid, name_of(parent, n), "joint-branch", parent=parent, members=[f["id"] for f in chunk],
                      chains=(chains_of(chunk) if chains_of else ()), illustrative=True, note=note)
            for f in chunk:
                f["organization"] = oid
            made.append((oid, parent))
            i += k
    return [m[0] for m in made]


def pm_big(rng, f):
    """Party members for a firm that has 3 or more, growing with its size."""
    emp = f["employees"] or 50
    return max(3, min(60, int(emp * rng.uniform(0.02, 0.06))))


# =====================================================================================
# 1. Ningbo Beilun: NEV chain
# =====================================================================================

def build_beilun():
    p = ParkBuilder(20241126, ["宁波", "宁波", "宁波北仑", "浙江"])
    rng = p.rng
    S = Stage
    stages = [
        S("nev-material", "原材料(钢材/铝合金/改性塑料)", "upstream",
          products=["汽车钢板", "铝合金锭", "改性塑料粒子", "模具钢"],
          words=["金属材料", "新材料", "铝业", "钢材加工", "塑胶材料"], unit="吨/年", price=16000, median=1.4e8),
        S("nev-equipment", "压铸与成型装备", "upstream",
          products=["压铸机", "注塑机", "冲压设备", "自动化产线"],
          words=["机械", "智能装备", "自动化设备", "机床"], unit="台/年", price=8e5, median=1.1e8,
          caps=["自动化产线集成", "设备维修"]),
        S("nev-mold", "模具", "upstream", inputs=["nev-material", "nev-equipment"],
          products=["压铸模具", "冲压模具", "注塑模具"],
          words=["模具", "精密模具", "模塑", "模具制造"], unit="套/年", price=1.5e5, median=3.0e7,
          caps=["模具设计", "模具检测", "模流分析", "热处理"], frac=0.35),
        S("nev-parts", "汽车零部件", "midstream", inputs=["nev-material", "nev-mold", "nev-equipment"],
          products=["铝合金压铸件", "车身冲压件", "底盘结构件", "内外饰件", "减震降噪件", "热管理部件", "紧固件"],
          words=["汽车零部件", "汽车部件", "汽配", "压铸", "精密机械", "橡塑制品"], unit="件/年", price=80,
          median=9.0e7, frac=0.55, caps=["表面处理", "精密加工"]),
        S("nev-battery", "动力电池", "midstream", inputs=["nev-material"],
          products=["动力电池包", "电芯", "电池结构件"], words=["新能源", "电池", "储能科技"],
          unit="kWh/年", price=700, median=4.0e8),
        S("nev-motor", "电机电控", "midstream", inputs=["nev-material"],
          products=["驱动电机", "电机控制器"], words=["电机", "电驱动", "电气"], unit="台/年", price=4000,
          median=2.0e8, note="only one firm in the park: a thin stage"),
        S("nev-electronics", "汽车电子", "midstream", inputs=["nev-material"],
          products=["线束", "车载传感器", "车身控制模块", "连接器"], words=["汽车电子", "电子科技", "电器"],
          unit="套/年", price=300, median=8.0e7),
        S("nev-vehicle", "整车制造", "downstream",
          inputs=["nev-parts", "nev-battery", "nev-motor", "nev-electronics"],
          products=["新能源乘用车", "新能源专用车"], words=["汽车"], unit="辆/年", price=1.5e5, median=2.0e9,
          k={"nev-parts": (14, 26), "*": (1, 3)}, frac=0.8),
        S("nev-recycle", "动力电池回收利用", "downstream", inputs=["nev-battery"], required=False,
          products=["梯次利用电池", "再生材料"], words=["资源循环"], unit="吨/年", price=20000, median=1e8,
          note="extension stage with no firm in the park yet (短链延长 candidate)"),
    ]
    p.add_chain("nev", "新能源汽车", stages,
                note="article: 北仑 has a mature industry from power batteries to vehicle manufacturing; auto parts "
                     "and molds are the related industries; 194 manufacturing firms, output 116.7 bn RMB")

    zones = ["大碶街道灵峰工业社区", "新碶街道大港工业社区", "玉山工业社区", "横河工业社区"]
    grid_of_zone = {zones[0]: "gr-lingfeng", zones[1]: "gr-dagang", zones[2]: "gr-yushan", zones[3]: "gr-henghe"}

    # ---- real firms ----
    lijin = p.add_firm("lijin", "宁波力劲科技有限公司", stages=["nev-equipment"], leads=["nev"],
                       products=["压铸机", "注塑机"], capabilities=["大型压铸装备", "压铸工艺"],
                       output=2.6e9, employees=1800, capacity=1300, capacityUnit="台/年", zone=zones[0],
                       partyMembers=46,
                       note="article: 力劲 is one of the chain-leader firms (链主) whose party head sits on the NEV "
                            "chain committee; full name, output, staff and party figures are estimates")
    jirun = p.add_firm("jirun", "浙江吉润汽车有限公司", stages=["nev-vehicle"], leads=["nev"],
                       products=["新能源乘用车"], output=2.2e10, employees=6500, capacity=300000,
                       capacityUnit="辆/年", zone=zones[1], partyMembers=185,
                       note="article: 吉润 (Geely) is a chain-leader firm on the NEV chain committee; full name and figures are estimates")
    zhenzhi = p.add_firm("zhenzhi", "宁波臻至机械模具有限公司", stages=["nev-mold"], leads=["nev"],
                         products=["压铸模具"], capabilities=["大型一体化压铸模具", "模具设计", "模流分析"],
                         output=6.5e8, employees=720, capacity=4000, capacityUnit="套/年", zone=zones[0],
                         partyMembers=24,
                         note="article: 臻至 is a chain-leader firm on the NEV chain committee; full name and "
                              "figures are estimates")
    tuopu = p.add_firm("tuopu", "宁波拓普集团股份有限公司", stages=["nev-parts"],
                       products=["减震降噪件", "底盘结构件", "热管理部件"],
                       capabilities=["轻量化底盘", "热管理系统"], output=1.97e10, employees=9800,
                       capacity=2.4e8, capacityUnit="件/年", zone=zones[1], partyMembers=130,
                       note="article: the chain committee brought photovoltaic green power to 拓普集团: ~2M RMB/yr "
                            "saved, 2,800 t CO2 less, products meet export standards; output ~2023 revenue, other "
                            "figures estimates")
    longyuan = p.add_firm("longyuan", "宁波隆源股份有限公司", stages=["nev-parts"], products=["铝合金压铸件"],
                          output=9.5e8, employees=1100, capacity=1.2e7, capacityUnit="件/年", zone=zones[0],
                          partyMembers=22,
                          note="article: 灵峰工业社区 took the chain's 七一 activity with 20+ party members to 隆源; its "
                               "young member 张金达 gave a workshop party lecture; products and figures are estimates")
    real_ids = {"lijin", "jirun", "zhenzhi", "tuopu", "longyuan"}

    # ---- illustrative in-park firms: 194 manufacturing firms in total ----
    mold_zones = [zones[0]] * 5 + [zones[3]] * 2 + [zones[2]]
    plan = [("nev-material", 18, "mat", zones), ("nev-equipment", 7, "eqp", zones),
            ("nev-mold", 61, "mold", mold_zones), ("nev-parts", 89, "part", zones),
            ("nev-battery", 4, "batt", [zones[1], zones[2]]), ("nev-motor", 1, "motor", [zones[1]]),
            ("nev-electronics", 8, "elec", zones), ("nev-vehicle", 1, "veh", [zones[1]])]
    for sid, n, prefix, zs in plan:
        p.filler(sid, n, prefix, zones=zs)
    inpark = [f for f in p.firms if f["inPark"]]
    assert len(inpark) == 194, len(inpark)
    # the illustrative vehicle maker is a special-vehicle firm
    veh = [f for f in p.firms_in("nev-vehicle") if f["illustrative"]]
    for f in veh:
        f["products"] = ["新能源专用车"]
        f["output"] = 1.8e9
        f["employees"] = 1500
        f["capacity"] = 12000
    # article: the chain's 194 manufacturing firms have an output of 116.7 bn RMB
    p.calibrate(inpark, 116.7e9, frozen=veh)

    # ---- outside-park suppliers and buyers ----
    p.filler("nev-material", 4, "xmat", inPark=False, median=2.0e9, place="上海",
             note="outside-park steel/aluminium supplier")
    p.filler("nev-battery", 2, "xbatt", inPark=False, median=8.0e9, place="江苏",
             note="outside-park cell maker supplying the vehicle plants")
    p.filler("nev-motor", 2, "xmotor", inPark=False, median=1.5e9, place="杭州",
             note="outside-park drive-motor supplier")
    p.filler("nev-electronics", 1, "xelec", inPark=False, median=1.2e9, place="上海")
    xoem = p.filler("nev-vehicle", 3, "xoem", inPark=False, median=1.5e10, place="浙江",
                    note="outside-park vehicle maker buying Beilun parts")

    # ---- real / named links (illustrative facts between named firms) ----
    p.add_link("tuopu", "jirun", "底盘结构件", share=0.35, primary=True, illustrative=True,
               note="link between two named firms; share and value illustrative", value=round_money(2.2e10 * 0.04 * 0.35))
    p.add_link("longyuan", "jirun", "铝合金压铸件", share=0.3, illustrative=True,
               note="link between two named firms; illustrative", value=round_money(2.2e10 * 0.02 * 0.3))
    p.add_link("lijin", "longyuan", "压铸机", share=0.6, primary=True, illustrative=True,
               note="local die-casting machines for a die-caster; illustrative", value=round_money(9.5e8 * 0.04 * 0.6))
    p.add_link("zhenzhi", "longyuan", "压铸模具", share=0.5, primary=True, illustrative=True,
               note="illustrative", value=round_money(9.5e8 * 0.05 * 0.5))
    p.add_link("lijin", "zhenzhi", "压铸机", share=0.5, illustrative=True, note="trial machines; illustrative",
               value=round_money(6.5e8 * 0.03 * 0.5))
    p.gen_links(alpha=1.0, outside_bias=0.5)
    p.gen_links(buyers=xoem, p_source=1.0)
    p.finish_links()
    for l in p.links:
        if l["supplier"] in ("lijin", "zhenzhi") and l["buyer"] == "longyuan":
            l["status"] = "active"
    # a visible gap: the only local motor maker lost its order from the special-vehicle maker
    motor = [f for f in p.firms_in("nev-motor", True)][0]
    for l in p.links:
        if l["supplier"] == motor["id"] and l["buyer"] != "jirun" and p.firm[l["buyer"]]["inPark"]:
            l["status"] = "lost"
            l["primary"] = False
            l["note"] = "配套中断:本地唯一电机企业产能不足,整车厂改从外地采购"

    # ---- organizations ----
    p.add_org("cm-nev", "北仑区新能源汽车产业链党委", "committee", members=["lijin", "jirun", "zhenzhi"], chains=["nev"],
              note="article: set up in 2024; secretary from the Ningbo ETDZ leadership, deputies the 经信局 deputy "
                   "director and an industrial-community head; members: party heads of chain leaders 力劲, 吉润, 臻至 "
                   "and of 公安, 海关, 宁职院")
    p.add_org("ag-etdz", "宁波经济技术开发区党工委", "agency", note="article: the committee secretary is from its leadership")
    p.add_org("ag-jxj", "北仑区经济和信息化局", "agency", note="article: its deputy director is committee deputy secretary")
    p.add_org("ag-police", "北仑公安分局", "agency", note="article: 公安 is a member unit of the chain committee")
    p.add_org("ag-customs", "北仑海关", "agency", note="article: 海关 is a member unit of the chain committee")
    p.add_org("ag-nbpt", "宁波职业技术学院", "agency", note="article: 宁职院 is a member unit of the chain committee")
    p.add_org("ag-power", "国网宁波市北仑区供电公司", "agency",
              note="article: firms pair with 电力 (power) units; green-power projects for 拓普; utility name chosen by the sample")
    p.add_org("ag-bank", "宁波北仑农村商业银行", "agency", illustrative=True,
              note="article: firms pair with banks (银行); the bank is illustrative")
    p.add_org("ag-rsj", "北仑区人力资源和社会保障局", "agency", illustrative=True)
    p.add_org("ag-jtj", "北仑区交通运输局", "agency", illustrative=True)
    p.add_org("ag-tyj", "北仑区文化广电旅游体育局", "agency", illustrative=True)
    for z, gid in grid_of_zone.items():
        p.add_org(gid, f"{z}党委", "grid",
                  note="article: industrial communities carry the chain's organization work (工业社区承载)")
    p.add_org("br-moldctr", "高端模具工程技术中心党支部", "branch", parent="gr-lingfeng",
              note="article: paired with the branches of 52 mold firms; 16 shared problems (材料, 设计, 检测) solved")

    # party members and coverage: 140 firms with party members, 98 with an organization (70%; was 58%)
    assign_general_branch(p, jirun, "gr-dagang", 4, illustrative=True,
                          note="article: large lead firms set up a general branch with several branches")
    assign_general_branch(p, lijin, "gr-lingfeng", 2, illustrative=True,
                          note="article: large lead firms set up a general branch with several branches")
    assign_general_branch(p, tuopu, "gr-dagang", 3, illustrative=True,
                          note="article: large lead firms set up a general branch with several branches")
    assign_branch(p, zhenzhi, "gr-lingfeng")
    assign_branch(p, longyuan, "gr-lingfeng", note="article: its branch secretaries greeted members at the 七一 event")
    molds = sorted([f for f in inpark if "nev-mold" in f["stages"] and f["id"] not in real_ids],
                   key=lambda f: (-f["output"] * rng.uniform(0.5, 1.5), f["id"]))
    others = sorted([f for f in inpark if "nev-mold" not in f["stages"] and f["id"] not in real_ids],
                    key=lambda f: (-f["output"] * rng.uniform(0.3, 1.7), f["id"]))
    mold_own, mold_rest = molds[:51], molds[51:]
    other_own, other_gap3, other_rest = others[:22], others[22:24], others[24:]
    small = mold_rest[:4] + other_rest[:56]
    for f in mold_own + other_own + other_gap3:
        f["partyMembers"] = pm_big(rng, f)
    for f in small:
        f["partyMembers"] = rng.choice([1, 1, 2])
    for f in mold_rest[4:] + other_rest[56:]:
        f["partyMembers"] = 0
    new_orgs = set(f["id"] for f in pick(rng, mold_own + other_own, 12))
    for f in mold_own + other_own:
        assign_branch(p, f, grid_of_zone[f["zone"]],
                      note=("2024 双覆盖攻坚 new branch" if f["id"] in new_orgs else None))
    for f in other_gap3:
        f["note"] = "3+ party members but no branch yet: 应建未建 gap"
    joint = mold_rest[:2] + pick(rng, other_rest[:56], 18)
    joint.sort(key=lambda f: f["id"])
    jbs = joint_branches(p, joint, lambda f: grid_of_zone[f["zone"]],
                         lambda parent, n: f"{p.org[parent]['name'][:-2]}联合党支部{n}",
                         note="firms with fewer than 3 party members, joint branch through the grid (依托网格联建)")
    for oid in jbs[:1]:
        p.org[oid]["note"] += "; 2024 双覆盖攻坚 new joint branch"
    for f in inpark:
        f["workCovered"] = True

    # ---- pairings ----
    mold_branches = [zhenzhi] + mold_own
    assert len(mold_branches) == 52
    for i, f in enumerate(sorted(mold_branches, key=lambda f: f["id"])):
        p.add_pairing("br-moldctr", f["organization"], "co-building", id=f"mold-{i + 1:02d}",
                      outcome="联合攻克模具用材、设计、检测等问题16个(52家共建共享)",
                      note="article: 高端模具工程技术中心党支部 paired with 52 mold firms' branches; which 52 firms is "
                           "illustrative (臻至 assumed among them)")
    p.add_pairing("tuopu", "ag-power", "service", id="tuopu-green", since="2024",
                  outcome="光伏等绿电项目落地:每年节约成本近200万元,降低碳排放2800吨,产品达到出口标准",
                  note="article: brought about by the NEV chain committee; modelled as a service pairing with the power utility")
    for f in pick(rng, other_own, 3):
        p.add_pairing(f["organization"], "ag-bank", "co-building", since="2024", outcome="开辟融资绿色通道",
                      illustrative=True)
    sup_j = sorted({l["supplier"] for l in p.links if l["buyer"] == "jirun" and p.firm[l["supplier"]]["inPark"]
                    and p.firm[l["supplier"]]["organization"] and l["supplier"] not in real_ids})
    for sid in pick(rng, sup_j, 5):
        p.add_pairing("gb-jirun", p.firm[sid]["organization"], "head-led", since="2024",
                      outcome="链主带动配套企业党组织开展组织生活、技能比武", illustrative=True)
    p.add_pairing("gr-lingfeng", "gr-henghe", "regional-joint", since="2024", outcome="书记轮值、书记沙龙",
                  illustrative=True, note="article: 书记轮值 and 书记沙龙 mechanisms across the industrial communities")
    p.add_pairing("gr-dagang", "gr-yushan", "regional-joint", since="2024", outcome="链内企业党组织共同开展组织生活",
                  illustrative=True)
    p.add_pairing("ag-nbpt", "gr-dagang", "service", since="2024",
                  outcome="新工人夜校:汽修、机器人技能课程及咖啡制作、中式面点拓展课程", illustrative=True,
                  note="article: 大港工业社区's 新工人夜校 courses; the college as partner is illustrative")

    # ---- needs: 103 firms raised 111 needs ----
    kinds = ([("service", ["交通", "周边交通改善"], "ag-jtj", ["企业周边公交线路少,职工通勤不便", "园区道路拥堵,货车进出困难",
                                                          "希望增设公交站点和夜班线路"])] * 28 +
             [("talent", ["招聘", "技术人员招聘"], "ag-rsj", ["模具设计技术人员招聘难", "数控、压铸技术工人紧缺",
                                                       "缺少电气工程师"])] * 30 +
             [("talent", ["技能培训", "职工培训"], "ag-nbpt", ["希望开设压铸、数控技能培训班", "职工技能等级认定培训需求",
                                                         "青年职工机器人操作培训"])] * 22 +
             [("policy", ["优惠政策", "政策支持"], "ag-jxj", ["技改补助政策申报咨询", "专精特新申报辅导", "研发费用加计扣除政策解读"])] * 19 +
             [("service", ["体育设施", "职工文体"], None, ["社区缺少篮球场等体育设施", "希望增设职工健身场地"])] * 12)
    assert len(kinds) == 111
    askers = sorted(pick(rng, inpark, 103), key=lambda f: f["id"])
    twice = pick(rng, askers, 8)
    firm_seq = askers + twice
    rng.shuffle(kinds)
    statuses = ["solved"] * 24 + ["in-progress"] * 33 + ["open"] * 54
    rng.shuffle(statuses)
    seen = set()
    for i, (f, (kind, tags, resp, texts), st) in enumerate(zip(firm_seq, kinds, statuses)):
        if (f["id"], tags[0]) in seen:
            tags = tags + ["二次诉求"]
        seen.add((f["id"], tags[0]))
        p.add_need(f["id"], kind, tags=tags, text=rng.choice(texts), status=st,
                   responder=resp or grid_of_zone.get(f["zone"]), illustrative=True,
                   note="article: 111 needs from 103 chain firms; high-frequency kinds: transport, hiring technicians, "
                        "training, policy, sports facilities; spread over firms illustrative")

    return p.to_json(
        "beilun-nev", "宁波北仑 新能源汽车产业链", region="浙江省宁波市北仑区", dataDate="2024-11",
        source="人民日报 2024-11-26 / 北仑发布「链上党建」",
        note="194 in-park manufacturing firms (article: 194, output 116.7 bn RMB); 140 have party members, 98 of "
             "them an organization = 70% (article: 58% -> 70%; 81/140 before the 2024 action); all chain firms reached "
             "by organization work; 111 needs from 103 firms. Figures of named firms (output, staff, capacity, party members, zone) are estimates "
             "unless the note says otherwise.")



# =====================================================================================
# 2. Yihuang, Jiangxi: plastics (and electronics) chain
# =====================================================================================

def build_yihuang():
    p = ParkBuilder(20240305, ["江西", "江西", "宜黄县", "抚州"])
    rng = p.rng
    S = Stage
    plastics = [
        S("pl-recycle", "废塑料回收", "upstream", required=False, products=["再生塑料颗粒"],
          words=["再生资源", "环保科技"], unit="吨/年", price=5000, median=2.0e7,
          note="extension stage: recycled feedstock"),
        S("pl-resin", "塑料原料(树脂/再生粒料)", "upstream", inputs=["pl-recycle"],
          products=["聚丙烯粒料", "聚乙烯粒料", "再生造粒料"], words=["新材料", "化工", "塑料原料"], unit="吨/年",
          price=8000, median=6.0e7, note="mostly bought from outside the park; 航正新材料 (ex-兴龙塑业) supplies locally"),
        S("pl-additive", "色母与助剂", "upstream", products=["色母粒", "塑料助剂"], words=["色母", "化工科技"],
          unit="吨/年", price=15000, median=2.5e7),
        S("pl-mold", "模具", "upstream", products=["注塑模具", "吹塑模具"], words=["模具", "模塑"], unit="套/年",
          price=6e4, median=1.5e7, caps=["模具设计", "模具开发"]),
        S("pl-modified", "改性造粒", "midstream", inputs=["pl-resin", "pl-additive"],
          products=["改性PP", "改性ABS", "填充母料"], words=["塑业", "新材料", "高分子材料"], unit="吨/年",
          price=11000, median=5.0e7),
        S("pl-film", "薄膜与编织袋", "downstream", inputs=["pl-resin", "pl-modified", "pl-additive"],
          products=["塑料编织袋", "包装薄膜", "农用薄膜"], words=["塑业", "包装", "塑料制品", "塑编"],
          unit="吨/年", price=12000, median=5.0e7, frac=0.65),
        S("pl-injection", "注塑与日用制品", "downstream", inputs=["pl-resin", "pl-modified", "pl-mold", "pl-additive"],
          products=["注塑件", "塑料日用品", "塑料外壳"], words=["塑业", "塑胶制品", "塑料制品", "日用品"],
          unit="件/年", price=6, median=4.0e7, frac=0.6),
        S("pl-pipe", "管材型材", "downstream", inputs=["pl-resin", "pl-modified"], products=["PE管材", "PVC型材"],
          words=["管业", "塑胶管材", "建材"], unit="吨/年", price=13000, median=6.0e7, frac=0.65),
    ]
    electronics = [
        S("el-material", "电子材料", "upstream", products=["纸质载带", "上下胶带", "覆铜板", "光伏背板"],
          words=["电子材料", "新材料", "电子科技"], unit="万米/年", price=1000, median=8.0e7),
        S("el-component", "电子元器件", "midstream", inputs=["el-material"], products=["片式电阻", "电容", "PCB板", "连接器"],
          words=["电子", "电子科技", "电路"], unit="万只/年", price=500, median=6.0e7),
        S("el-pv", "光伏组件", "downstream", inputs=["el-material", "el-component"], products=["光伏组件", "光伏接线盒"],
          words=["光伏科技", "新能源", "光电"], unit="MW/年", price=1.2e6, median=3.0e8),
        S("el-device", "电子整机与模组", "downstream", inputs=["el-component", "el-material"],
          products=["电源模块", "智能终端模组", "LED照明"], words=["电子科技", "智能科技", "光电"], unit="套/年",
          price=150, median=7.0e7),
    ]
    moto = [
        S("mt-blank", "铸锻毛坯", "upstream", products=["铝合金铸件", "锻件毛坯"], words=["铸造", "机械"],
          unit="吨/年", price=22000, median=4.0e7),
        S("mt-parts", "摩托车及电动车零部件", "midstream", inputs=["mt-blank"], products=["活塞", "喇叭", "轮毂", "传动件"],
          words=["机械", "摩配", "精密机械"], unit="件/年", price=40, median=8.0e7),
        S("mt-vehicle", "整车及出口", "downstream", inputs=["mt-parts"], products=["摩托车", "电动自行车"],
          words=["摩托车"], unit="辆/年", price=5000, median=2.0e9, k=(1, 2)),
    ]
    p.add_chain("plastics", "塑料制品", plastics,
                note="article: the county's leading (首位) industry; 75 plastic-products and related firms; the park is "
                     "Jiangxi's 塑料制品产业基地 making 35% of the province's plastic products")
    p.add_chain("electronics", "电子信息(光伏电子)", electronics,
                note="article: the county's dominant emerging industry (主导), with its own alliance")
    p.add_chain("moto", "摩托车及电动车零部件", moto, illustrative=True,
                note="illustrative grouping of the motorcycle-parts firms the article names (立伟, 创泰, 瑞一韵承, 德荣)")
    zones = ["宜黄工业园区塑料产业园", "宜黄工业园区凤冈片区", "宜黄工业园区二都片区"]

    # ---- real firms ----
    liwei = p.add_firm("liwei", "江西省立伟轻工制造有限公司", stages=["mt-parts", "pl-injection"],
                       products=["喇叭", "摩托车喇叭", "电瓶车喇叭", "塑料外壳"],
                       capabilities=["自动化研发", "automation", "设备自动化", "模具", "模具开发"],
                       output=3.0e8, employees=620, capacity=6.0e6, capacityUnit="只/年", zone=zones[0], partyMembers=11,
                       note="article: makes motorcycle and e-bike horns; has an equipment-automation R&D centre and a "
                            "mature mold lab; helped 创泰 automate through the alliance; figures are estimates")
    chuangtai = p.add_firm("chuangtai", "江西创泰活塞制造有限公司", stages=["mt-parts"], products=["活塞", "摩托车活塞"],
                           output=9.6e7, employees=260, capacity=400000, capacityUnit="个/月", zone=zones[0],
                           partyMembers=2,
                           note="article: motorcycle pistons, mostly exported, low automation; capacity 400k/month "
                                "(600k/month after the tie-up with 立伟, staff -70%); other figures estimates")
    hangzheng = p.add_firm("hangzheng", "航正新材料有限公司", stages=["pl-resin"], products=["再生造粒料", "聚丙烯粒料"],
                           output=6.0e7, employees=85, capacity=7500, capacityUnit="吨/年", zone=zones[0],
                           partyMembers=1,
                           note="article: the former 兴龙塑业 (failing) was taken over by 3 plastics firms and registered "
                                "as 航正新材料 in 2024; it supplies raw material to plastics firms and is now above scale")
    jiemei = p.add_firm("jiemei", "江西洁美电子信息材料有限公司", stages=["el-material"], products=["纸质载带", "上下胶带"],
                        capabilities=["电火花烧毛技术改造", "节能改造"], output=4.5e8, employees=700, capacity=450000,
                        capacityUnit="万米/年", zone=zones[1], partyMembers=9,
                        note="article: its party innovation studio (党员罗强) reworked the punching workshop's spark "
                             "process, saving 100k+ RMB of electricity a month; figures are estimates")
    ruiyi = p.add_firm("ruiyi", "江西瑞一韵承科技有限公司", stages=["mt-parts"], products=["轮毂"], output=2.0e8,
                       employees=380, capacity=850000, capacityUnit="件/年", zone=zones[1], partyMembers=3,
                       note="article: party service specialists handled approvals and credit; output +45% planned, "
                            "target 850k wheel hubs this year; other figures estimates")
    derong = p.add_firm("derong", "江西德荣传动科技有限公司", stages=["mt-parts"], products=["传动件"], output=1.2e8,
                        employees=210, capacity=1.5e6, capacityUnit="件/年", zone=zones[1], partyMembers=2,
                        note="article: an instructor handles its export procedures (5-7 working days down to 2); "
                             "products and figures estimates")
    qiaofu = p.add_firm("qiaofu", "江西侨富纺织有限公司", products=["纺织品"], output=1.5e8, employees=400,
                        zone=zones[2], partyMembers=4,
                        note="article: joint theme party days with county units solve its problems on the spot; "
                             "not in the modelled chains")
    real_ids = {"liwei", "chuangtai", "hangzheng", "jiemei", "ruiyi", "derong", "qiaofu"}

    # ---- illustrative firms: plastics 75 in total, electronics 24 ----
    plan = [("pl-recycle", 5, "rec"), ("pl-resin", 3, "resin"), ("pl-additive", 4, "add"), ("pl-mold", 6, "plmold"),
            ("pl-modified", 8, "mod"), ("pl-film", 20, "film"), ("pl-injection", 19, "inj"), ("pl-pipe", 8, "pipe"),
            ("el-material", 5, "elmat"), ("el-component", 9, "elcomp"), ("el-pv", 4, "pv"), ("el-device", 5, "eldev"),
            ("mt-blank", 3, "blank"), ("mt-parts", 1, "mtpart")]
    for sid, n, prefix in plan:
        p.filler(sid, n, prefix, zones=(zones[:1] if sid.startswith("pl-") else zones[1:]))
    pl_firms = [f for f in p.firms if f["inPark"] and any(s.startswith("pl-") for s in f["stages"])]
    el_firms = [f for f in p.firms if f["inPark"] and any(s.startswith("el-") for s in f["stages"])]
    assert len(pl_firms) == 75 and len(el_firms) == 24, (len(pl_firms), len(el_firms))
    # chain leaders (the article's "2 chain-leader organizations"; which firms is illustrative)
    pl_leader = max((f for f in p.firms_in("pl-film", True) if f["illustrative"]), key=lambda f: f["output"])
    pl_leader["leads"] = ["plastics"]
    pl_leader["output"] = 1.1e9
    pl_leader["employees"] = 1500
    pl_leader["capacity"] = 90000
    pl_leader["note"] = "illustrative chain leader of the plastics chain (the article does not name it)"
    el_leader = max(p.firms_in("el-pv", True), key=lambda f: f["output"])
    el_leader["leads"] = ["electronics"]
    el_leader["output"] = 1.6e9
    el_leader["employees"] = 1200
    el_leader["capacity"] = 1300
    el_leader["note"] = "illustrative chain leader of the electronics chain (the article does not name it)"
    # the three plastics firms that took over 兴龙 (unnamed in the article)
    owners = sorted(p.firms_in("pl-injection", True)[1:] + p.firms_in("pl-film", True), key=lambda f: -f["output"])
    owners = [f for f in owners if f is not pl_leader][:3]
    for f in owners:
        f["note"] = "one of the 3 plastics firms that jointly took over 兴龙塑业 (unnamed in the article)"

    # ---- outside-park firms ----
    p.filler("pl-resin", 4, "xresin", inPark=False, median=5.0e9, place="福建",
             note="outside-park petrochemical resin supplier")
    p.filler("pl-additive", 1, "xadd", inPark=False, median=3.0e8, place="广东")
    p.filler("el-material", 2, "xelmat", inPark=False, median=1.0e9, place="江苏")
    xmoto = p.filler("mt-vehicle", 3, "xmoto", inPark=False, median=3.0e9, place="重庆",
                     note="outside-park motorcycle maker buying local parts")
    p.add_firm("xexport", "宁波海通摩配进出口有限公司", stages=["mt-vehicle"], products=["摩托车"], inPark=False,
               output=8.0e8, employees=60, illustrative=True,
               note="illustrative export channel for pistons (创泰's products are mostly exported)")

    # ---- named links ----
    for i, f in enumerate(owners):
        p.add_link("hangzheng", f["id"], "再生造粒料", share=[0.45, 0.35, 0.3][i],
                   value=round_money(f["output"] * 0.25 * [0.45, 0.35, 0.3][i]),
                   note="article: once revived, 兴龙塑业 (now 航正新材料) supplies raw material to the plastics firms "
                        "that took it over; buyers and amounts illustrative")
    p.add_link("chuangtai", "xexport", "活塞", share=0.6, primary=True, illustrative=True,
               value=round_money(9.6e7 * 0.6), note="article: pistons are mostly exported; channel illustrative")
    p.add_link("ruiyi", xmoto[0]["id"], "轮毂", share=0.3, illustrative=True, value=round_money(2.0e8 * 0.4))
    p.add_link("liwei", xmoto[1]["id"], "喇叭", share=0.5, primary=True, illustrative=True, value=round_money(3.0e8 * 0.3))
    p.gen_links(alpha=1.0, outside_bias=0.8)
    p.gen_links(buyers=xmoto + [p.firm["xexport"]], p_source=1.0)
    p.finish_links()
    later = sorted(p.firms_in("pl-injection", True), key=lambda f: f["id"])
    cand = [f for f in later if f not in owners and not any(l["supplier"] == "hangzheng" and l["buyer"] == f["id"]
                                                            for l in p.links)]
    p.add_link("hangzheng", cand[0]["id"], "聚丙烯粒料", status="planned", share=0.2, illustrative=True,
               value=round_money(cand[0]["output"] * 0.25 * 0.2), note="党建联盟圆桌会 supply-demand meeting: agreed")

    # ---- organizations: 1 + 2 + N ----
    p.add_org("cm-yh", "宜黄县产业链综合党委", "committee", members=[pl_leader["id"], el_leader["id"]],
              chains=["plastics", "electronics"],
              note="article: 1+2+N: the comprehensive committee (secretary: the county leader in charge of industry) "
                   "+ 2 chain-leader organizations + N member organizations; ties 85 firms")
    p.add_org("ag-gxj", "宜黄县工业和信息化局", "agency", note="article: 工信 units hold monthly theme days with park firms")
    p.add_org("ag-tax", "宜黄县税务局", "agency", note="article: tax units help with tax cuts and refunds")
    p.add_org("ag-kjj", "宜黄县科学技术局", "agency", note="article: 科技 units help with talent recognition")
    p.add_org("ag-instructors", "宜黄县非公企业党建工作指导员队伍", "agency",
              note="article: 167 instructors for 179 non-public firms; 72 problems collected, 38 solved, 50+ disputes "
                   "settled, 367M RMB of loans for 88 firms")
    p.add_org("gr-park", "宜黄工业园区非公企业党委", "grid", illustrative=True,
              note="illustrative umbrella for firm organizations outside the two chain alliances")
    al_pl = p.add_org("al-plastics", "塑料制品产业链党建联盟", "alliance", parent="cm-yh", chains=["plastics"],
                      note="article: led by 戴世武; holds 党建联盟沙龙, 圆桌会 and 企业家下午茶; matched 立伟 with 创泰 and "
                           "organised the 兴龙 takeover")
    al_el = p.add_org("al-electronics", "电子信息产业链党建联盟", "alliance", parent="cm-yh", chains=["electronics"],
                      note="article: the electronics chain's alliance")
    # plastics: 7 standalone + 5 joint branches; electronics: 3 + 1
    pl_own = [pl_leader, liwei] + [f for f in sorted(pl_firms, key=lambda f: (-f["output"], f["id"]))
                                   if f is not pl_leader and f is not liwei and f["illustrative"]][:5]
    el_own = [el_leader, jiemei] + [f for f in sorted(el_firms, key=lambda f: (-f["output"], f["id"]))
                                    if f is not el_leader and f is not jiemei][:1]
    for f in pl_own:
        if f["partyMembers"] is None:
            f["partyMembers"] = pm_big(rng, f)
        assign_branch(p, f, "al-plastics",
                      note=("chain-leader organization (1+2+N)" if f is pl_leader else
                            ("article: plastics-alliance member" if f is liwei else None)),
                      illustrative=(f is not liwei))
    for f in el_own:
        if f["partyMembers"] is None:
            f["partyMembers"] = pm_big(rng, f)
        assign_branch(p, f, "al-electronics",
                      note=("chain-leader organization (1+2+N)" if f is el_leader else
                            ("article: has a party innovation studio" if f is jiemei else None)),
                      illustrative=(f is not jiemei))
    pl_rest = [f for f in pl_firms if f not in pl_own]
    el_rest = [f for f in el_firms if f not in el_own]
    pl_joint = [chuangtai, hangzheng] + sorted(pick(rng, [f for f in pl_rest if f is not hangzheng], 16),
                                                 key=lambda f: f["id"])
    el_joint = sorted(pick(rng, el_rest, 4), key=lambda f: f["id"])
    for f in pl_joint + el_joint:
        if f["partyMembers"] is None:
            f["partyMembers"] = rng.choice([1, 1, 2, 2])
    n = 0
    for chunk in (pl_joint[0:4], pl_joint[4:7], pl_joint[7:11], pl_joint[11:14], pl_joint[14:18]):
        n += 1
        oid = f"jb-pl-{n}"
        p.add_org(oid, f"塑料制品产业链联合党支部{n}", "joint-branch", parent="al-plastics",
                  members=[f["id"] for f in chunk], chains=["plastics"], illustrative=True,
                  note=("includes 创泰活塞 and 航正新材料" if n == 1 else None))
        for f in chunk:
            f["organization"] = oid
    p.add_org("jb-el-1", "电子信息产业链联合党支部", "joint-branch", parent="al-electronics",
              members=[f["id"] for f in el_joint], chains=["electronics"], illustrative=True)
    for f in el_joint:
        f["organization"] = "jb-el-1"
    # other park firms outside the alliances
    assign_branch(p, qiaofu, "gr-park", illustrative=True)
    assign_branch(p, ruiyi, "gr-park", illustrative=True)
    for f in p.firms:
        if f["inPark"] and f["partyMembers"] is None:
            f["partyMembers"] = rng.choice([0, 0, 0, 0, 1, 1, 2])
    gaps = [f for f in pl_rest if f["organization"] is None][:2]
    for f in gaps:
        f["partyMembers"] = 3
        f["note"] = "3 party members but no branch yet (应建未建)"
    # alliance members: 85 firms in all (64 plastics incl. 创泰, 21 electronics)
    pl_members = [f for f in pl_firms if f["organization"]]
    rest = sorted([f for f in pl_firms if not f["organization"]], key=lambda f: (-f["output"], f["id"]))
    pl_members += rest[:63 - len(pl_members)]
    al_pl["members"] = sorted([f["id"] for f in pl_members] + ["chuangtai"])
    el_members = [f for f in el_firms if f["organization"]]
    rest = sorted([f for f in el_firms if not f["organization"]], key=lambda f: (-f["output"], f["id"]))
    el_members += rest[:21 - len(el_members)]
    al_el["members"] = sorted(f["id"] for f in el_members)
    assert len(al_pl["members"]) == 64 and len(al_el["members"]) == 21
    inpark = [f for f in p.firms if f["inPark"]]
    for f in inpark:
        f["workCovered"] = True
    for f in pick(rng, [f for f in inpark if f["organization"] is None and f["illustrative"]], 6):
        f["workCovered"] = False

    # ---- pairings ----
    for ag, theme in (("ag-tax", "减税退税"), ("ag-kjj", "人才认定"), ("ag-gxj", "两化融合")):
        p.add_pairing(ag, "cm-yh", "service", since="2023", outcome=f"一月一主题:{theme}现场办",
                      note="article: tax, science and industry units' organizations hold monthly theme days with park firms")
    olds = sorted([f for f in pl_own if f is not liwei], key=lambda f: f["id"])
    news = sorted(pick(rng, [f for f in pl_rest if f["organization"]], 4), key=lambda f: f["id"])
    for a, b in zip(olds, news):
        p.add_pairing(a["organization"], b["organization"], "head-led", since="2023",
                      outcome="新老结对、以老带新:帮助新生代企业家提升管理能力", illustrative=True,
                      note="article: investors pair old with new (新老结对); pairs illustrative")
    p.add_pairing("al-plastics", "al-electronics", "regional-joint", since="2023", outcome="企业家下午茶、党建联盟圆桌会",
                  illustrative=True)

    # ---- needs: 72 raised, 38 solved ----
    p.add_need("chuangtai", "capability", tags=["自动化", "automation", "自动化改造"], product="活塞自动化生产线",
               quantity=200000, text="自动化生产程度不高,希望借助联盟内企业的设备自动化研发力量,提高生产机械化、自动化水平",
               responder="al-plastics",
               note="article: through the alliance 创泰 used 立伟's R&D centre: capacity 400k -> 600k pistons a month, "
                    "staff -70%; kept open here as the starting state for matchmaking (quantity: +200k/month)")
    p.add_need("hangzheng", "finance", tags=["经营困难", "盘活", "兼并重组"], text="兴龙塑业经营陷入困境,需要盘活",
               status="solved", responder="al-plastics",
               note="article: raised at a 党建联盟沙龙; alliance head 戴世武 led the survey; 3 plastics firms took it over")
    p.add_need("ruiyi", "service", tags=["审批代办", "融资授信"], text="项目审批代办和融资授信", status="solved",
               responder="ag-instructors", note="article: party service specialists helped; output +45% this year")
    p.add_need("derong", "service", tags=["出口手续", "帮办代办"], text="出口手续办理慢(5-7个工作日)", status="solved",
               responder="ag-instructors", note="article: instructor's help cut it to 2 working days")
    p.add_need("qiaofu", "service", tags=["跨部门办事"], text="难题需要在各单位之间来回跑", status="solved",
               responder="ag-gxj", note="article: solved on the spot at joint theme party days")
    templ = [("finance", ["贷款", "融资"], "ag-instructors", "流动资金贷款需求"),
             ("finance", ["贷款", "设备融资"], "ag-instructors", "技改设备融资需求"),
             ("policy", ["减税退税"], "ag-tax", "增值税留抵退税办理咨询"),
             ("talent", ["人才认定"], "ag-kjj", "技术骨干人才认定申报"),
             ("capability", ["两化融合", "数字化"], "ag-gxj", "希望开展两化融合贯标和车间数字化改造"),
             ("supply", ["原料", "本地供应"], "al-plastics", "希望就近采购塑料粒料,降低运输成本"),
             ("talent", ["招工"], "ag-instructors", "旺季一线普工招聘难"),
             ("service", ["出口", "报关"], "ag-instructors", "出口退税和报关流程咨询"),
             ("capability", ["模具", "模具开发"], "al-plastics", "新产品模具开发能力不足"),
             ("service", ["用地", "厂房"], "ag-gxj", "扩产需要标准厂房")]
    statuses = ["solved"] * 34 + ["in-progress"] * 20 + ["open"] * 13
    rng.shuffle(statuses)
    askers = [f for f in inpark if f["id"] not in real_ids]
    for st in statuses:
        kind, tags, resp, text = rng.choice(templ)
        f = rng.choice(askers)
        p.add_need(f["id"], kind, tags=tags, text=text, status=st, responder=resp, illustrative=True,
                   product=("聚丙烯粒料" if kind == "supply" else None),
                   quantity=(float(rng.randint(2, 30) * 100) if kind == "supply" else None),
                   note="article: instructors collected 72 problems and solved 38; this one is illustrative")
    assert len(p.needs) == 72 and sum(1 for n in p.needs if n["status"] == "solved") == 38

    return p.to_json(
        "yihuang-plastics", "江西宜黄 塑料制品产业链", region="江西省抚州市宜黄县", dataDate="2024-03",
        source="中国组织人事报 2024-03-05 (人民周刊网转载)",
        note="Plastics chain: 75 in-park firms (article: 75), 7 standalone + 5 joint branches; electronics: 24 firms, "
             "3 + 1; 85 firms in the two alliances (article: 85); 72 needs, 38 solved (article: 72 / 38). The park has "
             "141 above-scale firms; only chain firms and the named firms are modelled.")


# =====================================================================================
# 3. Wujin, Changzhou: engineering machinery around Liugong
# =====================================================================================

def build_wujin():
    p = ParkBuilder(20230915, ["常州", "常州", "江苏", "常州武进"])
    rng = p.rng
    S = Stage
    em = [
        S("em-steel", "钢材", "upstream", products=["中厚板", "型钢", "棒材"], words=["钢材", "金属材料"],
          unit="吨/年", price=4500, median=3.0e8, note="mostly bought from mills outside the park"),
        S("em-casting", "铸锻件", "upstream", inputs=["em-steel"], products=["液压铸件", "结构铸件", "锻件"],
          words=["铸造", "锻造", "精密铸造"], unit="吨/年", price=12000, median=6.0e7, caps=["精密铸造"]),
        S("em-hydraulic", "液压件", "midstream", inputs=["em-casting", "em-steel"],
          products=["液压油缸", "液压柱塞泵", "液压控制阀", "液压系统", "液压管件"], words=["液压", "流体科技", "液压机械"],
          unit="件/年", price=3000, median=1.0e8, caps=["液压系统设计"]),
        S("em-structure", "结构件", "midstream", inputs=["em-steel"], products=["动臂", "斗杆", "底盘车架", "铲斗"],
          words=["机械", "重工", "结构件制造"], unit="吨/年", price=15000, median=8.0e7, caps=["焊接机器人应用"]),
        S("em-powertrain", "动力传动", "midstream", inputs=["em-casting"],
          products=["柴油发动机", "驱动桥", "回转减速机", "行走马达"], words=["传动", "动力", "齿轮"], unit="台/年",
          price=30000, median=2.0e8, note="only three small local makers; engines and most axles come from outside"),
        S("em-electric", "电气控制", "midstream", products=["控制器", "线束", "显示屏", "传感器"],
          words=["电气", "电子科技", "自动化"], unit="套/年", price=2000, median=5.0e7),
        S("em-cab", "驾驶室与覆盖件", "midstream", inputs=["em-steel"], products=["驾驶室", "覆盖件", "驾驶室内饰件"],
          words=["车辆配件", "钣金", "内饰"], unit="套/年", price=12000, median=6.0e7),
        S("em-machine", "整机", "downstream",
          inputs=["em-hydraulic", "em-structure", "em-powertrain", "em-electric", "em-cab"],
          products=["挖掘机", "滑移装载机", "挖掘装载机", "压路机"], words=["工程机械", "重工"], unit="台/年",
          price=4.5e5, median=8.0e8, k={"em-structure": (3, 7), "em-electric": (2, 4), "*": (1, 3)}, frac=0.75),
        S("em-service", "后市场与再制造", "downstream", inputs=["em-machine"], required=False,
          products=["再制造", "配件服务", "设备租赁"], words=["机械设备", "工程机械服务"], unit="台/年", price=5e4,
          median=3.0e7),
    ]
    nev = [
        S("nv-forging", "精密锻件", "upstream", products=["精锻齿轮", "差速器齿轮", "轴类锻件"], words=["精锻", "锻造"],
          unit="万件/年", price=8e5, median=4.0e8),
        S("nv-battery", "动力电池", "midstream", products=["动力电池包", "电芯"], words=["新能源", "储能科技"],
          unit="kWh/年", price=700, median=1.5e9),
        S("nv-edrive", "电驱动系统", "midstream", inputs=["nv-forging"], products=["驱动电机", "电驱总成"],
          words=["电驱动", "电机"], unit="台/年", price=5000, median=6.0e8),
        S("nv-parts", "车身与底盘零部件", "midstream", inputs=["nv-forging"],
          products=["车身结构件", "底盘件", "内饰件", "热管理部件"], words=["汽车部件", "汽车零部件", "汽配"],
          unit="件/年", price=90, median=2.5e8),
        S("nv-vehicle", "整车", "downstream", inputs=["nv-battery", "nv-edrive", "nv-parts"],
          products=["新能源乘用车"], words=["汽车"], unit="辆/年", price=2.8e5, median=2e10,
          k={"nv-parts": (8, 14), "*": (2, 3)}, frac=0.8),
    ]
    robot = [
        S("rb-reducer", "减速器", "upstream", products=["谐波减速器", "RV减速器"], words=["传动", "精密传动"],
          unit="台/年", price=3000, median=6.0e7),
        S("rb-servo", "伺服电机与驱动", "upstream", products=["伺服电机", "伺服驱动器"], words=["电机", "驱动技术"],
          unit="台/年", price=2500, median=5.0e7),
        S("rb-controller", "控制器与传感", "upstream", products=["机器人控制器", "力传感器", "视觉系统"],
          words=["智能科技", "控制技术"], unit="套/年", price=8000, median=4.0e7),
        S("rb-body", "机器人本体", "midstream", inputs=["rb-reducer", "rb-servo", "rb-controller"],
          products=["协作机器人", "工业机器人"], words=["机器人", "智能装备"], unit="台/年", price=1.2e5,
          median=3.0e8),
        S("rb-integration", "系统集成", "downstream", inputs=["rb-body"], required=False,
          products=["焊接工作站", "自动化产线"], words=["自动化", "智能装备"], unit="套/年", price=6e5, median=6.0e7),
    ]
    p.add_chain("em", "工程机械", em, note="article: the engineering-machinery chain alliance is led by 柳工常州; chain "
                                           "chief 施文杰 (经发局局长助理)")
    p.add_chain("nev", "新能源汽车", nev, note="article: H1 above-scale output 46.41 bn RMB, +137.8%; 14 new projects")
    p.add_chain("robot", "机器人", robot, note="article: the robotics chain alliance (节卡机器人 takes part)")
    zones = ["武进国家高新区南区", "武进国家高新区北区", "西太湖片区"]

    liugong = p.add_firm("liugong", "柳工常州机械有限公司", stages=["em-machine"], leads=["em"],
                         products=["挖掘机", "滑移装载机", "挖掘装载机", "工程机械配件"], capabilities=["整机研发", "供需对接"],
                         output=9.0e9, employees=2600, capacity=20000, capacityUnit="台/年", zone=zones[0],
                         partyMembers=140,
                         note="article: chain leader of the engineering-machinery alliance; excavators, skid-steer and "
                              "backhoe loaders and parts; parent is China's first listed construction-machinery firm; "
                              "primary local suppliers 恒立液压 and 今创集团; figures are estimates")
    hengli = p.add_firm("hengli", "江苏恒立液压股份有限公司", stages=["em-hydraulic", "em-casting"],
                        products=["液压油缸", "液压柱塞泵", "液压控制阀", "液压系统", "液压铸件"],
                        capabilities=["液压系统设计", "精密铸造", "关键液压元器件研发"], output=9.0e9, employees=6000,
                        capacity=1.2e6, capacityUnit="件/年", zone=zones[0], partyMembers=330,
                        note="article: makes high-pressure cylinders, piston pumps, control valves, hydraulic systems "
                             "and precision castings; member of the alliance; develops key hydraulic components for "
                             "Liugong's MIIT project; output ~2023 revenue, other figures estimates")
    ktk = p.add_firm("ktk", "今创集团股份有限公司", stages=["em-cab"], products=["驾驶室内饰件", "覆盖件"],
                     capabilities=["轨道交通内饰", "钣金"], output=4.5e9, employees=5200, capacity=60000,
                     capacityUnit="套/年", zone=zones[1], partyMembers=180,
                     note="article: primary supporting supplier of 柳工 (主配套); best known for rail-transit interiors; "
                          "the product supplied and figures are estimates")
    lixiang = p.add_firm("lixiang", "理想汽车常州基地", stages=["nv-vehicle"], products=["新能源乘用车"], output=6.0e10,
                         employees=9000, capacity=300000, capacityUnit="辆/年", zone=zones[2], partyMembers=160,
                         note="article: takes part in the NEV alliance's exchanges (final-assembly workshop pictured); "
                              "name as the article writes it; figures estimates")
    jaka = p.add_firm("jaka", "节卡机器人股份有限公司", stages=["rb-body"], products=["协作机器人"], output=5.0e8,
                      employees=650, capacity=5000, capacityUnit="台/年", zone=zones[1], partyMembers=25,
                      note="article: takes part in the alliance exchanges; figures estimates")
    longcheng = p.add_firm("longcheng", "江苏龙城精锻集团有限公司", stages=["nv-forging"], products=["精锻齿轮", "差速器齿轮"],
                           output=1.5e9, employees=1600, capacity=3000, capacityUnit="万件/年", zone=zones[0],
                           partyMembers=60,
                           note="article: 龙城精锻 takes part in the alliance exchanges; full name and figures estimates")
    real_ids = {"liugong", "hengli", "ktk", "lixiang", "jaka", "longcheng"}

    plan = [("em-steel", 2, "steel"), ("em-casting", 11, "cast"), ("em-hydraulic", 8, "hyd"), ("em-structure", 17, "struct"),
            ("em-powertrain", 3, "pt"), ("em-electric", 9, "emel"), ("em-cab", 5, "cab"), ("em-machine", 3, "mach"),
            ("em-service", 6, "svc"), ("nv-forging", 3, "forge"), ("nv-battery", 3, "nvbat"), ("nv-edrive", 4, "edrv"),
            ("nv-parts", 10, "nvpart"), ("rb-reducer", 3, "red"), ("rb-servo", 3, "servo"), ("rb-controller", 3, "ctrl"),
            ("rb-body", 2, "rbody"), ("rb-integration", 5, "integ")]
    for sid, n, prefix in plan:
        p.filler(sid, n, prefix, zones=zones)
    # article: NEV above-scale output 46.41 bn RMB in H1 -> ~92.8 bn a year
    p.calibrate([f for f in p.firms if f["inPark"] and any(s.startswith("nv-") for s in f["stages"])], 2 * 46.41e9)
    p.filler("em-steel", 4, "xsteel", inPark=False, median=1.2e10, place="江苏", note="outside-park steel mill")
    p.filler("em-powertrain", 3, "xpt", inPark=False, median=5.0e9, place="山东",
             note="outside-park engine / axle maker")
    xoem = p.filler("em-machine", 3, "xoem", inPark=False, median=2.0e10, place="徐州",
                    note="outside-park machine maker buying hydraulics from the park")
    p.filler("nv-battery", 2, "xnvbat", inPark=False, median=2.0e10, place="江苏")
    p.filler("rb-reducer", 1, "xred", inPark=False, median=3.0e8, place="苏州")

    note_primary = ("article: 柳工 keeps primary supporting supply (主配套) with 恒立液压 and 今创集团, local sourcing "
                    "in the same park; products from the article's list of Hengli products, shares and values estimates")
    for prod, share in (("液压油缸", 0.7), ("液压柱塞泵", 0.55), ("液压控制阀", 0.5)):
        p.add_link("hengli", "liugong", prod, share=share, primary=True, value=round_money(9.0e9 * 0.06 * share),
                   id=f"hengli-liugong-{prod}", note=note_primary)
    p.add_link("ktk", "liugong", "驾驶室内饰件", share=0.6, primary=True, value=round_money(9.0e9 * 0.02 * 0.6),
               id="ktk-liugong", note=note_primary)
    for f in xoem:
        p.add_link("hengli", f["id"], "液压油缸", share=round(rng.uniform(0.3, 0.6), 2), primary=True, illustrative=True,
                   value=round_money(f["output"] * 0.05 * 0.4), note="Hengli also supplies machine makers elsewhere")
    edrv = max(p.firms_in("nv-edrive", True), key=lambda f: (f["output"], f["id"]))
    p.add_link("longcheng", edrv["id"], "精锻齿轮", share=0.5, primary=True, illustrative=True,
               value=round_money(edrv["output"] * 0.25 * 0.5), note="local precision gears for an e-drive maker; illustrative")
    p.gen_links(alpha=1.0, outside_bias=0.7)
    p.finish_links()
    # action-project list (行动项目清单): planned local links to fill the powertrain gap
    pts = sorted(p.firms_in("em-powertrain", True), key=lambda f: f["id"])
    for f in pts[:2]:
        if "驱动桥" not in f["products"]:
            f["products"].append("驱动桥")
    for f in pts[:2]:
        if not any(l["supplier"] == f["id"] and l["buyer"] == "liugong" for l in p.links):
            p.add_link(f["id"], "liugong", "驱动桥", status="planned", share=0.15, illustrative=True,
                       value=round_money(9.0e9 * 0.01 * 0.15), note="行动项目清单: local supply of a part bought outside")

    # ---- organizations ----
    p.add_org("ag-dqb", "武进国家高新区党群工作部", "agency",
              note="article: leads the chain party-building work with the departments, chain chiefs and leaders")
    p.add_org("ag-jfj", "武进国家高新区经济发展局", "agency", note="article: in the 红链专员 resource pool; chain chief")
    p.add_org("ag-kjj", "武进国家高新区科学技术局", "agency", note="article: in the 红链专员 resource pool")
    p.add_org("ag-swj", "武进国家高新区税务局", "agency", note="article: in the 红链专员 resource pool")
    p.add_org("ag-redchain", "产业链党建红链专员助企服务团队", "agency",
              note="article: 红链专员 (e.g. 宋飞洋) serve key above-scale firms: 一链一专班")
    p.add_org("ag-chamber", "武高新商会", "agency", note="article: its 海湖论坛 hosts the alliances' activities")
    p.add_org("al-em", "工程机械产业链党建联盟", "alliance", chains=["em"],
              note="article: one of the three chain alliances; 柳工常州 is its chain leader, 恒立液压 a member")
    p.add_org("al-nev", "新能源汽车产业链党建联盟", "alliance", chains=["nev"], note="article: one of the three chain alliances")
    p.add_org("al-robot", "机器人产业链党建联盟", "alliance", chains=["robot"], note="article: one of the three chain alliances")
    p.add_org("gr-wj", "武进国家高新区非公企业网格党组织", "grid", illustrative=True)
    assign_general_branch(p, liugong, "al-em", 3, name="柳工常州机械有限公司党总支", illustrative=False,
                          note="article: 公司党总支 (deputy secretary 唐鹏莉); 党建带工建")
    assign_general_branch(p, hengli, "al-em", 4, name="江苏恒立液压股份有限公司党委", illustrative=False,
                          note="article: 公司党委 (a firm party committee, modelled as general-branch): 三恒三立, 先锋恒立")
    assign_general_branch(p, ktk, "al-em", 3, name="今创集团股份有限公司党委", illustrative=True,
                          note="firm party committee modelled as general-branch")
    assign_general_branch(p, lixiang, "al-nev", 3, illustrative=True)
    assign_general_branch(p, longcheng, "al-nev", 2, illustrative=True)
    assign_branch(p, jaka, "al-robot")
    alliance_of = {"em": "al-em", "nv": "al-nev", "rb": "al-robot"}
    inpark = [f for f in p.firms if f["inPark"]]
    ill = sorted([f for f in inpark if f["illustrative"]], key=lambda f: (-f["output"] * rng.uniform(0.4, 1.6), f["id"]))
    own, gap, small, zero = ill[:38], ill[38:40], ill[40:70], ill[70:]
    for f in own + gap:
        f["partyMembers"] = pm_big(rng, f)
    for f in small:
        f["partyMembers"] = rng.choice([1, 1, 2])
    for f in zero:
        f["partyMembers"] = 0
    for f in own:
        assign_branch(p, f, alliance_of[f["stages"][0][:2]])
    for f in gap:
        f["note"] = "3+ party members but no branch yet (应建未建)"
    joint_branches(p, sorted(pick(rng, small, 20), key=lambda f: f["id"]), lambda f: "gr-wj",
                   lambda parent, n: f"武进高新区非公企业联合党支部{n}", size=(3, 5))
    for o in p.orgs:
        if o["kind"] == "alliance":
            cid = o["chains"][0]
            o["members"] = sorted(f["id"] for f in inpark if f["organization"] and
                                  any(p.stage_chain[s] == cid for s in f["stages"]))
    for f in inpark:
        f["workCovered"] = bool(f["organization"]) or rng.random() < 0.6

    # ---- pairings ----
    p.add_pairing("gb-liugong", "gb-hengli", "rnd", since="2023",
                  outcome="恒立参与柳工承担的国家工信部战略基础产品开发及应用项目,负责关键核心液压基础元器件及系统的开发",
                  note="article")
    p.add_pairing("gb-liugong", "gb-lixiang", "co-building", since="2023", outcome="跨产业链党建主题活动",
                  illustrative=True, note="article: 柳工 organises party activities with firms of the same or other chains")
    sup = sorted({l["supplier"] for l in p.links if l["buyer"] == "liugong" and p.firm[l["supplier"]]["organization"]
                  and l["supplier"] not in real_ids})
    for sid in pick(rng, sup, 4):
        p.add_pairing("gb-liugong", p.firm[sid]["organization"], "head-led", since="2023",
                      outcome="链主带动配套企业党组织共学共建", illustrative=True)
    sup = sorted({l["supplier"] for l in p.links if l["buyer"] == "hengli" and p.firm[l["supplier"]]["organization"]
                  and l["supplier"] not in real_ids})
    for sid in pick(rng, sup, 3):
        p.add_pairing("gb-hengli", p.firm[sid]["organization"], "purchasing-sales", since="2023",
                      outcome="供需对接:铸件就近配套", illustrative=True)
    p.add_pairing("al-em", "ag-chamber", "service", since="2023", outcome="海湖论坛:产业配套、人才短缺、产城融合主题交流",
                  note="article")
    p.add_pairing("al-em", "al-robot", "regional-joint", since="2023",
                  outcome="红链有约 服务赋能 专场沙龙 (2023-08)", note="article: the August cross-chain salon; pairing form illustrative",
                  illustrative=True)

    # ---- needs (企业需求清单) ----
    p.add_need("liugong", "supply", tags=["动力传动", "就近配套", "补链"], product="驱动桥", quantity=8000,
               text="驱动桥、发动机主要从外地采购,希望园区引进或培育本地配套", status="in-progress", responder="ag-jfj",
               illustrative=True, note="illustrative need of a named firm; matches the powertrain gap")
    p.add_need("hengli", "talent", tags=["人才引育", "研发人员"], text="液压研发高端人才引进", status="in-progress",
               responder="ag-kjj", illustrative=True)
    templ = [("finance", ["融资"], "ag-jfj", "扩产项目融资需求"), ("talent", ["招工"], "ag-redchain", "焊工、装配工招工难"),
             ("service", ["办证"], "ag-redchain", "新建厂房竣工验收和办证"), ("service", ["营商环境", "场地"], "ag-jfj", "扩产需要场地"),
             ("talent", ["人才培育"], "ag-kjj", "技能人才培训"), ("policy", ["专精特新申报"], "ag-kjj", "专精特新企业申报辅导"),
             ("capability", ["智能车间诊断"], "ag-jfj", "希望开展智能车间诊断"), ("capability", ["企业上云"], "ag-jfj", "企业上云改造"),
             ("policy", ["股改上市"], "ag-jfj", "股改上市辅导"), ("policy", ["资金奖补"], "ag-swj", "研发费用加计扣除和奖补政策"),
             ("supply", ["铸件", "就近配套"], "al-em", "液压铸件需要本地稳定供应")]
    statuses = ["solved"] * 18 + ["in-progress"] * 14 + ["open"] * 14
    rng.shuffle(statuses)
    askers = [f for f in inpark if f["illustrative"]]
    for st in statuses:
        kind, tags, resp, text = rng.choice(templ)
        f = rng.choice(askers)
        p.add_need(f["id"], kind, tags=tags, text=text, status=st, responder=resp, illustrative=True,
                   product=("液压铸件" if kind == "supply" else None))

    return p.to_json(
        "wujin-machinery", "常州武进国家高新区 工程机械产业链", region="江苏省常州市武进区", dataDate="2023-09",
        source="武进日报 / 武进国家高新区「党建聚链」",
        note="Three chain alliances (NEV, robotics, engineering machinery); engineering machinery is the main chain "
             "here, organized around 柳工常州 with 恒立液压 and 今创集团 as local primary suppliers. Needs are the 企业需求清单 "
             "of the 三张清单; planned links are from the 行动项目清单. Figures of named firms (output, staff, capacity, "
             "party members, zone) are estimates.")


# =====================================================================================
# 4. Ningxiang, Changsha: advanced energy-storage materials (closed loop) + machinery
# =====================================================================================

def build_ningxiang():
    p = ParkBuilder(20221228, ["湖南", "长沙", "宁乡", "湖南"])
    rng = p.rng
    S = Stage
    es = [
        S("es-mineral", "锂镍钴原料", "upstream", products=["碳酸锂", "硫酸镍", "硫酸钴"], words=["锂业", "矿业", "化工"],
          unit="吨/年", price=90000, median=3.0e8, note="mostly bought from outside the park"),
        S("es-regen", "再生金属盐", "upstream", required=False, products=["再生硫酸镍", "再生硫酸钴", "再生碳酸锂"],
          words=["循环科技", "资源再生"], unit="吨/年", price=60000, median=5.0e8,
          note="recycled salts from end-of-life batteries: closes the loop (the recycler sits in both stages, so the "
               "stage template stays a DAG)"),
        S("es-precursor", "前驱体", "upstream", inputs=["es-mineral", "es-regen"], products=["三元前驱体", "四氧化三钴"],
          words=["新能源科技", "新材料"], unit="吨/年", price=90000, median=6.0e8),
        S("es-cathode", "正极材料", "midstream", inputs=["es-precursor", "es-mineral"], products=["三元正极材料", "磷酸铁锂"],
          words=["新能源材料", "新材料", "电池材料"], unit="吨/年", price=150000, median=6.0e8),
        S("es-anode", "负极材料", "midstream", products=["人造石墨负极", "硅碳负极"], words=["碳材料", "新材料"],
          unit="吨/年", price=40000, median=2.0e8),
        S("es-separator", "隔膜", "midstream", products=["湿法隔膜", "涂覆隔膜"], words=["隔膜科技", "新材料"],
          unit="万平方米/年", price=15000, median=2.5e8, note="one local maker of size: a thin stage"),
        S("es-electrolyte", "电解液", "midstream", inputs=["es-mineral"], products=["电解液", "六氟磷酸锂"],
          words=["化学", "新材料", "电池材料"], unit="吨/年", price=50000, median=2.0e8),
        S("es-cell", "电芯", "downstream", inputs=["es-cathode", "es-anode", "es-separator", "es-electrolyte"],
          products=["动力电芯", "储能电芯"], words=["电池", "新能源"], unit="GWh/年", price=6.0e8, median=2.0e9,
          k={"*": (1, 3)}, frac=0.7),
        S("es-pack", "PACK与储能系统", "downstream", inputs=["es-cell"], products=["电池PACK", "储能系统"],
          words=["储能科技", "能源科技", "电源"], unit="MWh/年", price=9e5, median=1.5e8),
        S("es-recycle", "废旧电池及汽车回收", "downstream", inputs=["es-pack", "es-cell"], required=False,
          products=["废旧电池回收", "报废汽车拆解"], words=["再生资源", "回收利用", "环保科技"], unit="吨/年", price=15000,
          median=6.0e7, note="article: the chain runs from precursor to end-of-life battery and vehicle recycling"),
    ]
    em = [
        S("em-steel", "钢材与板材", "upstream", products=["高强钢板", "型材"], words=["钢材", "金属材料"], unit="吨/年",
          price=6000, median=1.5e8),
        S("em-structure", "结构件与臂架", "midstream", inputs=["em-steel"], products=["伸缩臂", "转台", "剪叉臂", "车架"],
          words=["机械", "重工", "结构件"], unit="吨/年", price=16000, median=6.0e7, caps=["焊接", "激光切割"]),
        S("em-hydraulic", "液压件", "midstream", products=["液压油缸", "液压阀", "液压管件"], words=["液压", "流体"],
          unit="件/年", price=2500, median=5.0e7),
        S("em-chassis", "底盘与回转", "midstream", inputs=["em-steel"], products=["专用底盘", "回转支承", "驱动桥"],
          words=["传动", "底盘", "机械"], unit="套/年", price=30000, median=8.0e7),
        S("em-electric", "电气控制", "midstream", products=["控制器", "线束", "锂电动力系统"], words=["电气", "电子科技"],
          unit="套/年", price=3000, median=4.0e7),
        S("em-machine", "整机", "downstream", inputs=["em-structure", "em-hydraulic", "em-chassis", "em-electric"],
          products=["汽车起重机", "高空作业平台", "履带起重机"], words=["重工", "工程机械"], unit="台/年", price=5e5,
          median=8e8, k={"em-structure": (4, 8), "*": (2, 4)}, frac=0.75),
        S("em-service", "后市场与租赁", "downstream", inputs=["em-machine"], required=False,
          products=["设备租赁", "再制造", "配件服务"], words=["设备租赁", "机械服务"], unit="台/年", price=8e4, median=3e7),
    ]
    sh = [
        S("sh-component", "精密部件", "upstream", products=["谐波减速机", "精密齿轮", "微电机"], words=["精工", "精密机械", "传动"],
          unit="台/年", price=1500, median=8.0e7),
        S("sh-electronic", "电子控制", "upstream", products=["控制板", "传感器模组"], words=["电子科技", "智能科技"],
          unit="套/年", price=200, median=5.0e7),
        S("sh-product", "智能家电与智能硬件", "downstream", inputs=["sh-component", "sh-electronic"],
          products=["智能家电", "服务机器人", "智能终端"], words=["电器", "智能科技", "智能家居"], unit="台/年", price=800,
          median=2.0e8),
    ]
    p.add_chain("es", "先进储能材料", es,
                note="article: precursor, cathode, anode, separator, electrolyte, cell and pack, end-of-life battery and "
                     "vehicle recycling: a green closed loop, the most complete chain in Hunan; 20+ lithium leaders; 19 "
                     "above-scale firms made 35.6 bn RMB in Jan-Oct (+110%), >40 bn expected for the year")
    p.add_chain("em", "工程机械", em, note="article: a strong line-up with 160+ supporting firms (a subset is modelled)")
    p.add_chain("sh", "智能家电智能硬件", sh, note="article: the third leading chain, automation and intelligence first-rate")
    zones = ["宁乡高新区", "宁乡高新区储能材料产业园", "宁乡经开区"]

    cngr = p.add_firm("cngr", "湖南中伟新能源科技有限公司", stages=["es-precursor"], products=["三元前驱体", "四氧化三钴"],
                      capabilities=["前驱体研发", "专利200+"], output=1.0e10, employees=5000, capacity=110000,
                      capacityUnit="吨/年", zone=zones[2], partyMembers=226,
                      note="article: global precursor leader; party members 32 -> 226 in 4 years, 85%+ of them R&D "
                           "staff; 200+ patents, ~2,000 workshop R&D projects a year; crossed 10 bn RMB; full name and "
                           "other figures estimates")
    fudi = p.add_firm("fudi", "弗迪电池宁乡工厂", stages=["es-cell"], products=["动力电芯"], output=1.1e10,
                      employees=6000, capacity=20, capacityUnit="GWh/年", zone=zones[1], partyMembers=150,
                      note="article: 弗迪电池 came in 2019 as Ningxiang's first 10 bn+ investment and crossed 10 bn RMB of "
                           "output; name as the article writes it, figures estimates")
    bangsheng = p.add_firm("bangsheng", "湖南邦盛新能源有限公司", stages=["es-cathode"], products=["三元正极材料"],
                           output=3.0e9, employees=1800, capacity=20000, capacityUnit="吨/年", zone=zones[1],
                           partyMembers=40,
                           note="article: in 2021 the city's only 双百 project (investment and planned output both > 10 "
                                "bn RMB); full name, stage and figures are the sample's assumptions (ramping up)")
    brunp = p.add_firm("brunp", "湖南邦普循环科技有限公司", stages=["es-recycle", "es-regen"],
                       products=["废旧电池回收", "再生硫酸镍", "再生硫酸钴"], capabilities=["电池回收", "湿法冶金"],
                       output=1.0e10, employees=7000, capacity=120000, capacityUnit="吨/年", zone=zones[1],
                       partyMembers=190,
                       note="article: 邦普循环, a leader of the storage chain, crossed 10 bn RMB in 2022; recycles "
                            "end-of-life batteries into salts for precursors; figures estimates")
    sany = p.add_firm("sany", "三一汽车起重机械有限公司", stages=["em-machine"], leads=["em"],
                      products=["汽车起重机", "履带起重机"], output=2.5e10, employees=6000, capacity=30000,
                      capacityUnit="台/年", zone=zones[2], partyMembers=210,
                      note="article: 三一重起 crossed 10 bn RMB; treated as a chain leader; full name and figures estimates")
    sinoboom = p.add_firm("sinoboom", "湖南星邦智能装备股份有限公司", stages=["em-machine"], leads=["em"],
                          products=["高空作业平台"], output=2.0e9, employees=1600, capacity=20000, capacityUnit="台/年",
                          zone=zones[0], partyMembers=48,
                          note="article: output 20M -> 2 bn RMB in a few years; global top-20 aerial-platform maker; "
                               "sales 1.541 bn RMB in Q1-Q3 (+58.79%); 2022 Hunan governor's quality award; its branch "
                               "gave staff a sense of home")
    wanxin = p.add_firm("wanxin", "万鑫精工(湖南)有限公司", stages=["sh-component"], products=["谐波减速机"],
                        capabilities=["谐波减速机", "精密传动"], output=3.0e8, employees=500, capacity=150000,
                        capacityUnit="台/年", zone=zones[0], partyMembers=15,
                        note="article: 专精特新 little giant; self-developed harmonic reducers with rotation accuracy at "
                             "international level; 200+ master-apprentice pairs since 2018; figures estimates")
    real_ids = {"cngr", "fudi", "bangsheng", "brunp", "sany", "sinoboom", "wanxin"}

    # storage: 19 above-scale firms (4 named + 15) and 25 smaller ones
    big = [("es-precursor", 2), ("es-cathode", 3), ("es-anode", 2), ("es-separator", 1), ("es-electrolyte", 2),
           ("es-cell", 1), ("es-pack", 3), ("es-recycle", 1)]
    above = []
    for sid, n in big:
        above += p.filler(sid, n, "stor", zones=zones[:2], median=p.stage[sid].median, note="规上 (above scale)")
    target = 4.27e10 - sum(f["output"] for f in (cngr, fudi, bangsheng, brunp))
    scale = target / sum(f["output"] for f in above)
    for f in above:
        f["output"] = round_money(f["output"] * scale)
        f["employees"] = max(80, int(f["employees"] * scale))
        f["capacity"] = round(f["capacity"] * scale, -1) or 10
    small_plan = [("es-mineral", 2), ("es-precursor", 1), ("es-cathode", 2), ("es-anode", 3), ("es-separator", 1),
                  ("es-electrolyte", 2), ("es-pack", 8), ("es-recycle", 6)]
    for sid, n in small_plan:
        for f in p.filler(sid, n, "stor", zones=zones[:2], median=1.0e7, note="规下 (below scale)"):
            f["output"] = min(f["output"], 1.9e7)
    plan = [("em-steel", 2, "steel"), ("em-structure", 22, "struct"), ("em-hydraulic", 10, "hyd"),
            ("em-chassis", 6, "chassis"), ("em-electric", 9, "emel"), ("em-machine", 3, "mach"), ("em-service", 6, "svc"),
            ("sh-component", 8, "shcomp"), ("sh-electronic", 7, "shel"), ("sh-product", 8, "shprod")]
    for sid, n, prefix in plan:
        p.filler(sid, n, prefix, zones=zones)
    inpark = [f for f in p.firms if f["inPark"]]
    assert len(inpark) == 128, len(inpark)
    p.filler("es-mineral", 3, "xmin", inPark=False, median=1.0e10, place="江西", note="outside-park lithium/nickel supplier")
    p.filler("es-separator", 1, "xsep", inPark=False, median=3.0e9, place="上海")
    p.filler("em-hydraulic", 2, "xhyd", inPark=False, median=2.0e9, place="江苏")
    p.filler("em-chassis", 1, "xchassis", inPark=False, median=5.0e9, place="山东")

    loop = "illustrative link closing the loop among the article's named firms"
    p.add_link("brunp", "cngr", "再生硫酸镍", share=0.3, illustrative=True, value=round_money(1.0e10 * 0.3 * 0.3), note=loop)
    p.add_link("cngr", "bangsheng", "三元前驱体", share=0.5, primary=True, illustrative=True,
               value=round_money(3.0e9 * 0.5 * 0.5), note=loop)
    p.add_link("bangsheng", "fudi", "三元正极材料", share=0.3, illustrative=True, value=round_money(1.1e10 * 0.2 * 0.3),
               note=loop)
    p.add_link("fudi", "brunp", "废旧电芯", share=0.4, illustrative=True, value=round_money(1.0e10 * 0.1 * 0.4),
               note=loop + " (production scrap and returned cells)")
    p.gen_links(alpha=1.0, outside_bias=0.6)
    p.finish_links(p_lost=0.01, p_planned=0.02)

    # ---- organizations: 109 of 128 in-park firms have an organization (85.16%), work coverage 100% ----
    p.add_org("cm-es", "宁乡高新区先进储能材料产业链党委", "committee", members=["cngr", "fudi", "brunp", "bangsheng"],
              chains=["es"], note="article: 高新区先进储能材料产业链党委, a key chain committee (the article also calls it "
                                  "长沙高新区…); coordinates government, firms and R&D")
    p.add_org("al-em", "工程机械产业链党建联盟", "alliance", chains=["em"], members=["sany", "sinoboom"], illustrative=True,
              note="illustrative chain organization for the machinery chain")
    p.add_org("ag-instructors", "宁乡市两新组织党建指导员队伍", "agency",
              note="article: 240 instructors for 466 two-new organizations; helped set up 414 organizations")
    p.add_org("ag-reps", "产业链驻企服务代表", "agency",
              note="article: 14 young cadres serve chain firms full time: 217 key problems solved, 143M RMB secured")
    p.add_org("ag-8th", "宁乡经开区“八路军”工作队", "agency", note="article: solved 300+ problems of park firms")
    p.add_org("ag-direct", "书记、市长企业直通车", "agency",
              note="article: 37 work groups; 1,170 problems solved (power supply, schooling, roads, hiring)")
    p.add_org("ag-power", "国网宁乡市供电公司", "agency", illustrative=True)
    p.add_org("gr-nx", "宁乡高新区非公企业网格党组织", "grid", illustrative=True)
    assign_general_branch(p, cngr, "cm-es", 0, name="湖南中伟新能源科技有限公司党委", illustrative=True,
                          note="firm party committee (modelled as general-branch) over its branches")
    p.add_org("br-cngr-innov", "中伟新能源创新党支部", "branch", parent="gb-cngr", hostFirm="cngr",
              note="article: 18 directly managed and 30 mobile party members")
    p.add_org("br-cngr-1", "中伟新能源生产党支部", "branch", parent="gb-cngr", hostFirm="cngr", illustrative=True)
    assign_general_branch(p, fudi, "cm-es", 3, illustrative=True)
    assign_general_branch(p, brunp, "cm-es", 3, illustrative=True)
    assign_general_branch(p, sany, "al-em", 4, illustrative=True)
    assign_branch(p, bangsheng, "cm-es")
    assign_branch(p, sinoboom, "al-em", illustrative=False, note="article: since the branch was set up staff feel at home")
    assign_branch(p, wanxin, "gr-nx")
    ill = sorted([f for f in inpark if f["id"] not in real_ids],
                 key=lambda f: (-f["output"] * rng.uniform(0.5, 1.5), f["id"]))
    own, gap3, rest = ill[:64], ill[64:66], ill[66:]
    for f in own + gap3:
        f["partyMembers"] = pm_big(rng, f)
    for f in rest:
        f["partyMembers"] = rng.choice([1, 1, 2])
    parent_of = lambda f: ("cm-es" if f["stages"][0].startswith("es-") else
                           ("al-em" if f["stages"][0].startswith("em-") else "gr-nx"))
    for f in own:
        assign_branch(p, f, parent_of(f))
    for f in gap3:
        f["note"] = (f["note"] + "; " if f["note"] else "") + "3+ party members but no branch yet (应建未建)"
    covered = [f for f in inpark if f["organization"]]
    joint = sorted(rest[:109 - len(covered)], key=lambda f: f["id"])
    joint_branches(p, joint, lambda f: "gr-nx", lambda parent, n: f"宁乡高新区非公企业联合党支部{n}", size=(3, 5))
    for f in inpark:
        f["workCovered"] = True

    # ---- pairings ----
    p.add_pairing("ag-reps", "cm-es", "service", since="2022", note="article",
                  outcome="14名驻企服务代表点对点服务:协调解决重点问题217个,争取资金1.43亿元")
    p.add_pairing("br-cngr-innov", "br-bangsheng", "purchasing-sales", since="2022", illustrative=True,
                  outcome="前驱体就近配套")
    p.add_pairing("gb-brunp", "gb-cngr", "rnd", since="2022", illustrative=True, outcome="再生金属盐用于前驱体的联合攻关")
    sup = sorted({l["supplier"] for l in p.links if l["buyer"] == "sany" and p.firm[l["supplier"]]["organization"]
                  and l["supplier"] not in real_ids})
    for sid in pick(rng, sup, 4):
        p.add_pairing("gb-sany", p.firm[sid]["organization"], "head-led", since="2022", illustrative=True,
                      outcome="链主带动配套企业党组织建设")
    p.add_pairing("br-sinoboom", "gr-nx", "regional-joint", since="2022", illustrative=True, outcome="园区党建联建")

    # ---- needs: breakpoints, bottlenecks, capital, choke points ----
    p.add_need("fudi", "supply", tags=["隔膜", "就近配套", "断点"], product="湿法隔膜", quantity=2.0e8,
               text="隔膜本地配套不足,大部分从外地采购", status="in-progress", responder="cm-es", illustrative=True,
               note="illustrative; the article lists 产业链断点 among the problems the committee targets")
    templ = [("supply", ["断点", "原料"], "cm-es", "关键原料本地供应不足"),
             ("service", ["堵点", "物流"], "ag-reps", "危化品运输通道和物流堵点"),
             ("finance", ["难点", "融资"], "ag-reps", "扩产项目资金周转难"),
             ("capability", ["卡点", "技术攻关"], "cm-es", "高镍材料工艺技术攻关"),
             ("service", ["供电"], "ag-power", "新产线需要增容供电"),
             ("service", ["员工子女就学"], "ag-direct", "员工子女就近入学"),
             ("service", ["道路建设"], "ag-direct", "厂区周边道路建设"),
             ("talent", ["招工招聘"], "ag-8th", "一线员工招聘"),
             ("policy", ["政策扶持"], "ag-reps", "项目申报和政策兑现")]
    statuses = ["solved"] * 30 + ["in-progress"] * 8 + ["open"] * 7
    rng.shuffle(statuses)
    askers = [f for f in inpark if f["illustrative"]]
    for st in statuses:
        kind, tags, resp, text = rng.choice(templ)
        f = rng.choice(askers)
        p.add_need(f["id"], kind, tags=tags, text=text, status=st, responder=resp, illustrative=True)

    return p.to_json(
        "ningxiang-storage", "长沙宁乡 先进储能材料与工程机械产业链", region="湖南省长沙市宁乡市", dataDate="2022-12",
        source="长沙晚报 2022-12-28「宁乡道|强党建“宁”聚力」",
        note="128 in-park firms, all with party members; 109 have an organization = 85.16% (article: organization "
             "coverage 85.16%), work coverage 100% (article: 100%). The 19 above-scale storage firms' output sums to "
             "~42.7 bn RMB a year (article: 35.6 bn in Jan-Oct, >40 bn expected). Figures of named firms (output, staff, "
             "capacity, zone) are estimates.")


# =====================================================================================
# 5. Jinchang, Gansu: battery materials on the nickel-cobalt base
# =====================================================================================

def build_jinchang():
    p = ParkBuilder(20240612, ["金昌", "金昌", "甘肃", "甘肃金昌"])
    rng = p.rng
    S = Stage
    nc = [
        S("nc-mining", "镍铜钴采选", "upstream", products=["镍精矿", "铜精矿"], words=["矿业", "矿产"], unit="吨/年",
          price=8000, median=8.0e8),
        S("nc-smelt", "冶炼", "midstream", inputs=["nc-mining"], products=["电解镍", "电解铜", "电积钴"],
          words=["有色金属", "冶炼"], unit="吨/年", price=80000, median=3.0e9),
        S("nc-deep", "新材料深加工", "downstream", inputs=["nc-smelt"], products=["镍带", "铜箔", "钴粉", "合金材料"],
          words=["新材料", "合金", "金属制品"], unit="吨/年", price=120000, median=2.0e8),
    ]
    bt = [
        S("bt-metal", "镍钴锂盐", "upstream", products=["硫酸镍", "硫酸钴", "氢氧化锂"], words=["化工", "新材料", "锂业"],
          unit="吨/年", price=40000, median=6.0e8),
        S("bt-precursor", "前驱体", "upstream", inputs=["bt-metal"], products=["三元前驱体"], words=["新能源材料", "新能源科技"],
          unit="吨/年", price=90000, median=8.0e8),
        S("bt-cathode", "正极材料", "midstream", inputs=["bt-precursor", "bt-metal"], products=["三元正极材料", "磷酸铁锂"],
          words=["新能源材料", "电池材料"], unit="吨/年", price=140000, median=6.0e8),
        S("bt-anode", "负极材料", "midstream", products=["人造石墨负极"], words=["碳材料"], unit="吨/年", price=40000,
          median=2.0e9, note="no firm in the park: bought from outside (补链招商 target)"),
        S("bt-electrolyte", "电解液与锂盐", "midstream", inputs=["bt-metal"], products=["六氟磷酸锂", "电解液"],
          words=["氟化工", "化学", "新材料"], unit="吨/年", price=60000, median=2.0e8),
        S("bt-cell", "电池", "downstream", inputs=["bt-cathode", "bt-anode", "bt-electrolyte"], products=["锂电池", "储能电池"],
          words=["锂电", "电池", "新能源"], unit="MWh/年", price=6e5, median=5.0e8, k={"*": (1, 3)}, frac=0.7),
        S("bt-recycle", "电池回收", "downstream", inputs=["bt-cell"], required=False, products=["废旧电池回收"],
          words=["资源循环", "再生资源"], unit="吨/年", price=15000, median=5.0e7),
    ]
    chem = [
        S("ch-basic", "基础化工", "upstream", products=["硫酸", "液碱", "氯气"], words=["化工", "化学"], unit="吨/年",
          price=800, median=3.0e8),
        S("ch-fine", "精细化学品", "downstream", inputs=["ch-basic"], products=["精细化学品", "电子化学品", "水处理剂"],
          words=["精细化工", "化学科技"], unit="吨/年", price=12000, median=1.2e8),
    ]
    p.add_chain("bt", "新能源电池材料", bt,
                note="article: the 电池材料 cluster is a provincial SME featured cluster; the 经开区 has a 新能源电池 chain "
                     "committee meeting every month")
    p.add_chain("nc", "镍铜钴新材料", nc, note="article: a national SME featured cluster")
    p.add_chain("chem", "精细化工", chem, note="article: a provincial SME featured cluster; a temporary branch works on "
                                              "the chemical park's safety risks")
    zones = ["金昌经济技术开发区", "金昌经开区新材料产业园", "金昌经开区化工园区"]

    jintuo = p.add_firm("jintuo", "甘肃金拓锂电新能源有限公司", stages=["bt-cell"], products=["锂电池"], output=3.0e8,
                        employees=260, capacity=500, capacityUnit="MWh/年", zone=zones[0], partyMembers=6,
                        note="article: its equipment-team party members run safety and fire checks (pictured); stage "
                             "and figures are the sample's assumptions")
    xueyu = p.add_firm("xueyu", "金昌雪域园通速递有限公司", products=["快递"], output=3.0e7, employees=120,
                       zone="金川区", partyMembers=8,
                       note="article: Jinchang's first private courier with a party organization; a 20+ member party "
                            "assault team raised efficiency 15%+; not in a modelled chain")
    real_ids = {"jintuo", "xueyu"}

    plan = [("nc-mining", 2, "mine"), ("nc-smelt", 3, "smelt"), ("nc-deep", 12, "deep"), ("bt-metal", 2, "salt"),
            ("bt-precursor", 4, "prec"), ("bt-cathode", 5, "cath"), ("bt-electrolyte", 3, "elyte"), ("bt-cell", 2, "cell"),
            ("bt-recycle", 3, "recyc"), ("ch-basic", 4, "chbasic"), ("ch-fine", 8, "chfine")]
    for sid, n, prefix in plan:
        zs = zones[2:] if sid.startswith("ch-") else zones[:2]
        p.filler(sid, n, prefix, zones=zs)
    # smelters also make battery-grade salts (two chains meet here)
    smelters = sorted(p.firms_in("nc-smelt", True), key=lambda f: -f["output"])
    smelters[0]["leads"] = ["nc"]
    smelters[0]["output"] = 3.0e10
    smelters[0]["employees"] = 12000
    smelters[0]["capacity"] = 3.5e5
    smelters[0]["note"] = "illustrative chain leader (the article names no chain leader)"
    for f in smelters[:2]:
        f["stages"].append("bt-metal")
        f["products"].append("硫酸镍")
    cath = max(p.firms_in("bt-cathode", True), key=lambda f: f["output"])
    cath["leads"] = ["bt"]
    cath["output"] = 4.0e9
    cath["employees"] = 1500
    cath["capacity"] = 30000
    cath["note"] = "illustrative chain leader of the battery-materials chain"
    # electrolyte makers use fine chemicals: two sit in both chains
    for f in sorted(p.firms_in("bt-electrolyte", True), key=lambda f: f["id"])[:1]:
        f["stages"].append("ch-fine")
    inpark = [f for f in p.firms if f["inPark"]]
    p.filler("bt-anode", 2, "xanode", inPark=False, median=5.0e9, place="内蒙古",
             note="outside-park anode supplier: the park has no anode maker")
    p.filler("nc-mining", 2, "xmine", inPark=False, median=5.0e9, place="甘肃", note="outside-park ore supplier")
    p.filler("bt-metal", 1, "xsalt", inPark=False, median=2.0e9, place="青海", note="outside-park lithium salt supplier")
    p.gen_links(alpha=1.0, outside_bias=0.8)
    p.finish_links(p_lost=0.03, p_planned=0.03)

    # ---- organizations ----
    p.add_org("ag-jkq", "金昌经开区党工委", "agency",
              note="article: holds the battery chain committee's monthly joint meeting (副书记 谢宗华)")
    p.add_org("ag-gxj", "金昌市工业和信息化局", "agency",
              note="article: held the 资源综合利用 chain party-building and development meeting; 一链一策 lists")
    p.add_org("ag-dxe", "“店小二”党员服务团队", "agency", note="article: 12 teams serve chain firms (legal aid, investment)")
    p.add_org("ag-bbt", "产业链“红色帮办团”", "agency", note="article: 上门问需 + 跟踪落实, whole-cycle service")
    p.add_org("cm-bt", "金昌经开区新能源电池产业链联合党委", "committee", chains=["bt"],
              note="article: 新能源电池产业(链)联合党委 with monthly joint meetings; firm management and the chain "
                   "organization enter each other and cross-appoint (双向进入、交叉任职)")
    p.add_org("cm-nc", "镍铜钴新材料产业链党委", "committee", chains=["nc"], illustrative=True,
              note="one of the article's 6 chain committees; name illustrative")
    p.add_org("cm-chem", "精细化工产业链党委", "committee", chains=["chem"], illustrative=True,
              note="one of the article's 6 chain committees; name illustrative")
    p.add_org("cm-rc", "资源综合利用产业链党委", "committee",
              note="article: the 资源综合利用 chain's party-building work (工信局); one of the 6 committees")
    p.add_org("cm-energy", "新能源产业链党委", "committee", illustrative=True,
              note="one of the article's 6 chain committees; name illustrative, chain not modelled")
    p.add_org("cm-fluor", "氟化工产业链党委", "committee", illustrative=True,
              note="one of the article's 6 chain committees; name illustrative, chain not modelled")
    p.add_org("br-safety", "引大引强引头部和化工园区安全风险提升整治临时党支部", "branch", parent="ag-jkq",
              note="article: a temporary branch that lowered the chemical park's safety risk level")
    p.add_org("gr-jc", "金昌经开区非公企业网格党组织", "grid", illustrative=True)
    assign_branch(p, jintuo, "cm-bt", note="article: its party members run safety checks")
    assign_branch(p, xueyu, "gr-jc", illustrative=False,
                  note="article: first party organization in a private courier firm in Jinchang; secretary 杨飞")
    assign_general_branch(p, smelters[0], "cm-nc", 4, illustrative=True)
    assign_branch(p, cath, "cm-bt")
    cm_of = lambda f: {"nc": "cm-nc", "bt": "cm-bt", "ch": "cm-chem"}[f["stages"][0][:2]]
    ill = sorted([f for f in inpark if f["organization"] is None],
                 key=lambda f: (-f["output"] * rng.uniform(0.5, 1.5), f["id"]))
    own, gap3, small, zero = ill[:18], ill[18:19], ill[19:36], ill[36:]
    for f in own + gap3:
        f["partyMembers"] = pm_big(rng, f)
    for f in small:
        f["partyMembers"] = rng.choice([1, 1, 2])
    for f in zero:
        f["partyMembers"] = 0
    for f in (smelters[0], cath):
        f["partyMembers"] = pm_big(rng, f)
    for f in own:
        assign_branch(p, f, cm_of(f))
    for f in gap3:
        f["note"] = "3+ party members but no branch yet (应建未建)"
    joint_branches(p, sorted(pick(rng, small, 11), key=lambda f: f["id"]), lambda f: "gr-jc",
                   lambda parent, n: f"金昌经开区非公企业联合党支部{n}", size=(3, 4))
    for o in p.orgs:
        if o["kind"] == "committee" and o["chains"]:
            o["members"] = sorted(f["id"] for f in inpark if f["organization"] and
                                  p.org[f["organization"]]["parent"] == o["id"])
    for f in inpark:
        f["workCovered"] = bool(f["organization"]) or rng.random() < 0.7

    # ---- pairings: the three pairings (支部, 研发, 购销) ----
    note3 = "article: chain firms pair branches, R&D and purchasing-sales (三个结对); pairs illustrative"
    with_org = sorted([f for f in inpark if f["organization"] and f["stages"]], key=lambda f: f["id"])
    for a, b in zip(pick(rng, with_org, 5), pick(rng, with_org, 5)):
        if a is not b and a["organization"] != b["organization"]:
            p.add_pairing(a["organization"], b["organization"], "branch", since="2024", illustrative=True,
                          outcome="支部结对:联合主题党日、安全生产互查", note=note3)
    bt_firms = sorted([f for f in inpark if any(s.startswith("bt-") for s in f["stages"])], key=lambda f: f["id"])
    for a, b in zip(pick(rng, bt_firms, 4), pick(rng, bt_firms, 4)):
        if a is not b:
            p.add_pairing(a["id"], b["id"], "rnd", since="2024", illustrative=True, outcome="研发结对:联合技术攻关",
                          note=note3)
    active = [l for l in p.links if l["status"] == "active" and p.firm[l["supplier"]]["inPark"]
              and p.firm[l["buyer"]]["inPark"]]
    for l in pick(rng, active, 6):
        p.add_pairing(l["supplier"], l["buyer"], "purchasing-sales", since="2024", illustrative=True,
                      outcome=f"购销结对:{l['product']}就近供应", note=note3)

    # ---- needs: 企业吹哨、部门响应 ----
    anode_buyers = sorted({l["buyer"] for l in p.links if p.firm[l["supplier"]]["stages"] == ["bt-anode"]})
    for b in anode_buyers[:2]:
        p.add_need(b, "supply", tags=["负极材料", "补链", "就近配套"], product="人造石墨负极", quantity=3000,
                   text="负极材料全部从外地采购,希望园区招引负极材料项目", responder="ag-gxj", illustrative=True,
                   note="illustrative: the anode gap; the article's 一链一策 lists include target firms and products")
    templ = [("talent", ["高层次人才", "科技创新"], "ag-bbt", "引进高层次科技创新人才"),
             ("capability", ["关键核心技术"], "cm-bt", "关键核心技术联合攻关"),
             ("service", ["生活性服务业", "产城融合"], "ag-jkq", "园区生活性服务业匮乏,产城融合度不高"),
             ("service", ["安全风险", "化工"], "br-safety", "化工装置安全隐患整治"),
             ("service", ["法律维权"], "ag-dxe", "合同纠纷法律咨询"),
             ("finance", ["要素保障", "融资"], "ag-bbt", "项目建设资金"),
             ("policy", ["惠企政策"], "ag-gxj", "惠企政策兑现"),
             ("service", ["帮办代办"], "ag-bbt", "项目审批帮办代办")]
    statuses = ["solved"] * 16 + ["in-progress"] * 10 + ["open"] * 8
    rng.shuffle(statuses)
    askers = [f for f in inpark if f["illustrative"]]
    for st in statuses:
        kind, tags, resp, text = rng.choice(templ)
        f = rng.choice(askers)
        p.add_need(f["id"], kind, tags=tags, text=text, status=st, responder=resp, illustrative=True,
                   note=("article: raised at the chain committee's joint meeting" if kind in ("talent", "service")
                         and "产城融合" in tags else None))

    return p.to_json(
        "jinchang-battery", "甘肃金昌 新能源电池材料产业链", region="甘肃省金昌市", dataDate="2024-06",
        source="甘肃日报/新甘肃 2024-06-12",
        note="Jinchang builds \"2+4\" modern industrial clusters with 6 chain committees (the article does not list "
             "them all; 3 are modelled as chains: battery materials, nickel-copper-cobalt, fine chemicals). Q1 cluster "
             "output 40.12 bn RMB (+30%). The battery chain lacks a local anode maker. Needs follow the "
             "企业吹哨、部门响应 mechanism with three lists (needs, policies, help-desk). Figures of named firms are estimates.")

PARKS = [
    ("beilun-nev.json", build_beilun),
    ("yihuang-plastics.json", build_yihuang),
    ("wujin-machinery.json", build_wujin),
    ("ningxiang-storage.json", build_ningxiang),
    ("jinchang-battery.json", build_jinchang),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: samples)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for fname, fn in PARKS:
        text = fn()
        path = os.path.join(args.out, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
