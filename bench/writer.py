#!/usr/bin/env python3
"""One editor write a second while a read load runs: PATCH (merge patch) of the summary of a random article.

usage: writer.py BASE_URL USER:PASSWORD ARTICLES [--seconds S] [--interval 1.0] [--seed 1]
Runs until S seconds have passed or SIGTERM/SIGINT; then prints one JSON line: writes, statuses, latency (ms).
A write starts every interval whether or not the previous one has answered.
Every write increments the content version, so every instance drops the cached lists, feeds and searches and the
cached reads that show the article (and the search index applies it), which is what a read load with a live newsroom
behind it pays.
"""
import argparse, base64, json, random, signal, sys, threading, time, urllib.error, urllib.request

stop = False


def on_signal(*_):
    global stop
    stop = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("credentials")
    ap.add_argument("articles", type=int)
    ap.add_argument("--seconds", type=float, default=3600)
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    rnd = random.Random(a.seed)
    auth = "Basic " + base64.b64encode(a.credentials.encode()).decode()
    statuses, latencies, lock = {}, [], threading.Lock()

    def write(n, article):
        body = json.dumps({"summary": f"Rewritten while readers read: write {n} at {time.time():.3f}."}).encode()
        req = urllib.request.Request(f"{a.base}/api/v1/articles/{article}", data=body, method="PATCH",
                                     headers={"Authorization": auth, "Content-Type": "application/merge-patch+json"})
        started = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status = r.status
                r.read()
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception as e:  # timeouts, refused connections
            status = type(e).__name__
        with lock:
            latencies.append((time.monotonic() - started) * 1000)
            statuses[str(status)] = statuses.get(str(status), 0) + 1

    # One write is started every interval on the clock, whether or not the previous one has answered (a slow write
    # must not lower the rate); at the end the writes still running are waited for.
    t0 = time.monotonic()
    n = 0
    started = []
    while not stop and time.monotonic() - t0 < a.seconds:
        pause = t0 + n * a.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
            if stop:
                break
        n += 1
        t = threading.Thread(target=write, args=(n, rnd.randint(1, a.articles)), daemon=True)
        t.start()
        started.append(t)
    for t in started:
        t.join(60)
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None
    print(json.dumps({"writes": len(latencies), "started": n, "seconds": round(time.monotonic() - t0, 1), "statuses": statuses,
                      "p50_ms": pick(0.5), "max_ms": round(latencies[-1], 1) if latencies else None}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
