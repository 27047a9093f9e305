export * from './betweenness.js';
export * from './betweenness-adaptive.js';
export * from './csr.js';
export * from './louvain.js';
export * from './pagerank.js';
export * from './path-sampler.js';
export * from './paths.js';
export * from './random.js';
