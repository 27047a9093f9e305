#!/usr/bin/env python3
"""NetworkX as the load + rank reference of bench/influence.ts when python-igraph is missing.

Usage: python3 bench/influence-networkx.py EDGES.bin N
EDGES.bin holds int32 from[], int32 to[], float64 weight[] (m each, little-endian), the same
file the igraph side reads. Times building the DiGraph from the edge list (load) and weighted
PageRank (damping 0.85, tolerance 1e-10 per node as Rapport's); prints one JSON line.
"""
import json
import sys
import time

import networkx as nx
import scipy.sparse  # noqa: F401  nx.pagerank imports it lazily; kept out of the timings
from edge_file import read_edges

path, n = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
src, dst, w = read_edges(path)
g = nx.DiGraph()
g.add_nodes_from(range(n))
g.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))
t1 = time.perf_counter()
nx.pagerank(g, alpha=0.85, tol=1e-10, weight="weight")
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "rank": t2 - t1, "edges": g.number_of_edges()}))
