"""Shared machinery for building the bundled sample parks (standard library only).

A `ParkBuilder` collects chains, firms, links, organizations, pairings and needs, fills in
illustrative records deterministically from a fixed seed, and writes the chainmap-park/1
JSON with keys in the documented order, defaults omitted.
"""

import json
import math
import random
from collections import OrderedDict

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
            if (w.endswith("科技") and sfx.startswith("科技")) or (w.endswith("制造") and sfx.startswith(("制造", "实业"))):
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
