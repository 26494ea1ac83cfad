// Reads what a program writes to its terminal (tmux pipe-pane feeds it) and
// appends "<epoch ms> <frames>" per chunk to the file in argv[2]: a frame is
// one synchronized update (ESC [ ? 2026 h), which Ink writes around each frame.
import {appendFileSync, writeFileSync} from 'node:fs';

const out = process.argv[2];
const marker = '\u001B[?2026h';
writeFileSync(out, '');
let carry = '';
let pending = '';
process.stdin.setEncoding('latin1');
process.stdin.on('data', chunk => {
	const text = carry + chunk;
	const frames = text.split(marker).length - 1;
	// The tail is kept for a marker split across two chunks; it is too short to hold a whole (counted) one.
	carry = text.slice(-(marker.length - 1));
	if (frames > 0) pending += `${Date.now()} ${frames}\n`;
});
// Batched writes: the counter must not slow the pane it watches.
setInterval(() => {
	if (pending) appendFileSync(out, pending);
	pending = '';
}, 200).unref();
process.stdin.on('end', () => {
	if (pending) appendFileSync(out, pending);
});
