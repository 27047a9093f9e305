// The influence network: declared ties, rank, brokers, paths, coalitions, graph exports.
export {
  type CoalitionInput,
  type CommunitySummary,
  type InfluenceEntry,
  type InfluenceInput,
  type InfluencePath,
  type InfluenceReport,
  NETWORK_FORMATS,
  type NetworkDrawing,
  type NetworkDrawingInput,
  type NetworkExportInput,
  type PathInput,
  type RemoveTieInput,
  type TieInput,
} from '../../contract/influence.js';
export { clustersWhereIKnowNobody, influence } from './influence.js';
export { type CoalitionLine, coalition, influencePaths } from './influence-paths.js';
export { exportNetwork, networkDrawing } from './network-export.js';
export { declareTie, listTies, removeTie } from './ties.js';
