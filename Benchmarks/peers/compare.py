#!/usr/bin/env python3
"""ChainMap side by side with igraph, NetworKit, NetworkX and rustworkx (run through compare.sh).

Every library runs in its own subprocess, so its peak memory (ru_maxrss, read with wait4)
is its own. Each algorithm is timed in-process with a monotonic clock, best of --repeat
runs (a run longer than 10 s is not repeated). Results are checked for agreement; the
script exits 1 when they disagree.

    compare.py [--graph FILE] [--nodes 100000 --edges 1000000 --seed 42] [--sources 100]
               [--nx-sources 100] [--repeat 3] [--chainmap PATH]
    compare.py worker LIBRARY GRAPH SOURCES OUTPUT.json REPEAT   (internal)
"""
import argparse
import datetime
import json
import math
import os
import platform
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
REPO = os.path.dirname(os.path.dirname(HERE))
ALGOS = ["load", "pagerank", "wcc", "scc", "betweenness"]
DAMPING = 0.85
FIXED_ITERATIONS = 20
CONVERGED_L1 = 1e-12          # L1 change at which the converged PageRank runs stop
SLOW = 10.0                   # seconds: a run this long is not repeated


# ---------------------------------------------------------------- timing helpers

def best_of(repeat, fn, prepare=None):
    """Runs fn() up to `repeat` times (once if a run takes more than SLOW seconds); returns
    (best seconds, all runs, last result). `prepare` (untimed) gives fn its argument."""
    runs, result = [], None
    for _ in range(repeat):
        arg = prepare() if prepare else None
        result = None
        start = time.perf_counter()
        result = fn(arg) if prepare else fn()
        runs.append(time.perf_counter() - start)
        if runs[-1] > SLOW:
            break
    return min(runs), runs, result


def read_sources(path):
    with open(path) as f:
        return [int(line) for line in f if line.strip() and not line.startswith("#")]


