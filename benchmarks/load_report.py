"""Figures of benchmarks/load.py: the samples, the printed report and the targets."""

import json
import math
import os
import threading
from collections import Counter, defaultdict

# The targets on the 2-core machine (docs/benchmarks.md, "Load and soak").
TARGETS = {
    "p95_ms": 300.0,
    "p99_ms": 800.0,
    "error_rate": 0.001,  # 5xx, connection errors, timeouts and unexpected 4xx, over all requests
    "throughput_ratio": 0.95,  # successful reads/s and flows/s against the rates asked for
    "rss_growth": 0.10,  # over a soak (--soak); reported for every run
}
OUTCOMES = ("ok", "conflict", "4xx", "5xx", "connection", "timeout")
FAILED = ("4xx", "5xx", "connection", "timeout")


def percentile(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (0 when empty)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(round(fraction * len(ordered), 9)))
    return ordered[min(rank, len(ordered)) - 1]


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with getattr(self, "lock", threading.Lock()):
            self.latencies: dict[str, list[float]] = defaultdict(list)  # by kind and by "kind/name"
            self.outcomes: dict[str, Counter] = defaultdict(Counter)
            self.samples: list[str] = []

    def record(self, kind: str, name: str, seconds: float, outcome: str, detail: str = "") -> None:
        with self.lock:
            for key in ("all", kind, f"{kind}/{name}"):
                self.latencies[key].append(seconds)
                self.outcomes[key][outcome] += 1
            if outcome in FAILED and len(self.samples) < 10:
                self.samples.append(f"{outcome}: {detail}")


def _summary(recorder: Recorder, key: str) -> dict:
    ordered = sorted(recorder.latencies.get(key, []))
    outcomes = recorder.outcomes.get(key, Counter())
    count = len(ordered)
    return {
        "count": count,
        "p50_ms": percentile(ordered, 0.50) * 1000,
        "p95_ms": percentile(ordered, 0.95) * 1000,
        "p99_ms": percentile(ordered, 0.99) * 1000,
        "max_ms": (ordered[-1] if ordered else 0.0) * 1000,
        **{outcome: outcomes[outcome] for outcome in OUTCOMES},
        "error_rate": sum(outcomes[outcome] for outcome in FAILED) / count if count else 0.0,
    }


def _line(label: str, summary: dict) -> str:
    return (
        f"{label:<28} n={summary['count']:<6} p50={summary['p50_ms']:7.1f}  p95={summary['p95_ms']:7.1f}  "
        f"p99={summary['p99_ms']:7.1f}  max={summary['max_ms']:8.1f} ms  409={summary['conflict']:<3} "
        f"4xx={summary['4xx']} 5xx={summary['5xx']} conn={summary['connection']} timeout={summary['timeout']}"
    )


def print_report(recorder: Recorder, *, args, wall, samples, threads, load_before, load) -> dict:
    with recorder.lock:
        summaries = {key: _summary(recorder, key) for key in sorted(recorder.latencies)}
    print()
    for key in ("all", "read", "write"):
        if key in summaries:
            print(_line(key, summaries[key]))
    for key, summary in summaries.items():
        if "/" in key:
            print(_line("  " + key, summary))

    reads_ok = summaries.get("read", {}).get("ok", 0)
    flows_done = summaries.get("write/payment_webhook", {}).get("ok", 0)
    flows_started = summaries.get("write/booking_create", {}).get("count", 0)
    read_tput, flow_tput = reads_ok / args.duration, flows_done / args.duration
    print(
        f"\nthroughput: {read_tput:.2f} reads/s ok (target {args.read_rate:g}), {flow_tput:.2f} paid bookings/s "
        f"(target {args.write_rate:g}; {flows_done} of {flows_started} flows completed), "
        f"{summaries.get('all', {}).get('count', 0) / args.duration:.1f} requests/s in all; "
        f"the schedule took {wall:.0f}s for {args.duration:.0f}s"
    )

    first, last = samples[0], samples[-1]
    growth = (last.rss_kib - first.rss_kib) / first.rss_kib if first.rss_kib else 0.0
    workers = max(len(first.pids), len(last.pids)) - 1
    connections_peak = max(sample.connections for sample in samples)
    recycled = len(set(first.pids) - set(last.pids))
    requests_done = summaries.get("all", {}).get("count", 0)
    cpu = last.cpu_seconds - first.cpu_seconds if not recycled else float("nan")
    print(
        f"server RSS (master + {workers} workers): {first.rss_kib / 1024:.1f} MiB -> {last.rss_kib / 1024:.1f} MiB "
        f"({growth:+.1%}); workers recycled during the run: {recycled}"
    )
    print(
        f"server CPU: {cpu:.0f} s over {last.at:.0f} s = {cpu / last.at:.2f} cores; "
        f"{1000 * cpu / max(requests_done, 1):.1f} ms of CPU per request (PostgreSQL not included)"
    )
    flow_requests = 4 * args.write_rate  # booking, payment, refresh, webhook
    print(
        f"at the target rate ({args.read_rate + flow_requests:g} requests/s) the server alone needs "
        f"{cpu / max(requests_done, 1) * (args.read_rate + flow_requests):.2f} cores"
    )
    print(
        f"PostgreSQL connections to the database: {first.connections} -> {last.connections} "
        f"(peak {connections_peak}; bound workers x threads = {workers * threads})"
    )
    print(
        "samples (s, RSS MiB, connections): "
        + ", ".join(f"{s.at:.0f}/{s.rss_kib / 1024:.0f}/{s.connections}" for s in samples)
    )
    print(
        "machine load average (1, 5, 15 min) before the run: "
        f"{load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}; at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        f"({os.cpu_count()} CPUs)"
    )
    if recorder.samples:
        print("first failures:\n  " + "\n  ".join(recorder.samples))
    return {
        "summaries": summaries,
        "read_throughput_ratio": read_tput / args.read_rate if args.read_rate else 1.0,
        "flow_throughput_ratio": flow_tput / args.write_rate if args.write_rate else 1.0,
        "rss_growth": growth,
        "connections": (first.connections, last.connections, connections_peak, workers * threads, threads),
    }


