#!/usr/bin/env python3
"""The tool outputs a coding agent meets every minute, with the strings an answer needs.

Writes cases in the format of the shared developer corpus (index.json plus one JSON file per
case: name, kind, query, content, needles) for the classes of issue 22: numbered file reads,
command tables whose failures share no word with the question, search hits whose one
declaration sits among many usages, and web access logs. Run it, then the corpus report:

    python3 headroom-bench/corpus/generate_agent_kinds.py /tmp/agent-corpus [SEED]
    java -cp "headroom-bench/target/headroom-bench-0.1.0-SNAPSHOT.jar:headroom-bench/target/lib/*" \
      dev.headroom.bench.internal.cli.CorpusReport /tmp/agent-corpus 11

Every case is generated from the seed; a different seed gives different names, sizes and
positions, so a compressor tuned to one run's strings does not pass another's.
"""

import json
import os
import random
import sys

CASES = []


def case(name, kind, query, content, needles, notes):
    for needle in needles:
        assert needle in content, (name, needle)
    CASES.append(
        {"name": name, "kind": kind, "query": query, "content": content, "needles": needles,
         "notes": notes})


def numbered(lines, style):
    out = []
    for i, line in enumerate(lines, 1):
        if style == "agent":
            out.append(f"{i:>6}\t{line}")
        elif style == "colon":
            out.append(f"{i}: {line}")
        else:
            out.append(line)
    return out


def java_read(rng, style):
    lines = ["package org.acme.%s;" % rng.choice(["billing", "ledger", "payments"]), ""]
    for imp in ["java.math.BigDecimal", "java.math.RoundingMode", "java.time.Clock",
                "java.time.LocalDate", "java.util.List", "java.util.Objects"]:
        lines.append(f"import {imp};")
    cls = rng.choice(["LedgerPosting", "InvoiceTotals", "SettlementRun"])
    lines += ["", f"public final class {cls} {{", "",
              "    private static final BigDecimal MINIMUM = new BigDecimal(\"2.50\");",
              "    private final Clock clock;", ""]
    members = rng.randint(28, 45)
    asked = rng.randint(8, members - 5)
    asked_name = rng.choice(["penaltyFor", "roundedShare", "overdueInterest"])
    answer = None
    for m in range(members):
        name = asked_name if m == asked else f"{rng.choice(['line', 'tax', 'net', 'gross'])}Part{m}"
        lines.append(f"    public BigDecimal {name}(Invoice invoice, LocalDate day) {{")
        body = rng.randint(8, 20)
        for k in range(body):
            if m == asked and k == body // 2:
                answer = ("        BigDecimal rate = day.isAfter(invoice.due()) ? new BigDecimal(\"0.0"
                          + str(rng.randint(11, 49)) + "\") : BigDecimal.ZERO;")
                lines.append(answer)
            elif k % 6 == 5:
                lines += [f"        if (invoice.lines().size() > {k}) {{",
                          f"            amount = amount.add(invoice.line({k}).net());", "        }"]
            else:
                lines.append(f"        amount = amount.add(invoice.line({k}).tax().multiply(FACTOR_{k % 4}));")
        lines += ["        return amount.setScale(2, RoundingMode.HALF_EVEN);", "    }", ""]
    lines.append("}")
    text = numbered(lines, style)
    answer_line = next(line for line in text if line.endswith(answer))
    signature = next(line for line in text if f" {asked_name}(" in line)
    return "\n".join(text) + "\n", asked_name, [answer_line, signature]


def python_read(rng):
    lines = ["import datetime", "import decimal", "", "", "class Reconciler:", ""]
    asked = rng.randint(10, 25)
    answer = None
    for m in range(32):
        name = "match_transfers" if m == asked else f"step_{m}"
        lines.append(f"    def {name}(self, entries, cutoff):")
        lines.append("        total = decimal.Decimal(0)")
        for k in range(rng.randint(6, 14)):
            if m == asked and k == 3:
                answer = f"        tolerance = decimal.Decimal('0.0{rng.randint(1, 9)}')"
                lines.append(answer)
            else:
                lines.append(f"        total += sum(e.amount for e in entries[{k}] if e.day < cutoff)")
        lines += ["        return total", ""]
    text = numbered(lines, "agent")
    return "\n".join(text) + "\n", [next(line for line in text if line.endswith(answer))]


