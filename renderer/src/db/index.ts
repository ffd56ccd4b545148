import { LanyardDb } from './schema';

/** The app's one database connection (tests create their own LanyardDb). */
export const db = new LanyardDb();
