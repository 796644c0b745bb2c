#!/usr/bin/env python3
"""Load benchmark of the Digest API against nginx serving the same bytes. Run through bench/run.sh."""
import argparse, base64, datetime, json, os, platform, re, shlex, shutil, signal, socket, subprocess, sys, tempfile, time
import random
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
APP_PORT, NGINX_PORT = 18080, 18081
PASSWORD = "bench-editor-password-1"
START = datetime.date(1988, 1, 2)  # same as gen.py


def log(*a):
    print("[bench]", *a, file=sys.stderr, flush=True)


def h2_jar():
    libs = os.path.join(ROOT, "target", "quarkus-app", "lib", "main")
    jars = [f for f in os.listdir(libs) if re.match(r"com\.h2database\.h2-[\d.]+\.jar", f)]
    return os.path.join(libs, jars[0])


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def http_get(url, headers=None, timeout=30):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


class App:
    def __init__(self, data_dir, workdir, extra=()):
        self.data_dir, self.workdir, self.extra = data_dir, workdir, list(extra)
        self.proc = None

    def start(self):
        cmd = ["java", f"-Ddigest.data-dir={self.data_dir}", "-Dquarkus.http.host=127.0.0.1",
               f"-Dquarkus.http.port={APP_PORT}", "-Ddigest.demo.enabled=false", *self.extra, "-jar", JAR]
        env = dict(os.environ, DIGEST_EDITOR_PASSWORD=PASSWORD)
        self.logf = open(os.path.join(self.workdir, "app.log"), "a")
        t0 = time.monotonic()
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.logf, stderr=subprocess.STDOUT, cwd=self.workdir)
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"app exited with {self.proc.returncode}; see {self.workdir}/app.log")
            try:
                if http_get(f"http://127.0.0.1:{APP_PORT}/q/health/ready", timeout=2)[0] == 200:
                    return time.monotonic() - t0
            except Exception:
                pass
            if time.monotonic() - t0 > 180:
                raise SystemExit("app not ready after 180 s")
            time.sleep(0.05)

    def rss_mb(self, field="VmRSS"):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024

    def cpu_ticks(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def quiesce(self, limit=120):
        """Waits until the service is idle (< 10% of a core over 0.5 s): requests that wrk gave up on
        (timeouts) keep running in the service and would otherwise slow the next class down."""
        t0 = time.monotonic()
        hz = os.sysconf("SC_CLK_TCK")
        while time.monotonic() - t0 < limit:
            before = self.cpu_ticks()
            time.sleep(0.5)
            if self.cpu_ticks() - before < 0.05 * hz:
                break
        return time.monotonic() - t0

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


class Nginx:
    def __init__(self, workdir, root):
        self.workdir, self.root = workdir, root
        self.conf = os.path.join(workdir, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(f"""worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types {{ application/json json; application/atom+xml atom; }}
  default_type application/octet-stream;
  client_body_temp_path {workdir}/nginx-tmp; proxy_temp_path {workdir}/nginx-tmp; fastcgi_temp_path {workdir}/nginx-tmp;
  uwsgi_temp_path {workdir}/nginx-tmp; scgi_temp_path {workdir}/nginx-tmp;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root}; }}
}}
""")
        self.proc = None

    def start(self):
        os.makedirs(os.path.join(self.workdir, "nginx-tmp"), exist_ok=True)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.proc = subprocess.Popen([nginx, "-c", self.conf, "-p", self.workdir, "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.workdir, "nginx-stderr.log"), "w"))
        for _ in range(100):
            if not port_free(NGINX_PORT):
                return
            time.sleep(0.05)
        raise SystemExit("nginx did not start; see " + self.workdir)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: master stops its workers
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    return float(m.group(1)) * UNIT[m.group(2)]


def wrk(url, conns, duration, script=None, args=(), timeout="10s"):
    threads = min(2, conns)
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}s", "--latency", f"--timeout={timeout}"]
    if script:
        cmd += ["-s", os.path.join(BENCH, "lua", script)]
    cmd.append(url)
    if args:
        cmd += ["--", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, BENCH_LUA=os.path.join(BENCH, "lua")))
    text = out.stdout + out.stderr
    r = {"raw": text}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    r["rps"] = float(m.group(1)) if m else 0.0
    for p in ("50", "99"):
        m = re.search(rf"^\s+{p}(?:\.000)?%\s+(\S+)", text, re.M)
        r["p" + p] = to_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in", text)
    r["requests"] = int(m.group(1)) if m else 0
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
    r["errors"] = errors
    statuses = {}
    for code, n in re.findall(r"^status (\d+): (\d+)$", text, re.M):
        statuses[code] = statuses.get(code, 0) + int(n)
    r["statuses"] = statuses
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    ap.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per class (ours only)")
    ap.add_argument("--conns", default="1,32")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (data, logs)")
    ap.add_argument("--out", help="also write the markdown report to this file")
    ap.add_argument("--java-opts", default="",
                    help="JVM options and -D settings for the service, e.g. '-Xmx160m -Ddigest.read-cache.enabled=false'")
    ap.add_argument("--load-only", action="store_true",
                    help="generate and load the data, keep the folder and stop (no app run, no wrk, no nginx)")
    a = ap.parse_args()
    if a.load_only:
        a.keep = True
    conns = [int(c) for c in a.conns.split(",")]
    for p in (APP_PORT, NGINX_PORT):
        if not port_free(p):
            raise SystemExit(f"port {p} is busy")
    load_before = os.getloadavg()[0]
    work = tempfile.mkdtemp(prefix="digest-bench-")
    os.chmod(work, 0o755)
    log("work folder", work)
    data, csvs, root = os.path.join(work, "data"), os.path.join(work, "csv"), os.path.join(work, "www")
    os.makedirs(data); os.makedirs(root)
    os.chmod(root, 0o755)
    app = App(data, work, shlex.split(a.java_opts))
    nginx = Nginx(work, root)
    facts = {}
    try:
        # ---- data: generate, schema through Flyway, bulk load with H2's RunScript
        t0 = time.monotonic()
        subprocess.run([sys.executable, os.path.join(BENCH, "gen.py"), csvs, "--articles", str(a.articles),
                        "--seed", str(a.seed)], check=True, stdout=sys.stderr)
        facts["generate_s"] = time.monotonic() - t0
        t1 = time.monotonic()
        app.start(); app.stop()
        facts["schema_s"] = time.monotonic() - t1
        t2 = time.monotonic()
        n_issues = (a.articles + 49) // 50
        seq = lambda n: str(n + 100)
        with open(os.path.join(BENCH, "load.sql")) as f:
            sql = (f.read().replace("${DIR}", csvs).replace("${OUTLET_SEQ}", seq(300)).replace("${TOPIC_SEQ}", seq(60))
                   .replace("${ISSUE_SEQ}", seq(n_issues)).replace("${ARTICLE_SEQ}", seq(a.articles)))
        script = os.path.join(work, "load.sql")
        with open(script, "w") as f:
            f.write(sql)
        url = f"jdbc:h2:file:{data}/digest"
        subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.RunScript", "-url", url, "-user", "digest",
                        "-password", "digest", "-script", script], check=True)
        # SHUTDOWN COMPACT rewrites the file (690 MB -> 78 MB at 100k); H2 reports the closed database as an error.
        subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.Shell", "-url", url, "-user", "digest",
                        "-password", "digest", "-sql", "SHUTDOWN COMPACT"], capture_output=True)
        facts["load_s"] = time.monotonic() - t2
        facts["data_total_s"] = time.monotonic() - t0
        facts["db_mb"] = os.path.getsize(os.path.join(data, "digest.mv.db")) / 1e6
        shutil.rmtree(csvs)
        log("data ready: %.1f s (generate %.1f, schema %.1f, load %.1f)" % (
            facts["data_total_s"], facts["generate_s"], facts["schema_s"], facts["load_s"]))
        if a.load_only:
            log("database (H2 file, user/password digest/digest):", os.path.join(data, "digest.mv.db"))
            log("start the app on it with -Ddigest.data-dir=%s -Ddigest.demo.enabled=false" % data)
            return

        # ---- start the service on the loaded data
        facts["startup_s"] = app.start()
        time.sleep(2)
        facts["rss_idle_mb"] = app.rss_mb()
        base = f"http://127.0.0.1:{APP_PORT}"
        auth = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
        mid = START + datetime.timedelta(weeks=n_issues // 2)
        frm, to = mid.isoformat(), (mid + datetime.timedelta(days=90)).isoformat()
        # Every read class draws from a pool of URLs (seeded), so that H2 cannot answer from the result of the
        # identical previous query (H2 reuses a query's last result when its parameters and the data are unchanged).
        rnd = random.Random(a.seed)
        weeks = n_issues

        def window():
            start = START + datetime.timedelta(weeks=rnd.randrange(max(1, weeks - 13)))
            return f"from={start.isoformat()}&to={(start + datetime.timedelta(days=90)).isoformat()}"
        words = ["uranium", "pipeline", "nomad", "hydrogen", "caspian", "tenge", "copper", "festival"]
        reads = [
            ("list (pages 0-19)", [f"/api/v1/articles?page={p}" for p in range(20)]),
            ("list ?topic (60 topics)", [f"/api/v1/articles?topic=topic-{t}" for t in range(1, 61)]),
            ("list ?outlet (50 outlets)", [f"/api/v1/articles?outlet=outlet-{o}" for o in rnd.sample(range(1, 301), 50)]),
            ("list ?from&to (50 windows of 90 days)", [f"/api/v1/articles?{window()}" for _ in range(50)]),
            ("search ?q (8 words)", [f"/api/v1/articles?q={w}" for w in words]),
            ("issue detail, 50 entries (50 issues)", [f"/api/v1/issues/{i}" for i in rnd.sample(range(1, n_issues + 1), min(50, n_issues))]),
            ("feed Atom, 50 entries (61 feeds)", ["/api/v1/feeds/articles.atom"] + [f"/api/v1/feeds/articles.atom?topic=topic-{t}" for t in range(1, 61)]),
            # Last of the reads: its tens of thousands of one-off ids would push the other pools out of the read
            # cache, and each class is to measure what it names.
            ("article by id (random)", None),
        ]
        # ---- the very same bytes for nginx: one file per URL, and the two path lists wrk picks from
        sizes, ours_paths, nginx_paths = {}, {}, {}
        for k, (name, paths) in enumerate(reads):
            if paths is None:
                continue
            os.makedirs(os.path.join(root, f"c{k}"))
            ours_paths[name] = os.path.join(work, f"ours-{k}.txt")
            nginx_paths[name] = os.path.join(work, f"nginx-{k}.txt")
            total = 0
            ext = "atom" if "feed" in name else "json"
            with open(ours_paths[name], "w") as op, open(nginx_paths[name], "w") as np_:
                for i, path in enumerate(paths):
                    st, body = http_get(base + path, timeout=120)
                    assert st == 200, (name, path, st)
                    with open(os.path.join(root, f"c{k}", f"{i}.{ext}"), "wb") as f:
                        f.write(body)
                    total += len(body)
                    op.write(path + "\n")
                    np_.write(f"/c{k}/{i}.{ext}\n")
            sizes[name] = total // len(paths)
        os.makedirs(os.path.join(root, "article"))
        pool = sorted(set(rnd.randint(1, a.articles) for _ in range(200)))
        total = 0
        with open(os.path.join(work, "article-paths.txt"), "w") as paths:
            for i in pool:
                st, body = http_get(f"{base}/api/v1/articles/{i}")
                with open(os.path.join(root, "article", f"{i}.json"), "wb") as f:
                    f.write(body)
                total += len(body)
                paths.write(f"/article/{i}.json\n")
        sizes["article by id (random)"] = total // len(pool)
        for dirpath, dirs, files in os.walk(root):
            for dn in dirs:
                os.chmod(os.path.join(dirpath, dn), 0o755)
            for fn in files:
                os.chmod(os.path.join(dirpath, fn), 0o644)

        def ours(name, c, d):
            if name == "article by id (random)":
                return wrk(base + "/", c, d, "byid.lua", [str(a.articles)])
            if name == "article create":
                return wrk(base + "/", c, d, "create.lua", [auth, str(n_issues)])
            if name == "article patch":
                return wrk(base + "/", c, d, "patch.lua", [auth, str(a.articles)])
            return wrk(base + "/", c, d, "pick.lua", [ours_paths[name]])

        def theirs(name, c, d):
            nbase = f"http://127.0.0.1:{NGINX_PORT}"
            if name == "article by id (random)":
                return wrk(nbase + "/", c, d, "pick.lua", [os.path.join(work, "article-paths.txt")])
            return wrk(nbase + "/", c, d, "pick.lua", [nginx_paths[name]])

        classes = [n for n, _ in reads] + ["article create", "article patch"]
        results = {}
        for name in classes:
            if a.warmup:
                ours(name, 8, a.warmup)
            for c in conns:
                waited = app.quiesce()
                if waited > 1:
                    log(f"waited {waited:.1f} s for the service to finish earlier requests")
                r = ours(name, c, a.duration)
                results[(name, c, "ours")] = r
                log(f"ours  {name:28} c={c:<3} {r['rps']:9.1f} req/s p50 {r['p50']} p99 {r['p99']} errors {r['errors']}")
                if r["requests"] == 0:
                    log(r["raw"])
        app.quiesce()
        facts["rss_after_mb"] = app.rss_mb()
        facts["rss_peak_mb"] = app.rss_mb("VmHWM")
        app.stop()
        with open(os.path.join(app.workdir, "app.log")) as f:
            started = re.findall(r"started in ([\d.]+)s", f.read())
        facts["quarkus_started_s"] = float(started[-1]) if started else None
        # Query plans of the list queries (the SQL Hibernate sends, values inlined), on the stopped database.
        ex = subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.Shell", "-url", url, "-user", "digest",
                             "-password", "digest"], input=open(os.path.join(BENCH, "explain.sql")).read(),
                            capture_output=True, text=True)
        facts["explain"] = "\n".join(l for l in ex.stdout[ex.stdout.find("sql>"):].splitlines()
                                      if l.strip() not in ("sql> Aborted", "Connection closed", "sql>"))
        nginx.start()
        for name, _ in reads:
            for c in conns:
                r = theirs(name, c, a.duration)
                results[(name, c, "nginx")] = r
                log(f"nginx {name:28} c={c:<3} {r['rps']:9.1f} req/s p50 {r['p50']} p99 {r['p99']} errors {r['errors']}")
        nginx.stop()

        # ---- report
        errs = lambda r: (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items())) + ")") if r.get("statuses") else ""
        fmt = lambda v, n=1: "—" if v is None else f"{v:,.{n}f}"
        lines = []
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
        jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        lines.append(f"**{a.articles:,} articles**, {a.duration} s per run (wrk -t2, -t1 at 1 connection, --latency, "
                     f"{a.warmup} s warm-up per class, service idle before each run), finished {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
                     f"{os.cpu_count()} CPUs ({cpu}), {mem:,} MB RAM, {platform.system()} {platform.release()}, {jv}, "
                     f"load average (1 min) at the start {load_before:.1f}, at the end {os.getloadavg()[0]:.1f}, "
                     f"service JVM options: `{a.java_opts or '(defaults)'}`")
        lines.append("")
        lines.append("| class | conns | mean bytes | ours req/s | ours p50 ms | ours p99 ms | errors | nginx req/s | nginx p50 ms "
                     "| nginx p99 ms | ours/nginx |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name in classes:
            for c in conns:
                o = results[(name, c, "ours")]
                n = results.get((name, c, "nginx"))
                pct = o['rps'] / n['rps'] * 100 if n and n["rps"] else None
                ratio = "—" if pct is None else f"{pct:.1f}%" if pct >= 1 else f"{pct:.2f}%" if pct >= 0.01 else f"{pct:.3f}%"
                none = f"none done in {a.duration} s"
                lines.append(f"| {name} | {c} | {sizes.get(name, '—')} | {fmt(o['rps'])} | "
                             f"{fmt(o['p50'], 2) if o['requests'] else none} | "
                             f"{fmt(o['p99'], 2) if o['requests'] else none} | {o['errors']}{errs(o)} | {fmt(n and n['rps'])} | {fmt(n and n['p50'], 2)} | "
                             f"{fmt(n and n['p99'], 2)} | {ratio} |")
        lines.append("")
        lines.append(f"| fact | value |\n| --- | ---: |\n"
                     f"| data: generate CSV | {facts['generate_s']:.1f} s |\n"
                     f"| data: create schema (one app start, Flyway) | {facts['schema_s']:.1f} s |\n"
                     f"| data: bulk load (H2 RunScript + CSVREAD, SHUTDOWN COMPACT) | {facts['load_s']:.1f} s |\n"
                     f"| data: total | {facts['data_total_s']:.1f} s |\n"
                     f"| database file | {facts['db_mb']:.0f} MB |\n"
                     f"| start-up to /q/health/ready (Quarkus logs: started in {facts['quarkus_started_s']} s) | {facts['startup_s']:.2f} s |\n"
                     f"| RSS idle (after start-up) | {facts['rss_idle_mb']:.0f} MB |\n"
                     f"| RSS after the load | {facts['rss_after_mb']:.0f} MB (peak {facts['rss_peak_mb']:.0f} MB) |")
        lines.append("\nQuery plans (H2 EXPLAIN, values inlined):\n\n```\n" + facts["explain"].strip() + "\n```")
        report = "\n".join(lines)
        print(report)
        if a.out:
            with open(a.out, "w") as f:
                f.write(report + "\n")
        with open(os.path.join(work, "results.json"), "w") as f:
            json.dump({"facts": facts, "results": {f"{k[0]}|{k[1]}|{k[2]}": {x: y for x, y in v.items()}
                                                   for k, v in results.items()}}, f, indent=1)
    finally:
        app.stop()
        nginx.stop()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log("kept", work)


if __name__ == "__main__":
    main()
