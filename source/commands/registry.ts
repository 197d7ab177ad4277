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
	'token decode': async () => (await import('./token-decode.js')).tokenDecode,
	'token verify': async () => (await import('./token-verify.js')).tokenVerify,
	profiles: async () => (await import('./profiles.js')).profiles,
	settings: async () => (await import('./settings.js')).settings,
};

export const rootHelp = `Usage: acs-tokens                      open the wizard (see below)
       acs-tokens <command> [options]   run one step, for scripts

Azure Communication Services identities and user access tokens, from the keyboard.

Commands
  user create          create an identity (and a token with --scopes)
  user delete          delete an identity from the resource
  user rename          label an identity in the local store
  user forget          remove an identity from the local store only
  users                list the identities created through acs-tokens
  token issue          issue a token for an identity
  token revoke         revoke every token of an identity
  token decode         show a token's header and claims (offline)
  token verify         ask the local emulator whether a token is valid
  profiles             list saved connection profiles
  settings             show or change settings (keeping token values: off by default)
  emulator             run the local ACS Identity emulator (offline, no Azure account)

Every command takes --help, and --json for one JSON document on stdout.

Exit codes
  0 ok   1 failed   2 usage or refused input   3 authentication   4 not found
  5 network or TLS   130 cancelled

Examples
  acs-tokens user create --emulator --label alice --scopes chat,voip
  acs-tokens token revoke --emulator --user alice --yes
  acs-tokens users
`;
