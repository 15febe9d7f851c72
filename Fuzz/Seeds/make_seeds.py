#!/usr/bin/env python3
"""Writes the small seed corpora of the fuzz targets from the bundled samples and the test
fixtures (run from anywhere; rewrites Fuzz/Seeds/<Target>/). Every seed stays under 4 KB so
that libFuzzer's default input length and speed are kept.

    python3 Fuzz/Seeds/make_seeds.py
"""
import csv
import io
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "samples")
MODEL_FIXTURES = os.path.join(ROOT, "Tests/ChainModelTests/Fixtures")
GRAPH_FIXTURES = os.path.join(ROOT, "Tests/ChainGraphTests/Fixtures")
LIMIT = 4096
MEMBERS = ["park.csv", "chains.csv", "stages.csv", "firms.csv", "links.csv",
           "organizations.csv", "pairings.csv", "needs.csv", "resources.csv", "projects.csv"]


def reset(target):
    folder = os.path.join(HERE, target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    return folder


def put(folder, name, data):
    assert len(data) <= LIMIT, (name, len(data))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def trimmed_park(path, keep):
    """The sample with its first `keep` records of each kind (references may dangle: that is
    validation coverage too) and short notes."""
    park = json.load(open(path, encoding="utf-8"))
    for key in ("firms", "links", "organizations", "pairings", "needs", "resources", "projects"):
        park[key] = park.get(key, [])[:keep]
    park["chains"] = park.get("chains", [])[:1]
    for chain in park["chains"]:
        chain["stages"] = chain.get("stages", [])[:3]
    def short(x):
        if isinstance(x, dict):
            return {k: (v[:12] if k == "note" and isinstance(v, str) else short(v)) for k, v in x.items()}
        if isinstance(x, list):
            return [short(v) for v in x]
        return x
    return short(park)


def json_seeds():
    out = reset("FuzzParkJSON")
    mini = open(os.path.join(MODEL_FIXTURES, "good/mini.json"), "rb").read()
    put(out, "mini.json", mini)
    put(out, "mini-bom.json", b"\xef\xbb\xbf" + mini)
    put(out, "mini-gbk.json", mini.decode("utf-8").encode("gb18030"))
    for name in sorted(os.listdir(os.path.join(MODEL_FIXTURES, "bad"))):
        data = open(os.path.join(MODEL_FIXTURES, "bad", name), "rb").read()
        if len(data) <= LIMIT:
            put(out, "bad-" + name, data)
    for sample, keep in (("jinchang-battery.json", 3), ("wujin-machinery.json", 2)):
        park = trimmed_park(os.path.join(SAMPLES, sample), keep)
        put(out, "small-" + sample, json.dumps(park, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def csv_input(files, absent=0, threshold=0):
    """The FuzzParkCSV layout: absent-mask byte, threshold byte, member files split by NUL."""
    # The mask covers the first eight files; later ones (resources.csv, projects.csv) are
    # present when their segment is, so trailing absent ones are left off.
    members = list(MEMBERS)
    while len(members) > 8 and members[-1] not in files:
        members.pop()
    segments = [files.get(name, b"") for name in members]
    for i, name in enumerate(members[:8]):
        if name not in files:
            absent |= 1 << i
    return bytes([absent, threshold]) + b"\0".join(segments)


def csv_seeds():
    out = reset("FuzzParkCSV")
    bundle = os.path.join(SAMPLES, "yihuang-plastics")
    for rows, threshold in ((1, 0), (2, 2), (3, 5)):
        files = {}
        for name in MEMBERS:
            if not os.path.exists(os.path.join(bundle, name)):
                continue
            # Header and the first rows without the long `note` column.
            with open(os.path.join(bundle, name), encoding="utf-8-sig", newline="") as f:
                table = list(csv.reader(f))
            keep = [i for i, column in enumerate(table[0]) if column != "note"]
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            for row in table[:rows + 1]:
                writer.writerow([row[i] for i in keep])
            files[name] = text.getvalue().encode("utf-8")
        put(out, "yihuang-%d-rows" % rows, csv_input(files, threshold=threshold))
    # Dated needs and the other two lists (resources.csv, projects.csv after the eight).
    lists = {
        "park.csv": b"id,name,dataDate\np,P,2024-06\n",
        "firms.csv": b"id,name\na,A\n",
        "needs.csv": b"id,firm,kind,status,raised,solved\nn1,a,talent,,2024-05-01,2024-05-20\nn2,a,finance,open,2024-06-01,\n",
        "resources.csv": b"id,name,department,kind,needs\nr1,R,ag,finance,n2\n",
        "projects.csv": b"id,name,needs,resources,status\np1,P1,n1|n2,r1,underway\n",
    }
    put(out, "needs-lists", csv_input(lists, threshold=3))
    # CRLF line ends and a quoted line break: the chunk splitter must respect both.
    put(out, "crlf-quoted", csv_input({
        "park.csv": b"id,name\r\np,P\r\n",
        "firms.csv": b"id,name,stages,output\r\na,\"A,\r\nInc\",,10\r\nb,B,,2e3\r\nc,\"say \"\"hi\"\"\",,\r\n",
        "links.csv": b"supplier,buyer,value\r\na,b,5\r\nb,c,\r\n",
    }, threshold=1))
    for case in sorted(os.listdir(os.path.join(MODEL_FIXTURES, "bad-csv"))):
        folder = os.path.join(MODEL_FIXTURES, "bad-csv", case)
        if os.path.isdir(folder):
            files = {n: open(os.path.join(folder, n), "rb").read() for n in os.listdir(folder)}
            put(out, "bad-" + case, csv_input(files, threshold=1))


def edge_seeds():
    out = reset("FuzzEdgeList")
    for sub in ("centrality", "structure"):
        folder = os.path.join(GRAPH_FIXTURES, sub)
        for name in sorted(os.listdir(folder)):
            if name.endswith((".edges", ".txt")):
                data = open(os.path.join(folder, name), "rb").read()
                if len(data) <= 2048:
                    # Byte 0: directed, weight 1, threshold 1 (chunked) / undirected, sequential.
                    put(out, sub + "-" + name, b"\x00" + data)
                    put(out, sub + "-" + name + "-undirected", bytes([1 | (5 << 2)]) + data)
    put(out, "mixed", b"\x04" + "\ufeff# comment\r\n1 2\r\n007,7,2.5\n\t甲 乙 -1e-3 # weight\n\n"
        "1000000000 999999999999999999 3\nx y\nbad\n".encode("utf-8"))
    put(out, "weights", b"\x06a b 1\nb c 0.1\nc a 1e308\nd e 1.5e-320\n")


# The parts FuzzXLSXParts puts into its stored zip, in input order (FuzzXLSXSupport's xlsxParts).
XLSX_PARTS = ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
              "xl/styles.xml"] + ["xl/worksheets/sheet%d.xml" % i for i in range(1, 9)]
XLSX_LIMIT = 24 * 1024


def chainmap_binary():
    for candidate in [os.environ.get("CHAINMAP", ""), os.path.join(ROOT, ".build/debug/chainmap"),
                      os.path.join(ROOT, ".build/release/chainmap"), shutil.which("chainmap") or ""]:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def xlsx_seeds():
    """Workbooks written by `chainmap convert` (inline strings, one sheet per record kind) and
    by openpyxl (shared strings, a date cell, a merged range, Chinese sheet names), and the
    same workbooks' parts in FuzzXLSXParts' layout. Skipped without chainmap or openpyxl."""
    import subprocess
    import tempfile
    import zipfile
    binary = chainmap_binary()
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    if binary is None or openpyxl is None:
        print("make_seeds.py: xlsx seeds skipped (needs a built chainmap and openpyxl)")
        return
    raw, parts = reset("FuzzParkXLSX"), reset("FuzzXLSXParts")
    tmp = tempfile.mkdtemp()
    books = {}
    mini = os.path.join(MODEL_FIXTURES, "good/mini.json")
    subprocess.run([binary, "convert", mini, "--to", "xlsx", "-o", os.path.join(tmp, "mini.xlsx")],
                   check=True, capture_output=True)
    books["chainmap-mini.xlsx"] = os.path.join(tmp, "mini.xlsx")
    wb = openpyxl.load_workbook(books["chainmap-mini.xlsx"])
    wb.save(os.path.join(tmp, "openpyxl-mini.xlsx"))
    books["openpyxl-mini.xlsx"] = os.path.join(tmp, "openpyxl-mini.xlsx")
    import datetime
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业"
    ws.append(["id", "name", "stages", "products", "output", "founded"])
    ws.append(["f1", "甲公司", "s1", "树脂;薄膜", 1.5e8, datetime.date(2021, 3, 4)])
    ws.append(["f2", "乙公司", "s1", "薄膜", 12, "2020-01-02"])
    ws.merge_cells("A5:C5")
    wb.create_sheet("园区").append(["id", "name"])
    wb["园区"].append(["p", "测试园区"])
    wb.save(os.path.join(tmp, "openpyxl-firms.xlsx"))
    books["openpyxl-firms.xlsx"] = os.path.join(tmp, "openpyxl-firms.xlsx")
    for name, path in books.items():
        data = open(path, "rb").read()
        assert len(data) <= XLSX_LIMIT, (name, len(data))
        with open(os.path.join(raw, name), "wb") as f:
            f.write(data)
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            segments = [z.read(p) if p in names else b"" for p in XLSX_PARTS]
        data = b"\x00".join(segments)
        if len(data) > XLSX_LIMIT:
            continue  # openpyxl's copy of mini: its raw workbook is a seed, its parts too large
        with open(os.path.join(parts, name.replace(".xlsx", ".parts")), "wb") as f:
            f.write(data)
    shutil.rmtree(tmp)


def match_seeds():
    """FuzzMatchFiles: byte 0 even, a vocabulary file; odd, a candidates file (bit 1: CSV)."""
    out = reset("FuzzMatchFiles")
    vocabulary = open(os.path.join(ROOT, "Sources/ChainAnalysis/Resources/vocabulary.tsv"), "rb").read()
    put(out, "vocabulary-head", b"\x00" + vocabulary[:LIMIT - 1].rsplit(b"\n", 1)[0] + b"\n")
    put(out, "vocabulary-user", b"\x00\xef\xbb\xbf# mine\r\nconcept\tpv\t\xe5\x85\x89\xe4\xbc\x8f\tsolar\r\n\n"
        b"modifier\t\xe6\x80\xa5\xe9\x9c\x80\nsuffix\t\xe9\xa1\xb9\xe7\x9b\xae\nconcept\tx\nwhat\tever\n")
    put(out, "candidates-json", b"\x01" + json.dumps({"firms": [
        {"id": "c1", "name": "\u5019\u9009\u7532", "products": ["\u6811\u8102"], "output": 1e8, "in_park": False},
        {"id": "c2", "name": "\u5019\u9009\u4e59", "stages": ["pl-resin"], "products": ["\u8584\u819c"]}]},
        ensure_ascii=False).encode("utf-8"))
    put(out, "candidates-csv", b"\x03id,name,stages,products,output,in_park\r\nc1,x,pl-resin,resin,1e8,false\r\n")


def snapshot_seeds():
    """FuzzParkSnapshot: byte 0 even, the snapshot resealed after mutation; odd, as it is.
    Snapshots of the mini park written by `chainmap convert --to chainpark`; the section table
    alone is 2.6 KB, so these seeds are the one exception to the 4 KB limit. Skipped without
    chainmap."""
    import subprocess
    import tempfile
    binary = chainmap_binary()
    if binary is None:
        print("make_seeds.py: snapshot seeds skipped (needs a built chainmap)")
        return
    out = reset("FuzzParkSnapshot")
    tmp = tempfile.mkdtemp()
    for name in ["mini"]:
        source = os.path.join(HERE, "FuzzParkJSON", name + ".json")
        target = os.path.join(tmp, name + ".chainpark")
        subprocess.run([binary, "convert", source, "--to", "chainpark", "-o", target, "--force"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = open(target, "rb").read()
        for mode in [0, 1]:
            with open(os.path.join(out, "%s-mode%d" % (name, mode)), "wb") as f:
                f.write(bytes([mode]) + data)
    shutil.rmtree(tmp)


json_seeds()
csv_seeds()
edge_seeds()
xlsx_seeds()
match_seeds()
snapshot_seeds()
