#!/usr/bin/env python3
"""What the rate limits cost: the same classes against the same kept database, with the limits on (the default) and
off (-Ddigest.rate-limit.enabled=false), alternating arms for several rounds so that the rest of the machine weighs on
both alike. Usage: bench/overhead.py WORK_FOLDER [--rounds 3] [--duration 10] [--conns 32]
(WORK_FOLDER: kept by bench/run.sh --keep, repeated mode on H2; it holds data/ and ours-*.txt). The second class reads
the cached lists while 32 more connections send the public username with wrong passwords: with the limits on, the
reads should keep at least half of what they do alone (the first class)."""
import argparse, base64, os, statistics, sys, threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import APP_PORT, PASSWORD, App, api_token, log, wrk  # noqa: E402


ATTACKED = "list (pages 0-19), read cache, 32 clients sending wrong passwords"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--conns", type=int, default=32)
    ap.add_argument("--prewarm", type=int, default=20, help="seconds of cached reads after each start, before any class")
    a = ap.parse_args()
    base = f"http://127.0.0.1:{APP_PORT}"
    basic = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
    # The flood runs right after the reads alone, before any write: the writes leave background work (the search
    # index catching up) that would weigh on whatever class comes next.
    classes = {
        "list (pages 0-19), read cache": ("pick.lua", lambda: [os.path.join(a.work, "ours-0.txt")]),
        ATTACKED: ("pick.lua", lambda: [os.path.join(a.work, "ours-0.txt")]),
        "feed Atom (61 feeds), read cache": ("pick.lua", lambda: [os.path.join(a.work, "ours-6.txt")]),
        "article patch, API token": ("patch.lua", lambda: [token[0], "100000"]),
    }
    arms = {"limits on": [], "limits off": ["-Ddigest.rate-limit.enabled=false"]}
    results = {(arm, name): [] for arm in arms for name in classes}
    token = [None]
    for r in range(a.rounds):
        for arm, opts in arms.items():
            app = App(os.path.join(a.work, "data"), a.work, opts)
            app.start()
            try:
                token[0] = "Bearer " + api_token(base, basic)
                # A fresh JVM answers a fifth as fast as a warm one for its first ~20 s: both arms start warm.
                wrk(base + "/", a.conns, a.prewarm, "pick.lua", [os.path.join(a.work, "ours-0.txt")])
                for name, (script, args) in classes.items():
                    # The flood leaves sign-ins queued for the bcrypt slot after its clients stop, and writes leave the
                    # search index catching up: each class starts on an idle service.
                    waited = app.quiesce()
                    if waited > 1:
                        log(f"waited {waited:.1f} s for the service to finish earlier requests")
                    wrk(base + "/", a.conns, 3, script, args())  # warm-up
                    if name == ATTACKED:
                        # 32 more clients send the public username with wrong passwords while the readers read.
                        box = {}
                        wrong = "Basic " + base64.b64encode(b"editor:not-the-password").decode()
                        attacker = threading.Thread(target=lambda: box.update(
                            r=wrk(base + "/", 32, a.duration, "wrongpass.lua", [wrong])))
                        attacker.start()
                        res = wrk(base + "/", a.conns, a.duration, script, args())
                        attacker.join()
                        log(f"      attackers: {box['r']['rps']:.1f} req/s, answers {box['r'].get('statuses')}")
                    else:
                        res = wrk(base + "/", a.conns, a.duration, script, args())
                    results[(arm, name)].append(res["rps"])
                    log(f"round {r + 1} {arm:10} {name:34} {res['rps']:9.1f} req/s p99 {res['p99']} errors {res['errors']}")
            finally:
                app.stop()
    print(f"| class | limits on: req/s (rounds) | median | limits off: req/s (rounds) | median | on/off |")
    print("| --- | --- | ---: | --- | ---: | ---: |")
    for name in classes:
        on, off = results[("limits on", name)], results[("limits off", name)]
        print(f"| {name} | {', '.join(f'{x:,.0f}' for x in on)} | {statistics.median(on):,.0f} | "
              f"{', '.join(f'{x:,.0f}' for x in off)} | {statistics.median(off):,.0f} | "
              f"{ratio(statistics.median(on), statistics.median(off))} |")
    alone = next(iter(classes))
    for arm in arms:
        kept = ratio(statistics.median(results[(arm, ATTACKED)]), statistics.median(results[(arm, alone)]))
        print(f"\n{arm}: under the wrong-password flood, cached list reads kept {kept} of their throughput alone")


def ratio(part, whole):
    return f"{part / whole * 100:.0f}%" if whole else "n/a"


if __name__ == "__main__":
    main()
