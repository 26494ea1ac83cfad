import * as z from 'zod/mini';
import {tokenNames} from './tokens.js';

/** Ink colour: a name ("green", "gray", "blueBright"), "#rrggbb" or "ansi256(n)". */
const colour = z.string().check(z.regex(/^(#[0-9a-fA-F]{6}|ansi256\(\d{1,3}\)|[a-zA-Z]+)$/, 'a colour is a name like "green", "#rrggbb" or "ansi256(n)"'));

export const tokenStyleSchema = z.strictObject({
	color: z.optional(colour),
	backgroundColor: z.optional(colour),
	bold: z.optional(z.boolean()),
	dim: z.optional(z.boolean()),
	inverse: z.optional(z.boolean()),
	underline: z.optional(z.boolean()),
	italic: z.optional(z.boolean()),
});

const tokenShape = Object.fromEntries(tokenNames.map(name => [name, z.optional(tokenStyleSchema)])) as Record<(typeof tokenNames)[number], z.ZodMiniOptional<typeof tokenStyleSchema>>;

/** A theme file: every token optional, merged over the dark theme. (zod/mini: the full zod adds ~0.5 MB to start-up.) */
export const themeFileSchema = z.strictObject({
	$schema: z.optional(z.string()),
	name: z.string().check(z.minLength(1)),
	description: z.optional(z.string()),
	tokens: z.strictObject(tokenShape),
});

export type ThemeFile = z.infer<typeof themeFileSchema>;

/** The JSON Schema written to themes/schema.json, for editors. */
export function themeJsonSchema(): unknown {
	return z.toJSONSchema(themeFileSchema);
}
