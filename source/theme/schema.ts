import {z} from 'zod';
import {tokenNames} from './tokens.js';

/** Ink colour: a name ("green", "gray", "blueBright"), "#rrggbb" or "ansi256(n)". */
const colour = z
	.string()
	.regex(/^(#[0-9a-fA-F]{6}|ansi256\(\d{1,3}\)|[a-zA-Z]+)$/, 'a colour is a name like "green", "#rrggbb" or "ansi256(n)"');

export const tokenStyleSchema = z
	.object({
		color: colour.optional(),
		backgroundColor: colour.optional(),
		bold: z.boolean().optional(),
		dim: z.boolean().optional(),
		inverse: z.boolean().optional(),
		underline: z.boolean().optional(),
		italic: z.boolean().optional(),
	})
	.strict();

const tokenShape = Object.fromEntries(tokenNames.map(name => [name, tokenStyleSchema.optional()])) as Record<(typeof tokenNames)[number], z.ZodOptional<typeof tokenStyleSchema>>;

/** A theme file: every token optional, merged over the dark theme. */
export const themeFileSchema = z
	.object({
		$schema: z.string().optional(),
		name: z.string().min(1),
		description: z.string().optional(),
		tokens: z.object(tokenShape).strict(),
	})
	.strict();

export type ThemeFile = z.infer<typeof themeFileSchema>;

/** The JSON Schema written to themes/schema.json, for editors. */
export function themeJsonSchema(): unknown {
	return z.toJSONSchema(themeFileSchema);
}
