// People: add, edit, list, show, remove, merge, and who "me" is.
export type {
  AddPersonInput,
  EditPersonInput,
  MergePeopleInput,
  MergeResult,
  PersonDetail,
  PersonInput,
  PersonListed,
  PersonView,
} from '../../contract/people.js';
export { mergePeople } from './merge.js';
export { peopleNames } from './names.js';
export { addPerson, editPerson, getMe, listPeople, removePerson, setMe, showPerson } from './people.js';
