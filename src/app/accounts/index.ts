// Accounts of the server: owner setup, users, sessions, API tokens, members, roles and notes.
export {
  addMember,
  addUser,
  createToken,
  currentSession,
  hasOwner,
  listMembers,
  listTokens,
  MAX_FAILURES,
  type NewUser,
  type Principal,
  rapportFor,
  removeMember,
  revokeToken,
  SESSION_DAYS,
  type SignedIn,
  sessionPrincipal,
  setup,
  signIn,
  signOut,
  signOutEverywhere,
  switchWorkspace,
  tokenPrincipal,
  workspacesOf,
} from './accounts.js';
export { activityTarget, listActivity, recordActivity } from './activity.js';
export { type Action, allowedIds, can } from './authz.js';
export { type CalendarFeed, calendarFeedPrincipal, createCalendarFeed } from './calendar-feed.js';
export { addNote, listNotes } from './notes.js';
export {
  addOnboardingItems,
  createOnboardingList,
  onboardingListById,
  onboardingLists,
  onboardingOf,
} from './onboarding-lists.js';
export { MIN_PASSWORD_LENGTH } from './passwords.js';
