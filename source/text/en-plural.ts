let rules: Intl.PluralRules | undefined;

/** The English word for a count (`hour` / `hours`), by English plural rules; made on first use (Intl's first use loads ICU data). */
export function englishPlural(count: number, one: string, other: string): string {
	rules ??= new Intl.PluralRules('en');
	return rules.select(count) === 'one' ? one : other;
}
