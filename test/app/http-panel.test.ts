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

	it('shortens the longest segment of another route (an access route\'s GUID), so that its status stays too', () => {
		const tenant = '00000000-0000-4000-8000-00000000e57a';
		const object = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
		// A summary line: no query, the status after it.
		const assignment = `/access/teamsExtension/tenants/${tenant}/assignments/${object}`;
		const tail = ' ← 201 (9 ms)';
		const fitted = fitPath(assignment, 76, 'PUT', tail);
		expect(`PUT ${fitted}${tail}`).toHaveLength(76);
		expect(fitted).toBe('/access/teamsExtension/tenants/000…/assignments/3f2504e0-4…');
		// With the query kept, the GUIDs go first; the words of the route are never cut.
		const withQuery = fitPath(`${assignment}?api-version=2025-03-02-preview`, 76, 'PUT');
		expect(withQuery).toBe('/access/teamsExtension/tenants/000…/assignments/3f2…?api-version=2025-03-02-preview');
		// Short routes are left as they are.
		expect(fitPath('/access/entra/assignments', 10, 'GET')).toBe('/access/entra/assignments');
	});

	it('never keeps half of a %3A, and cuts an id presenter mode shortened at one of its ellipses', () => {
		// Room for three characters of the id: 8%3 would be half an escape.
		expect(fitPath(`/identities/${id}`, 'DELETE /identities/8%3…'.length, 'DELETE')).toBe('/identities/8…');
		const short = '/identities/8%3Aacs%3Abaab2408…_013bd6a4…1f2c/:revokeAccessTokens';
		expect(fitPath(short, 76, 'POST', ' ← 204 (12 ms)')).toBe('/identities/8%3Aacs%3Abaab2408…/:revokeAccessTokens');
	});
});
