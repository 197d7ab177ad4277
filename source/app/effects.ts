/** What the UI may do outside itself, supplied by cli.tsx (and by fakes in tests). */
export type UiEffects = {
	/** Copies text to the clipboard of the terminal (OSC 52). */
	copyToClipboard(text: string): void;
	saveTokenToFile(token: string, file: string): Promise<string>;
	saveTokenToDotenv(token: string, variable: string): Promise<string>;
	quit(): void;
};
