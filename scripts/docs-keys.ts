/** Regenerates the README's key section from the key table: npm run docs:keys */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {keyTableMarkdown} from '../source/keymap/key-docs.js';
import {keyTable} from '../source/keymap/key-table.js';
import {replaceReadmeKeySection} from '../source/keymap/readme-keys.js';
import {themeJsonSchema} from '../source/theme/schema.js';

const root = join(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, replaceReadmeKeySection(readFileSync(readmePath, 'utf8'), keyTableMarkdown(keyTable)));
writeFileSync(join(root, 'themes', 'schema.json'), `${JSON.stringify(themeJsonSchema(), null, 2)}\n`);
console.log('README.md key section and themes/schema.json regenerated');
