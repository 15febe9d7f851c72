#!/usr/bin/env python3
"""Kernel comparison at scale: ChainMap against GAPBS (the hardware's limit) and the library
peers on an R-MAT graph, in back-to-back alternating rounds (run through compare.sh --rmat).

    kernels.py --chainmap BIN (--rmat SCALE [--edge-factor 16] [--seed 42] | --graph FILE)
               [--gapbs DIR] [--libraries networkit,igraph,rustworkx] [--rounds 3] [--repeat 1]
               [--chainmap-float]
    kernels.py worker LIBRARY GRAPH OUTPUT.json REPEAT      (internal)

Kernels: PageRank, 20 power iterations (damping 0.85); weakly and strongly connected
components; load (text edge list to the library's graph); peak memory of the process
(ru_maxrss, read with wait4 by a launcher, as compare.py does) in bytes per edge.
Every round runs each contender once, one after the other (chainmap, gapbs, peers), so
slow spells of a shared machine hit all of them; the table shows the min and the median
over rounds, and the load average before each run is kept. --chainmap-float adds a row
"chainmap-float": chainmap measure --float-contributions (PageRank gathers Float values, as
GAPBS pr_spmv does; scores about 1e-7 relative from the Double ones), right after chainmap.
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
KERNELS = ["load", "pagerank", "wcc", "scc"]
ITERATIONS = 20
DAMPING = 0.85


def best(repeat, fn, prepare=None):
    runs, result = [], None
    for _ in range(repeat):
        arg = prepare() if prepare else None
        start = time.perf_counter()
        result = fn(arg) if prepare else fn()
        runs.append(time.perf_counter() - start)
    return min(runs), result


# ---------------------------------------------------------------- library workers

def worker_networkit(graph, repeat):
    import networkit as nk
    out = {"version": nk.__version__, "threads": nk.getMaxNumberOfThreads()}
    t, g = best(repeat, lambda: nk.graphio.EdgeListReader(" ", 0, directed=True, continuous=True).read(graph))
    out["load"], out["nodes"], out["edges"] = t, g.numberOfNodes(), g.numberOfEdges()

    def pr():
        sinks = nk.centrality.SinkHandling
        p = nk.centrality.PageRank(g, damp=DAMPING, tol=0.0,
                                   distributeSinks=getattr(sinks, "DISTRIBUTE_SINKS", None) or sinks.DistributeSinks)
        p.norm = nk.centrality.Norm.L1_NORM
        p.maxIterations = ITERATIONS
        p.run()
    out["pagerank"], _ = best(repeat, pr)
    for name, cls in (("wcc", nk.components.WeaklyConnectedComponents),
                      ("scc", nk.components.StronglyConnectedComponents)):
        t, cc = best(repeat, lambda: cls(g).run())
        out[name] = t
        out[name + "_count"] = cc.numberOfComponents()
        out[name + "_largest"] = max(cc.getComponentSizes().values())
    return out


def worker_igraph(graph, repeat):
    import igraph
    out = {"version": igraph.__version__, "threads": 1}
    t, g = best(repeat, lambda: igraph.Graph.Read_Edgelist(graph, directed=True))
    out["load"], out["nodes"], out["edges"] = t, g.vcount(), g.ecount()
    # igraph caches structural properties on a graph: every timed call gets a fresh copy (untimed).
    fresh = g.copy
    out["pagerank"], _ = best(repeat, lambda h: h.pagerank(damping=DAMPING, directed=True), fresh)
    out["pagerank_note"] = "PRPACK, to convergence (no iteration count)"
    for name, mode in (("wcc", "weak"), ("scc", "strong")):
        t, cc = best(repeat, lambda h: h.connected_components(mode=mode), fresh)
        out[name], out[name + "_count"], out[name + "_largest"] = t, len(cc), max(cc.sizes())
    return out


def worker_rustworkx(graph, repeat):
    import rustworkx as rx
    out = {"version": rx.__version__, "threads": 1}
    t, g = best(repeat, lambda: rx.PyDiGraph.read_edge_list(graph, deliminator=" "))
    out["load"], out["nodes"], out["edges"] = t, g.num_nodes(), g.num_edges()

    def pr():
        # tol=0 never converges: exactly max_iter iterations, then FailedToConverge (caught).
        try:
            rx.pagerank(g, alpha=DAMPING, max_iter=ITERATIONS, tol=0)
        except rx.FailedToConverge:
            pass
    out["pagerank"], _ = best(repeat, pr)
    for name, fn in (("wcc", rx.weakly_connected_components), ("scc", rx.strongly_connected_components)):
        t, comps = best(repeat, lambda: fn(g))
        out[name], out[name + "_count"], out[name + "_largest"] = t, len(comps), max(len(c) for c in comps)
    return out


WORKERS = {"networkit": worker_networkit, "igraph": worker_igraph, "rustworkx": worker_rustworkx}


# ---------------------------------------------------------------- running contenders

def measured(cmd, log):
    """Runs cmd through compare.py's launcher; returns (exit code, peak RSS bytes, stdout text)."""
    rss_file = log + ".rss"
    with open(log, "w") as err, open(log + ".out", "w") as out:
        code = subprocess.call([sys.executable, os.path.join(HERE, "compare.py"), "launch", rss_file] + cmd,
                               stdout=out, stderr=err)
    try:
        rss = int(open(rss_file).read())
    except (OSError, ValueError):
        rss = 0
    return code, rss, open(log + ".out").read()


