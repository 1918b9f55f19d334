#!/usr/bin/env python3
"""Tool outputs of kinds neither other corpus has: test runners, build tools, system commands.

Writes cases in the format of the shared developer corpus (index.json plus one JSON file per
case: name, kind, query, content, needles, notes): pytest, Jest, go test and Maven Surefire
failures, a Python traceback in an application log, javac and rustc errors, git log, Kubernetes
YAML, a JUnit XML report, ps aux, top, kubectl top, du -h, a MySQL client table, dmesg, a Python
module read, a GraphQL response, a JSON map of services, a Markdown table, npm's ERESOLVE, a
BuildKit build, a TSV export, nginx's error log, klog, .NET's console log, JSON lines without a
level, a backup list with one stale date and a spreadsheet's values; and a second batch: eslint,
tsc, ruff, mypy and gcc findings, an Ansible run, Prometheus's text format, EC2 instances, a jstack
deadlock, df -h, ss -tlnp, a Gradle dependency tree, OpenTelemetry spans, pip freeze, vmstat, tree,
docker inspect, a CSV with quoted multi-line fields, kubectl describe pods and a Vite build. Needles
are values (JSON comes back minified). Run it, then the corpus report:

    python3 headroom-bench/corpus/generate_tool_kinds.py /tmp/tool-corpus [SEED]
    java -cp "headroom-bench/target/headroom-bench-0.1.0-SNAPSHOT.jar:headroom-bench/target/lib/*" \
      dev.headroom.bench.internal.cli.CorpusReport /tmp/tool-corpus 11

Every case is generated from the seed (one RNG per case); a different seed gives different names,
values and positions. The needles are the failure, the answer to the question, or both; several
share no word with the question (the process holding the memory, the SKU with nothing on hand).
"""
import json, os, random, re, sys

CASES = []

def case(name, kind, query, content, needles):
    for n in needles:
        assert n in content, (name, n)
    CASES.append({"name": name, "kind": kind, "query": query, "content": content,
                  "needles": needles, "notes": "Keep every needle: the failure or the answer."})

WORDS = "alpha beta gamma delta ledger invoice refund payout settlement account customer order cart quota region shard replica token session cache index batch export import retry webhook".split()

def w(rng, k=2):
    return "_".join(rng.choice(WORDS) for _ in range(k))

def pytest(rng):
    lines = ["============================= test session starts ==============================",
             "platform linux -- Python 3.12.3, pytest-8.2.1, pluggy-1.5.0 -- /srv/venv/bin/python",
             "cachedir: .pytest_cache", "rootdir: /srv/app", "configfile: pyproject.toml",
             "plugins: cov-5.0.0, xdist-3.6.1", "collecting ... collected 412 items", ""]
    fails = sorted(rng.sample(range(412), 3))
    names = []
    for i in range(412):
        mod = rng.choice(["billing", "ledger", "payouts", "accounts", "webhooks"])
        t = f"tests/test_{mod}.py::test_{w(rng, 3)}_{i}"
        st = "FAILED" if i in fails else rng.choice(["PASSED"] * 30 + ["SKIPPED"])
        if i in fails:
            names.append(t)
        lines.append(f"{t} {st} [{(i + 1) * 100 // 412:3d}%]")
    lines += ["", "=================================== FAILURES ==================================="]
    msgs = []
    for j, t in enumerate(names):
        fn = t.split("::")[1]
        lines.append(f"_________________________________ {fn} _________________________________")
        lines.append("")
        lines.append(f"    def {fn}():")
        lines.append("        invoice = make_invoice(total=Decimal('30.03'), parts=3)")
        lines.append("        shares = split(invoice)")
        exp = f"{rng.randint(10, 99)}.{rng.randint(0, 99):02d}"
        got = f"{exp[:-1]}{(int(exp[-1]) + 1) % 10}"
        lines.append(f">       assert shares[{j}] == Decimal('{exp}')")
        msg = f"AssertionError: assert Decimal('{got}') == Decimal('{exp}')"
        msgs.append(msg)
        lines.append(f"E       {msg}")
        lines.append("")
        lines.append(f"{t.split('::')[0]}:{rng.randint(20, 400)}: AssertionError")
    lines.append("=========================== short test summary info ============================")
    for t, m in zip(names, msgs):
        lines.append(f"FAILED {t} - {m}")
    skipped = sum(1 for line in lines if " SKIPPED [" in line)
    summary = f"3 failed, {412 - 3 - skipped} passed"
    lines.append(f"============ {summary}, {skipped} skipped in 41.27s ============")
    case("pytest_failures", "log", "Why is the test suite failing?", "\n".join(lines) + "\n",
         [f"FAILED {names[0]}", msgs[0], msgs[2], summary])

def jest(rng):
    out = []
    fail_file = None
    for f in range(60):
        name = f"src/{w(rng)}/{w(rng)}.test.ts"
        bad = f == 41
        out.append(f"{'FAIL' if bad else 'PASS'} {name} ({rng.randint(1, 9)}.{rng.randint(100, 999)} s)")
        for k in range(rng.randint(4, 12)):
            out.append(f"  \u2713 {w(rng, 3).replace('_', ' ')} ({rng.randint(1, 80)} ms)")
        if bad:
            fail_file = name
            out.append("  \u2715 rejects an expired card with 402 (12 ms)")
            out += ["", "  \u25cf PaymentsController \u203a rejects an expired card with 402", "",
                    "    expect(received).toBe(expected) // Object.is equality", "",
                    "    Expected: 402", "    Received: 500", "",
                    "      88 |     const res = await request(app).post('/charges').send(expiredCard);",
                    "    > 89 |     expect(res.status).toBe(402);",
                    "         |                        ^",
                    "      90 |   });", "",
                    f"      at Object.<anonymous> ({name}:89:24)", ""]
    out += ["Test Suites: 1 failed, 59 passed, 60 total", "Tests:       1 failed, 487 passed, 488 total",
            "Snapshots:   0 total", "Time:        38.114 s", "Ran all test suites."]
    case("jest_failure", "log", "Which test failed and why?", "\n".join(out) + "\n",
         [f"FAIL {fail_file}", "Received: 500", "rejects an expired card with 402",
          "Tests:       1 failed, 487 passed, 488 total"])

def go_test(rng):
    out = []
    bad = rng.randint(30, 250)
    needles = []
    for p in range(12):
        pkg = f"github.com/acme/ledger/{w(rng, 1)}{p}"
        for t in range(25):
            name = f"Test{w(rng, 2).title().replace('_', '')}{p}x{t}"
            out.append(f"=== RUN   {name}")
            if p * 25 + t == bad:
                msg = f"refund_test.go:{rng.randint(20, 300)}: got {rng.randint(10, 99)}.05, want 12.50"
                out.append(f"    {msg}")
                out.append(f"--- FAIL: {name} (0.00s)")
                needles += [f"--- FAIL: {name}", msg]
                failing = pkg
            else:
                out.append(f"--- PASS: {name} (0.{rng.randint(0, 99):02d}s)")
        if p * 25 <= bad < p * 25 + 25:
            out += ["FAIL", f"FAIL\t{pkg}\t0.{rng.randint(10, 99)}3s"]
        else:
            out += ["PASS", f"ok  \t{pkg}\t0.{rng.randint(10, 99)}1s"]
    out.append("FAIL")
    needles.append(f"FAIL\t{failing}")
    case("go_test_verbose", "log", "Which test is failing?", "\n".join(out) + "\n", needles)


def surefire(rng):
    out = ["[INFO] Scanning for projects...", "[INFO] ", "[INFO] ------------------< org.acme:ledger-service >------------------",
           "[INFO] Building ledger-service 3.4.0-SNAPSHOT", "[INFO] --------------------------------[ jar ]---------------------------------"]
    for i in range(150):
        out.append(f"[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/acme/{w(rng)}/{rng.randint(1,9)}.{rng.randint(0,20)}/{w(rng)}.jar ({rng.randint(4, 900)} kB at {rng.randint(1, 9)}.{rng.randint(0, 9)} MB/s)")
    out += ["[INFO] ", "[INFO] -------------------------------------------------------", "[INFO]  T E S T S", "[INFO] -------------------------------------------------------"]
    bad = rng.randint(20, 60)
    for i in range(80):
        cls = f"org.acme.ledger.{w(rng).title().replace('_', '')}Test"
        if i == bad:
            out.append(f"[INFO] Running org.acme.ledger.PostingReversalTest")
            out.append(f"[ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! -- in org.acme.ledger.PostingReversalTest")
            out.append("[ERROR] org.acme.ledger.PostingReversalTest.reversesPartialRefund -- Time elapsed: 0.031 s <<< FAILURE!")
            out.append("org.opentest4j.AssertionFailedError: expected: <-12.50> but was: <-12.05>")
            out.append("\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)")
            out.append("\tat org.acme.ledger.PostingReversalTest.reversesPartialRefund(PostingReversalTest.java:88)")
        else:
            out.append(f"[INFO] Running {cls}")
            out.append(f"[INFO] Tests run: {rng.randint(1, 30)}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {rng.randint(0, 3)}.{rng.randint(100, 999)} s -- in {cls}")
    out += ["[INFO] ", "[INFO] Results:", "[INFO] ", "[ERROR] Failures: ",
            "[ERROR]   PostingReversalTest.reversesPartialRefund:88 expected: <-12.50> but was: <-12.05>",
            "[INFO] ", "[ERROR] Tests run: 1203, Failures: 1, Errors: 0, Skipped: 4", "[INFO] ",
            "[INFO] ------------------------------------------------------------------------",
            "[INFO] BUILD FAILURE", "[INFO] ------------------------------------------------------------------------"]
    case("maven_surefire_failure", "log", "Why did the build fail?", "\n".join(out) + "\n",
         ["expected: <-12.50> but was: <-12.05>", "PostingReversalTest.java:88", "BUILD FAILURE"])

