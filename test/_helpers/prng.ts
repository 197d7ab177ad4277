/** mulberry32: small, seeded, the same sequence on every run. Tests print the seed they use. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The seed from `name` in the environment (to replay a run), else a new one. */
export function seedFrom(name: string): number {
	const given = process.env[name];
	return given === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(given);
}