def run_chainmap(binary, graph, repeat, log, extra=()):
    code, rss, text = measured([binary, "measure", graph, "--algorithms", "load,pagerank,wcc,scc",
                                "--repeat", str(repeat), "--iterations", str(ITERATIONS), "--format", "json"]
                               + list(extra), log)
    if code != 0:
        sys.exit(f"chainmap failed: see {log}")
    res = json.loads(text)
    out = {"threads": res["threads"], "nodes": res["nodes"], "edges": res["edges"], "rss": rss}
    for name, a in res["algorithms"].items():
        out[name] = a["seconds"]
        if name in ("wcc", "scc"):
            out[name + "_count"] = int(a["count"])
            out[name + "_largest"] = int(a["largest"])
    return out


def run_gapbs(directory, graph, repeat, log):
    el = os.path.join(DATA, os.path.splitext(os.path.basename(graph))[0] + ".el")
    if not os.path.exists(el):
        os.symlink(os.path.abspath(graph), el)
    out = {"threads": int(os.environ.get("OMP_NUM_THREADS", "2")), "rss": 0}
    for kernel, cmd in (("pagerank", ["pr_spmv", "-i", str(ITERATIONS), "-t", "0"]), ("wcc", ["cc"])):
        code, rss, text = measured([os.path.join(directory, cmd[0]), "-f", el, "-n", str(repeat)] + cmd[1:],
                                   f"{log}-{cmd[0]}")
        if code != 0:
            sys.exit(f"gapbs {cmd[0]} failed: see {log}-{cmd[0]}")
        trials = [float(x) for x in re.findall(r"Trial Time:\s+([0-9.]+)", text)]
        out[kernel] = min(trials)
        read = re.search(r"Read Time:\s+([0-9.]+)", text)
        build = re.search(r"Build Time:\s+([0-9.]+)", text)
        if read and build:
            out["load"] = min(out.get("load", 1e30), float(read.group(1)) + float(build.group(1)))
        m = re.search(r"Graph has (\d+) nodes and (\d+) directed edges", text)
        if m:
            out["nodes"], out["edges"] = int(m.group(1)), int(m.group(2))
        out["rss"] = max(out["rss"], rss)
    return out


def run_peer(lib, graph, repeat, log):
    result = os.path.join(DATA, f"kernels-{lib}.json")
    code, rss, _ = measured([sys.executable, os.path.abspath(__file__), "worker", lib, graph, result, str(repeat)], log)
    if code != 0:
        sys.exit(f"{lib} failed: see {log}")
    out = json.load(open(result))
    out["rss"] = rss
    return out


