#!/usr/bin/env python3
"""A small forecasting agent for hindsight's `exec:` policies (SEMANTICS.md §6).

hindsight writes one JSON object per evaluation on standard input, e.g.
  {"time": 1767225600, "replicas": 4, "ready": 4,
   "metrics": {"rps": 120.5, "cpu": 2.4, "cpu_utilization": 60.0, "latency_p99": 0.18}}
and reads one line back: {"replicas": 6, "reason": "..."}.

This agent smooths the request rate with Holt's linear method (level + trend),
looks `lead` evaluations ahead, and asks for enough pods to serve that rate at
`per_pod` requests/s each. It never asks for fewer pods than the current
rate needs, and shrinks only when 15 % more than the forecast still fits. Standard library only; stdout is flushed after every answer.

Usage: python3 forecast.py [per_pod=80] [lead=2]
"""
import json
import math
import sys


def main() -> int:
    per_pod = float(sys.argv[1]) if len(sys.argv) > 1 else 80.0
    lead = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    alpha, beta = 0.5, 0.2
    level = None
    trend = 0.0
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request = json.loads(line)
        current = int(request.get("replicas", 1))
        rps = request.get("metrics", {}).get("rps")
        if rps is None:
            answer = {"replicas": current, "reason": "no rps in the trace: keep %d" % current}
        else:
            if level is None:
                level = rps
            else:
                previous = level
                level = alpha * rps + (1 - alpha) * (level + trend)
                trend = beta * (level - previous) + (1 - beta) * trend
            forecast = max(0.0, level + lead * trend)
            need = max(rps, forecast) / per_pod
            up = max(1, math.ceil(need))
            down = max(1, math.ceil(need * 1.15))  # hysteresis: shrink only with 15 % to spare
            if up > current:
                replicas, why = up, "up"
            elif down < current:
                replicas, why = down, "down"
            else:
                replicas, why = current, "hold"
            answer = {
                "replicas": replicas,
                "reason": "rps %.1f, forecast %.1f: %s to %d pods of %g rps" % (rps, forecast, why, replicas, per_pod),
            }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
