import { z } from 'zod';

/*
 * zod compiles object schemas with `new Function` unless told not to. The CSP forbids eval,
 * and even zod's caught probe for it is reported as a policy violation. zod decides when a
 * schema is constructed, i.e. while modules load, so this module runs its one line at import
 * time and must be the first import of every entry point (main.tsx, sync/worker.ts).
 */
z.config({ jitless: true });
