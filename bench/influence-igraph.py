#!/usr/bin/env python3
"""The python-igraph (C) side of bench/influence.ts: reads edge lists it wrote, times igraph.

Needs Debian's python3-igraph (apt-get install -y python3-igraph). Usage:
    /usr/bin/python3 bench/influence-igraph.py EDGES.bin N RUNS KIND
EDGES.bin holds int32 from[], int32 to[], float64 weight[] (m each, little-endian). KIND is
'pagerank' or 'betweenness'. Prints one JSON line (median seconds, edge count) and writes
the scores (normalised as NetworkX for betweenness) as float64 to EDGES.bin.scores.
"""
import json
import statistics
import sys
import time

import igraph
import numpy as np
from edge_file import read_edges

path, n, runs, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
src, dst, w = read_edges(path)
g = igraph.Graph(n=n, edges=np.column_stack((src, dst)).tolist(), directed=True)
g.es["weight"] = w.tolist()
# Parallel ties are summed, as Rapport's CSR does, so both sides score the same graph.
g.simplify(multiple=True, loops=True, combine_edges="sum")

times = []
scores = None
for _ in range(runs):
    t = time.perf_counter()
    if kind == "pagerank":
        scores = g.pagerank(weights="weight", damping=0.85, directed=True)
    else:
        scores = g.betweenness(directed=True)
    times.append(time.perf_counter() - t)
if kind == "betweenness":
    scores = [s / ((n - 1) * (n - 2)) for s in scores]
np.asarray(scores, dtype="<f8").tofile(path + ".scores")
print(json.dumps({"seconds": statistics.median(times), "edges": g.ecount()}))
