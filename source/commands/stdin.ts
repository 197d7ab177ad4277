/** Everything on stdin, as text, up to `maxBytes` (a connection string or a token: never large). */
export async function readStdin(stdin: NodeJS.ReadableStream, maxBytes = 64 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const bytes = Buffer.from(chunk as Buffer);
		chunks.push(bytes);
		size += bytes.length;
		if (size > maxBytes) {
			break;
		}
	}

	return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8').trim();
}

/** Every byte on stdin, as it is (a request body: a byte changed would change its hash); undefined past `maxBytes`. */
export async function readStdinBytes(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const bytes = Buffer.from(chunk as Buffer);
		chunks.push(bytes);
		size += bytes.length;
		if (size > maxBytes) {
			return undefined;
		}
	}

	return Buffer.concat(chunks);
}
