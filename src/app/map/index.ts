// Initiatives and the stakeholder map: assessments, the map as it stood, the review.
export type { AssessInput, MapFileInput, MapInput, MapView } from '../../contract/map.js';
export { type AssessResult, assess } from './assess.js';
export { assessmentsOf, removeAssessment, undoAssessment } from './assessment-undo.js';
export {
  addInitiative,
  archiveInitiative,
  assessmentHistory,
  type InitiativeDetail,
  type InitiativeSummary,
  listInitiatives,
  showInitiative,
} from './initiatives.js';
export { type MapFile, mapFile } from './map-file.js';
export { type ReviewView, review } from './review.js';
export { initiativeMap } from './stakeholder-map.js';
