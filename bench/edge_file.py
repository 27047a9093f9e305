"""Reads the edge files the TypeScript benchmarks write for their Python peers.

Layout: int32 from[], int32 to[], float64 weight[] (m each, little-endian).
"""
import numpy as np


def read_edges(path):
    raw = open(path, "rb").read()
    m = len(raw) // 16
    src = np.frombuffer(raw, dtype="<i4", count=m)
    dst = np.frombuffer(raw, dtype="<i4", count=m, offset=4 * m)
    w = np.frombuffer(raw, dtype="<f8", count=m, offset=8 * m)
    return src, dst, w
