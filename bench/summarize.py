#!/usr/bin/env python3
"""Markdown tables of varied-URL runs (the .json files bench.py writes next to --out), for bench/README.md.

usage: summarize.py results/varied-h2-10k.json results/varied-h2-100k.json ...
Prints, per file, one table with and without the writer, then, per database, p50 across the sizes.
"""
import json, os, re, sys

LABELS = {
    "search": "search ?q", "deep": "list, deep page", "topic": "list ?topic&page", "outlet": "list ?outlet&page",
    "dates": "list ?from&to (30 days)", "updated": "list ?updatedSince", "feed": "feed ?topic&outlet",
    "byid": "article by id", "mix": "mix",
}
TARGET = {"search": (1000, 100)}
for k in ("deep", "topic", "outlet", "dates", "updated", "feed"):
    TARGET[k] = (2000, 100)


def fmt(v, n=1):
    return "—" if v is None else f"{v:,.{n}f}"


def main():
    runs = []
    for path in sys.argv[1:]:
        m = re.search(r"varied-(h2|pg)-(\w+)\.json$", path)
        with open(path) as f:
            runs.append((m.group(1), m.group(2), json.load(f)))
    for db, size, d in runs:
        res = d["results"]
        f = d["facts"]
        ib = f.get("index_build")
        print(f"#### {size} on {'PostgreSQL' if db == 'pg' else 'H2'}\n")
        print(f"Load average before {' '.join(f['uptime_before'])}, after {' '.join(f.get('uptime_after', []))}; "
              f"start-up to ready {f['startup_s']:.1f} s, of which the index build {fmt(ib and ib[1])} s; "
              f"RSS {f['rss_idle_mb']:.0f} MB idle, {f['rss_after_mb']:.0f} MB after (peak {f['rss_peak_mb']:.0f} MB).\n")
        print("| class | req/s | p50 ms | p99 ms | cache hits | CPU ms/req service / db | cores others | target | with writer: req/s | p50 ms | p99 ms | CPU ms/req | writes |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        for k, label in LABELS.items():
            r = res.get(f"{k}|32|reads")
            if not r:
                continue
            w = res.get(f"{k}|32|writer") or {}
            t = TARGET.get(k)
            met = "—" if not t else ("met" if r["rps"] >= t[0] and (r["p99"] or 1e9) < t[1] else "not met")
            if t and r.get("hits", 0) > 0.1 * (r.get("hits", 0) + r.get("misses", 0)):
                met += " (cache hits)"
            cpu = f"{fmt(r.get('cpu_ms_per_req'), 2)} / {fmt(r.get('db_cpu_ms_per_req'), 2) if db == 'pg' else '—'}"
            errs = f" ({r['errors']} errors)" if r["errors"] else ""
            wr = w.get("writer") or {}
            hits = r.get("hits", 0) / max(1, r.get("hits", 0) + r.get("misses", 0)) * 100
            print(f"| {label} | {fmt(r['rps'])}{errs} | {fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | {hits:.0f} % | {cpu} | "
                  f"{r.get('cores_others', 0):.2f} | {met} | {fmt(w.get('rps'))} | {fmt(w.get('p50'), 2)} | {fmt(w.get('p99'), 2)} | "
                  f"{fmt(w.get('cpu_ms_per_req'), 2)} | {wr.get('writes', '—')} |")
        print()
    print("#### Data, start-up and memory\n")
    print("| database, size | generate CSV s | schema (one start) s | bulk load s | database MB | start-up to ready s | "
          "index build (log) s | busy after ready s | RSS idle / after / peak MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for db, size, d in runs:
        f = d["facts"]
        ib = f.get("index_build")
        gen = "reused" if f["generate_s"] < 0.5 else f"{f['generate_s']:.1f}"
        busy = f.get("busy_after_ready_s")
        print(f"| {'PostgreSQL' if db == 'pg' else 'H2'}, {size} | {gen} | {f['schema_s']:.1f} | {f['load_s']:.1f} | "
              f"{f['db_mb']:,.0f} | {f['startup_s']:.1f} | {fmt(ib and ib[1])} | {fmt(busy) if busy is not None else 'not measured'} | "
              f"{f['rss_idle_mb']:.0f} / {f['rss_after_mb']:.0f} / {f['rss_peak_mb']:.0f} |")
    print()
    by_db = {}
    for db, size, d in runs:
        by_db.setdefault(db, []).append((size, d))
    # The writer pass runs second on the same start, so its JIT is warmer: both passes are shown.
    for db, sized in by_db.items():
        for run, title in (("reads", "no writes, first pass"), ("writer", "one write a second, second pass")):
            print(f"#### p50 across sizes, {'PostgreSQL' if db == 'pg' else 'H2'} ({title})\n")
            print("| class | " + " | ".join(s for s, _ in sized) + " | last ÷ first |")
            print("| --- | " + " | ".join("---:" for _ in sized) + " | ---: |")
            for k, label in LABELS.items():
                vals = [d["results"].get(f"{k}|32|{run}", {}).get("p50") for _, d in sized]
                ratio = f"{vals[-1] / vals[0]:.2f}×" if vals and vals[0] and vals[-1] else "—"
                print(f"| {label} | " + " | ".join(fmt(v, 2) for v in vals) + f" | {ratio} |")
            print()


if __name__ == "__main__":
    main()
