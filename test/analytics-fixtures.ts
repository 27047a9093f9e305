import { readFileSync } from 'node:fs';
import { buildCsr, type Csr } from '../src/analytics/csr.js';

/** A reference network with NetworkX's answers, written by bench/fixtures/make-networkx-fixtures.py. */
export interface Fixture {
  name: string;
  directed: boolean;
  nodes: string[];
  arcs: [number, number, number][];
  pagerank: number[];
  betweenness: number[];
  weightedBetweenness?: number[];
  partition?: { attribute: string; labels: number[]; modularity: number };
  networkxLouvainBestModularity?: number;
}

export const FIXTURES = ['karate', 'florentine', 'krackhardt-advice', 'krackhardt-advice-weighted'] as const;

export function loadFixture(name: string): Fixture {
  return JSON.parse(
    readFileSync(new URL(`../src/analytics/fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Fixture;
}

export function fixtureGraph(f: Fixture): Csr {
  return buildCsr({
    n: f.nodes.length,
    from: Int32Array.from(f.arcs.map((a) => a[0])),
    to: Int32Array.from(f.arcs.map((a) => a[1])),
    weight: Float64Array.from(f.arcs.map((a) => a[2])),
  });
}

/** Builds a CSR from a plain list of [from, to, weight?] arcs over nodes 0..n-1. */
export function graphOf(n: number, arcs: readonly (readonly [number, number, number?])[]): Csr {
  return buildCsr({
    n,
    from: Int32Array.from(arcs.map((a) => a[0])),
    to: Int32Array.from(arcs.map((a) => a[1])),
    weight: Float64Array.from(arcs.map((a) => a[2] ?? 1)),
  });
}