def ensure_rmat(scale, factor, seed):
    binary = os.path.join(DATA, "rmat")
    source = os.path.join(HERE, "rmat.c")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        subprocess.check_call([os.environ.get("CC", "cc"), "-O2", "-o", binary, source])
    path = os.path.join(DATA, f"rmat-s{scale}-ef{factor}-seed{seed}.txt")
    if not os.path.exists(path):
        print(f"generating R-MAT scale {scale}, edge factor {factor}, seed {seed} …", flush=True)
        with open(path + ".tmp", "w") as f:
            subprocess.check_call([binary, str(scale), str(factor), str(seed)], stdout=f)
        os.replace(path + ".tmp", path)
    return path


def loadavg():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        lib, graph, result, repeat = sys.argv[2:6]
        json.dump(WORKERS[lib](graph, int(repeat)), open(result, "w"))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chainmap", required=True)
    ap.add_argument("--rmat", type=int, help="R-MAT scale (2^SCALE vertices drawn)")
    ap.add_argument("--edge-factor", type=int, default=16)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--graph", help="an edge list (labels 0..n-1, no duplicates) instead of R-MAT")
    ap.add_argument("--gapbs", help="a GAPBS directory built with make (pr_spmv, cc)")
    ap.add_argument("--libraries", default="networkit,igraph,rustworkx")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each kernel inside a process (best kept)")
    ap.add_argument("--chainmap-float", action="store_true",
                    help="also run chainmap with --float-contributions (row chainmap-float)")
    args = ap.parse_args()
    os.makedirs(DATA, exist_ok=True)
    if not args.graph and args.rmat is None:
        ap.error("give --rmat SCALE or --graph FILE")
    graph = args.graph or ensure_rmat(args.rmat, args.edge_factor, args.seed)
    # OpenMP code (GAPBS, NetworKit) spin-waits by default, which makes it several times
    # slower on a busy machine; every contender runs with passive waiting.
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    contenders = ["chainmap"] + (["chainmap-float"] if args.chainmap_float else [])
    notes = []
    if args.gapbs:
        if all(os.access(os.path.join(args.gapbs, b), os.X_OK) for b in ("pr_spmv", "cc")):
            contenders.append("gapbs")
            os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 2))
        else:
            print(f"note: no GAPBS build in {args.gapbs} (pr_spmv, cc): GAPBS skipped; build it with make", flush=True)
    else:
        notes.append("GAPBS skipped: no --gapbs DIR given")
    contenders += [x for x in args.libraries.split(",") if x]

    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rounds, code = [], 0
    for r in range(args.rounds):
        row = {}
        for c in contenders:
            before = loadavg()
            log = os.path.join(DATA, f"kernels-{c}.log")
            start = time.perf_counter()
            if c == "chainmap":
                res = run_chainmap(args.chainmap, graph, args.repeat, log)
            elif c == "chainmap-float":
                res = run_chainmap(args.chainmap, graph, args.repeat, log, ["--float-contributions"])
            elif c == "gapbs":
                res = run_gapbs(args.gapbs, graph, args.repeat, log)
            else:
                res = run_peer(c, graph, args.repeat, log)
            res["loadavg"] = before
            row[c] = res
            print(f"round {r + 1}: {c:<10} " + "  ".join(f"{k} {res[k]:.4f}" for k in KERNELS if k in res)
                  + f"  peak {res['rss'] / 1048576:.0f} MiB  ({time.perf_counter() - start:.0f} s, load {before})",
                  flush=True)
        rounds.append(row)
        code = report(args, graph, contenders, notes, started, rounds)
    return code


