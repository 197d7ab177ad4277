/** What a copy did: the sentence to show, and whether anything was sent (else only a file can take it). */
export type CopyOutcome = {readonly message: string; readonly sent: boolean};

/** A file save: done (and the sentence saying so), or not done because the file exists (its full path). */
export type FileSave = {readonly kind: 'saved'; readonly message: string} | {readonly kind: 'exists'; readonly file: string};

/** What the UI may do outside itself, supplied by cli.tsx (and by fakes in tests). */
export type UiEffects = {
	/** Copies text to the terminal's clipboard (OSC 52, through tmux or screen as they allow). */
	copyToClipboard(text: string): Promise<CopyOutcome>;
	/** Writes a new file, or with `replace` (the user said so) over one that exists. */
	saveTokenToFile(token: string, file: string, replace?: boolean): Promise<FileSave>;
	saveTokenToDotenv(token: string, variable: string): Promise<string>;
	quit(): void;
};
