import textWidth from '../text/width.js';

/**
 * `8:acs:2dee53b4…_00000005…0081`: enough to tell ids apart on a projector. An id as a path
 * carries it (`8%3Aacs%3A…`) keeps its encoding: that is the form signed and sent.
 */
export function shortId(id: string): string {
	const match = /^(8(?::|%3A)[a-z-]+(?::|%3A))([0-9a-f-]{36})_(.+)$/i.exec(id);
	if (!match) {
		return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-6)}` : id;
	}

	const [, prefix, resource, user] = match as unknown as [string, string, string, string];
	return `${prefix}${resource.slice(0, 8)}…_${user.slice(0, 8)}…${user.slice(-4)}`;
}

export function showId(id: string, presenter: boolean): string {
	return presenter ? shortId(id) : id;
}

/**
 * The space between a prompt and what is typed after it: none after full-width punctuation
 * (`：`), which carries its own room, as Chinese text sets it; one after anything else.
 */
export function gapAfter(prompt: string): number {
	return /[\u3000-\u303F\uFF01-\uFF60]$/u.test(prompt) ? 0 : 1;
}

/** Pads (or cuts, with `…`) to a width in terminal columns: `測試` is 4 columns, not 2. */
export function fitWidth(value: string, width: number): string {
	let fitted = value;
	if (textWidth(fitted) > width) {
		const characters = [...fitted];
		while (characters.length > 0 && textWidth(`${characters.join('')}…`) > width) {
			characters.pop();
		}

		fitted = `${characters.join('')}…`;
	}

	return fitted + ' '.repeat(Math.max(0, width - textWidth(fitted)));
}

const fullId = /8(?::|%3A)(?:(?:[a-z]+-)?acs|spool|teamsvisitor)(?::|%3A)[0-9a-f-]{36}_[0-9a-z-]+/gi;
const resourceHost = /\b([a-z0-9][a-z0-9-]*)(\.(?:[a-z]+\.)?communication\.azure\.(?:com|net|us|cn))/gi;
/** Any other GUID (an Entra object id, a tenant, an app id, a resource id): its first 8 digits tell it apart. */
const guid = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** A user principal name: the domain stays, the person goes. */
const userPrincipal = /\b[\w.%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b/gi;

/**
 * Text for a screen a room can see: in presenter mode every full identity id becomes its short
 * form and a real resource's name is masked (https://•••.communication.azure.com/); the local
 * emulator's endpoint says nothing about anyone and stays.
 */
export function presentText(value: string, presenter: boolean): string {
	if (!presenter) {
		return value;
	}

	return value
		.replace(fullId, id => shortId(id))
		.replace(resourceHost, (_match, _name: string, domain: string) => `•••${domain}`)
		.replace(guid, (_match, first: string) => `${first}…`)
		.replace(userPrincipal, (_match, domain: string) => `•••@${domain}`);
}

/** A profile's name as a room may see it: one named after its resource (the default) is masked like the endpoint. */
export function presentProfileName(name: string, endpoint: string, presenter: boolean): string {
	const resource = presenter ? new RegExp(resourceHost.source, 'i').exec(endpoint)?.[1] : undefined;
	return resource !== undefined && name.toLowerCase() === resource.toLowerCase() ? '•••' : name;
}

/**
 * Who signed in with Microsoft Entra ID, as a room may see it: a user's local part is masked
 * (`•••@contoso.example`), an application's id entirely; the tenant is masked too.
 */
export function presentSignIn(
	who: {readonly principal?: string | undefined; readonly tenantId?: string | undefined},
	presenter: boolean,
): {readonly principal: string; readonly tenantId?: string} {
	const principal = who.principal ?? '?';
	const tenant = who.tenantId ? {tenantId: presenter ? '•••' : who.tenantId} : {};
	if (!presenter) {
		return {principal, ...tenant};
	}

	const at = principal.lastIndexOf('@');
	return {principal: at > 0 ? `•••${principal.slice(at)}` : '•••', ...tenant};
}
