export * from './assessment.js';
export * from './dates.js';
export * from './errors.js';
export * from './initiative.js';
export * from './interaction.js';
export * from './person.js';
export * from './validate.js';
