import type { Command } from 'commander';
import * as assess from './assess.js';
import * as demo from './demo.js';
import * as initiative from './initiative.js';
import * as log from './log.js';
import * as network from './network.js';
import * as person from './person.js';
import * as relationship from './relationship.js';
import * as server from './server.js';
import * as transfer from './transfer.js';
import * as undo from './undo.js';

/** Every command group; a new capability adds its module here. */
export const commandModules: { register(program: Command): void }[] = [
  person,
  initiative,
  assess,
  log,
  demo,
  relationship,
  network,
  transfer,
  server,
  undo,
];
