#!/usr/bin/env python3
"""Load benchmark of the Digest API. Run through bench/run.sh.

Two modes: `repeated` (default: small pools of URLs, answered from the read cache, against nginx serving the same
bytes) and `varied` (every request a new URL, so every read misses the cache: the first ask of each URL), on H2
(default) or PostgreSQL (`--db pg`)."""
import argparse, base64, datetime, json, os, platform, re, shlex, shutil, signal, socket, subprocess, sys, tempfile, time
import random
import threading
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
PG_APP = "/tmp/digest-bench-pg-app"  # the app built with -Dquarkus.profile=pg (run.sh builds it there)
PG_BIN = "/tmp/digest-bench-pg17/bin"  # PostgreSQL 17 from the embedded-postgres binaries (run.sh extracts them)
APP_PORT, NGINX_PORT, PG_PORT = 18080, 18081, 18432
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
    def __init__(self, data_dir, workdir, extra=(), jar=JAR, env=None, ready_timeout=1800):
        self.data_dir, self.workdir, self.extra = data_dir, workdir, list(extra)
        self.jar, self.env, self.ready_timeout = jar, dict(env or {}), ready_timeout
        self.proc = None

    def start(self):
        # The lua scripts name a simulated reader in X-Forwarded-For (common.lua): trusted from loopback only.
        cmd = ["java", f"-Ddigest.data-dir={self.data_dir}", "-Dquarkus.http.host=127.0.0.1",
               f"-Dquarkus.http.port={APP_PORT}", "-Ddigest.demo.enabled=false",
               "-Dquarkus.http.proxy.proxy-address-forwarding=true", "-Dquarkus.http.proxy.allow-x-forwarded=true",
               "-Dquarkus.http.proxy.trusted-proxies=127.0.0.1", *self.extra, "-jar", self.jar]
        env = dict(os.environ, DIGEST_EDITOR_PASSWORD=PASSWORD, **self.env)
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
            if time.monotonic() - t0 > self.ready_timeout:
                raise SystemExit(f"app not ready after {self.ready_timeout} s")
            time.sleep(0.05)

    def log_text(self):
        with open(os.path.join(self.workdir, "app.log")) as f:
            return f.read()

    def index_build(self):
        """(articles, seconds) of the last "Search index built" line of the log, or None."""
        text = self.log_text()
        found = re.findall(r"Search index built: (\d+) articles in (\d+) s", text)
        if not found:
            return None
        # The log's timestamps (HH:mm:ss.SSS) give the build's duration to the millisecond.
        stamp = lambda t: sum(float(x) * m for x, m in zip(t.split(":"), (3600, 60, 1)))
        begun = re.findall(r"^(\d\d:\d\d:\d\d\.\d+) .*Building the search index", text, re.M)
        ended = re.findall(r"^(\d\d:\d\d:\d\d\.\d+) .*Search index built", text, re.M)
        seconds = float(found[-1][1])
        if begun and ended:
            seconds = (stamp(ended[-1]) - stamp(begun[-1])) % 86400
        return int(found[-1][0]), seconds

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


class H2:
    """The embedded H2 file database of the default build: loaded with RunScript + CSVREAD while the app is stopped."""
    name, kind = "H2", "h2"

    def __init__(self, work, data):
        self.work, self.data = work, data
        self.url = f"jdbc:h2:file:{data}/digest"

    jar, env = JAR, {}

    def start(self):
        pass

    def stop(self):
        pass

    def cpu_ticks(self):
        return 0  # embedded: its work is the service's

    def load(self, csvs, seqs):
        with open(os.path.join(BENCH, "load.sql")) as f:
            sql = f.read().replace("${DIR}", csvs)
        for k, v in seqs.items():
            sql = sql.replace("${%s}" % k, str(v))
        script = os.path.join(self.work, "load.sql")
        with open(script, "w") as f:
            f.write(sql)
        subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.RunScript", "-url", self.url, "-user", "digest",
                        "-password", "digest", "-script", script], check=True)
        # SHUTDOWN COMPACT rewrites the file (690 MB -> 78 MB at 100k); H2 reports the closed database as an error.
        subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.Shell", "-url", self.url, "-user", "digest",
                        "-password", "digest", "-sql", "SHUTDOWN COMPACT"], capture_output=True)

    def size_mb(self):
        return os.path.getsize(os.path.join(self.data, "digest.mv.db")) / 1e6

    def explain(self, sql_file):
        """EXPLAIN (or EXPLAIN ANALYZE) statements of a file through H2's Shell; only with the app stopped."""
        ex = subprocess.run(["java", "-cp", h2_jar(), "org.h2.tools.Shell", "-url", self.url, "-user", "digest",
                             "-password", "digest"], input=open(sql_file).read(), capture_output=True, text=True)
        return "\n".join(l for l in ex.stdout[ex.stdout.find("sql>"):].splitlines()
                         if l.strip() not in ("sql> Aborted", "Connection closed", "sql>"))


