import type {CommandId} from '../../keymap/commands.js';

/** The new cursor index for a movement command, or undefined when `command` is not one. */
export function moveCursor(command: CommandId, cursor: number, count: number, page: number): number | undefined {
	const last = Math.max(0, count - 1);
	const clamp = (index: number) => Math.max(0, Math.min(last, index));
	switch (command) {
		case 'cursor.down':
			return clamp(cursor + 1);
		case 'cursor.up':
			return clamp(cursor - 1);
		case 'cursor.top':
			return 0;
		case 'cursor.bottom':
			return last;
		case 'cursor.pageDown':
			return clamp(cursor + page);
		case 'cursor.pageUp':
			return clamp(cursor - page);
		case 'cursor.halfDown':
			return clamp(cursor + Math.max(1, Math.floor(page / 2)));
		case 'cursor.halfUp':
			return clamp(cursor - Math.max(1, Math.floor(page / 2)));
		default:
			return undefined;
	}
}