def report(args, graph, contenders, notes, started, rounds):
    """Prints and saves the table over the rounds done so far (called after every round, so
    an interrupted run still leaves its figures in data/last-kernels-*.txt)."""
    edges = rounds[0]["chainmap"]["edges"]
    nodes = rounds[0]["chainmap"]["nodes"]
    agreement = []
    for c in contenders[1:]:
        for k in ("wcc", "scc"):
            if f"{k}_count" in rounds[0][c]:
                mine = (rounds[0]["chainmap"][f"{k}_count"], rounds[0]["chainmap"][f"{k}_largest"])
                theirs = (rounds[0][c][f"{k}_count"], rounds[0][c][f"{k}_largest"])
                agreement.append(f"{'agree' if mine == theirs else 'DISAGREE'}: {k} {c} {theirs[0]} components, "
                                 f"largest {theirs[1]}; chainmap {mine[0]}, {mine[1]}")
        if rounds[0][c].get("edges") not in (None, edges):
            agreement.append(f"DISAGREE: {c} sees {rounds[0][c]['edges']} edges, chainmap {edges}")

    def series(c, k):
        return [row[c][k] for row in rounds if k in row[c]]

    head = ["contender", "threads"] + [f"{k} s min/med" for k in KERNELS] + ["peak MiB", "B/edge"]
    table = [head]
    for c in contenders:
        cells = [c + (" " + rounds[0][c]["version"] if "version" in rounds[0][c] else ""), str(rounds[0][c].get("threads", ""))]
        for k in KERNELS:
            s = series(c, k)
            cells.append(f"{min(s):.4f}/{statistics.median(s):.4f}" if s else "—")
        peak = min(series(c, "rss"))
        cells += [f"{peak / 1048576:.0f}", f"{peak / edges:.1f}"]
        table.append(cells)
    mine = [c for c in contenders if c.startswith("chainmap")]
    for m in mine:
        for c in contenders:
            if c in mine:
                continue
            cells = [f"{m} ÷ {c}", ""]
            for k in KERNELS:
                a, b = series(m, k), series(c, k)
                cells.append(f"{min(a) / min(b):.2f}/{statistics.median(a) / statistics.median(b):.2f}" if a and b else "—")
            cells += [f"{min(series(m, 'rss')) / min(series(c, 'rss')):.2f}", ""]
            table.append(cells)
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    lines = []
    for i, r in enumerate(table):
        lines.append("  ".join(x.ljust(widths[j]) if j == 0 else x.rjust(widths[j]) for j, x in enumerate(r)))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    desc = (f"R-MAT scale {args.rmat}, edge factor {args.edge_factor}, seed {args.seed} (a=.57 b=.19 c=.19, permuted ids, "
            "self-loops and duplicates dropped)") if not args.graph else args.graph
    lines_out = [f"ChainMap kernels vs GAPBS and peers — {started}",
              f"graph: {os.path.basename(graph)} — {nodes} nodes, {edges} edges, directed; {desc}",
              f"machine: {os.cpu_count()} cores; {len(rounds)} of {args.rounds} alternating rounds, best of {args.repeat} per process",
              "load averages before each run (1/5/15 min):"]
    for i, row in enumerate(rounds):
        lines_out.append(f"  round {i + 1}: " + "; ".join(f"{c} {row[c]['loadavg']}" for c in contenders))
    lines_out += [""] + lines + [""]
    lines_out += ["- pagerank: 20 pull iterations. chainmap: Double scores, dangling mass redistributed (chainmap-float: "
               "the same with Float contributions gathered, Double sums and scores); gapbs pr_spmv: "
               "float scores, no dangling handling (-i 20 -t 0); networkit: tol 0, maxIterations 20, sinks distributed, "
               "L1; rustworkx: max_iter 20, tol 0 (FailedToConverge caught); igraph: PRPACK to convergence (no "
               "iteration count).",
               "- wcc: gapbs cc is Afforest; scc: gapbs has none. load: gapbs Read+Build time of the text .el.",
               "- peak MiB / B/edge: ru_maxrss of the process (load + all its kernels), min over rounds, per edge.",
               "- OMP_WAIT_POLICY=passive for every contender (OpenMP spin-waiting distorts a busy machine); gapbs "
               "with OMP_NUM_THREADS = cores, one process for pr_spmv and one for cc (peak: the larger)."]
    lines_out += ["- " + n for n in notes]
    lines_out += ["", "agreement:"] + ["  " + a for a in agreement]
    text = "\n".join(lines_out) + "\n"
    print()
    print(text)
    name = os.path.splitext(os.path.basename(graph))[0]
    with open(os.path.join(DATA, f"last-kernels-{name}.txt"), "w") as f:
        f.write(text)
    json.dump(rounds, open(os.path.join(DATA, f"last-kernels-{name}.json"), "w"), indent=1)
    return 1 if any(a.startswith("DISAGREE") for a in agreement) else 0


if __name__ == "__main__":
    sys.exit(main())