class Postgres:
    """A PostgreSQL server of our own (initdb in the work folder, 127.0.0.1:18432), the app built with the pg profile,
    the CSVs loaded with COPY (load-pg.sql) while the app is stopped. As root, the server runs as user postgres."""
    name, kind = "PostgreSQL", "pg"

    def __init__(self, work, pg_bin, pg_app, settings):
        self.work, self.bin = work, pg_bin
        self.dir = os.path.join(work, "pg")
        self.jar = os.path.join(pg_app, "quarkus-run.jar")
        if not os.path.exists(self.jar):
            raise SystemExit(f"no PostgreSQL build at {self.jar}: run bench/run.sh --db pg (it builds one)")
        self.settings = settings
        self.env = {"QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:{PG_PORT}/digest",
                    "QUARKUS_DATASOURCE_USERNAME": "digest", "QUARKUS_DATASOURCE_PASSWORD": "digest"}
        self.running = False
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def pg(self, tool, *args, **kw):
        return subprocess.run(self.as_user + [os.path.join(self.bin, tool), *args], check=True, **kw)

    def psql(self, *args, **kw):
        env = dict(os.environ, PGPASSWORD="digest")
        return subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "digest", *args],
                              env=env, check=True, **kw)

    def start(self):
        if not os.path.exists(self.dir):
            os.makedirs(self.dir)
            if self.as_user:
                shutil.chown(self.dir, "postgres")
            pwfile = os.path.join(self.work, "pg-password")
            with open(pwfile, "w") as f:
                f.write("digest\n")
            os.chmod(pwfile, 0o644)
            self.pg("initdb", "-D", os.path.join(self.dir, "data"), "-U", "digest", "--pwfile", pwfile, "-A",
                    "scram-sha-256", "-E", "UTF8", "--locale=C", stdout=subprocess.DEVNULL)
        opts = f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1 " + " ".join(f"-c {x}" for x in self.settings)
        self.pg("pg_ctl", "-D", os.path.join(self.dir, "data"), "-o", opts, "-l", os.path.join(self.dir, "server.log"),
                "-w", "-t", "120", "start", stdout=subprocess.DEVNULL)
        self.running = True
        exists = self.psql("-d", "postgres", "-At", "-c", "select 1 from pg_database where datname = 'digest'",
                           capture_output=True, text=True).stdout.strip()
        if not exists:
            self.psql("-d", "postgres", "-c", "create database digest")

    def stop(self):
        if self.running:
            self.pg("pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast", "-w", "stop", stdout=subprocess.DEVNULL)
            self.running = False

    def load(self, csvs, seqs):
        with open(os.path.join(BENCH, "load-pg.sql")) as f:
            sql = f.read().replace("${DIR}", csvs)
        for k, v in seqs.items():
            sql = sql.replace("${%s}" % k, str(v))
        script = os.path.join(self.work, "load-pg.sql")
        with open(script, "w") as f:
            f.write(sql)
        self.psql("-d", "digest", "-f", script, stdout=subprocess.DEVNULL)

    def cpu_ticks(self):
        """CPU ticks (user + system) of the server: the postmaster and every process it started (backends, workers)."""
        try:
            with open(os.path.join(self.dir, "data", "postmaster.pid")) as f:
                master = int(f.readline())
        except (OSError, ValueError):
            return 0
        total = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(pid) == master or int(fields[1]) == master:
                total += int(fields[11]) + int(fields[12])
        return total

    def size_mb(self):
        out = self.psql("-d", "digest", "-At", "-c", "select pg_database_size('digest')", capture_output=True, text=True)
        return int(out.stdout.strip()) / 1e6

    def explain(self, sql_file):
        out = self.psql("-d", "digest", "-e", "-f", sql_file, capture_output=True, text=True)
        return out.stdout


LOADER = {"h2": "H2 RunScript + CSVREAD, SHUTDOWN COMPACT", "pg": "psql \\copy, indexes rebuilt, VACUUM ANALYZE"}

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


# ---------------------------------------------------------------- varied mode: every request a new URL

# Repeated mode: the first read class again, while 32 other clients send wrong passwords (issue "Hardening").
ATTACKED = "list (pages 0-19) under a sign-in attack"

# class -> (label, weight in the mix)
VARIED = {
    "search": ("search ?q (1-3 Zipf words, phrases, -exclusions)", 20),
    "deep": ("list, deep page by cursor (anywhere in the archive, size 10..50)", 10),
    "topic": ("list ?topic&page (0..50)", 15),
    "outlet": ("list ?outlet&page (0..50)", 10),
    "dates": ("list ?from&to (30-day window)", 10),
    "updated": ("list ?updatedSince (random instant)", 5),
    "feed": ("feed Atom ?topic&outlet", 10),
    "byid": ("article by id", 20),
    "mix": ("mix (weights above)", 0),
}


def cpu_times():
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    hz = os.sysconf("SC_CLK_TCK")
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    idle = f[3] + f[4]
    return (sum(f) - idle) / hz, sum(f) / hz


