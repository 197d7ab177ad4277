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
