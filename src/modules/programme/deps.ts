// What the programme reads of the modules to its left, in one place.
export { entity, product, storedFile } from '../registry/index.js';
export { vnDate } from '../scoring/index.js';
