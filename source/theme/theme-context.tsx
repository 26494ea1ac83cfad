import {createContext, useContext} from 'react';
import type {Theme, Token, TokenStyle} from './tokens.js';
import {tokenNames} from './tokens.js';

const plain: Theme = {name: 'plain', tokens: Object.fromEntries(tokenNames.map(name => [name, {}])) as Theme['tokens']};

const ThemeContext = createContext<Theme>(plain);

export const ThemeProvider = ThemeContext.Provider;

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** The Ink <Text> props for a token. */
export function styleOf(theme: Theme, token: Token | undefined): TokenStyle {
	return token ? theme.tokens[token] : {};
}
