#!/usr/bin/env python3
"""Peak resident memory and wall time of `hindsight sweep` for 100 and 1,000 points.

Writes (into a temporary folder) the trace of `hpa_replay_30d_15s` / `sweep_1000x30d`
(30 days at 15 s, `make_trace` of replay_peer.py), a scenario with the bench's workload and
an HPA on cpu at 60 % whose sweep grid is 10 targets (40-85 %) x W scale-down windows
(0, 30, ... s): W = 10 gives 100 points, W = 100 gives 1,000. Runs the release binary under
`/usr/bin/time -v` for each and prints points, wall seconds, CPU seconds, max RSS (MB).

    swift build -c release && python3 bench/sweep_rss.py [--points 100 1000] [--jobs 2]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from replay_peer import make_trace  # noqa: E402

SCENARIO = """apiVersion: hindsight/v1
kind: Scenario
metadata:
  name: bench-sweep
spec:
  trace:
    file: trace.csv
    time: timestamp
    columns: {{rps: rps, cpu: cpu}}
    step: 15s
  workload:
    cpuRequest: 500m
    memoryRequest: 1Gi
    initialReplicas: 3
  policies:
    - file: hpa.yaml
  sweep:
    policy: hpa.yaml
    parameters:
      spec.metrics[0].resource.target.averageUtilization: {{from: 40, to: 85, step: 5}}
      spec.behavior.scaleDown.stabilizationWindowSeconds: {{from: 0, to: {last}, step: 30}}
"""

HPA = """apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 100
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--binary", default=".build/release/hindsight")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory() as d:
        rps, cpu = make_trace(30 * 24 * 240)
        with open(os.path.join(d, "trace.csv"), "w") as f:
            f.write("timestamp,rps,cpu\n")
            for i, (r, c) in enumerate(zip(rps, cpu)):
                f.write(f"{1767225600 + 15 * i},{r!r},{c!r}\n")
        with open(os.path.join(d, "hpa.yaml"), "w") as f:
            f.write(HPA)
        print("points,wall_s,cpu_s,max_rss_mb")
        for points in args.points:
            windows = points // 10
            with open(os.path.join(d, "s.yaml"), "w") as f:
                f.write(SCENARIO.format(last=30 * (windows - 1)))
            cmd = ["/usr/bin/time", "-v", binary, "sweep", "s.yaml", "--quiet", "--no-history",
                   "--jobs", str(args.jobs), "--out", f"out-{points}"]
            run = subprocess.run(cmd, cwd=d, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"sweep of {points} points failed:\n{run.stderr}")
            text = run.stderr
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
            user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
            system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
            wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
            seconds = 0.0
            for part in wall.split(":"):
                seconds = seconds * 60 + float(part)
            print(f"{points},{seconds:.2f},{user + system:.2f},{rss / 1024:.0f}", flush=True)


if __name__ == "__main__":
    main()