def wait_quiet(app, limit, cores=0.6):
    """Waits up to limit seconds until the machine less the service used under `cores` cores over one second."""
    t0 = time.monotonic()
    hz = os.sysconf("SC_CLK_TCK")
    while time.monotonic() - t0 < limit:
        a0, b0 = app.cpu_ticks(), cpu_times()
        time.sleep(1)
        a1, b1 = app.cpu_ticks(), cpu_times()
        if (b1[0] - b0[0]) - (a1 - a0) / hz < cores:
            break
    return time.monotonic() - t0


def metrics_cache():
    """(hits, misses) of the read cache so far, from /q/metrics."""
    text = http_get(f"http://127.0.0.1:{APP_PORT}/q/metrics", timeout=30)[1].decode()
    get = lambda r: sum(float(x) for x in re.findall(
        r'^cache_gets_total\{cache="digest\.read-cache",result="%s"\} ([\d.eE+]+)' % r, text, re.M))
    return get("hit"), get("miss")


def api_token(base, basic):
    """A new API token of the editor, for the write classes."""
    req = urllib.request.Request(base + "/api/v1/accounts/me/tokens", method="POST",
                                 data=json.dumps({"name": f"bench {time.time():.0f}"}).encode(),
                                 headers={"Authorization": basic, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())["token"]


def editor_write(articles, n):
    """One editor write (PATCH of article 1's summary): drops every cached list, feed and search."""
    body = json.dumps({"summary": f"Cache dropped by the benchmark before a run ({n})."}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{APP_PORT}/api/v1/articles/1", data=body, method="PATCH",
                                 headers={"Authorization": "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode(),
                                          "Content-Type": "application/merge-patch+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()


def deep_cursors(base, wanted=1000):
    """Cursors from one walk of the whole public list by nextCursor (size 100), spread evenly over it: where deep
    pages start, anywhere in the archive. Numbered pages reach only the first 10,000 articles (PageRequest.MAX_OFFSET);
    deeper ones are read by cursor, as a client walking the archive sends them. A cursor names no page size, so each
    serves any size."""
    walked, url = [], base + "/api/v1/articles?size=100"
    while url:
        status, body = http_get(url, timeout=120)
        cursor = json.loads(body).get("nextCursor")
        if not cursor:
            break
        walked.append(cursor)
        url = base + "/api/v1/articles?size=100&cursor=" + urllib.parse.quote(cursor)
    step = max(1, len(walked) // wanted)
    return walked[::step][:wanted]


def varied_config(meta, path, cursors):
    """The Lua table varied.lua draws its URLs from, and the size of each class's pool of distinct URLs."""
    n = meta["articles"]
    first = datetime.date.fromisoformat(meta["first_day"])
    days = (datetime.date.fromisoformat(meta["last_day"]) - first).days + 1
    pages = lambda c: min(51, (c + 19) // 20)
    topics = [(k, pages(c)) for k, c in meta["topics"].items() if c]
    outlets = [(k, pages(c)) for k, c in meta["outlets"].items() if c]
    epoch = int((datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.timezone.utc)
                 - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)).total_seconds())
    lua = lambda pairs: "{" + ", ".join(f'{{"{k}", {v}}}' for k, v in pairs) + "}"
    with open(path, "w") as f:
        f.write("return {\n"
                f"  articles = {n}, first_day = {epoch}, days = {days},\n"
                "  cursors = {" + ", ".join(f'"{c}"' for c in cursors) + "},\n"
                f"  updated_min = {meta['updated_min']}, updated_max = {meta['updated_max']},\n"
                "  words = {" + ", ".join(f'"{w}"' for w in meta["words"]) + "},\n"
                f"  topics = {lua(topics)},\n  outlets = {lua(outlets)},\n"
                f"  mix = {lua((k, w) for k, (_, w) in VARIED.items() if w)},\n"
                "}\n")
    return {"search": None, "deep": len(cursors) * 41, "topic": sum(p for _, p in topics),
            "outlet": sum(p for _, p in outlets), "dates": days - 29, "updated": meta["updated_max"] - meta["updated_min"] + 1,
            "feed": len(topics) * len(outlets), "byid": n, "mix": None}


def varied(a, app, db, meta, work, facts, conns):
    facts["startup_s"] = app.start()
    facts["index_build"] = app.index_build()
    # Ready is not idle: after a build the index merges its segments in the background (and the JVM compiles); that
    # work would be charged to the first classes. Wait until the service is idle, and say how long it took.
    facts["busy_after_ready_s"] = app.quiesce(limit=900)
    log(f"ready after {facts['startup_s']:.1f} s (index build {facts['index_build']}), then busy for {facts['busy_after_ready_s']:.1f} s")
    facts["rss_idle_mb"] = app.rss_mb()
    base = f"http://127.0.0.1:{APP_PORT}"
    cfg = os.path.join(work, "varied-config.lua")
    classes = a.classes.split(",") if a.classes else list(VARIED)
    cursors = deep_cursors(base)
    log(f"{len(cursors)} cursors for the deep class, from one walk of the list")
    pools = varied_config(meta, cfg, cursors)
    results, seed, busts = {}, a.seed * 100, 0

    def run(name, c, duration, with_writer):
        nonlocal seed
        seed += 1
        threads = min(2, c)
        r = wrk(base + "/", c, duration, "varied.lua", [cfg, name, str(seed), str(threads)])
        m = re.search(r"urls sent: (\d+), repeated: (\d+)", r["raw"])
        r["sent"], r["repeated"] = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        return r

    if a.prewarm:
        # The JIT compiles most of the service in its first minute; its CPU would otherwise be charged to the first class.
        log(f"pre-warm: the mix for {a.prewarm} s")
        run("mix", 32, a.prewarm, False)
    phases = [False, True] if a.writer else [False]
    for with_writer in phases:
        for name in classes:
            if a.warmup:
                run(name, 8, a.warmup, with_writer)
            for c in conns:
                waited = app.quiesce()
                if waited > 1:
                    log(f"waited {waited:.1f} s for the service to finish earlier requests")
                busts += 1
                editor_write(meta["articles"], busts)  # the lists the warm-up cached are gone
                if a.quiet_wait:
                    waited = wait_quiet(app, a.quiet_wait)
                    if waited > 1:
                        log(f"waited {waited:.1f} s for the machine to be quieter")
                hits0, misses0 = metrics_cache()
                load = open("/proc/loadavg").read().split()[0]
                writer = None
                if with_writer:
                    writer = subprocess.Popen([sys.executable, os.path.join(BENCH, "writer.py"), base, f"editor:{PASSWORD}",
                                               str(meta["articles"]), "--seed", str(seed)], stdout=subprocess.PIPE, text=True)
                app0, db0, busy0, kids0 = app.cpu_ticks(), db.cpu_ticks(), cpu_times(), os.times()
                r = run(name, c, a.duration, with_writer)
                app1, db1, busy1, kids1 = app.cpu_ticks(), db.cpu_ticks(), cpu_times(), os.times()
                if writer:
                    writer.send_signal(signal.SIGTERM)
                    r["writer"] = json.loads(writer.communicate(timeout=120)[0].strip().splitlines()[-1])
                # Where the 2 cores went during the run: the service, wrk, and everything else on the machine.
                wall = (busy1[1] - busy0[1]) / os.cpu_count()
                r["cores_service"] = (app1 - app0) / os.sysconf("SC_CLK_TCK") / wall
                r["cores_wrk"] = ((kids1.children_user + kids1.children_system) - (kids0.children_user + kids0.children_system)) / wall
                r["cores_db"] = (db1 - db0) / os.sysconf("SC_CLK_TCK") / wall
                r["cores_others"] = max(0.0, (busy1[0] - busy0[0]) / wall - r["cores_service"] - r["cores_db"] - r["cores_wrk"])
                hz = os.sysconf("SC_CLK_TCK")
                r["cpu_ms_per_req"] = (app1 - app0) / hz * 1000 / r["requests"] if r["requests"] else None
                r["db_cpu_ms_per_req"] = (db1 - db0) / hz * 1000 / r["requests"] if r["requests"] else None
                hits1, misses1 = metrics_cache()
                r["hits"], r["misses"], r["load1"] = int(hits1 - hits0), int(misses1 - misses0), load
                results[(name, c, with_writer)] = r
                log(f"{'writer ' if with_writer else ''}{name:8} c={c:<3} {r['rps']:9.1f} req/s p50 {r['p50']} p99 {r['p99']} "
                    f"errors {r['errors']} {r['statuses']} hits {r['hits']} misses {r['misses']} repeated {r['repeated']}"
                    + (f" writes {r['writer']}" if writer else ""))
    app.quiesce()
    facts["rss_after_mb"] = app.rss_mb()
    facts["rss_peak_mb"] = app.rss_mb("VmHWM")
    # EXPLAIN ANALYZE of the list classes (explain-varied.sql), values from this archive's middle.
    explain_file = os.path.join(BENCH, "explain-varied.sql")
    first = datetime.date.fromisoformat(meta["first_day"])
    mid = first + datetime.timedelta(days=((datetime.date.fromisoformat(meta["last_day"]) - first).days // 2))
    updated = datetime.datetime.fromtimestamp((meta["updated_min"] + meta["updated_max"]) // 2, datetime.timezone.utc)
    with open(explain_file) as f:
        sql = (f.read().replace("${DEEP_OFFSET}", str(min(2500, (meta["articles"] + 19) // 20 - 1) * 20))
               .replace("${FROM}", mid.isoformat()).replace("${TO}", (mid + datetime.timedelta(days=29)).isoformat())
               .replace("${UPDATED}", updated.strftime("%Y-%m-%d %H:%M:%S+00")))
    filled = os.path.join(work, "explain-varied.sql")
    with open(filled, "w") as f:
        f.write(sql)
    if db.kind == "pg":
        facts["explain"] = db.explain(filled)
    app.stop()
    if db.kind == "h2":
        facts["explain"] = db.explain(filled)
    facts["uptime_after"] = open("/proc/loadavg").read().split()[:3]

    # ---- report
    fmt = lambda v, n=1: "—" if v is None else f"{v:,.{n}f}"
    st = lambda r: (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items())) + ")") if r.get("statuses") else ""
    jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    ib = facts["index_build"]
    lines = [f"**{meta['articles']:,} articles on {db.name}, varied URLs**: wrk -t2 -c{','.join(map(str, conns))}, "
             f"{a.prewarm} s of the mix first (JIT), then {a.duration} s per class after {a.warmup} s of warm-up, the read cache dropped (one editor write) before "
             f"each run; finished {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {jv}; "
             f"service JVM options `{a.java_opts or '(defaults)'}`; load average (1, 5, 15 min) before "
             f"{' '.join(facts['uptime_before'])}, after {' '.join(facts['uptime_after'])}", ""]
    for with_writer in phases:
        lines.append("With one editor write a second (writer.py):" if with_writer else "No writes:")
        lines.append("")
        lines.append("| class | distinct URLs in the pool | req/s | p50 ms | p99 ms | errors | cache hits / misses | URLs repeated "
                     "| CPU ms/req: service / database | cores: service / database / wrk / others | load 1 min" + (" | writes (statuses, p50 ms) |" if with_writer else " |"))
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:" + (" | --- |" if with_writer else " |"))
        for name in classes:
            for c in conns:
                r = results[(name, c, with_writer)]
                w = r.get("writer")
                lines.append(f"| {VARIED[name][0]}{'' if len(conns) == 1 else f' (c={c})'} | "
                             f"{'unbounded' if pools[name] is None else f'{pools[name]:,}'} | {fmt(r['rps'])} | "
                             f"{fmt(r['p50'], 2) if r['requests'] else 'none done'} | {fmt(r['p99'], 2) if r['requests'] else '—'} | "
                             f"{r['errors']}{st(r)} | {r['hits']:,} / {r['misses']:,} | {r['repeated'] if r['repeated'] is not None else '—'} | "
                             f"{fmt(r['cpu_ms_per_req'], 2)} / {fmt(r['db_cpu_ms_per_req'], 2) if db.kind == 'pg' else '—'} | "
                             f"{r['cores_service']:.2f} / {r['cores_db']:.2f} / {r['cores_wrk']:.2f} / {r['cores_others']:.2f} | {r['load1']}"
                             + (f" | {w['writes']} ({', '.join(f'{k}: {v}' for k, v in w['statuses'].items())}, {w['p50_ms']}) |" if w else " |"))
        lines.append("")
    lines.append(f"| fact | value |\n| --- | ---: |\n"
                 f"| data: generate CSV | {facts['generate_s']:.1f} s |\n"
                 f"| data: create schema (one app start, Flyway) | {facts['schema_s']:.1f} s |\n"
                 f"| data: bulk load ({LOADER[db.kind]}) | {facts['load_s']:.1f} s |\n"
                 f"| data: total | {facts['data_total_s']:.1f} s |\n"
                 f"| database size | {facts['db_mb']:,.0f} MB |\n"
                 f"| start-up to /q/health/ready (includes the index build) | {facts['startup_s']:.1f} s |\n"
                 f"| search index build (log) | {f'{ib[0]:,} articles in {ib[1]:.1f} s' if ib else '—'} |\n"
                 f"| service busy after ready (index merges, JIT) until idle | {facts.get('busy_after_ready_s', 0):.1f} s |\n"
                 f"| RSS idle (after start-up) | {facts['rss_idle_mb']:.0f} MB |\n"
                 f"| RSS after the load | {facts['rss_after_mb']:.0f} MB (peak {facts['rss_peak_mb']:.0f} MB) |")
    if facts.get("explain"):
        lines.append(f"\nQuery plans ({db.name}, `bench/{os.path.basename(explain_file)}`):\n\n```\n" + facts["explain"].strip() + "\n```")
    report = "\n".join(lines)
    print(report)
    if a.out:
        with open(a.out, "w") as f:
            f.write(report + "\n")
    dump = {"facts": facts, "pools": pools, "results": {f"{k[0]}|{k[1]}|{'writer' if k[2] else 'reads'}":
                                                        {x: y for x, y in v.items() if x != "raw"} for k, v in results.items()}}
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(dump, f, indent=1)
    if a.out:
        with open(os.path.splitext(a.out)[0] + ".json", "w") as f:
            json.dump(dump, f, indent=1)


# class -> label; the pools steady() builds for each
STEADY = {
    "byid": "article by id (1,000 popular articles)",
    "details": "topic, outlet and issue by slug or id (60 + 300 + 50)",
    "lists": "lists, topic and outlet lists, feeds, searches (20 + 60 + 50 + 61 + 8)",
    "mix": "all of the above in one pool",
}


def steady(a, app, db, meta, work, facts, conns):
    """Repeated URLs with and without one editor write a second: what the read cache keeps across writes (its hit
    rate), per class of URL. The writer edits random articles of the whole archive, as a newsroom does."""
    facts["startup_s"] = app.start()
    facts["busy_after_ready_s"] = app.quiesce(limit=900)
    base = f"http://127.0.0.1:{APP_PORT}"
    rnd = random.Random(a.seed)
    n, n_issues = meta["articles"], meta["issues"]
    words = meta["words"][:8]
    pools = {
        "byid": [f"/api/v1/articles/{i}" for i in rnd.sample(range(1, n + 1), 1000)],
        "details": [f"/api/v1/topics/by-slug/{t}" for t in meta["topics"]]
                   + [f"/api/v1/outlets/by-slug/{o}" for o in meta["outlets"]]
                   + [f"/api/v1/issues/{i}" for i in rnd.sample(range(1, n_issues + 1), min(50, n_issues))],
        "lists": [f"/api/v1/articles?page={p}" for p in range(20)]
                 + [f"/api/v1/articles?topic={t}" for t in meta["topics"]]
                 + [f"/api/v1/articles?outlet={o}" for o in rnd.sample(sorted(meta["outlets"]), 50)]
                 + ["/api/v1/feeds/articles.atom"] + [f"/api/v1/feeds/articles.atom?topic={t}" for t in meta["topics"]]
                 + [f"/api/v1/articles?q={w}" for w in words],
    }
    pools["mix"] = [u for k in ("byid", "details", "lists") for u in pools[k]]
    files = {}
    for name, paths in pools.items():
        files[name] = os.path.join(work, f"steady-{name}.txt")
        with open(files[name], "w") as f:
            f.write("\n".join(paths) + "\n")
    classes = a.classes.split(",") if a.classes else list(STEADY)
    results, seed = {}, a.seed * 100
    if a.prewarm:
        # The JIT compiles most of the service in its first minute; its CPU would otherwise be charged to the first class.
        log(f"pre-warm: the mix for {a.prewarm} s")
        wrk(base + "/", 32, a.prewarm, "pick.lua", [files["mix"]])
    for with_writer in (False, True):
        for name in classes:
            for c in conns:
                app.quiesce()
                # Every URL of the pool asked once or more: the cache holds what the run is to keep.
                wrk(base + "/", 8, max(a.warmup, 5), "pick.lua", [files[name]])
                hits0, misses0 = metrics_cache()
                writer = None
                if with_writer:
                    seed += 1
                    writer = subprocess.Popen([sys.executable, os.path.join(BENCH, "writer.py"), base, f"editor:{PASSWORD}",
                                               str(n), "--seed", str(seed)], stdout=subprocess.PIPE, text=True)
                app0 = app.cpu_ticks()
                r = wrk(base + "/", c, a.duration, "pick.lua", [files[name]])
                app1 = app.cpu_ticks()
                if writer:
                    writer.send_signal(signal.SIGTERM)
                    r["writer"] = json.loads(writer.communicate(timeout=120)[0].strip().splitlines()[-1])
                hits1, misses1 = metrics_cache()
                r["hits"], r["misses"] = int(hits1 - hits0), int(misses1 - misses0)
                r["cpu_ms_per_req"] = (app1 - app0) / os.sysconf("SC_CLK_TCK") * 1000 / r["requests"] if r["requests"] else None
                results[(name, c, with_writer)] = r
                log(f"{'writer ' if with_writer else ''}{name:8} c={c:<3} {r['rps']:9.1f} req/s p50 {r['p50']} p99 {r['p99']} "
                    f"errors {r['errors']} hits {r['hits']} misses {r['misses']}" + (f" writes {r['writer']}" if writer else ""))
    app.stop()
    fmt = lambda v, k=1: "—" if v is None else f"{v:,.{k}f}"
    jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [f"**{n:,} articles on {db.name}, repeated URLs with and without one editor write a second**: wrk -t2 "
             f"-c{','.join(map(str, conns))}, {a.prewarm} s of the mix first (JIT), then {a.duration} s per run after every URL of the pool was asked "
             f"({max(a.warmup, 5)} s at 8 connections); jar `{os.path.relpath(app.jar, ROOT) if app.jar.startswith(ROOT) else app.jar}`; "
             f"finished {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {jv}", "",
             "| class | URLs | writes | req/s | p50 ms | p99 ms | errors | cache hits / misses | hit rate | CPU ms/req |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in classes:
        for with_writer in (False, True):
            for c in conns:
                r = results[(name, c, with_writer)]
                w = r.get("writer")
                asked = r["hits"] + r["misses"]
                lines.append(f"| {STEADY[name]}{'' if len(conns) == 1 else f' (c={c})'} | {len(pools[name]):,} | "
                             + (f"{w['writes']}/{w['started']} ({', '.join(f'{k}: {v}' for k, v in w['statuses'].items())})" if w else "none")
                             + f" | {fmt(r['rps'])} | {fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | {r['errors']} | "
                             f"{r['hits']:,} / {r['misses']:,} | {fmt(100 * r['hits'] / asked if asked else None)} % | "
                             f"{fmt(r['cpu_ms_per_req'], 2)} |")
    report = "\n".join(lines)
    print(report)
    if a.out:
        with open(a.out, "w") as f:
            f.write(report + "\n")
        with open(os.path.splitext(a.out)[0] + ".json", "w") as f:
            json.dump({"facts": facts, "results": {f"{k[0]}|{k[1]}|{'writer' if k[2] else 'reads'}":
                       {x: y for x, y in v.items() if x != "raw"} for k, v in results.items()}}, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=("repeated", "varied", "steady"), default="repeated",
                    help="repeated: pools of URLs against nginx (read cache hits); varied: every request a new URL; "
                         "steady: pools of URLs with and without one editor write a second (the cache's hit rate)")
    ap.add_argument("--db", choices=("h2", "pg"), default="h2", help="database: embedded H2, or a PostgreSQL server")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    ap.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per class (ours only)")
    ap.add_argument("--conns", default=None, help="connections per run (repeated: 1,32; varied: 32)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (data, logs)")
    ap.add_argument("--out", help="also write the markdown report to this file")
    ap.add_argument("--java-opts", default="",
                    help="JVM options and -D settings for the service, e.g. '-Xmx160m -Ddigest.read-cache.enabled=false'")
    ap.add_argument("--load-only", action="store_true",
                    help="generate and load the data, keep the folder and stop (no app run, no wrk, no nginx)")
    ap.add_argument("--reuse", help="a work folder kept by an earlier run (--keep or --load-only): skip generating and "
                    "loading, start on its database (its facts.json gives the data figures)")
    ap.add_argument("--csv-dir", help="keep the generated CSVs in DIR/<articles>-<seed> and reuse them next time")
    ap.add_argument("--classes", help="varied or steady mode: comma-separated subset of " + ",".join(VARIED)
                    + " or of " + ",".join(STEADY))
    ap.add_argument("--jar", help="run this build of the service instead (for example an earlier commit's, to compare)")
    ap.add_argument("--writer", action="store_true",
                    help="varied mode: run every class a second time with one editor write a second (writer.py)")
    ap.add_argument("--prewarm", type=int, default=20, help="varied and steady modes: seconds of the mix before the first class")
    ap.add_argument("--quiet-wait", type=float, default=0,
                    help="varied mode: before each run wait up to S seconds until the rest of the machine uses < 0.6 core")
    ap.add_argument("--write-auth", choices=("token", "basic"), default="token",
                    help="how the write classes sign in: an API token (default) or the editor's password")
    ap.add_argument("--pg-app", default=PG_APP, help="folder of the app built with -Dquarkus.profile=pg")
    ap.add_argument("--pg-bin", default=PG_BIN, help="folder of initdb, pg_ctl and postgres")
    ap.add_argument("--pg-settings", default="shared_buffers=512MB,maintenance_work_mem=512MB,effective_cache_size=4GB",
                    help="comma-separated PostgreSQL settings (-c) of the server")
    a = ap.parse_args()
    if a.load_only:
        a.keep = True
    conns = [int(c) for c in (a.conns or ("1,32" if a.mode == "repeated" else "32")).split(",")]
    for p in (APP_PORT, NGINX_PORT, PG_PORT):
        if not port_free(p):
            raise SystemExit(f"port {p} is busy")
    load_before = os.getloadavg()[0]
    work = a.reuse or tempfile.mkdtemp(prefix="digest-bench-")
    if a.reuse:
        a.keep = True
    os.chmod(work, 0o755)
    log("work folder", work)
    data, root = os.path.join(work, "data"), os.path.join(work, "www")
    csvs = os.path.join(a.csv_dir, f"{a.articles}-{a.seed}") if a.csv_dir else os.path.join(work, "csv")
    os.makedirs(data, exist_ok=True); os.makedirs(root, exist_ok=True)
    os.chmod(root, 0o755)
    db = H2(work, data) if a.db == "h2" else Postgres(work, a.pg_bin, a.pg_app, a.pg_settings.split(","))
    app = App(data, work, shlex.split(a.java_opts), jar=a.jar or db.jar, env=db.env)
    nginx = Nginx(work, root)
    facts = {"uptime_before": open("/proc/loadavg").read().split()[:3]}
    try:
        # ---- data: generate, schema through Flyway (one start and stop of the app on the empty database), bulk load
        if a.reuse:
            with open(os.path.join(work, "facts.json")) as f:
                facts.update(json.load(f))
            with open(os.path.join(csvs, "meta.json")) as f:
                meta = json.load(f)
            db.start()
            log("reusing the loaded database in", work)
            if a.mode == "steady":
                return steady(a, app, db, meta, work, facts, conns)
            return varied(a, app, db, meta, work, facts, conns) if a.mode == "varied" else None
        t0 = time.monotonic()
        if not os.path.exists(os.path.join(csvs, "meta.json")):
            subprocess.run([sys.executable, os.path.join(BENCH, "gen.py"), csvs, "--articles", str(a.articles),
                            "--seed", str(a.seed)], check=True, stdout=sys.stderr)
        else:
            log("reusing the CSVs in", csvs)
        with open(os.path.join(csvs, "meta.json")) as f:
            meta = json.load(f)
        facts["generate_s"] = time.monotonic() - t0
        db.start()
        t1 = time.monotonic()
        app.start(); app.stop()
        facts["schema_s"] = time.monotonic() - t1
        t2 = time.monotonic()
        n_issues = (a.articles + 49) // 50
        db.load(csvs, {"OUTLET_SEQ": 400, "TOPIC_SEQ": 160, "ISSUE_SEQ": n_issues + 100, "ARTICLE_SEQ": a.articles + 100})
        facts["load_s"] = time.monotonic() - t2
        facts["data_total_s"] = time.monotonic() - t0
        facts["db_mb"] = db.size_mb()
        if not a.csv_dir:
            shutil.rmtree(csvs)
        with open(os.path.join(work, "facts.json"), "w") as f:
            json.dump({k: facts[k] for k in ("generate_s", "schema_s", "load_s", "data_total_s", "db_mb")}, f)
        log("data ready: %.1f s (generate %.1f, schema %.1f, load %.1f), database %.0f MB" % (
            facts["data_total_s"], facts["generate_s"], facts["schema_s"], facts["load_s"], facts["db_mb"]))
        if a.load_only:
            if a.db == "h2":
                log("database (H2 file, user/password digest/digest):", os.path.join(data, "digest.mv.db"))
            else:
                db.stop()
                log(f"PostgreSQL data folder {db.dir}/data (user/password digest/digest); start it with "
                    f"{'runuser -u postgres -- ' if db.as_user else ''}{db.bin}/pg_ctl -D {db.dir}/data -o '-p {PG_PORT} -k {db.dir}' start")
            log("start the app on it with -Ddigest.data-dir=%s -Ddigest.demo.enabled=false" % data)
            return
        if a.mode == "varied":
            return varied(a, app, db, meta, work, facts, conns)
        if a.mode == "steady":
            return steady(a, app, db, meta, work, facts, conns)
        url = getattr(db, "url", None)

        # ---- start the service on the loaded data
        facts["startup_s"] = app.start()
        time.sleep(2)
        facts["rss_idle_mb"] = app.rss_mb()
        base = f"http://127.0.0.1:{APP_PORT}"
        basic = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
        # Writes sign in as programs do: with an API token (--write-auth basic: the editor's password, bcrypt once a
        # minute thanks to the remembered-credentials cache).
        auth = basic if a.write_auth == "basic" else "Bearer " + api_token(base, basic)
        wrong = "Basic " + base64.b64encode(b"editor:not-the-password").decode()
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
            if name == ATTACKED:
                # 32 clients from 32 addresses send the public username with wrong passwords while readers read.
                box = {}
                attacker = threading.Thread(target=lambda: box.update(r=wrk(base + "/", 32, d, "wrongpass.lua", [wrong])))
                attacker.start()
                r = wrk(base + "/", c, d, "pick.lua", [ours_paths[reads[0][0]]])
                attacker.join()
                r["attack"] = box.get("r")
                return r
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

        classes = [n for n, _ in reads] + [ATTACKED, "article create", "article patch"]
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
                if r.get("attack"):
                    log(f"      attack: {r['attack']['rps']:.1f} req/s, answers {r['attack']['statuses']}")
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
        facts["explain"] = db.explain(os.path.join(BENCH, "explain.sql"))
        nginx.start()
        for name, _ in reads:
            for c in conns:
                r = theirs(name, c, a.duration)
                if name == reads[0][0]:
                    results[(ATTACKED, c, "nginx")] = r
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
                if o.get("attack"):
                    attack = o["attack"]
                    name_shown = (f"{name} (attack: {fmt(attack['rps'])} req/s, "
                                  + ", ".join(f"{k}: {v}" for k, v in sorted(attack["statuses"].items())) + ")")
                else:
                    name_shown = name
                lines.append(f"| {name_shown} | {c} | {sizes.get(name, sizes.get(reads[0][0]) if name == ATTACKED else '—')} | {fmt(o['rps'])} | "
                             f"{fmt(o['p50'], 2) if o['requests'] else none} | "
                             f"{fmt(o['p99'], 2) if o['requests'] else none} | {o['errors']}{errs(o)} | {fmt(n and n['rps'])} | {fmt(n and n['p50'], 2)} | "
                             f"{fmt(n and n['p99'], 2)} | {ratio} |")
        lines.append("")
        lines.append(f"| fact | value |\n| --- | ---: |\n"
                     f"| data: generate CSV | {facts['generate_s']:.1f} s |\n"
                     f"| data: create schema (one app start, Flyway) | {facts['schema_s']:.1f} s |\n"
                     f"| data: bulk load ({LOADER[db.kind]}) | {facts['load_s']:.1f} s |\n"
                     f"| data: total | {facts['data_total_s']:.1f} s |\n"
                     f"| database file | {facts['db_mb']:.0f} MB |\n"
                     f"| start-up to /q/health/ready (Quarkus logs: started in {facts['quarkus_started_s']} s) | {facts['startup_s']:.2f} s |\n"
                     f"| RSS idle (after start-up) | {facts['rss_idle_mb']:.0f} MB |\n"
                     f"| RSS after the load | {facts['rss_after_mb']:.0f} MB (peak {facts['rss_peak_mb']:.0f} MB) |")
        lines.append(f"\nQuery plans ({db.name} EXPLAIN, values inlined):\n\n```\n" + facts["explain"].strip() + "\n```")
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
        db.stop()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log("kept", work)


if __name__ == "__main__":
    main()
