// The influence network: declared ties, rank, brokers, paths, coalitions, graph exports.
export {
  clustersWhereIKnowNobody,
  type InfluenceEntry,
  type InfluenceReport,
  influence,
} from './influence.js';
export { type CoalitionLine, coalition, type InfluencePath, influencePaths } from './influence-paths.js';
export { exportNetwork, NETWORK_FORMATS } from './network-export.js';
export { declareTie, listTies, removeTie } from './ties.js';