def check_targets(report: dict, *, soak: bool) -> list[str]:
    failures = []
    for key in ("all", "read", "write"):
        summary = report["summaries"].get(key)
        if not summary:
            continue
        if summary["p95_ms"] >= TARGETS["p95_ms"]:
            failures.append(f"{key} p95 {summary['p95_ms']:.0f} ms >= {TARGETS['p95_ms']:.0f} ms")
        if summary["p99_ms"] >= TARGETS["p99_ms"]:
            failures.append(f"{key} p99 {summary['p99_ms']:.0f} ms >= {TARGETS['p99_ms']:.0f} ms")
    all_requests = report["summaries"].get("all", {})
    if all_requests.get("error_rate", 0.0) >= TARGETS["error_rate"]:
        failures.append(f"errors {all_requests['error_rate']:.2%} >= {TARGETS['error_rate']:.1%}")
    for name in ("read", "flow"):
        ratio = report[f"{name}_throughput_ratio"]
        if ratio < TARGETS["throughput_ratio"]:
            failures.append(f"{name} throughput {ratio:.0%} of the target (< {TARGETS['throughput_ratio']:.0%})")
    if soak and report["rss_growth"] >= TARGETS["rss_growth"]:
        failures.append(f"RSS growth {report['rss_growth']:.1%} >= {TARGETS['rss_growth']:.0%}")
    start, end, peak, bound, threads = report["connections"]
    # Flat: one connection per busy thread at most, and no more at the end than one worker's threads over the start.
    if peak > bound or end > start + threads:
        failures.append(f"connections not flat: {start} -> {end}, peak {peak} (bound {bound})")
    return failures


def print_server_side(log_path: str, *, since: str) -> None:
    """Per route, from the app's request log lines (logger apps.request) written since `since` (ISO
    UTC): the time spent inside Django and the SQL queries per request. A large gap between these
    and the client's figures is time queued before a worker thread took the request."""
    durations: dict[str, list[float]] = defaultdict(list)
    queries: dict[str, list[int]] = defaultdict(list)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if not line.startswith("{") or '"apps.request"' not in line:
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("time", "") < since:
                continue
            route = f"{entry.get('method')} {entry.get('route')}"
            durations[route].append(float(entry.get("duration_ms") or 0))
            queries[route].append(int(entry.get("db_queries") or 0))
    if not durations:
        return
    print("\ninside the server (Django's request log), by route:")
    for route in sorted(durations):
        ordered, counts = sorted(durations[route]), sorted(queries[route])
        print(
            f"  {route:<48} n={len(ordered):<6} p50={percentile(ordered, 0.5):7.1f}  "
            f"p95={percentile(ordered, 0.95):7.1f} ms  queries p50={percentile(counts, 0.5):.0f} max={counts[-1]}"
        )