def docker_ps(rng):
    header = f"{'CONTAINER ID':<15}{'IMAGE':<28}{'COMMAND':<24}{'CREATED':<16}{'STATUS':<28}{'PORTS':<24}NAMES"
    rows, needles = [header], []
    for i in range(rng.randint(120, 220)):
        name = f"{rng.choice(['api', 'worker', 'cron', 'gateway', 'indexer'])}-{i}"
        roll = rng.random()
        if roll < 0.03:
            status = f"Exited ({rng.choice([1, 2, 125, 137, 143])}) {rng.randint(2, 50)} minutes ago"
        elif roll < 0.04:
            status = "Dead"
        elif roll < 0.6:
            status = f"Up {rng.randint(2, 59)} minutes"
        else:
            status = f"Exited (0) {rng.randint(2, 59)} minutes ago"
        line = (f"{rng.getrandbits(48):012x}   {rng.choice(['acme/api:4.2', 'acme/worker:4.2', 'redis:7', 'nginx:1.27']):<28}"
                f"{chr(34) + '/entrypoint.sh' + chr(34):<24}{rng.randint(1, 9)} hours ago    {status:<28}"
                f"{'0.0.0.0:' + str(8000 + i) + '->80/tcp' if status.startswith('Up') else '':<24}{name}")
        rows.append(line)
        if status == "Dead" or status.startswith("Exited (") and not status.startswith("Exited (0)"):
            needles.append(line)
    return "\n".join(rows) + "\n", needles


def kubectl(rng):
    header = f"{'NAMESPACE':<14}{'NAME':<46}{'READY':<8}{'STATUS':<20}{'RESTARTS':<10}AGE"
    rows, needles = [header], []
    for i in range(rng.randint(150, 260)):
        bad = rng.random() < 0.03
        status = rng.choice(["CrashLoopBackOff", "OOMKilled", "Evicted", "ImagePullBackOff", "Error"]) if bad \
            else rng.choice(["Running"] * 9 + ["Completed"])
        line = (f"{rng.choice(['shop', 'search', 'ops']):<14}{'svc-%d-%05x-q8v2z' % (i, rng.getrandbits(20)):<46}"
                f"{'0/1' if bad else '1/1':<8}{status:<20}{str(rng.randint(3, 60)) if bad else '0':<10}{rng.randint(1, 90)}d")
        rows.append(line)
        if bad:
            needles.append(line)
    return "\n".join(rows) + "\n", needles


def rg_hits(rng, symbol, declaration, ext):
    files = [f"src/{d}/{f}{ext}" for d, f in
             [("orders", "OrderService"), ("orders", "OrderController"), ("admin", "Backoffice"),
              ("jobs", "NightlyExport"), ("billing", "Accounts")]]
    decl_file = files[rng.randrange(len(files))]
    hits = []
    for i in range(rng.randint(200, 320)):
        usage = rng.choice([f"        var result = store.{symbol}(request.key());",
                            f"        return {symbol}(keys.get({i}));",
                            f"    assertThat(service.{symbol}({i})).isNotNull();",
                            f"            .map(this::{symbol})"])
        hits.append((rng.choice(files), rng.randint(10, 900), usage))
    hits.sort(key=lambda h: h[0])
    firsts = [k for k, h in enumerate(hits) if h[0] == decl_file]
    at = firsts[min(len(firsts) - 1, 10)] + 1 if firsts else 0
    hits.insert(at, (decl_file, rng.randint(20, 300), declaration))
    lines = [f"{f}:{n}:{t}" for f, n, t in hits]
    needle = next(line for line in lines if line.endswith(declaration))
    return "\n".join(lines) + "\n", [needle]


