/** The identifier formats of the wire contract. */

/** A GUID as the service writes and accepts them (resource ids, Entra object, tenant and app ids). */
export const guidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const guidPattern = new RegExp(`^${guidSource}$`, 'i');

export function isGuid(value: unknown): value is string {
	return typeof value === 'string' && guidPattern.test(value);
}

/** `8:acs:<resource>_<user>` and the other clouds' prefixes; group 1 is the resource GUID. */
export const acsUserIdPattern = /^8:(?:acs|dod-acs|gcch-acs):([0-9a-f-]{36})_(.+)$/i;

/** The ids of Entra ID exchanges end in `_<tenant>_<object id>` (after `_wf` for Entra ID users). */
export const exchangedIdentityPattern = new RegExp(`_${guidSource}_${guidSource}$`, 'i');
