/** What a copy did: the sentence to show, and whether anything was sent (else only a file can take it). */
export type CopyOutcome = {readonly message: string; readonly sent: boolean};

/** What the UI may do outside itself, supplied by cli.tsx (and by fakes in tests). */
export type UiEffects = {
	/** Copies text to the terminal's clipboard (OSC 52, through tmux or screen as they allow). */
	copyToClipboard(text: string): Promise<CopyOutcome>;
	saveTokenToFile(token: string, file: string): Promise<string>;
	saveTokenToDotenv(token: string, variable: string): Promise<string>;
	quit(): void;
};