def access_log(rng, fmt):
    routes = ["/api/orders", "/api/orders/%d", "/api/orders/%d/items", "/api/login", "/assets/%x.js"]
    failing = rng.choice(["/api/orders/%d/items", "/api/login"])
    status_bad = rng.choice([500, 502, 503, 504])
    lines, first_bad, last_bad = [], None, None
    for i in range(rng.randint(2000, 3500)):
        route = rng.choice(routes)
        target = route % rng.randint(1, 0xfffffff) if "%" in route else route
        status = 200
        if route == failing and rng.random() < 0.2:
            status = status_bad
        elif rng.random() < 0.005:
            status = 404
        t = f"{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        ip = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
        if fmt == "nginx":
            line = (f'{ip} - - [06/Dec/2026:{t} +0000] "GET {target} HTTP/1.1" {status} {rng.randint(200, 9000)} '
                    f'"-" "Mozilla/5.0" rt={rng.random():.3f} uct="0.000" urt="{rng.random():.3f}"')
        elif fmt == "envoy":
            line = (f'[2026-12-06T{t}.000Z] "GET {target} HTTP/2" {status} - 0 {rng.randint(200, 9000)} '
                    f'{rng.randint(1, 90)} {rng.randint(1, 90)} "-" "okhttp/4.12" "{rng.getrandbits(64):x}" "shop" "10.0.0.{rng.randint(2, 9)}:8080"')
        else:
            line = (f'https 2026-12-06T{t}.{rng.randint(0, 999999):06d}Z app/shop/50dc6c495c0c9188 {ip}:{rng.randint(1024, 65535)} '
                    f'10.0.1.{rng.randint(2, 9)}:8080 0.001 0.{rng.randint(0, 999):03d} 0.000 {status} {status} 310 {rng.randint(200, 9000)} '
                    f'"GET https://shop.example.com:443{target} HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2')
        if status == status_bad:
            first_bad = first_bad or line
            last_bad = line
        lines.append(line)
    template = failing.replace("%d", "{id}")
    return "\n".join(lines) + "\n", [first_bad, last_bad], status_bad, template


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "agent-corpus"
    seed = sys.argv[2] if len(sys.argv) > 2 else "headroom-agent-kinds-v1"
    rng = random.Random(seed)
    for style in ["agent", "colon", "plain"]:
        text, name, needles = java_read(rng, style)
        case(f"java_read_{style}", "code", f"How does {name} work out the rate for a late invoice?", text,
             needles, "The asked method whole, with its real line numbers; the outline of the rest.")
    text, needles = python_read(rng)
    case("python_read_agent", "code", "What tolerance does match_transfers allow?", text, needles,
         "The asked method whole.")
    text, needles = docker_ps(rng)
    case("docker_ps_all", "table", "Which containers are unhealthy?", text, needles,
         "Every non-zero exit and Dead row, though the question names neither.")
    text, needles = kubectl(rng)
    case("kubectl_pods_all", "table", "Give me an overview of the cluster", text, needles,
         "Every crash-looping, OOM-killed, evicted or failing pod.")
    for symbol, decl, ext in [
            ("resolveTenant", "    public Optional<Tenant> resolveTenant(String host) {", ".java"),
            ("ResolveTenant", "func (r *Registry) ResolveTenant(ctx context.Context, host string) (*Tenant, error) {", ".go"),
            ("resolve_tenant", "    def resolve_tenant(self, host: str) -> Tenant | None:", ".py"),
            ("resolveTenant", "  async resolveTenant(host: string): Promise<Tenant | undefined> {", ".ts")]:
        text, needles = rg_hits(rng, symbol, decl, ext)
        case(f"rg_definition{ext.replace('.', '_')}", "search", f"where is {symbol} defined?", text, needles,
             "The declaration among hundreds of usages of the same name.")
    for fmt in ["nginx", "envoy", "alb"]:
        text, needles, status, template = access_log(rng, fmt)
        case(f"access_log_{fmt}", "log", f"Why do some requests fail with {status}?", text, needles,
             f"The failing route {template} with its count, and a failing request as logged.")
    os.makedirs(out, exist_ok=True)
    index = {"generator": "generate_agent_kinds.py", "seed": seed, "count": len(CASES), "cases": []}
    for c in CASES:
        path = os.path.join(out, c["name"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(c, f, ensure_ascii=False)
        index["cases"].append({"name": c["name"], "kind": c["kind"], "bytes": len(c["content"].encode()),
                               "lines": c["content"].count("\n"), "needles": len(c["needles"]),
                               "file": c["name"] + ".json"})
    with open(os.path.join(out, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=1)
    print(f"wrote {len(CASES)} cases to {out}")


if __name__ == "__main__":
    main()
