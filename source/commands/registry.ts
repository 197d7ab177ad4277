import type {Command} from './context.js';

/** Command name → lazily loaded module, so each run loads only what it uses. */
export const commands: Record<string, () => Promise<Command>> = {
	'user create': async () => (await import('./user-create.js')).userCreate,
	'user delete': async () => (await import('./user-delete.js')).userDelete,
	'user forget': async () => (await import('./user-local.js')).userForget,
	'user rename': async () => (await import('./user-local.js')).userRename,
	users: async () => (await import('./users.js')).users,
	'token issue': async () => (await import('./token-issue.js')).tokenIssue,
	'token revoke': async () => (await import('./token-revoke.js')).tokenRevoke,
	'token teams': async () => (await import('./token-teams.js')).tokenTeams,
	'token exchange': async () => (await import('./token-exchange.js')).tokenExchange,
	'token decode': async () => (await import('./token-decode.js')).tokenDecode,
	'token verify': async () => (await import('./token-verify.js')).tokenVerify,
	'access list': async () => (await import('./access.js')).accessList,
	'access show': async () => (await import('./access.js')).accessShow,
	'access assign': async () => (await import('./access.js')).accessAssign,
	'access unassign': async () => (await import('./access.js')).accessUnassign,
	profiles: async () => (await import('./profiles.js')).profiles,
	'profiles remove': async () => (await import('./profiles.js')).profilesRemove,
	settings: async () => (await import('./settings.js')).settings,
	sign: async () => (await import('./sign.js')).sign,
};

