/**
 * COL-3: the known errors the reader may see (through their problem's parties and level), best
 * first. The store's query is the whole use case: visibility is part of its filter.
 */
export { searchKnownErrors } from '../../store/known-errors.ts';
