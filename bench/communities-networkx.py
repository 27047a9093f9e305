#!/usr/bin/env python3
"""The NetworkX side of bench/communities.ts: Louvain on the same undirected weighted graph.

Usage: /usr/bin/python3 bench/communities-networkx.py EDGES.bin N SEED
EDGES.bin holds int32 u[], int32 v[], float64 weight[] (m each, little-endian), one row per
undirected tie (u < v). Prints one JSON line (seconds, modularity, communities) and writes the
community of every node as int32 to EDGES.bin.labels.
"""
import json
import sys
import time

import networkx as nx
import numpy as np
from edge_file import read_edges

path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
u, v, w = read_edges(path)
g = nx.Graph()
g.add_nodes_from(range(n))
g.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))
t = time.perf_counter()
communities = nx.community.louvain_communities(g, weight="weight", resolution=1, seed=seed)
seconds = time.perf_counter() - t
q = nx.community.modularity(g, communities, weight="weight")
labels = np.zeros(n, dtype="<i4")
for c, members in enumerate(communities):
    for node in members:
        labels[node] = c
labels.tofile(path + ".labels")
print(json.dumps({"seconds": seconds, "modularity": q, "communities": len(communities)}))