def traceback_log(rng):
    out = []
    t = 0
    where = rng.randint(300, 900)
    for i in range(1400):
        t += rng.randint(1, 900)
        ts = f"2026-12-01 08:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d},{t % 1000:03d}"
        if i == where:
            out.append(f"{ts} ERROR [worker-3] billing.sync: reconcile failed for batch 88213")
            out += ["Traceback (most recent call last):",
                    '  File "/srv/app/billing/sync.py", line 214, in reconcile',
                    "    owner = row['customer_id']",
                    "            ~~~^^^^^^^^^^^^^^^",
                    "KeyError: 'customer_id'"]
        else:
            out.append(f"{ts} INFO [worker-{rng.randint(1, 8)}] billing.{w(rng)}: processed {rng.randint(1, 500)} rows in {rng.randint(2, 900)} ms")
    case("python_traceback_log", "log", "What crashed the reconcile job?", "\n".join(out) + "\n",
         ["KeyError: 'customer_id'", 'File "/srv/app/billing/sync.py", line 214, in reconcile', "reconcile failed for batch 88213"])

def javac(rng):
    out = ["[INFO] --- compiler:3.13.0:compile (default-compile) @ orders ---", "[INFO] Recompiling the module because of changed source code.", "[INFO] Compiling 412 source files with javac [debug release 17] to target/classes"]
    errs = sorted(rng.sample(range(200), 2))
    needles = []
    for i in range(200):
        f = f"/builds/acme/orders/src/main/java/org/acme/orders/{w(rng).title().replace('_', '')}.java"
        ln = rng.randint(10, 600)
        if i in errs:
            sym = rng.choice(["OrderTotals", "TaxTable", "PriceBook"]) + str(i)
            line = f"[ERROR] {f}:[{ln},{rng.randint(5, 40)}] cannot find symbol"
            out += [line, f"  symbol:   class {sym}", "  location: package org.acme.orders"]
            needles += [line, f"symbol:   class {sym}"]
        else:
            out.append(f"[WARNING] {f}:[{ln},{rng.randint(5, 40)}] [deprecation] {w(rng)}() in {w(rng).title()} has been deprecated and marked for removal")
    out += ["[INFO] 2 errors", "[INFO] -------------------------------------------------------------", "[INFO] BUILD FAILURE"]
    case("javac_errors", "log", "Fix the compile errors", "\n".join(out) + "\n", needles)

def git_log(rng):
    out = []
    target = rng.randint(40, 250)
    needles = []
    for i in range(300):
        h = "%040x" % rng.getrandbits(160)
        out.append(f"commit {h}")
        out.append(f"Author: {rng.choice(['Dana Ruiz', 'Kofi Mensah', 'Ilse Berg', 'Wei Zhang'])} <{w(rng, 1)}@acme.example>")
        out.append(f"Date:   Mon Nov {rng.randint(1, 30)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:12 2026 +0100")
        out.append("")
        if i == target:
            subj = "Raise the webhook retry timeout from 5 s to 30 s"
            needles += [h[:12], subj]
        else:
            subj = f"{rng.choice(['Fix', 'Add', 'Refactor', 'Bump', 'Document'])} {w(rng, 3).replace('_', ' ')}"
        out.append(f"    {subj}")
        out.append("")
    case("git_log_long", "log", "Which commit changed the webhook retry timeout?", "\n".join(out), needles)

def k8s_yaml(rng):
    docs = []
    needles = []
    for i in range(40):
        name = f"{w(rng, 1)}-{w(rng, 1)}-{i}"
        img = f"registry.acme.example/{name}:{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
        mem = f"{rng.randint(2, 16) * 64}Mi"
        if i == 23:
            name = "payments-api"
            img = "registry.acme.example/payments-api:4.17.2"
            mem = "1536Mi"
        doc = f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: prod
  labels:
    app: {name}
    team: {w(rng, 1)}
spec:
  replicas: {rng.randint(1, 6)}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
        - name: {name}
          image: {img}
          ports:
            - containerPort: {rng.randint(3000, 9000)}
          resources:
            requests:
              cpu: {rng.randint(1, 8) * 125}m
              memory: {mem}
            limits:
              memory: {mem}
          env:
            - name: LOG_LEVEL
              value: info
            - name: REGION
              value: eu-west-{rng.randint(1, 3)}
