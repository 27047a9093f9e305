// People: add, edit, list, show, remove, merge, and who "me" is.
export { type MergeResult, mergePeople } from './merge.js';
export {
  addPerson,
  editPerson,
  getMe,
  listPeople,
  type PersonCommand,
  type PersonDetail,
  type PersonView,
  removePerson,
  setMe,
  showPerson,
} from './people.js';
