import type { Migration } from './index';

/**
 * Nothing changes on SQLite. PostgreSQL's step 13 of the same name lets a filing's state change without rewriting
 * its search row's index entries and plans its step-duration triggers once; SQLite's search tables (migrations 001
 * and 011) are rewritten only when a filing's text changes, and it plans a trigger's statements once per connection.
 * The step exists so both stores keep the same numbered steps.
 */
export const migration013: Migration = {
  version: 13,
  name: 'state-writes',
  up: '',
};
