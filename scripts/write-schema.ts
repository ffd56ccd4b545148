import { writeFileSync } from 'node:fs';
import { feedJsonSchema } from '../core/model/json-schema';
import { FEED_FORMAT_VERSION } from '../core/model/schema';

const path = `schema/lanyard-feed.v${FEED_FORMAT_VERSION}.schema.json`;
writeFileSync(path, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
