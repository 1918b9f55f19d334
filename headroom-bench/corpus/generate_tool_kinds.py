#!/usr/bin/env python3
"""Tool outputs of kinds neither other corpus has: test runners, build tools, system commands.

Writes cases in the format of the shared developer corpus (index.json plus one JSON file per
case: name, kind, query, content, needles, notes): pytest, Jest, go test and Maven Surefire
failures, a Python traceback in an application log, javac and rustc errors, git log, Kubernetes
YAML, a JUnit XML report, ps aux, top, kubectl top, du -h, a MySQL client table, dmesg, a Python
module read, a GraphQL response, a JSON map of services, a Markdown table, npm's ERESOLVE, a
BuildKit build, a TSV export, nginx's error log, klog, .NET's console log, JSON lines without a
level, a backup list with one stale date and a spreadsheet's values. Run it, then the corpus
report:

    python3 headroom-bench/corpus/generate_tool_kinds.py /tmp/tool-corpus [SEED]
    java -cp "headroom-bench/target/headroom-bench-0.1.0-SNAPSHOT.jar:headroom-bench/target/lib/*" \
      dev.headroom.bench.internal.cli.CorpusReport /tmp/tool-corpus 11

Every case is generated from the seed (one RNG per case); a different seed gives different names,
values and positions. The needles are the failure, the answer to the question, or both; several
share no word with the question (the process holding the memory, the SKU with nothing on hand).
"""
import json, os, random, sys

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

def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate_tool_kinds.py OUT [SEED]")
    out = sys.argv[1]
    seed = sys.argv[2] if len(sys.argv) > 2 else "headroom-tool-kinds-v1"
    for make in [pytest, jest, go_test, surefire, traceback_log, javac, git_log, k8s_yaml,
                 junit_xml, ps_aux, top_batch, kubectl_top, du_sizes, mysql_table, dmesg, python_source,
                 graphql, services_map, markdown_table, npm_install, docker_build, tsv, rust_errors,
                 nginx_error_log, klog, dotnet_console, json_lines_no_level, backups,
                 sheet_values]:
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
