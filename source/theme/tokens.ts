/**
 * The semantic tokens views draw with. Views name a token, never a colour;
 * themes/*.json map tokens to styles.
 */
export const tokenNames = [
	'text',
	'muted',
	'accent',
	'title',
	'border',
	'key',
	'table.header',
	'table.selected',
	'table.sorted',
	'table.marked',
	'status.running',
	'status.paused',
	'status.exited',
	'status.created',
	'status.restarting',
	'status.dead',
	'status.healthy',
	'status.unhealthy',
	'status.starting',
	'message.info',
	'message.success',
	'message.error',
	'banner.error',
	'banner.warning',
	'dialog.border',
	'dialog.danger',
	'search.match',
	'chart.cpu',
	'chart.memory',
	'secret.masked',
	'tab.active',
	'tab.inactive',
	'log.timestamp',
	'log.stderr',
	'log.cursor',
	'log.source1',
	'log.source2',
	'log.source3',
	'log.source4',
	'log.source5',
	'log.source6',
] as const;

export type Token = (typeof tokenNames)[number];

export interface TokenStyle {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	underline?: boolean;
	italic?: boolean;
}

export type ThemeTokens = Readonly<Record<Token, TokenStyle>>;

export interface Theme {
	name: string;
	tokens: ThemeTokens;
}

/** A piece of text with the token to draw it in: the unit pure renderers return. */
export interface Segment {
	text: string;
	tone?: Token;
}

export type Line = readonly Segment[];