"""
        docs.append(doc)
    case("k8s_manifests_yaml", "text", "What image and memory limit does payments-api run with?", "---\n".join(docs),
         ["name: payments-api", "image: registry.acme.example/payments-api:4.17.2", "memory: 1536Mi"])

def junit_xml(rng):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="ledger" tests="640" failures="1" errors="0" time="52.1">']
    bad = rng.randint(100, 500)
    for i in range(640):
        if i % 40 == 0:
            if i:
                out.append("  </testsuite>")
            out.append(f'  <testsuite name="org.acme.{w(rng).title().replace("_", "")}Test" tests="40" failures="{1 if i <= bad < i + 40 else 0}" time="{rng.randint(1, 9)}.2">')
        if i == bad:
            out.append('    <testcase name="settlesCrossCurrencyPayout" classname="org.acme.PayoutTest" time="0.044">')
            out.append('      <failure message="expected: &lt;EUR 100.00&gt; but was: &lt;EUR 99.99&gt;" type="org.opentest4j.AssertionFailedError">org.opentest4j.AssertionFailedError: expected: &lt;EUR 100.00&gt; but was: &lt;EUR 99.99&gt;')
            out.append('\tat org.acme.PayoutTest.settlesCrossCurrencyPayout(PayoutTest.java:131)</failure>')
            out.append('    </testcase>')
        else:
            out.append(f'    <testcase name="{w(rng, 3)}" classname="org.acme.{w(rng).title()}" time="0.0{rng.randint(10, 99)}"/>')
    out += ["  </testsuite>", "</testsuites>"]
    case("junit_xml_report", "text", "Which test failed?", "\n".join(out) + "\n",
         ["settlesCrossCurrencyPayout", "expected: &lt;EUR 100.00&gt; but was: &lt;EUR 99.99&gt;", "PayoutTest.java:131"])

def ps_aux(rng):
    out = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"]
    big = rng.randint(10, 150)
    for i in range(180):
        pid = 1000 + i * 7
        if i == big:
            out.append(f"app       {pid:>6}  97.3 61.2 18234112 9873412 ?    Rl   Nov30 812:11 /usr/lib/jvm/java-21/bin/java -Xmx12g -jar /srv/report-builder.jar --nightly")
            needle = f"{pid:>6}  97.3 61.2"
        else:
            out.append(f"{rng.choice(['root', 'app', 'postgres', 'www-data']):<9} {pid:>6}  {rng.randint(0, 3)}.{rng.randint(0, 9)}  {rng.randint(0, 2)}.{rng.randint(0, 9)} {rng.randint(10000, 900000):>6} {rng.randint(1000, 90000):>5} ?        Ss   Nov30   0:{rng.randint(0, 59):02d} /usr/sbin/{w(rng, 1)}d --config /etc/{w(rng, 1)}.conf")
    case("ps_aux_memory", "table", "Which process is eating all the memory?", "\n".join(out) + "\n",
         [needle, "/srv/report-builder.jar --nightly"])

def top_batch(rng):
    out = ["top - 14:02:11 up 3 days,  4:12,  1 user,  load average: 7.92, 6.10, 3.44",
           "Tasks: 212 total,   2 running, 210 sleeping,   0 stopped,   0 zombie",
           "%Cpu(s): 97.1 us,  2.3 sy,  0.0 ni,  0.4 id,  0.0 wa,  0.0 hi,  0.2 si,  0.0 st",
           "MiB Mem :  15880.4 total,    412.6 free,  14210.9 used,   1256.9 buff/cache",
           "MiB Swap:      0.0 total,      0.0 free,      0.0 used.   1380.2 avail Mem",
           "",
           "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND"]
    hog = rng.randint(10, 190)
    for i in range(200):
        pid = 1000 + i * 13
        if i == hog:
            needle = f"{pid:>7} app       20   0   18.2g  13.1g  21504 R 389.7"
            out.append(needle + "  82.5 812:11.42 java")
        else:
            out.append(f"{pid:>7} {rng.choice(['root', 'app', 'postgres']):<9} 20   0 "
                       f"{rng.randint(10000, 900000):>7} {rng.randint(1000, 90000):>6} "
                       f"{rng.randint(1000, 9000):>6} S   {rng.randint(0, 3)}.{rng.randint(0, 9)}   "
                       f"{rng.randint(0, 2)}.{rng.randint(0, 9)}   0:{rng.randint(10, 59)}."
                       f"{rng.randint(10, 99)} {rng.choice(['sshd', 'nginx', 'postgres', 'containerd'])}")
    case("top_batch", "table", "Why is the box slow?", "\n".join(out) + "\n", [needle])


def kubectl_top(rng):
    out = ["NAME                                  CPU(cores)   MEMORY(bytes)"]
    busy = rng.randint(10, 140)
    for i in range(150):
        name = f"{w(rng, 1)}-{w(rng, 1)}-{rng.getrandbits(24):06x}-{rng.getrandbits(20):05x}"
        if i == busy:
            name = f"search-indexer-{rng.getrandbits(24):06x}-q2k9z"
            needle = name
            cpu = f"{rng.randint(3000, 3990)}m"
        else:
            cpu = f"{rng.randint(1, 90)}m"
        out.append(f"{name:<38}{cpu:<13}{rng.randint(40, 400)}Mi")
    case("kubectl_top_pods", "table", "Why is the cluster slow?", "\n".join(out) + "\n", [needle])


def du_sizes(rng):
    out = []
    big = rng.randint(20, 280)
    for i in range(300):
        path = f"./node_modules/{w(rng, 1)}-{i}"
        if i == big:
            out.append(f"{rng.randint(9, 30)}G\t./node_modules/.cache")
        else:
            out.append(f"{rng.choice(['4.0K', '8.0K', '12K', '36K', '120K', '1.1M', '2.4M', '18M'])}\t{path}")
    case("du_node_modules", "table", "What is eating the disk?", "\n".join(out) + "\n", ["./node_modules/.cache"])


def mysql_table(rng):
    cols = ["id", "customer", "status", "total", "currency", "created_at"]
    rows = []
    for i in range(500):
        rows.append([str(70000 + i), f"{w(rng, 1)}-{rng.randint(100, 999)}", rng.choice(["paid", "paid", "paid", "refunded", "pending"]),
                     f"{rng.randint(1, 900)}.{rng.randint(0, 99):02d}", rng.choice(["EUR", "USD"]), f"2026-11-{rng.randint(1, 30):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"])
    k = rng.randint(50, 450)
    rows[k][2] = "disputed"
    rows[k][3] = "4812.77"
    widths = [max(len(c), *(len(r[j]) for r in rows)) for j, c in enumerate(cols)]
    sep = "+" + "+".join("-" * (x + 2) for x in widths) + "+"
    line = lambda vals: "| " + " | ".join(v.ljust(x) for v, x in zip(vals, widths)) + " |"
    out = [sep, line(cols), sep] + [line(r) for r in rows] + [sep, f"500 rows in set (0.04 sec)"]
    case("mysql_orders_table", "table", "Which order is disputed and for how much?", "\n".join(out) + "\n",
         [rows[k][0], "disputed", "4812.77"])

def dmesg(rng):
    out = []
    t = 0.0
    at = rng.randint(500, 1500)
    for i in range(2000):
        t += rng.random() * 3
        if i == at:
            out.append(f"[{t:12.6f}] Out of memory: Killed process 48213 (report-builder) total-vm:18234112kB, anon-rss:9873412kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:21044kB oom_score_adj:0")
        else:
            out.append(f"[{t:12.6f}] {rng.choice(['eth0', 'nvme0n1', 'audit', 'systemd[1]', 'EXT4-fs (nvme0n1p2)'])}: {w(rng, 4).replace('_', ' ')} {rng.randint(0, 99999)}")
    case("dmesg_oom", "log", "Why did the report job die?", "\n".join(out) + "\n",
         ["Out of memory: Killed process 48213 (report-builder)"])

def python_source(rng):
    lines = ['"""Settlement helpers."""', "", "from __future__ import annotations", "", "import decimal", "from dataclasses import dataclass", ""]
    asked = rng.randint(10, 35)
    for f in range(45):
        name = "prorate_refund" if f == asked else f"{w(rng, 2)}_{f}"
        lines.append(f"def {name}(amount: decimal.Decimal, days: int, period: int = 30) -> decimal.Decimal:")
        lines.append(f'    """{w(rng, 4).replace("_", " ").capitalize()}."""')
        for k in range(rng.randint(6, 16)):
            lines.append(f"    v{k} = amount * decimal.Decimal({rng.randint(1, 99)}) / {rng.randint(2, 99)}")
        if f == asked:
            lines.append("    return (amount * days / period).quantize(decimal.Decimal('0.01'), rounding=decimal.ROUND_HALF_EVEN)")
        else:
            lines.append(f"    return v0")
        lines.append("")
        lines.append("")
    case("python_module_read", "code", "How does prorate_refund round?", "\n".join(lines),
         ["def prorate_refund(", "rounding=decimal.ROUND_HALF_EVEN"])

def graphql(rng):
    edges = []
    k = rng.randint(20, 180)
    for i in range(200):
        node = {"id": f"UHJvamVjdDo{rng.randint(10**8, 10**9)}", "name": f"{w(rng)}-{i}", "visibility": "PRIVATE",
                "defaultBranchRef": {"name": "main", "target": {"oid": "%040x" % rng.getrandbits(160),
                "checkSuites": {"nodes": [{"conclusion": "SUCCESS", "app": {"slug": "github-actions"}}]}}},
                "updatedAt": f"2026-11-{rng.randint(1, 30):02d}T10:00:00Z"}
        if i == k:
            node["name"] = "ledger-core"
            node["defaultBranchRef"]["target"]["checkSuites"]["nodes"][0]["conclusion"] = "FAILURE"
        edges.append({"cursor": f"Y3Vyc29yOnYyOpHO{rng.randint(10**6, 10**7)}", "node": node})
    body = {"data": {"organization": {"repositories": {"totalCount": 200, "pageInfo": {"hasNextPage": False}, "edges": edges}}}}
    case("graphql_repos", "json_object", "Which repository's default branch is failing CI?", json.dumps(body, indent=2),
         ["ledger-core", "FAILURE"])

def services_map(rng):
    services = {}
    bad = rng.randint(20, 280)
    for i in range(300):
        name = f"{w(rng, 1)}-{w(rng, 1)}-{i}"
        services[name] = {"healthy": True, "replicas": rng.randint(2, 6),
                          "p99_ms": rng.randint(20, 90), "version": f"4.{rng.randint(0, 9)}.{rng.randint(0, 9)}"}
        if i == bad:
            services[name]["healthy"] = False
            needle = name
    case("services_health_map", "json_object", "Is anything down?", json.dumps(services, indent=2),
         [f'"{needle}"'])


def markdown_table(rng):
    out = ["| service | region | p99 ms | error rate |", "|---|---|---:|---:|"]
    slow = rng.randint(10, 240)
    for i in range(250):
        name = f"{w(rng, 1)}-{i}"
        p99 = rng.randint(4000, 9000) if i == slow else rng.randint(20, 90)
        if i == slow:
            needle = f"| {name} |"
        out.append(f"| {name} | eu-west-{rng.randint(1, 3)} | {p99} | 0.0{rng.randint(0, 9)}% |")
    case("markdown_latency_table", "table", "Which service is slow?", "\n".join(out) + "\n", [needle])


def nginx_error_log(rng):
    out = []
    bad = rng.randint(100, 500)
    for i in range(600):
        ts = f"2024/06/11 14:{i // 60 % 60:02d}:{i % 60:02d}"
        if i == bad:
            line = (f"{ts} [error] 1234#0: *{i} connect() failed (111: Connection refused) while connecting"
                    f" to upstream, client: 10.0.0.7, server: api.acme.example, request: \"POST /v1/charges"
                    f" HTTP/1.1\", upstream: \"http://10.0.3.12:8080/v1/charges\"")
            out.append(line)
        else:
            out.append(f"{ts} [notice] 1234#0: *{i} {w(rng, 4).replace('_', ' ')} while reading client"
                       f" request headers, client: 10.0.0.{rng.randint(1, 200)}")
    case("nginx_error_log", "log", "Why do charges fail?", "\n".join(out) + "\n",
         ["connect() failed (111: Connection refused)"])


def klog(rng):
    out = []
    bad = rng.randint(100, 700)
    for i in range(800):
        stamp = f"0611 14:0{i // 100}:{i % 60:02d}.{rng.randint(100000, 999999)}"
        if i == bad:
            out.append(f"E{stamp}       1 reconciler.go:214] failed to sync deployment payments/ledger-api:"
                       " Operation cannot be fulfilled on replicasets.apps \"ledger-api-7d9f\"")
        else:
            out.append(f"I{stamp}       1 {rng.choice(['controller.go', 'informer.go', 'queue.go'])}:"
                       f"{rng.randint(10, 400)}] {w(rng, 5).replace('_', ' ')}")
    case("klog_controller", "log", "Is the controller healthy?", "\n".join(out) + "\n",
         ["failed to sync deployment payments/ledger-api"])


def dotnet_console(rng):
    out = []
    bad = rng.randint(50, 350)
    for i in range(400):
        if i == bad:
            out += ["fail: Microsoft.AspNetCore.Server.Kestrel[13]",
                    "      Connection id \"0HN4\", Request id \"0HN4:00000002\": An unhandled exception"
                    " was thrown by the application.",
                    "      System.InvalidOperationException: Sequence contains no elements",
                    "         at Acme.Billing.InvoiceService.Total(Invoice invoice) in"
                    " /src/Billing/InvoiceService.cs:line 88"]
        else:
            out += [f"info: Acme.Billing.{w(rng, 1).title()}Worker[0]",
                    f"      Processed {rng.randint(1, 500)} {w(rng, 2).replace('_', ' ')} in"
                    f" {rng.randint(2, 900)} ms"]
    case("dotnet_console_log", "log", "What broke?", "\n".join(out) + "\n",
         ["System.InvalidOperationException: Sequence contains no elements", "InvoiceService.cs:line 88"])


def json_lines_no_level(rng):
    out = []
    bad = rng.randint(100, 600)
    for i in range(700):
        failed = i == bad
        out.append(json.dumps({"ts": f"2024-06-11T14:{i // 60 % 60:02d}:{i % 60:02d}Z",
                               "route": "/v1/" + rng.choice(["charges", "refunds", "payouts"]),
                               "status": 502 if failed else 200,
                               "ms": 30001 if failed else rng.randint(5, 90),
                               "msg": "upstream timeout" if failed else w(rng, 3).replace("_", " ")}))
    case("json_lines_no_level", "log", "Any problems?", "\n".join(out) + "\n", ["upstream timeout"])


def backups(rng):
    rows = []
    stale = rng.randint(20, 180)
    for i in range(200):
        host = f"db-{i:03d}.{w(rng, 1)}.acme.example"
        taken = (f"2026-09-{rng.randint(10, 20)}T03:12:00Z" if i == stale else
                 f"2026-12-0{rng.randint(5, 7)}T0{rng.randint(0, 9)}:{rng.randint(10, 59)}:00Z")
        if i == stale:
            needle = host
        rows.append({"host": host, "last_backup": taken, "size_gb": rng.randint(40, 90),
                     "status": "ok"})
    case("backups_stale_one", "json_array", "Are the backups healthy?", json.dumps(rows, indent=1),
         [needle])


def sheet_values(rng):
    values = [["invoice", "customer", "amount", "due", "state"]]
    late = rng.randint(20, 380)
    for i in range(400):
        late_one = i == late
        values.append([f"INV-{5000 + i}", f"cust-{rng.randint(1, 80)}",
                       f"{rng.randint(10, 900)}.{rng.randint(0, 99):02d}",
                       "2026-10-01" if late_one else f"2026-12-{rng.randint(10, 28)}",
                       "overdue" if late_one else "open"])
    doc = {"range": "Invoices!A1:E401", "majorDimension": "ROWS", "values": values}
    case("sheet_invoices", "json_object", "Anything I should chase?", json.dumps(doc),
         [f"INV-{5000 + late}"])


def npm_install(rng):
    out = []
    for i in range(300):
        out.append(f"npm warn deprecated {w(rng, 1)}-{w(rng, 1)}@{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}: This package is no longer supported.")
    out += ["npm error code ERESOLVE", "npm error ERESOLVE unable to resolve dependency tree", "npm error",
            "npm error While resolving: checkout-web@2.8.0", "npm error Found: react@19.0.0",
            "npm error node_modules/react", "npm error   react@\"^19.0.0\" from the root project", "npm error",
            "npm error Could not resolve dependency:", "npm error peer react@\"^17.0.0 || ^18.0.0\" from react-payment-form@3.2.1",
            "npm error node_modules/react-payment-form", "npm error   react-payment-form@\"^3.2.1\" from the root project",
            "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-12-01T09_12_44_123Z-debug-0.log"]
    case("npm_eresolve", "log", "Why does npm install fail?", "\n".join(out) + "\n",
         ["ERESOLVE unable to resolve dependency tree", "peer react@\"^17.0.0 || ^18.0.0\" from react-payment-form@3.2.1", "Found: react@19.0.0"])

def docker_build(rng):
    out = ["#0 building with \"default\" instance using docker driver", ""]
    for s in range(1, 12):
        out.append(f"#{s} [internal] load {w(rng, 1)}")
        for k in range(rng.randint(5, 40)):
            out.append(f"#{s} {rng.randint(0, 90)}.{rng.randint(100, 999)} {w(rng, 5).replace('_', ' ')}")
        out.append(f"#{s} DONE {rng.randint(0, 30)}.{rng.randint(0, 9)}s")
        out.append("")
    out += ["#12 [build 6/9] RUN ./gradlew bootJar --no-daemon",
            "#12 41.22 > Task :compileJava FAILED",
            "#12 41.23 /src/main/java/org/acme/api/RateCard.java:57: error: incompatible types: possible lossy conversion from long to int",
            "#12 41.30 FAILURE: Build failed with an exception.",
            "#12 ERROR: process \"/bin/sh -c ./gradlew bootJar --no-daemon\" did not complete successfully: exit code: 1",
            "------", "ERROR: failed to solve: process \"/bin/sh -c ./gradlew bootJar --no-daemon\" did not complete successfully: exit code: 1"]
    case("docker_build_failure", "log", "Why does the image build fail?", "\n".join(out) + "\n",
         ["RateCard.java:57: error: incompatible types: possible lossy conversion from long to int", "exit code: 1"])

def tsv(rng):
    out = ["sku\twarehouse\ton_hand\treserved\treorder_point\tsupplier"]
    k = rng.randint(100, 2500)
    for i in range(3000):
        on = rng.randint(50, 900)
        if i == k:
            out.append(f"SKU-{400000 + i}\tRTM-2\t0\t14\t40\tNordic Fasteners BV")
            sku = f"SKU-{400000 + i}"
        else:
            out.append(f"SKU-{400000 + i}\t{rng.choice(['AMS-1', 'RTM-2', 'BER-1'])}\t{on}\t{rng.randint(0, 40)}\t{rng.randint(10, 49)}\t{w(rng, 2).title()} GmbH")
    case("tsv_stock", "table", "Which SKU is out of stock?", "\n".join(out) + "\n", [sku, "Nordic Fasteners BV"])

def rust_errors(rng):
    out = []
    for i in range(60):
        out.append(f"warning: unused variable: `{w(rng, 1)}_{i}`")
        out.append(f"  --> src/{w(rng, 1)}.rs:{rng.randint(1, 400)}:{rng.randint(1, 30)}")
        out.append("   |")
        out.append(f"{rng.randint(1, 400)} |     let {w(rng, 1)}_{i} = compute();")
        out.append("   |         ^^^^^ help: if this is intentional, prefix it with an underscore")
        out.append("")
    out += ["error[E0502]: cannot borrow `ledger` as mutable because it is also borrowed as immutable",
            "   --> src/posting.rs:142:9", "    |", "140 |     let first = ledger.entries.first();",
            "    |                 -------------- immutable borrow occurs here", "141 |     ...",
            "142 |         ledger.push(reversal(first));", "    |         ^^^^^^^^^^^ mutable borrow occurs here", "",
            "error: could not compile `ledger` (lib) due to 1 previous error; 60 warnings emitted"]
    case("rustc_borrow_error", "log", "Fix the build", "\n".join(out) + "\n",
         ["error[E0502]: cannot borrow `ledger` as mutable", "src/posting.rs:142:9"])

# Second batch: linters, config management, metrics text, cloud JSON, thread dumps, trees.

def eslint(rng):
    out = []
    files = [f"/builds/acme/web/src/{rng.choice(['components', 'pages', 'hooks', 'lib'])}/{w(rng, 1).title()}{w(rng, 1).title()}{i}.tsx" for i in range(60)]
    bad = rng.sample(range(60), 2)
    needles = []
    problems = 0
    for i, f in enumerate(files):
        out.append(f)
        for _ in range(rng.randint(1, 5)):
            problems += 1
            rule, msg = rng.choice([("@typescript-eslint/no-unused-vars", f"'{w(rng, 1)}' is defined but never used"),
                                    ("react-hooks/exhaustive-deps", f"React Hook useEffect has a missing dependency: '{w(rng, 1)}'. Either include it or remove the dependency array"),
                                    ("@typescript-eslint/no-explicit-any", "Unexpected any. Specify a different type"),
                                    ("prefer-const", f"'{w(rng, 1)}' is never reassigned. Use 'const' instead")])
            out.append(f"  {rng.randint(1, 400)}:{rng.randint(1, 80)}  warning  {msg}  {rule}")
        if i in bad:
            problems += 1
            line = f"  {rng.randint(1, 400)}:{rng.randint(1, 80)}  error  '{w(rng, 1)}Total' is not defined  no-undef"
            out.append(line)
            needles += [f, line.strip()]
        out.append("")
    out.append(f"\u2716 {problems} problems (2 errors, {problems - 2} warnings)")
    out.append("  0 errors and 37 warnings potentially fixable with the `--fix` option.")
    case("eslint_stylish", "log", "Which lint errors fail the CI job?", "\n".join(out) + "\n", needles)

def tsc(rng):
    out = []
    needles = []
    target = rng.randint(10, 70)
    for i in range(80):
        mod = rng.choice(["cart", "profile", "search", "orders", "admin", "auth"])
        path = f"src/{mod}/{w(rng, 1)}{i}.ts"
        if i == target:
            path = "src/checkout/applyCoupon.ts"
            line = f"{path}(48,17): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'."
            needles.append(line)
        else:
            line = f"{path}({rng.randint(1, 300)},{rng.randint(1, 60)}): error TS{rng.choice([2339, 2532, 7006, 2322])}: " + rng.choice([
                f"Property '{w(rng, 1)}' does not exist on type '{w(rng, 1).title()}Props'.",
                "Object is possibly 'undefined'.",
                f"Parameter '{w(rng, 1)}' implicitly has an 'any' type.",
                f"Type '{w(rng, 1).title()} | null' is not assignable to type '{w(rng, 1).title()}'."])
        out.append(line)
    out.append("")
    out.append("Found 80 errors in 80 files.")
    case("tsc_errors", "log", "What is the type error in the checkout code?", "\n".join(out) + "\n", needles)

def ansible(rng):
    hosts = [f"web-{i:02d}" for i in range(1, 9)] + [f"db-{i:02d}" for i in range(1, 4)]
    failed = rng.choice(hosts[8:])
    out = ["", "PLAY [Configure fleet] *********************************************************", ""]
    tasks = ["Gathering Facts", "common : install base packages", "common : configure ntp", "common : create service user",
             "nginx : render site config", "nginx : reload nginx", "postgresql : install server", "postgresql : render pg_hba.conf",
             "postgresql : ensure replication slot exists", "monitoring : install node exporter", "monitoring : open firewall port"]
    fail_task = "postgresql : ensure replication slot exists"
    needles = [f"TASK [{fail_task}]"]
    alive = list(hosts)
    for t in tasks:
        out.append(f"TASK [{t}] " + "*" * max(3, 70 - len(t)))
        for h in alive:
            if t == fail_task and h == failed:
                msg = f'fatal: [{h}]: FAILED! => {{"changed": false, "msg": "replication slot \\"standby_{rng.randint(1, 9)}\\" already exists with a different plugin"}}'
                out.append(msg)
                needles.append(msg)
            else:
                out.append(f"{rng.choice(['ok', 'ok', 'changed'])}: [{h}]")
        if t == fail_task:
            alive.remove(failed)
        out.append("")
    out.append("PLAY RECAP *********************************************************************")
    for h in hosts:
        f = 1 if h == failed else 0
        ok = 9 if h == failed else 11
        line = f"{h:<26}: ok={ok}   changed={rng.randint(0, 4)}    unreachable=0    failed={f}    skipped={rng.randint(0, 3)}    rescued=0    ignored=0"
        out.append(line)
        if f:
            needles.append(line)
    text = "\n".join(out) + "\n"
    # a fleet run is long: repeat the play for three inventories
    case("ansible_playbook", "log", "Which host failed the playbook and why?", text, needles)

def prometheus_text(rng):
    out = []
    needles = []
    routes = [f"/api/v1/{w(rng, 1)}" for _ in range(18)] + ["/api/v1/payouts"]
    out += ["# HELP http_requests_total Total HTTP requests.", "# TYPE http_requests_total counter"]
    for r in routes:
        for m in ["GET", "POST"]:
            for s in ["200", "400", "500"]:
                v = rng.randint(1000, 90000) if s == "200" else rng.randint(0, 40)
                if r == "/api/v1/payouts" and m == "POST" and s == "500":
                    v = 48120
                line = f'http_requests_total{{method="{m}",route="{r}",status="{s}"}} {v}'
                out.append(line)
                if v == 48120:
                    needles.append(line)
    out += ["# HELP http_request_duration_seconds Request latency.", "# TYPE http_request_duration_seconds histogram"]
    for r in routes[:10]:
        c = 0
        for le in ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"]:
            c += rng.randint(10, 900)
            out.append(f'http_request_duration_seconds_bucket{{route="{r}",le="{le}"}} {c}')
        out.append(f'http_request_duration_seconds_sum{{route="{r}"}} {rng.uniform(10, 900):.3f}')
        out.append(f'http_request_duration_seconds_count{{route="{r}"}} {c}')
    out += ["# HELP worker_queue_depth Jobs waiting per queue.", "# TYPE worker_queue_depth gauge"]
    for q in ["emails", "exports", "webhooks", "invoices", "refunds", "search-index"]:
        v = 9731 if q == "webhooks" else rng.randint(0, 14)
        line = f'worker_queue_depth{{queue="{q}"}} {v}'
        out.append(line)
        if q == "webhooks":
            needles.append(line)
    out += ["# HELP process_resident_memory_bytes Resident memory size in bytes.", "# TYPE process_resident_memory_bytes gauge",
            f"process_resident_memory_bytes {rng.randint(200, 400) * 1048576}", "# HELP go_goroutines Number of goroutines.",
            "# TYPE go_goroutines gauge", f"go_goroutines {rng.randint(40, 90)}"]
    case("prometheus_metrics_text", "text", "Is anything wrong with the payments service right now?", "\n".join(out) + "\n", needles)

def aws_instances(rng):
    reservations = []
    needles = []
    stopped = rng.randint(5, 30)
    n = 0
    for r in range(12):
        inst = []
        for _ in range(3):
            iid = "i-%017x" % rng.getrandbits(68)
            state = {"Code": 16, "Name": "running"}
            name = f"{w(rng, 1)}-{w(rng, 1)}-{n}"
            if n == stopped:
                state = {"Code": 80, "Name": "stopped"}
                needles += [iid, "stopped"]
            inst.append({"AmiLaunchIndex": 0, "ImageId": "ami-%017x" % rng.getrandbits(68), "InstanceId": iid,
                         "InstanceType": rng.choice(["m6i.large", "m6i.xlarge", "c6g.large"]), "LaunchTime": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:14:07+00:00",
                         "Monitoring": {"State": "disabled"}, "Placement": {"AvailabilityZone": f"eu-west-1{rng.choice('abc')}", "GroupName": "", "Tenancy": "default"},
                         "PrivateDnsName": f"ip-10-0-{rng.randint(0, 255)}-{rng.randint(0, 255)}.eu-west-1.compute.internal", "PrivateIpAddress": f"10.0.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                         "State": state, "SubnetId": "subnet-%017x" % rng.getrandbits(68), "VpcId": "vpc-0a1b2c3d4e5f60718",
                         "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"AttachTime": "2026-03-02T10:11:12+00:00", "DeleteOnTermination": True, "Status": "attached", "VolumeId": "vol-%017x" % rng.getrandbits(68)}}],
                         "SecurityGroups": [{"GroupName": "default", "GroupId": "sg-%017x" % rng.getrandbits(68)}],
                         "Tags": [{"Key": "Name", "Value": name}, {"Key": "team", "Value": w(rng, 1)}]})
            n += 1
        reservations.append({"Groups": [], "Instances": inst, "OwnerId": "123456789012", "ReservationId": "r-%017x" % rng.getrandbits(68)})
    case("aws_describe_instances", "json_object", "Is any of our EC2 instances down?", json.dumps({"Reservations": reservations}, indent=4), needles)

def jstack(rng):
    out = [f"2026-12-07 09:14:22", "Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1 mixed mode, sharing):", ""]
    frames = ["java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)",
              "java.base@17.0.15/java.util.concurrent.locks.LockSupport.park(LockSupport.java:341)",
              "java.base@17.0.15/java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
              "java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1062)",
              "java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1122)",
              "java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)",
              "java.base@17.0.15/java.lang.Thread.run(Thread.java:840)"]
    blocked = rng.sample(range(70), 2)
    locks = ["0x000000076ab62208", "0x000000076ab7f3c0"]
    needles = []
    names = {}
    for i in range(70):
        tid = 20 + i
        name = f"http-nio-8080-exec-{i + 1}" if i < 40 else f"pool-{rng.randint(1, 4)}-thread-{i}"
        names[i] = name
        if i in blocked:
            k = blocked.index(i)
            head = f'"{name}" #{tid} daemon prio=5 os_prio=0 cpu={rng.randint(100, 900)}.12ms elapsed={rng.randint(1000, 9000)}.55s tid=0x00007f{rng.getrandbits(36):09x} nid=0x{rng.getrandbits(16):x} waiting for monitor entry  [0x00007f{rng.getrandbits(28):07x}000]'
            out += [head, "   java.lang.Thread.State: BLOCKED (on object monitor)",
                    f"\tat com.acme.ledger.AccountLocks.transfer(AccountLocks.java:{88 + k})",
                    f"\t- waiting to lock <{locks[1 - k]}> (a com.acme.ledger.Account)",
                    f"\t- locked <{locks[k]}> (a com.acme.ledger.Account)",
                    "\tat com.acme.ledger.TransferService.execute(TransferService.java:41)",
                    "\tat com.acme.web.TransferController.post(TransferController.java:57)"] + ["\tat " + f for f in frames[-3:]] + [""]
            needles.append(f'"{name}" #{tid}')
        else:
            out += [f'"{name}" #{tid} daemon prio=5 os_prio=0 cpu={rng.randint(1, 900)}.{rng.randint(10, 99)}ms elapsed={rng.randint(1000, 9000)}.55s tid=0x00007f{rng.getrandbits(36):09x} nid=0x{rng.getrandbits(16):x} waiting on condition  [0x00007f{rng.getrandbits(28):07x}000]',
                    "   java.lang.Thread.State: WAITING (parking)", "\tat " + frames[0],
                    f"\t- parking to wait for  <0x000000076{rng.getrandbits(28):07x}> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)"] + ["\tat " + f for f in frames[1:]] + [""]
    out += ["", "Found one Java-level deadlock:", "=============================",
            f'"{names[blocked[0]]}":', f"  waiting to lock monitor 0x00007f3a2c004e80 (object {locks[1]}, a com.acme.ledger.Account),",
            f'  which is held by "{names[blocked[1]]}"', f'"{names[blocked[1]]}":',
            f"  waiting to lock monitor 0x00007f3a2c007a10 (object {locks[0]}, a com.acme.ledger.Account),",
            f'  which is held by "{names[blocked[0]]}"', "", "Found 1 deadlock.", ""]
    needles += ["Found one Java-level deadlock:", f"- waiting to lock <{locks[1]}>"]
    case("jstack_deadlock", "log", "Why do transfer requests hang?", "\n".join(out), needles)

def df_h(rng):
    out = ["Filesystem      Size  Used Avail Use% Mounted on"]
    full = rng.randint(10, 35)
    needles = []
    for i in range(40):
        if i % 3 == 0:
            line = f"tmpfs           {rng.randint(1, 16)}G     0  {rng.randint(1, 16)}G   0% /run/user/{1000 + i}"
        elif i == full:
            line = "/dev/nvme1n1p1  500G  491G  9.1G  99% /var/lib/postgresql"
            needles.append(line)
        else:
            pct = rng.randint(8, 70)
            size = rng.choice([20, 50, 100, 200, 500])
            used = size * pct // 100
            line = f"/dev/nvme{rng.randint(0, 3)}n1p{rng.randint(1, 9)}  {size}G  {used}G  {size - used}G  {pct:>3}% /srv/{w(rng, 1)}{i}"
        out.append(line)
    case("df_h", "table", "Why are database writes failing?", "\n".join(out) + "\n", needles)

def ss_listen(rng):
    out = ["Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process"]
    needles = []
    ports = rng.sample(range(1025, 60000), 60)
    target = rng.randint(5, 55)
    for i, p in enumerate(ports):
        proc = rng.choice(["node", "java", "python3", "envoy", "redis-server", "nginx"])
        pid = rng.randint(300, 90000)
        if i == target:
            p, proc = 5432, "postgres"
        line = f'tcp   LISTEN 0      {rng.choice([128, 511, 4096])}    {rng.choice(["0.0.0.0", "127.0.0.1", "[::]"])}:{p}       0.0.0.0:*    users:(("{proc}",pid={pid},fd={rng.randint(3, 40)}))'
        out.append(line)
        if i == target:
            needles.append(f'users:(("postgres",pid={pid}')
    case("ss_listening", "table", "Which process is listening on port 5432?", "\n".join(out) + "\n", needles)

def gradle_deps(rng):
    out = ["", "> Task :app:dependencies", "", "------------------------------------------------------------", "Project ':app'",
           "------------------------------------------------------------", "", "runtimeClasspath - Runtime classpath of source set 'main'."]
    groups = ["io.netty", "org.slf4j", "com.google.guava", "io.micrometer", "org.apache.commons", "software.amazon.awssdk", "io.grpc"]
    needles = []
    target = rng.randint(30, 180)
    n = 0
    for top in range(25):
        g = rng.choice(groups)
        out.append(f"+--- {g}:{w(rng, 1)}-{w(rng, 1)}:{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}")
        for c in range(rng.randint(3, 9)):
            n += 1
            pre = "|    +--- " if c else "|    \\--- "
            if n == target:
                line = "|    +--- com.fasterxml.jackson.core:jackson-databind:2.12.7 -> 2.17.2 (*)"
                needles.append("com.fasterxml.jackson.core:jackson-databind:2.12.7 -> 2.17.2")
            else:
                v1 = f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
                line = f"{pre}{rng.choice(groups)}:{w(rng, 1)}:{v1}" + rng.choice(["", " (*)", f" -> {v1[:-1]}{rng.randint(0, 9)}", " (c)"])
            out.append(line)
            if rng.random() < 0.3:
                out.append(f"|    |    \\--- {rng.choice(groups)}:{w(rng, 1)}:{rng.randint(1, 9)}.{rng.randint(0, 9)}.0 (*)")
    out += ["", "(c) - A dependency constraint, not a dependency.", "(*) - Indicates repeated occurrences of a transitive dependency subtree.", "", "BUILD SUCCESSFUL in 3s", "1 actionable task: 1 executed"]
    case("gradle_dependency_tree", "text", "Which jackson-databind version does the app resolve at runtime?", "\n".join(out) + "\n", needles)

def otel_trace(rng):
    spans = []
    needles = []
    trace = "%032x" % rng.getrandbits(128)
    slow = rng.randint(20, 100)
    for i in range(120):
        sid = "%016x" % rng.getrandbits(64)
        dur = rng.randint(1, 40)
        name = rng.choice(["SELECT orders", "GET /inventory/{sku}", "redis GET", "POST /pricing/quote", "kafka publish order.events", "SELECT customers"])
        if i == slow:
            name = "POST /fraud/score"
            dur = 8214
            needles += [sid, "8214"]
        spans.append({"traceId": trace, "spanId": sid, "parentSpanId": "%016x" % rng.getrandbits(64), "name": name,
                      "service": rng.choice(["checkout", "pricing", "inventory", "fraud"]), "kind": "CLIENT", "durationMs": dur,
                      "status": {"code": "OK"}, "attributes": {"http.status_code": 200, "net.peer.name": f"{w(rng, 1)}.svc.cluster.local"}})
    case("otel_trace_spans", "json_array", "Why is checkout slow?", json.dumps(spans, indent=2), needles)

def pip_freeze(rng):
    names = sorted({f"{w(rng, 1)}-{w(rng, 1)}" for _ in range(200)})
    out = [f"{n}=={rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}" for n in names]
    out.insert(rng.randint(10, len(out) - 10), "urllib3==1.26.5")
    out.sort()
    case("pip_freeze", "text", "Which urllib3 version is installed?", "\n".join(out) + "\n", ["urllib3==1.26.5"])

def vmstat(rng):
    out = ["procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----",
           " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st"]
    spike = rng.randint(60, 200)
    needles = []
    for i in range(240):
        if spike <= i < spike + 3:
            line = f" 1 {14 + i - spike}  10240 {rng.randint(100000, 120000)}  {rng.randint(9000, 9999)} {rng.randint(800000, 900000)}    0    0 {rng.randint(90000, 99999)} {rng.randint(80000, 89999)} 3{rng.randint(100, 999)} 5{rng.randint(100, 999)}  4  3  {6 - (i - spike)} 87  0"
            needles.append(line)
        else:
            line = f" {rng.randint(0, 2)}  0  10240 {rng.randint(300000, 400000)}  {rng.randint(9000, 9999)} {rng.randint(800000, 900000)}    0    0     {rng.randint(0, 99):>2}    {rng.randint(10, 99)} {rng.randint(300, 999)} {rng.randint(500, 999)}  {rng.randint(2, 9)}  1 {rng.randint(88, 97)}  0  0"
        out.append(line)
    case("vmstat_io_wait", "table", "Was the host IO-bound during the incident?", "\n".join(out) + "\n", needles[:2])

def tree(rng):
    out = ["."]
    needles = []
    dirs = ["api", "billing", "accounts", "notifications", "reports", "search", "shared"]
    target = rng.choice(dirs[:5])
    for d in dirs:
        out.append(f"\u251c\u2500\u2500 {d}")
        files = [f"{w(rng, 1)}_{w(rng, 1)}.py" for _ in range(rng.randint(12, 25))]
        if d == target:
            files.insert(rng.randint(2, 8), "stripe_webhook_receiver.py")
        for j, f in enumerate(files):
            last = j == len(files) - 1
            branch = "\u2514" if last else "\u251c"
            out.append(f"\u2502   {branch}\u2500\u2500 {f}")
            if f == "stripe_webhook_receiver.py":
                needles.append(f)
        out.append(f"\u2502   \u2514\u2500\u2500 tests")
        for j in range(rng.randint(8, 14)):
            out.append(f"\u2502       \u251c\u2500\u2500 test_{w(rng, 1)}_{j}.py")
    out += ["", f"{len(dirs) * 2} directories, {len(out) - len(dirs) * 2} files"]
    case("tree_listing", "text", "Where does the code receive payment provider webhooks?", "\n".join(out) + "\n", needles)

def ruff(rng):
    out = []
    target = rng.randint(30, 200)
    needles = []
    for i in range(260):
        path = f"app/{rng.choice(['billing', 'ledger', 'api', 'jobs'])}/{w(rng, 1)}.py"
        if i == target:
            line = "app/billing/tax.py:88:16: F821 Undefined name `rate`"
            needles.append(line)
        else:
            code, msg = rng.choice([("E501", f"Line too long ({rng.randint(89, 140)} > 88)"), ("E501", f"Line too long ({rng.randint(89, 140)} > 88)"),
                                    ("W291", "Trailing whitespace"), ("I001", "Import block is un-sorted or un-formatted"), ("UP006", "Use `list` instead of `List` for type annotation")])
            line = f"{path}:{rng.randint(1, 500)}:{rng.randint(1, 80)}: {code} {msg}"
        out.append(line)
    out.append("Found 260 errors.")
    out.append("[*] 61 fixable with the `--fix` option.")
    case("ruff_check", "log", "Is there anything here that would crash at runtime?", "\n".join(out) + "\n", needles)

def docker_inspect(rng):
    env = [f"{w(rng, 1).upper()}_{w(rng, 1).upper()}={w(rng, 1)}" for _ in range(30)]
    obj = [{"Id": "%064x" % rng.getrandbits(256), "Created": "2026-12-06T22:10:41.118Z", "Path": "/usr/local/bin/docker-entrypoint.sh",
            "Args": ["node", "server.js"],
            "State": {"Status": "exited", "Running": False, "Paused": False, "Restarting": False, "OOMKilled": True, "Dead": False, "Pid": 0,
                      "ExitCode": 137, "Error": "", "StartedAt": "2026-12-07T03:12:09.55Z", "FinishedAt": "2026-12-07T03:41:52.01Z"},
            "Image": "sha256:%064x" % rng.getrandbits(256), "Name": "/orders-api-1", "RestartCount": 0,
            "HostConfig": {"Memory": 536870912, "MemorySwap": 1073741824, "RestartPolicy": {"Name": "no", "MaximumRetryCount": 0},
                           "NetworkMode": "orders_default", "PortBindings": {"8080/tcp": [{"HostIp": "", "HostPort": "8080"}]},
                           "LogConfig": {"Type": "json-file", "Config": {}}, "CpuShares": 0, "Ulimits": None, "ShmSize": 67108864},
            "Config": {"Hostname": "%012x" % rng.getrandbits(48), "Env": env, "Cmd": ["node", "server.js"], "Image": "acme/orders-api:2.8.1",
                       "WorkingDir": "/app", "Labels": {f"com.docker.compose.{k}": w(rng, 1) for k in ["project", "service", "version", "oneoff", "config-hash", "container-number"]}},
            "Mounts": [{"Type": "volume", "Name": "%064x" % rng.getrandbits(256), "Source": f"/var/lib/docker/volumes/{w(rng, 1)}/_data", "Destination": f"/app/{w(rng, 1)}", "Driver": "local", "Mode": "z", "RW": True, "Propagation": ""} for _ in range(8)],
            "NetworkSettings": {"Networks": {"orders_default": {"IPAddress": "", "Gateway": "", "MacAddress": "", "NetworkID": "%064x" % rng.getrandbits(256), "EndpointID": ""}}}}]
    case("docker_inspect_exited", "json_array", "Why did the orders-api container stop?", json.dumps(obj, indent=4),
         ["OOMKilled", "137"])

def csv_quoted(rng):
    out = ["ticket_id,created_at,customer,channel,subject,body,status"]
    needles = []
    target = rng.randint(50, 350)
    for i in range(400):
        body = rng.choice([f"Hi, I can't log in since {w(rng, 1)}, please help.", f"Where is my order? It said \"\"shipped\"\" on Monday, {w(rng, 1)}.",
                           "Feature request: export to PDF, with logo, and footer.", f"Thanks for the quick fix!\nBest, {w(rng, 1).title()}"])
        cust = f"{w(rng, 1).title()} {w(rng, 1).title()}"
        if i == target:
            body = "I was billed twice for the same annual plan, once on the 3rd and again on the 4th.\nPlease refund the second charge."
            cust = "Mara Okafor"
            needles += ["Mara Okafor", "billed twice for the same annual plan"]
        out.append(f'{10000 + i},2026-11-{rng.randint(1, 30):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z,"{cust}",{rng.choice(["email", "chat", "phone"])},"{w(rng, 2).replace("_", " ")}","{body}",{rng.choice(["open", "closed", "pending"])}')
    case("csv_quoted_multiline", "table", "Which customer complained about a duplicate charge?", "\n".join(out) + "\n", needles)

def describe_pods(rng):
    out = []
    needles = []
    bad = rng.randint(1, 6)
    for i in range(8):
        name = f"orders-worker-7d9f8c6b5-{'%05x' % rng.getrandbits(20)}"
        oom = i == bad
        out += [f"Name:             {name}", "Namespace:        prod", "Priority:         0", "Service Account:  orders",
                f"Node:             ip-10-0-{rng.randint(0, 255)}-{rng.randint(0, 255)}.eu-west-1.compute.internal/10.0.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                f"Start Time:       Sun, 06 Dec 2026 {rng.randint(10, 23)}:{rng.randint(10, 59)}:0{rng.randint(0, 9)} +0000",
                "Labels:           app=orders-worker", "                  pod-template-hash=7d9f8c6b5",
                f"Status:           Running", f"IP:               10.1.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                "Controlled By:  ReplicaSet/orders-worker-7d9f8c6b5", "Containers:", "  worker:",
                f"    Container ID:   containerd://{'%064x' % rng.getrandbits(256)}", "    Image:          registry.acme.example/orders-worker:3.4.0",
                "    Port:           <none>", "    Host Port:      <none>", "    State:          Running",
                f"      Started:      Mon, 07 Dec 2026 0{rng.randint(0, 9)}:{rng.randint(10, 59)}:11 +0000"]
        if oom:
            out += ["    Last State:     Terminated", "      Reason:       OOMKilled", "      Exit Code:    137",
                    "      Started:      Mon, 07 Dec 2026 05:02:11 +0000", "      Finished:     Mon, 07 Dec 2026 05:09:47 +0000",
                    "    Ready:          True", "    Restart Count:  14"]
        else:
            out += ["    Ready:          True", "    Restart Count:  0"]
        out += ["    Limits:", "      memory:  512Mi", "    Requests:", "      cpu:     250m", "      memory:  512Mi",
                "    Environment:", "      QUEUE:  orders", "    Mounts:", "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access (ro)",
                "Conditions:", "  Type              Status", "  Initialized       True", "  Ready             True", "  ContainersReady   True", "  PodScheduled      True",
                "QoS Class:                   Burstable", "Node-Selectors:              <none>", "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
                "Events:"]
        if oom:
            out += ["  Type     Reason   Age                  From     Message", "  ----     ------   ----                 ----     -------",
                    "  Normal   Pulled   12m (x15 over 3h)    kubelet  Container image \"registry.acme.example/orders-worker:3.4.0\" already present on machine",
                    "  Warning  BackOff  2m (x61 over 3h)     kubelet  Back-off restarting failed container worker in pod " + name]
            needles += [name, "Reason:       OOMKilled", "Restart Count:  14"]
        else:
            out.append("  <none>")
        out.append("")
    case("kubectl_describe_pods", "text", "Why does the orders worker keep restarting?", "\n".join(out) + "\n", needles)

def webpack_assets(rng):
    out = [f"vite v5.4.11 building for production...", "transforming...", f"\u2713 {rng.randint(1500, 3000)} modules transformed.", "rendering chunks...", "computing gzip size..."]
    needles = []
    big = rng.randint(10, 60)
    for i in range(70):
        name = f"dist/assets/{w(rng, 1)}-{'%08x' % rng.getrandbits(32)}.js"
        kb = rng.uniform(0.5, 180)
        if i == big:
            name = f"dist/assets/vendor-charts-{'%08x' % rng.getrandbits(32)}.js"
            kb = 2184.31
            needles.append(name)
        out.append(f"{name:<56} {kb:>9,.2f} kB \u2502 gzip: {kb / 3.4:>8,.2f} kB")
    out += ["", "(!) Some chunks are larger than 500 kB after minification. Consider:", "- Using dynamic import() to code-split the application",
            f"\u2713 built in {rng.randint(8, 40)}.{rng.randint(10, 99)}s"]
    case("vite_build_assets", "log", "Which bundle makes the page load slowly?", "\n".join(out) + "\n", needles)

def gcc_warnings(rng):
    out = ["[ 12%] Building C object src/CMakeFiles/acme.dir/net/conn.c.o"]
    errs = sorted(rng.sample(range(150), 2))
    needles = []
    for i in range(150):
        f = f"src/{rng.choice(['net', 'store', 'util', 'proto'])}/{w(rng, 1)}.c"
        ln, col = rng.randint(10, 900), rng.randint(3, 40)
        var = w(rng, 1)
        if i in errs:
            line = f"{f}:{ln}:{col}: error: '{var}_len' undeclared (first use in this function)"
            needles.append(line)
        else:
            line = f"{f}:{ln}:{col}: warning: unused variable '{var}' [-Wunused-variable]"
        out += [line, f"  {ln} |     size_t {var} = 0;", "      |            ^" + "~" * len(var)]
        if rng.random() < 0.2:
            out.append(f"[ {12 + i // 3}%] Building C object src/CMakeFiles/acme.dir/{f[4:]}.o")
    out += ["make[2]: *** [src/CMakeFiles/acme.dir/build.make:76: src/CMakeFiles/acme.dir/net/conn.c.o] Error 1",
            "make[1]: *** [CMakeFiles/Makefile2:97: src/CMakeFiles/acme.dir/all] Error 2", "make: *** [Makefile:91: all] Error 2"]
    case("gcc_warnings_errors", "log", "Why does the build fail?", "\n".join(out) + "\n", needles)

def mypy(rng):
    out = []
    errs = sorted(rng.sample(range(220), 3))
    needles = []
    for i in range(220):
        f = f"app/{rng.choice(['billing', 'ledger', 'api'])}/{w(rng, 1)}.py"
        ln = rng.randint(5, 700)
        if i in errs:
            line = f"{f}:{ln}: error: Item \"None\" of \"Optional[Invoice]\" has no attribute \"{w(rng, 1)}_total\"  [union-attr]"
            needles.append(line)
        else:
            line = f"{f}:{ln}: note: By default the bodies of untyped functions are not checked, consider using --check-untyped-defs  [annotation-unchecked]"
        out.append(line)
    out.append(f"Found 3 errors in 3 files (checked 212 source files)")
    case("mypy_errors_among_notes", "log", "Fix the type errors", "\n".join(out) + "\n", needles)

# Third batch: answers that are no error and share no word with the question.

def disk_warnings(rng):
    out = []
    needles = []
    peak = rng.randint(120, 220)
    pct = 61
    for i in range(400):
        ts = f"2026-12-06T{8 + i // 60:02d}:{i % 60:02d}:{rng.randint(10, 59)}.{rng.randint(100, 999)}Z"
        if i % 5 == 0:
            if i < peak:
                pct = min(96, pct + rng.randint(0, 1))
            elif not needles:
                pct = 99
            else:
                pct = max(62, pct - rng.randint(1, 3))
            line = f"{ts} WARN  [monitor] disk usage on /var/lib/postgresql at {pct}%"
            if pct == 99:
                needles.append(line)
        else:
            line = f"{ts} INFO  [http] {rng.choice(['GET', 'POST'])} /api/{w(rng, 1)} {rng.choice([200, 200, 201, 204])} {rng.randint(2, 90)}ms"
        out.append(line)
    case("disk_usage_warnings", "log", "Did the database volume ever run out of space?", "\n".join(out) + "\n", needles)

def import_job(rng):
    out = []
    needles = []
    odd = rng.randint(100, 500)
    for i in range(600):
        ts = f"2026-12-06 02:{i // 60 % 60:02d}:{i % 60:02d},{rng.randint(100, 999)}"
        if i == odd:
            line = f"{ts} INFO importer: skipped 3 rows of batch {i}: currency 'XXX' is not ISO 4217"
            needles.append(line)
        else:
            line = f"{ts} INFO importer: batch {i} committed ({rng.randint(900, 1000)} rows, {rng.randint(40, 400)} ms)"
        out.append(line)
    out.append(f"2026-12-06 02:10:00,001 INFO importer: done, 600 batches")
    case("import_job_odd_line", "log", "Did last night's import finish cleanly?", "\n".join(out) + "\n", needles)

def issues_priority(rng):
    issues = []
    needles = []
    urgent = rng.randint(20, 120)
    for i in range(150):
        labels = [{"name": rng.choice(["P2", "P3", "P3"]), "color": "cccccc"}, {"name": rng.choice(["frontend", "backend", "docs", "infra"]), "color": "0e8a16"}]
        title = f"{w(rng, 2).replace('_', ' ').capitalize()} {rng.choice(['is slow', 'needs tests', 'copy tweak', 'refactor'])}"
        if i == urgent:
            labels[0] = {"name": "P0", "color": "b60205"}
            title = "Refunds API returns another customer's receipt"
            needles += [title]
        issues.append({"number": 4000 + i, "title": title, "state": "open", "user": {"login": w(rng, 1)},
                       "labels": labels, "comments": rng.randint(0, 12), "created_at": f"2026-{rng.randint(6, 11):02d}-{rng.randint(1, 28):02d}T10:00:00Z"})
    case("issues_by_priority", "json_array", "What should I work on first?", json.dumps(issues, indent=2), needles)

def slow_request(rng):
    out = []
    needles = []
    slow = rng.randint(200, 900)
    for i in range(1000):
        ip = f"10.0.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        path = rng.choice(["/", "/cart", "/products", "/api/search?q=" + w(rng, 1), "/static/app.js", "/checkout"])
        t = f"{rng.uniform(0.002, 0.180):.3f}"
        if i == slow:
            path, t = "/checkout", "31.482"
        line = f'{ip} - - [06/Dec/2026:14:{i // 60 % 60:02d}:{i % 60:02d} +0000] "GET {path} HTTP/1.1" 200 {rng.randint(300, 90000)} "-" "Mozilla/5.0" {t}'
        if i == slow:
            needles.append(line)
        out.append(line)
    case("access_log_slow_200", "log", "Why did a customer see a half-minute page load?", "\n".join(out) + "\n", needles)

def coloured_ci_log(rng):
    E = "\x1b"
    out = []
    needles = []
    bad = rng.randint(5, 35)
    for f in range(40):
        failing = f == bad
        name = f"src/{w(rng, 1)}/{w(rng, 1)}{f}.test.ts"
        out.append(f"{E}[1m{E}[{'41' if failing else '42'}m {'FAIL' if failing else 'PASS'} {E}[49m{E}[22m {name}")
        for t in range(15):
            if failing and t == 3:
                out.append(f"    {E}[31m\u2715{E}[39m {E}[2mrefunds the unused part of the plan ({rng.randint(5, 90)} ms){E}[22m")
                needles += [name, "refunds the unused part of the plan"]
            else:
                out.append(f"    {E}[32m\u2713{E}[39m {E}[2m{w(rng, 3).replace('_', ' ')} ({rng.randint(1, 50)} ms){E}[22m")
    out.append(f"{E}[1mTests:{E}[22m       {E}[1m{E}[31m1 failed{E}[39m{E}[22m, {E}[1m{E}[32m599 passed{E}[39m{E}[22m, 600 total")
    needles.append("1 failed, 599 passed")
    text = "\n".join(out) + "\n"
    # The needles are plain text: what a reader sees, without the colour codes between the words.
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    for n in needles:
        assert n in plain, n
    CASES.append({"name": "coloured_jest_ci", "kind": "log", "query": "Why is CI red?", "content": text,
                  "needles": needles, "notes": "Colour codes are no content; keep every needle."})

def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate_tool_kinds.py OUT [SEED]")
    out = sys.argv[1]
    seed = sys.argv[2] if len(sys.argv) > 2 else "headroom-tool-kinds-v1"
    for make in [pytest, jest, go_test, surefire, traceback_log, javac, git_log, k8s_yaml,
                 junit_xml, ps_aux, top_batch, kubectl_top, du_sizes, mysql_table, dmesg, python_source,
                 graphql, services_map, markdown_table, npm_install, docker_build, tsv, rust_errors,
                 nginx_error_log, klog, dotnet_console, json_lines_no_level, backups,
                 sheet_values, eslint, tsc, ansible, prometheus_text, aws_instances, jstack, df_h,
                 ss_listen, gradle_deps, otel_trace, pip_freeze, vmstat, tree, ruff, docker_inspect,
                 csv_quoted, describe_pods, webpack_assets, gcc_warnings, mypy, disk_warnings, import_job,
                 issues_priority, slow_request, coloured_ci_log]:
        make(random.Random(f"{seed}:{make.__name__}"))
    os.makedirs(out, exist_ok=True)
    index = {"generator": "generate_tool_kinds.py", "seed": seed, "count": len(CASES), "cases": []}
    for c in CASES:
        with open(os.path.join(out, c["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(c, f, ensure_ascii=False)
        index["cases"].append({"name": c["name"], "kind": c["kind"], "bytes": len(c["content"].encode()),
                               "lines": c["content"].count("\n"), "needles": len(c["needles"]),
                               "file": c["name"] + ".json"})
    with open(os.path.join(out, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=1)
    print(f"wrote {len(CASES)} cases to {out}")


if __name__ == "__main__":
    main()
