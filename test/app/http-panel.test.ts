import {describe, expect, it} from 'vitest';
import {fitPath} from '../../source/app/components/http-panel.js';

const id = '8%3Aacs%3Abaab2408-1a4e-45dd-bfc0-bc8e68952a1d_013bd6a4-8f52-4917-b835-86da493e1f2c';
const issue = `/identities/${id}/:issueAccessToken?api-version=2023-10-01`;

describe('a request line in the HTTP panel', () => {
	it('is left whole when it fits', () => {
		expect(fitPath(issue, 200, 'POST')).toBe(issue);
		expect(fitPath('/identities?api-version=2023-10-01', 76, 'POST')).toBe('/identities?api-version=2023-10-01');
	});

	it('shortens the id, not the end, to the width given: the operation, the query and the tail stay', () => {
		const fitted = fitPath(issue, 76, 'POST');
		expect(fitted).toBe('/identities/8%3Aacs%3Abaab240…/:issueAccessToken?api-version=2023-10-01');
		expect(`POST ${fitted}`).toHaveLength(76);
		const revoke = `POST ${fitPath(`/identities/${id}/:revokeAccessTokens`, 76, 'POST', ' ← 204 (12 ms)')} ← 204 (12 ms)`;
		expect(revoke).toBe('POST /identities/8%3Aacs%3Abaab2408-1a4e-…/:revokeAccessTokens ← 204 (12 ms)');
		expect(revoke).toHaveLength(76);
	});

	it('never keeps half of a %3A, and cuts an id presenter mode shortened at one of its ellipses', () => {
		// Room for three characters of the id: 8%3 would be half an escape.
		expect(fitPath(`/identities/${id}`, 'DELETE /identities/8%3…'.length, 'DELETE')).toBe('/identities/8…');
		const short = '/identities/8%3Aacs%3Abaab2408…_013bd6a4…1f2c/:revokeAccessTokens';
		expect(fitPath(short, 76, 'POST', ' ← 204 (12 ms)')).toBe('/identities/8%3Aacs%3Abaab2408…/:revokeAccessTokens');
	});
});