def top_of(scores_by_label, k=20):
    """scores_by_label: dict label -> score. Top k (label, score), ties by label."""
    return sorted(scores_by_label.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def write_scores(path, column, scores_by_label):
    with open(path, "w") as f:
        f.write(f"# id\t{column}\n")
        for label in sorted(scores_by_label):
            f.write(f"{label}\t{scores_by_label[label]!r}\n")


# ---------------------------------------------------------------- workers (one per library)

def worker_igraph(graph, sources, repeat, out):
    import igraph
    res = {"library": "igraph", "version": igraph.__version__, "threads": 1, "notes": []}

    def load():
        return igraph.Graph.Read_Edgelist(graph, directed=True)

    t, runs, g = best_of(repeat, load)
    res["load"] = {"seconds": t, "runs": runs}
    res["nodes"], res["edges"] = g.vcount(), g.ecount()
    # igraph caches structural properties (e.g. connectedness) on the graph: every timed
    # call below gets a freshly loaded graph (untimed) so no run profits from an earlier one.
    fresh = load

    t, runs, pr = best_of(repeat, lambda h: h.pagerank(damping=DAMPING, directed=True), fresh)
    res["pagerank"] = {"seconds": t, "runs": runs,
                       "summary": "PRPACK solver (to convergence; no iteration count)"}
    scores = {v: pr[v] for v in range(len(pr))}
    write_scores(os.path.join(DATA, "igraph-pagerank-converged.tsv"), "pagerank", scores)
    res["pagerank_converged_file"] = "igraph-pagerank-converged.tsv"

    for name, mode in (("wcc", "weak"), ("scc", "strong")):
        t, runs, cc = best_of(repeat, lambda h: h.connected_components(mode=mode), fresh)
        sizes = cc.sizes()
        res[name] = {"seconds": t, "runs": runs, "count": len(sizes), "largest": max(sizes)}

    t, runs, bc = best_of(repeat, lambda h: h.betweenness(directed=True, sources=sources), fresh)
    res["betweenness"] = {"seconds": t, "runs": runs, "sources": len(sources),
                          "summary": f"betweenness(sources=<{len(sources)}>, directed=True)"}
    write_scores(os.path.join(DATA, "igraph-betweenness.tsv"), "betweenness", {v: bc[v] for v in range(len(bc))})
    res["betweenness_file"] = "igraph-betweenness.tsv"
    json.dump(res, open(out, "w"), indent=1)


def worker_networkit(graph, sources, repeat, out):
    import networkit as nk
    res = {"library": "networkit", "version": nk.__version__, "threads": nk.getMaxNumberOfThreads(), "notes": []}
    t, runs, g = best_of(repeat, lambda: nk.graphio.EdgeListReader(" ", 0, directed=True, continuous=True).read(graph))
    res["load"] = {"seconds": t, "runs": runs}
    res["nodes"], res["edges"] = g.numberOfNodes(), g.numberOfEdges()

    def pagerank(iterations, tol):
        sinks = nk.centrality.SinkHandling
        distribute = getattr(sinks, "DISTRIBUTE_SINKS", None) or sinks.DistributeSinks  # 11.x: DistributeSinks
        pr = nk.centrality.PageRank(g, damp=DAMPING, tol=tol, distributeSinks=distribute)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.maxIterations = iterations
        pr.run()
        return pr

    # tol 0 with maxIterations 20: exactly 20 iterations, like chainmap's fixed run.
    t, runs, pr = best_of(repeat, lambda: pagerank(FIXED_ITERATIONS, 0.0))
    res["pagerank"] = {"seconds": t, "runs": runs, "iterations": pr.numberOfIterations(),
                       "summary": f"{pr.numberOfIterations()} iterations, sinks distributed"}
    write_scores(os.path.join(DATA, "networkit-pagerank-20.tsv"), "pagerank", dict(enumerate(pr.scores())))
    res["pagerank_fixed_file"] = "networkit-pagerank-20.tsv"
    start = time.perf_counter()
    prc = pagerank(1000, CONVERGED_L1)
    res["pagerank_converged"] = {"seconds": time.perf_counter() - start, "iterations": prc.numberOfIterations()}
    write_scores(os.path.join(DATA, "networkit-pagerank-converged.tsv"), "pagerank", dict(enumerate(prc.scores())))
    res["pagerank_converged_file"] = "networkit-pagerank-converged.tsv"

    for name, cls in (("wcc", nk.components.WeaklyConnectedComponents),
                      ("scc", nk.components.StronglyConnectedComponents)):
        t, runs, cc = best_of(repeat, lambda: cls(g).run())
        sizes = list(cc.getComponentSizes().values())
        res[name] = {"seconds": t, "runs": runs, "count": cc.numberOfComponents(), "largest": max(sizes)}

    k = len(sources)
    t, runs, _ = best_of(repeat, lambda: nk.centrality.EstimateBetweenness(g, k, normalized=False, parallel=True).run())
    res["betweenness"] = {"seconds": t, "runs": runs, "sources": k,
                          "summary": f"EstimateBetweenness({k} samples, parallel): its own sources, time only"}
    json.dump(res, open(out, "w"), indent=1)


def worker_networkx(graph, sources, repeat, out):
    import networkx as nx
    res = {"library": "networkx", "version": nx.__version__, "threads": 1, "notes": []}
    t, runs, g = best_of(repeat, lambda: nx.read_edgelist(graph, create_using=nx.DiGraph, nodetype=int))
    res["load"] = {"seconds": t, "runs": runs}
    res["nodes"], res["edges"] = g.number_of_nodes(), g.number_of_edges()

    def pagerank_fixed():
        # tol=0 never converges: exactly max_iter iterations, then NetworkX raises.
        try:
            nx.pagerank(g, alpha=DAMPING, max_iter=FIXED_ITERATIONS, tol=0)
        except nx.PowerIterationFailedConvergence:
            pass

    t, runs, _ = best_of(repeat, pagerank_fixed)
    res["pagerank"] = {"seconds": t, "runs": runs,
                       "summary": f"pagerank(max_iter={FIXED_ITERATIONS}, tol=0): {FIXED_ITERATIONS} iterations, "
                                  "then PowerIterationFailedConvergence (caught)"}
    # NetworkX stops when the L1 change is < N * tol.
    start = time.perf_counter()
    prc = nx.pagerank(g, alpha=DAMPING, max_iter=1000, tol=CONVERGED_L1 / g.number_of_nodes())
    res["pagerank_converged"] = {"seconds": time.perf_counter() - start}
    write_scores(os.path.join(DATA, "networkx-pagerank-converged.tsv"), "pagerank", prc)
    res["pagerank_converged_file"] = "networkx-pagerank-converged.tsv"

    for name, fn in (("wcc", nx.weakly_connected_components), ("scc", nx.strongly_connected_components)):
        t, runs, comps = best_of(repeat, lambda: [len(c) for c in fn(g)])
        res[name] = {"seconds": t, "runs": runs, "count": len(comps), "largest": max(comps)}

    t, runs, bc = best_of(repeat, lambda: nx.betweenness_centrality_subset(g, sources, list(g), normalized=False))
    res["betweenness"] = {"seconds": t, "runs": runs, "sources": len(sources),
                          "summary": f"betweenness_centrality_subset(<{len(sources)} sources>, all targets, normalized=False)"}
    write_scores(os.path.join(DATA, "networkx-betweenness.tsv"), "betweenness", bc)
    res["betweenness_file"] = "networkx-betweenness.tsv"
    json.dump(res, open(out, "w"), indent=1)


def worker_rustworkx(graph, sources, repeat, out):
    import rustworkx as rx
    res = {"library": "rustworkx", "version": rx.__version__, "threads": 1, "notes": []}
    t, runs, g = best_of(repeat, lambda: rx.PyDiGraph.read_edge_list(graph, deliminator=" "))
    res["load"] = {"seconds": t, "runs": runs}
    res["nodes"], res["edges"] = g.num_nodes(), g.num_edges()

    def pagerank_fixed():
        # tol=0 never converges: exactly max_iter iterations, then rustworkx raises.
        try:
            rx.pagerank(g, alpha=DAMPING, max_iter=FIXED_ITERATIONS, tol=0)
        except rx.FailedToConverge:
            pass

    t, runs, _ = best_of(repeat, pagerank_fixed)
    res["pagerank"] = {"seconds": t, "runs": runs,
                       "summary": f"pagerank(max_iter={FIXED_ITERATIONS}, tol=0), FailedToConverge caught"}
    # Like NetworkX, rustworkx stops when the L1 change is < N * tol.
    start = time.perf_counter()
    prc = rx.pagerank(g, alpha=DAMPING, max_iter=1000, tol=CONVERGED_L1 / g.num_nodes())
    res["pagerank_converged"] = {"seconds": time.perf_counter() - start}
    write_scores(os.path.join(DATA, "rustworkx-pagerank-converged.tsv"), "pagerank", dict(prc.items()))
    res["pagerank_converged_file"] = "rustworkx-pagerank-converged.tsv"

    for name, fn in (("wcc", rx.weakly_connected_components), ("scc", rx.strongly_connected_components)):
        t, runs, comps = best_of(repeat, lambda: [len(c) for c in fn(g)])
        res[name] = {"seconds": t, "runs": runs, "count": len(comps), "largest": max(comps)}
    # rustworkx has no betweenness from a subset of sources: not timed.
    json.dump(res, open(out, "w"), indent=1)


WORKERS = {"igraph": worker_igraph, "networkit": worker_networkit, "networkx": worker_networkx,
           "rustworkx": worker_rustworkx}


# ---------------------------------------------------------------- orchestration

def launch(rss_file, cmd):
    """`compare.py launch RSS_FILE CMD...`: runs CMD and writes its own peak RSS in bytes.

    Linux carries the memory high-water mark of a process image over exec (and a fork
    copies the parent's resident pages), so a child forked straight from this script would
    report at least this script's own size (over 100 MiB once it holds the results). This
    small launcher process forks the measured command instead."""
    p = subprocess.Popen(cmd)
    _, status, usage = os.wait4(p.pid, 0)
    with open(rss_file, "w") as f:
        f.write(str(usage.ru_maxrss * 1024))  # ru_maxrss is in KiB on Linux
    return os.waitstatus_to_exitcode(status)


def run_measured(cmd, log, stdout=None):
    """Runs cmd through the launcher; returns (exit status, peak RSS bytes of cmd, wall seconds).
    Standard output goes to `stdout` (a path) or the log, standard error to the log."""
    start = time.perf_counter()
    rss_file = log + ".rss"
    with open(log, "w") as err, open(stdout or log + ".out", "w") as out:
        code = subprocess.call([sys.executable, os.path.abspath(__file__), "launch", rss_file] + cmd,
                               stdout=out, stderr=err)
    try:
        rss = int(open(rss_file).read())
    except (OSError, ValueError):
        rss = 0
    return code, rss, time.perf_counter() - start


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1048576:.1f} GiB"
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "python": platform.python_version(),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def generate(nodes, edges, seed):
    path = os.path.join(DATA, f"gnm-n{nodes}-m{edges}-s{seed}.txt")
    if os.path.exists(path):
        return path
    import networkx as nx
    print(f"generating directed G(n={nodes}, m={edges}) with seed {seed} …", flush=True)
    g = nx.gnm_random_graph(nodes, edges, seed=seed, directed=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.writelines(f"{u} {v}\n" for u, v in g.edges())
    os.replace(tmp, path)
    return path


def normalize(path):
    """All libraries must see the same graph: integer labels 0..n-1 all used (igraph and
    NetworKit create every id up to the largest), no parallel edges (NetworkX's DiGraph
    merges them). Returns the path of a cleaned copy when needed, and notes."""
    seen, edges, labels, dup = set(), [], {}, 0
    relabel = False
    with open(path) as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if len(parts) < 2:
                continue
            u, v = parts[0], parts[1]
            for x in (u, v):
                if x not in labels:
                    labels[x] = len(labels)
            e = (labels[u], labels[v])
            if e in seen:
                dup += 1
                continue
            seen.add(e)
            edges.append(e)
    try:
        relabel = sorted(int(x) for x in labels) != list(range(len(labels)))
    except ValueError:
        relabel = True
    if not relabel and dup == 0:
        return path, []
    notes = []
    if relabel:
        notes.append("labels were not the integers 0..n-1: relabelled in order of first appearance")
    if dup:
        notes.append(f"{dup} parallel edges dropped (NetworkX's DiGraph would merge them)")
    if not relabel:
        inverse = {i: int(x) for x, i in labels.items()}
        edges = [(inverse[u], inverse[v]) for u, v in edges]
    out = os.path.join(DATA, os.path.basename(path) + ".clean.txt")
    with open(out, "w") as f:
        f.writelines(f"{u} {v}\n" for u, v in edges)
    return out, notes


def read_tsv(path, column):
    result = {}
    with open(path) as f:
        header = f.readline().lstrip("#").split()
        idx = header.index(column)
        for line in f:
            parts = line.split("\t")
            result[int(parts[0])] = float(parts[idx])
    return result


def compare_vectors(name, ref, other, l1_tol, rel_tol=None, k=20):
    """Agreement of two score dicts: same node set, L1 (or per-node relative) difference,
    top-k in the same order (a swap only between scores equal within the tolerance)."""
    if set(ref) != set(other):
        return False, f"{name}: node sets differ ({len(ref)} vs {len(other)})"
    l1 = sum(abs(ref[v] - other[v]) for v in ref)
    worst_rel = max((abs(ref[v] - other[v]) / max(abs(ref[v]), abs(other[v]), 1e-300)
                     for v in ref if ref[v] != other[v]), default=0.0)
    ok = l1 <= l1_tol if rel_tol is None else worst_rel <= rel_tol
    ta, tb = top_of(ref, k), top_of(other, k)
    same_top = all(a[0] == b[0] or abs(ref[a[0]] - ref[b[0]]) <= (l1_tol if rel_tol is None else rel_tol * abs(a[1]))
                   for a, b in zip(ta, tb))
    ok = ok and same_top
    detail = f"L1 diff {l1:.3g}, worst relative diff {worst_rel:.3g}, top-{k} {'same' if same_top else 'DIFFERENT'}"
    return ok, f"{name}: {'agree' if ok else 'DISAGREE'} ({detail})"


def fmt_time(x, approx=False):
    if x is None:
        return "—"
    s = f"{x:.4f}" if x < 1 else f"{x:.3f}" if x < 10 else f"{x:.1f}"
    return ("~" if approx else "") + s


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "launch":
        return launch(sys.argv[2], sys.argv[3:])
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        lib, graph, sources_path, out, repeat = sys.argv[2:7]
        WORKERS[lib](graph, read_sources(sources_path), int(repeat), out)
        return 0

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", help="edge list to use instead of the generated G(n, m)")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--sources", type=int, default=100, help="betweenness source count")
    ap.add_argument("--nx-sources", type=int, default=None,
                    help="NetworkX betweenness from only the first K sources, time scaled to --sources")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chainmap", default=os.path.join(REPO, ".build", "release", "chainmap"))
    ap.add_argument("--libraries", default="igraph,networkit,networkx,rustworkx")
    args = ap.parse_args()
    os.makedirs(DATA, exist_ok=True)

    info = machine()
    graph = args.graph or generate(args.nodes, args.edges, args.seed)
    graph, graph_notes = normalize(graph)
    labels = set()
    edge_count = 0
    with open(graph) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                labels.add(int(parts[0])); labels.add(int(parts[1]))
                edge_count += 1
    nodes = sorted(labels)
    k = min(args.sources, len(nodes))
    sources = sorted(random.Random(42).sample(nodes, k))
    src_path = os.path.join(DATA, f"sources-{k}.txt")
    with open(src_path, "w") as f:
        f.writelines(f"{s}\n" for s in sources)
    kx = min(args.nx_sources or k, k)
    src_nx_path = src_path
    if kx < k:
        src_nx_path = os.path.join(DATA, f"sources-{kx}.txt")
        with open(src_nx_path, "w") as f:
            f.writelines(f"{s}\n" for s in sources[:kx])

    print(f"graph {graph}: {len(nodes)} nodes, {edge_count} edges; {k} betweenness sources "
          f"(random.Random(42).sample) in {src_path}", flush=True)
    for n in graph_notes:
        print("note:", n)
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['memory']}; load average {info['loadavg']}", flush=True)

    results, rss, failures = {}, {}, []

    # ChainMap: the timing run, a single-thread run, and a converged PageRank run.
    for key, extra in (("chainmap", []), ("chainmap-1t", ["--threads", "1"])):
        out = os.path.join(DATA, f"{key}.json")
        cmd = [args.chainmap, "measure", graph, "--sources", src_path, "--repeat", str(args.repeat),
               "--iterations", str(FIXED_ITERATIONS), "--format", "json"] + extra
        if key == "chainmap":
            cmd += ["--scores-out", os.path.join(DATA, "chainmap-scores.tsv")]
        print(f"running {key} …", flush=True)
        code, peak, wall = run_measured(cmd, os.path.join(DATA, f"{key}.log"), stdout=out)
        if code != 0:
            print(open(os.path.join(DATA, f"{key}.log")).read()[-3000:])
            sys.exit(f"{key} failed")
        results[key] = json.load(open(out))
        rss[key] = peak
        print(f"  {wall:.1f} s", flush=True)
    conv_out = os.path.join(DATA, "chainmap-pagerank-converged.tsv")
    code, _, _ = run_measured([args.chainmap, "measure", graph, "--algorithms", "pagerank", "--repeat", "1",
                               "--tolerance", str(CONVERGED_L1), "--scores-out", conv_out, "--format", "json"],
                              os.path.join(DATA, "chainmap-converged.log"))
    if code != 0:
        sys.exit("chainmap converged PageRank failed")
    if kx < k:
        code, _, _ = run_measured([args.chainmap, "measure", graph, "--algorithms", "betweenness", "--repeat", "1",
                                   "--sources", src_nx_path, "--scores-out", os.path.join(DATA, f"chainmap-betweenness-{kx}.tsv"),
                                   "--format", "json"], os.path.join(DATA, "chainmap-betweenness-nx.log"))
        if code != 0:
            sys.exit("chainmap betweenness on the NetworkX sources failed")

    libs = [x for x in args.libraries.split(",") if x]
    for lib in libs:
        out = os.path.join(DATA, f"{lib}.json")
        srcs = src_nx_path if lib == "networkx" else src_path
        print(f"running {lib} …", flush=True)
        code, peak, wall = run_measured([sys.executable, os.path.abspath(__file__), "worker", lib, graph, srcs, out,
                                         str(args.repeat)], os.path.join(DATA, f"{lib}.log"))
        if code != 0:
            print(open(os.path.join(DATA, f"{lib}.log")).read()[-3000:])
            sys.exit(f"{lib} worker failed")
        results[lib] = json.load(open(out))
        rss[lib] = peak
        print(f"  {wall:.1f} s", flush=True)

    # ------------------------------------------------------------ agreement
    agreement = []
    cm = results["chainmap"]["algorithms"]
    cm_nodes = results["chainmap"]["nodes"]
    for lib in libs:
        if results[lib]["nodes"] != cm_nodes or results[lib]["edges"] != results["chainmap"]["edges"]:
            failures.append(f"{lib}: graph size {results[lib]['nodes']} nodes, {results[lib]['edges']} edges "
                            f"vs chainmap {cm_nodes}, {results['chainmap']['edges']}")
    for name in ("wcc", "scc"):
        ref = (int(cm[name]["count"]), int(cm[name]["largest"]))
        for lib in libs:
            got = (results[lib][name]["count"], results[lib][name]["largest"])
            line = f"{name}: {lib} {got[0]} components, largest {got[1]}; chainmap {ref[0]}, {ref[1]}"
            agreement.append(("agree: " if got == ref else "DISAGREE: ") + line)
            if got != ref:
                failures.append(line)

    cm_scores = os.path.join(DATA, "chainmap-scores.tsv")
    # PageRank after 20 iterations: NetworKit runs the same iteration (sinks distributed).
    if "networkit" in libs:
        ok, line = compare_vectors(f"PageRank, {FIXED_ITERATIONS} iterations, chainmap vs networkit",
                                   read_tsv(cm_scores, "pagerank"),
                                   read_tsv(os.path.join(DATA, results["networkit"]["pagerank_fixed_file"]), "pagerank"),
                                   l1_tol=1e-12)
        agreement.append(line)
        if not ok:
            failures.append(line)
    # PageRank at convergence: all libraries.
    cm_conv = read_tsv(conv_out, "pagerank")
    for lib in libs:
        ok, line = compare_vectors(f"PageRank converged, chainmap vs {lib}", cm_conv,
                                   read_tsv(os.path.join(DATA, results[lib]["pagerank_converged_file"]), "pagerank"),
                                   l1_tol=1e-9)
        agreement.append(line)
        if not ok:
            failures.append(line)
    # Betweenness raw sums from the same sources.
    cm_bc = read_tsv(cm_scores, "betweenness")
    for lib in libs:
        if "betweenness_file" not in results[lib]:
            continue
        ref = cm_bc
        label = f"betweenness from {k} sources, chainmap vs {lib}"
        if lib == "networkx" and kx < k:
            ref = read_tsv(os.path.join(DATA, f"chainmap-betweenness-{kx}.tsv"), "betweenness")
            label = f"betweenness from {kx} sources, chainmap vs networkx"
        ok, line = compare_vectors(label, ref, read_tsv(os.path.join(DATA, results[lib]["betweenness_file"]), "betweenness"),
                                   l1_tol=math.inf, rel_tol=1e-9)
        agreement.append(line)
        if not ok:
            failures.append(line)

    # ------------------------------------------------------------ table
    def seconds(key, algo):
        if key.startswith("chainmap"):
            return results[key]["algorithms"][algo]["seconds"]
        return results[key][algo]["seconds"] if algo in results[key] else None

    nx_scale = k / kx if kx < k else 1.0
    rows = ["chainmap", "chainmap-1t"] + libs
    threads = {"chainmap": results["chainmap"]["threads"], "chainmap-1t": 1}
    for lib in libs:
        threads[lib] = results[lib]["threads"]
    times = {key: {a: seconds(key, a) for a in ALGOS} for key in rows}
    if "networkx" in times and times["networkx"]["betweenness"] is not None:
        times["networkx"]["betweenness"] *= nx_scale
    head = ["library", "threads", "load s", f"pagerank s", "wcc s", "scc s", f"betw-{k} s", "peak RSS MiB"]
    table = [head]
    for key in rows:
        version = "" if key.startswith("chainmap") else " " + results[key]["version"]
        table.append([key + version, str(threads[key])]
                     + [fmt_time(times[key][a], approx=(key == "networkx" and a == "betweenness" and nx_scale != 1))
                        for a in ALGOS]
                     + [f"{rss[key] / 1048576:.0f}"])
    peers = [lib for lib in libs]
    timed = {a: [p for p in peers if times[p][a] is not None] for a in ALGOS}
    fastest = {a: min(timed[a], key=lambda p: times[p][a]) for a in ALGOS if timed[a]}
    if peers:
        table.append(["chainmap / fastest peer", ""]
                     + [f"{times['chainmap'][a] / times[fastest[a]][a]:.2f} ({fastest[a]})" if a in fastest else "—"
                        for a in ALGOS]
                     + [f"{rss['chainmap'] / min(rss[p] for p in peers):.2f}"])
    if "networkx" in libs:
        table.append(["networkx / chainmap", ""]
                     + [f"{times['networkx'][a] / times['chainmap'][a]:.0f}x" for a in ALGOS]
                     + [f"{rss['networkx'] / rss['chainmap']:.1f}x"])
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    lines = []
    for i, r in enumerate(table):
        lines.append("  ".join(c.ljust(widths[j]) if j == 0 else c.rjust(widths[j]) for j, c in enumerate(r)))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))

    notes = [
        f"times: best of {args.repeat} in-process runs (monotonic clock; a run over {SLOW:.0f} s is not repeated); "
        "peak RSS: ru_maxrss of each library's own process (wait4 in a small launcher), everything it ran included.",
        "load: read the edge list into the library's graph (chainmap: read + parse + CSR build).",
        f"pagerank: {FIXED_ITERATIONS} power iterations, damping {DAMPING} (chainmap tolerance 0; networkit "
        f"maxIterations={FIXED_ITERATIONS}, tol 0, sinks distributed; networkx max_iter={FIXED_ITERATIONS}, tol=0, "
        "PowerIterationFailedConvergence caught) — except igraph: PRPACK solves to convergence and has no "
        "iteration count, so its time is for a converged result.",
        f"betw-{k}: Brandes from the same {k} sampled sources, raw sums (chainmap betweenness(sources:scaled:false), "
        "igraph betweenness(sources=...), networkx betweenness_centrality_subset(normalized=False)); networkit: "
        f"EstimateBetweenness({k}, parallel=True), which picks its own {k} sources (same work, time only).",
    ]
    if nx_scale != 1:
        notes.append(f"networkx betweenness ran {kx} of the {k} sources; its time is scaled x{nx_scale:g} (marked ~).")
    notes.append("igraph is timed on a freshly loaded graph for every call (it caches connectivity on the graph).")
    notes += graph_notes

    bars = []
    cmt = times["chainmap"]
    for a in ALGOS:
        if a in fastest:
            f = fastest[a]
            ok = cmt[a] <= times[f][a]
            bars.append(f"{'met   ' if ok else 'MISSED'} {a}: chainmap {cmt[a]:.4f} s vs fastest peer {f} {times[f][a]:.4f} s")
        if "networkx" in libs:
            ratio = times["networkx"][a] / cmt[a]
            bars.append(f"{'met   ' if ratio >= 100 else 'MISSED'} {a}: networkx / chainmap = {ratio:.0f}x (bar 100x)")
    if "igraph" in libs:
        ok = rss["chainmap"] <= rss["igraph"]
        bars.append(f"{'met   ' if ok else 'MISSED'} memory: chainmap {rss['chainmap'] / 1048576:.0f} MiB vs igraph "
                    f"{rss['igraph'] / 1048576:.0f} MiB")

    report = [
        f"ChainMap vs peers — {info['date']}",
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['memory']}, Python {info['python']}; "
        f"load average at start {info['loadavg']}, at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"graph: {os.path.basename(graph)} — {len(nodes)} nodes, {edge_count} edges, directed"
        + ("" if args.graph else f" (networkx gnm_random_graph(n={args.nodes}, m={args.edges}, seed={args.seed}, directed=True))"),
        "",
    ] + lines + [""] + ["- " + n for n in notes] + ["", "agreement:"] + ["  " + a for a in agreement] \
      + ["", "bars:"] + ["  " + b for b in bars]
    text = "\n".join(report) + "\n"
    print()
    print(text)
    with open(os.path.join(DATA, "last-compare.txt"), "w") as f:
        f.write(text)
    json.dump({"machine": info, "times": times, "rss": rss, "agreement": agreement, "failures": failures,
               "bars": bars}, open(os.path.join(DATA, "last-compare.json"), "w"), indent=1)
    if failures:
        print("RESULTS DISAGREE:")
        for f in failures:
            print("  " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
