import type {Catalogue} from './catalogue.js';

/**
 * The commands' --help texts, in English: part of the catalogue (text/en.ts), so that a
 * zh-TW one translates them too.
 */

const connection = `Connection (at most one of these flags; with none, the first found below)
  --connection-string S  endpoint=https://…;accesskey=… (- reads it from stdin, so that
                         the key is not on the command line)
  --emulator             the local emulator (offline, no Azure account)
  --endpoint URL         keyless: sign in with Microsoft Entra ID (DefaultAzureCredential:
                         az login, managed identity, AZURE_CLIENT_* …)
  --tenant ID            the Entra ID tenant to sign in to, with --endpoint
  --profile NAME         a saved profile (see: acs-tokens profiles)
  --save-key             keep the access key in the profile (config.json, mode 600), so
                         --profile works without the connection string next time;
                         saved only once the service has accepted it (the request
                         succeeded), never a key it refused
  otherwise COMMUNICATION_SERVICES_CONNECTION_STRING or AZURE_COMMUNICATION_CONNECTION_STRING
  from the environment or a .env file here, then the default profile, then
  AZURE_COMMUNICATION_ENDPOINT (keyless).`;

const output = `Output
  --json                 print exactly one JSON document on stdout
  --verbose              print each HTTP exchange on stderr (secrets masked)
  --config-dir DIR       where profiles and identities are kept (or ACS_TOKENS_CONFIG_DIR)
  -h, --help             show this help`;

export const enHelp: Catalogue['help'] = {
	root: `Usage: acs-tokens                      open the wizard (see below)
       acs-tokens <command> [options]   run one step, for scripts
       acs-tokens --version             print the version

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
  token teams          exchange a Teams user's Entra ID token for an ACS token
  token exchange       exchange an Entra ID user's token, as a client app does
  access list          who may exchange Entra ID tokens for ACS tokens
  access show          one assignment
  access assign        let a user, group or tenant exchange
  access unassign      remove an assignment
  sign                 the headers that sign one request with the access key (for curl)
  profiles             list saved connection profiles
  profiles remove      remove a saved profile (and its local records)
  settings             show or change settings (keeping token values: off by default)
  emulator             run the local ACS Identity emulator (offline, no Azure account)

Every command takes --help, and --json for one JSON document on stdout.

Language
  --lang en|zh-TW|auto   before or after the command; otherwise the saved setting
                         (acs-tokens settings --lang), then LC_ALL, LC_MESSAGES, LANG,
                         then the system's locale. zh_TW, zh_HK, zh_MO and zh-Hant give
                         Traditional Chinese; --json keys and error kinds stay English.

Exit codes
  0 ok   1 failed   2 usage or refused input   3 authentication   4 not found
  5 network or TLS   130 cancelled   70 a bug (please report it)

Examples
  acs-tokens user create --emulator --label alice --scopes chat,voip
  acs-tokens token revoke --emulator --user alice --yes
  acs-tokens users
`,
	wizard: `Usage: acs-tokens [--emulator | --profile NAME | --endpoint URL [--tenant ID]]
                  [--present] [--no-color] [--plain-symbols] [--screen-reader] [--lang L]

Opens the wizard: connect, then the quickstart's guided tour (create user, choose scopes,
issue token, revoke, delete) or manage the identities you created. ? shows every key.

Options
  --emulator         connect to the local emulator at once (offline, no Azure account)
  --profile NAME     connect with a saved profile at once
  --endpoint URL     sign in to this endpoint with Microsoft Entra ID at once (keyless,
                     DefaultAzureCredential: az login, …); --tenant ID names the tenant
  --save-key         keep the access key of a pasted connection string in its profile,
                     once the service has accepted it (the first request that succeeds)
  --present          presenter mode: secrets can never be revealed, ids shortened
  --no-color         no colours (NO_COLOR and TERM=dumb are honoured too; with
                     TERM=dumb each screen is printed as lines, nothing redrawn)
  --plain-symbols    ASCII symbols and boxes (or: acs-tokens settings --symbols plain)
  --screen-reader    linear text for a screen reader: no boxes, no spinner, each screen
                     printed once, selections said in words (or INK_SCREEN_READER=true)
  --lang L           en, zh-TW or auto (see Language, above)
  --config-dir DIR   where profiles and identities are kept (or ACS_TOKENS_CONFIG_DIR)
`,
	emulator: (defaultPort: number, defaultDataDirectory: string) => `Usage: acs-tokens emulator [options]

Runs a local Azure Communication Services Identity API that the official SDKs
cannot tell from the service: HMAC authentication, api-versions, exact status
codes and errors, real revocation.

Options
  --port N           Port to listen on (default ${defaultPort}; 0 picks a free one)
  --host ADDRESS     Address to bind (default 127.0.0.1; loopback unless told otherwise)
  --http             Plain HTTP instead of HTTPS (SDKs need allowInsecureConnection)
  --data-dir DIR     Keep identities, keys and the certificate in DIR
                     (default ${defaultDataDirectory})
  --in-memory        Keep identities in memory only; they vanish on exit
  --access-key KEY   Base64 access key (default: the well-known development key);
                     - reads it from stdin, so that it is not on the command line
  --allow-entra      Accept Entra ID bearer tokens over HTTPS (audience and
                     expiry checked, signature not)
  --skip-api-version-check
                     Answer any well-formed api-version, as the newest known
                     (one log line per new version seen)
  --print-certificate-path
                     Print the path of the CA certificate HTTPS uses (made if
                     needed) and exit, for NODE_EXTRA_CA_CERTS
  -h, --help         Show this help

Stand-ins for offline Microsoft Entra ID (the emulator with --allow-entra only)
  acs-tokens emulator stand-in-az --path
                     writes an az that the Azure CLI credential runs and prints
                     its directory: export PATH="$(acs-tokens emulator
                     stand-in-az --path):$PATH" (signed in as a fictitious learner)
  acs-tokens emulator stand-in-teams-token --app-id ID --user-id OID
                     prints a simulated Teams user's Entra ID token
  acs-tokens emulator stand-in-entra-token [--teams-extension] [--user-id OID]
                     prints an Entra ID user's token for token exchange

Health: GET /emulator/health answers 200 without a signature once it serves.
A request's body must arrive within 10 s of its headers (else 408).

Examples
  acs-tokens emulator
  acs-tokens emulator --port 0 --in-memory
  acs-tokens emulator --http --port 8080
  NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)" node app.js
`,
	profiles: `Usage: acs-tokens profiles
       acs-tokens profiles remove NAME [--yes]

Lists the saved connection profiles and where each finds its access key.
Keys are not stored unless you asked for it; a profile remembers where to read one.

${output}

Examples
  acs-tokens profiles
  acs-tokens profiles --json
  acs-tokens profiles remove contoso --yes
`,
	profilesRemove: `Usage: acs-tokens profiles remove NAME [--yes]

Removes a saved profile, and the local record of the identities made with it. The
identities stay on the resource: delete them first (acs-tokens user delete) if that is
what you want. Asks first on a terminal; without one, --yes is needed.

Options
  --yes                  do not ask

${output}

Examples
  acs-tokens profiles remove contoso
  acs-tokens profiles remove contoso --yes --json
`,
	settings: `Usage: acs-tokens settings [--store-tokens on|off] [--lang L] [--symbols S]

Shows or changes acs-tokens' settings.

Options
  --store-tokens on|off  keep token values in the store (config.json, mode 600).
                         Off by default; turning it off removes every token kept so far.
  --lang en|zh-TW|auto   the language to use (auto: the locale decides)
  --symbols unicode|plain
                         plain: ASCII symbols and boxes in the wizard, for terminals
                         that draw ● ○ ❯ and box lines two columns wide

${output}

Examples
  acs-tokens settings
  acs-tokens settings --store-tokens on
  acs-tokens settings --lang zh-TW
`,
	users: `Usage: acs-tokens users [--profile NAME | --emulator] [--json [--reveal]]

Lists the identities created through acs-tokens, from the local store, with their state.
There is no "list identities" operation in the ACS API: this store is the record.

Options
  --profile NAME         only this profile's identities
  --emulator             only the local emulator's identities
  --reveal               with --json, include the last token itself where it is stored
                         (settings --store-tokens on); without it, the token is left out

${output}

Examples
  acs-tokens users
  acs-tokens users --emulator --json
`,
	userCreate: `Usage: acs-tokens user create [--scopes chat,voip] [--expires-in MIN] [--label L]

Creates a Communication Services identity and, with --scopes, a token for it.
The identity is recorded in the local store under the connection's profile.

Options
  --scopes LIST          chat, voip, chat.join, chat.join.limited, voip.join (comma-separated)
  --expires-in MIN       token lifetime, 60 to 1440 minutes (default 1440)
  --label L              a name to find it by later (--user L)
  --reveal               print the token itself, not a masked form (--json always includes it)

${connection}

${output}

Examples
  acs-tokens user create --emulator --label alice
  acs-tokens user create --scopes chat,voip --expires-in 60 --json
`,
	userDelete: `Usage: acs-tokens user delete --user ID|LABEL [--yes]

Deletes the identity from the resource: its tokens stop working and its data is removed.
The local store keeps it, marked deleted, until you "acs-tokens user forget" it.
Asks for confirmation on a terminal; elsewhere pass --yes.

Options
  --user ID|LABEL        the identity: its id (8:acs:…) or its label
  -y, --yes              do not ask

${connection}

${output}

Examples
  acs-tokens user delete --emulator --user alice
  acs-tokens user delete --user 8:acs:…_… --yes --json
`,
	userForget: `Usage: acs-tokens user forget --user ID|LABEL [--profile NAME] [--yes]

Removes an identity from the local store only; the resource is not touched.

Options
  --user ID|LABEL        the identity
  --profile NAME         the profile it is in, when several have it (--emulator: the emulator's)
  -y, --yes              do not ask

${output}

Examples
  acs-tokens user forget --user alice
  acs-tokens user forget --emulator --user 8:acs:…_… --yes --json
`,
	userRename: `Usage: acs-tokens user rename --user ID|LABEL --label NEW [--profile NAME]

Gives an identity a new label in the local store (--label "" removes it).

Options
  --user ID|LABEL        the identity
  --label NEW            its new label; "" removes the label
  --profile NAME         the profile it is in, when several have it (--emulator: the emulator's)

${output}

Examples
  acs-tokens user rename --user alice --label alice-laptop
  acs-tokens user rename --user 8:acs:…_… --label ""
`,
	tokenIssue: `Usage: acs-tokens token issue --user ID|LABEL --scopes LIST [--expires-in MIN]

Issues a user access token for an identity.

Options
  --user ID|LABEL        the identity: its id (8:acs:…) or its label
  --scopes LIST          chat, voip, chat.join, chat.join.limited, voip.join (comma-separated)
  --expires-in MIN       lifetime, 60 to 1440 minutes (default 1440)
  --reveal               print the token itself, not a masked form (--json always includes it)

${connection}

${output}

Examples
  acs-tokens token issue --emulator --user alice --scopes chat
  TOKEN=$(acs-tokens token issue --user alice --scopes voip --json | jq -r .token)
`,
	tokenTeams: `Usage: acs-tokens token teams --app-id ID --user-id OID < teams-token

Exchanges a Teams user's Microsoft Entra ID token for an ACS token (Custom Teams
Endpoint: the SDK's getTokenForTeamsUser). The Entra ID token is read from stdin,
never from the command line; it must be for the Teams.ManageCalls and
Teams.ManageChats scopes of https://auth.msft.communication.azure.com, issued to
the app ID for the user OID.

Options
  --app-id ID            the Entra ID application (client) id the user signed in to
  --user-id OID          the Teams user's Entra ID object id
  --reveal               print the token itself, not a masked form (--json always includes it)

${connection}

${output}

Examples
  acs-tokens token teams --app-id "$APP" --user-id "$OID" --json < token.txt
  acs-tokens emulator stand-in-teams-token --app-id "$APP" --user-id "$OID" |
    acs-tokens token teams --emulator --app-id "$APP" --user-id "$OID"
`,
	tokenExchange: `Usage: acs-tokens token exchange [--teams-extension] [--scopes LIST] < entra-token

What a client app does for an Entra ID user (or, with --teams-extension, a Teams
Extension user): @azure/communication-common's AzureCommunicationTokenCredential,
given the user's Microsoft Entra ID token (read from stdin, never from the
command line), exchanges it on the resource for an ACS token. The user must be
assigned first (acs-tokens access assign). No access key is involved.

Options
  --teams-extension      a Teams Extension user (scopes of
                         https://auth.msft.communication.azure.com)
  --scopes LIST          the scopes the token was issued for (default
                         https://communication.azure.com/clients/.default)
  --reveal               print the token itself, not a masked form

${connection}

${output}

Examples
  acs-tokens token exchange --endpoint "$ENDPOINT" --json < entra-token.txt
  acs-tokens emulator stand-in-entra-token --user-id "$OID" |
    acs-tokens token exchange --endpoint https://127.0.0.1:10430/ --json
`,
	accessList: `Usage: acs-tokens access list

Lists the Entra ID users' assignments (the service lists no Teams Extension ones).
Who may exchange a Microsoft Entra ID token for an ACS token (acs-tokens token
exchange). Entra ID users: --type user, group or tenant (OBJECT_ID is the tenant's
id for tenant), optionally only through the client apps --client-ids. Teams
Extension users (--teams-extension): per tenant, --type resourceAccount or user.

${connection}

${output}

Examples
  acs-tokens access list --emulator --json
`,
	accessShow: `Usage: acs-tokens access show OBJECT_ID [--teams-extension --tenant-id T]

Shows one assignment.
Who may exchange a Microsoft Entra ID token for an ACS token (acs-tokens token
exchange). Entra ID users: --type user, group or tenant (OBJECT_ID is the tenant's
id for tenant), optionally only through the client apps --client-ids. Teams
Extension users (--teams-extension): per tenant, --type resourceAccount or user.

Options
  --teams-extension      a Teams Extension assignment (else an Entra ID one)
  --tenant-id T          its tenant (Teams Extension assignments are per tenant)

${connection}

${output}

Examples
  acs-tokens access show "$OID" --teams-extension --tenant-id "$TENANT"
`,
	accessAssign: `Usage: acs-tokens access assign OBJECT_ID --type TYPE --tenant-id T
                            [--client-ids A,B] [--teams-extension]

Lets OBJECT_ID exchange (adds or replaces its assignment).
Who may exchange a Microsoft Entra ID token for an ACS token (acs-tokens token
exchange). Entra ID users: --type user, group or tenant (OBJECT_ID is the tenant's
id for tenant), optionally only through the client apps --client-ids. Teams
Extension users (--teams-extension): per tenant, --type resourceAccount or user.

Options
  --type TYPE            user, group or tenant; with --teams-extension,
                         resourceAccount or user
  --tenant-id T          the tenant OBJECT_ID belongs to
  --client-ids A,B       only through these client (application) ids, 50 at most
  --teams-extension      a Teams Extension assignment (else an Entra ID one)

${connection}

${output}

Examples
  acs-tokens access assign "$OID" --type user --tenant-id "$TENANT" --emulator
`,
	accessUnassign: `Usage: acs-tokens access unassign OBJECT_ID [--teams-extension --tenant-id T] [--yes]

Removes an assignment; asks on a terminal, elsewhere pass --yes.
Who may exchange a Microsoft Entra ID token for an ACS token (acs-tokens token
exchange). Entra ID users: --type user, group or tenant (OBJECT_ID is the tenant's
id for tenant), optionally only through the client apps --client-ids. Teams
Extension users (--teams-extension): per tenant, --type resourceAccount or user.

Options
  --teams-extension      a Teams Extension assignment (else an Entra ID one)
  --tenant-id T          its tenant (Teams Extension assignments are per tenant)
  -y, --yes              do not ask

${connection}

${output}

Examples
  acs-tokens access unassign "$OID" --yes
`,
	tokenRevoke: `Usage: acs-tokens token revoke --user ID|LABEL [--yes]

Revokes every token issued to the identity so far. Tokens issued afterwards work.
Asks for confirmation on a terminal; elsewhere pass --yes.

Options
  --user ID|LABEL        the identity: its id (8:acs:…) or its label
  -y, --yes              do not ask

${connection}

${output}

Examples
  acs-tokens token revoke --emulator --user alice
  acs-tokens token revoke --user 8:acs:…_… --yes --json
`,
	tokenDecode: `Usage: acs-tokens token decode TOKEN

Shows a token's header and claims, with its times in local time. Works offline;
it does not check the signature (see: acs-tokens token verify). TOKEN "-" reads stdin: the
token, or the JSON that token issue --json prints.

${output}

Examples
  acs-tokens token decode eyJhbGciOi…
  acs-tokens token issue --user alice --scopes chat --json |
    acs-tokens token decode -
`,
	tokenVerify: `Usage: acs-tokens token verify TOKEN

Asks the local emulator whether a token is valid, revoked, expired, or its identity deleted.
Exit code 0 when valid, 1 when not. TOKEN "-" reads stdin (the token, or token issue's JSON).
The real service has no such operation, so this works with the emulator only (--emulator, or
a connection to it).

${connection}

${output}

Examples
  acs-tokens token verify --emulator eyJhbGciOi…
`,
	sign: `Usage: acs-tokens sign METHOD URL [--body FILE]

Prints the headers that sign one request with the connection's access key, HMAC-SHA256 as the
SDK signs it, one "Name: value" line each, ready for curl -H or Postman: x-ms-date,
x-ms-content-sha256 (the body's SHA-256) and Authorization. Nothing is sent. URL is a full URL
on the connection's endpoint, or a path and query relative to it. Send the same method, URL and
body bytes within 15 minutes; the output is a credential for that one request.

  METHOD                 GET, HEAD, POST, PUT, PATCH or DELETE
  URL                    https://<resource>.communication.azure.com/identities?…
                         or a path and query: /identities?api-version=2023-10-01
  --body FILE            the request body, byte for byte (- reads stdin); without it, the
                         empty body. Send it as it is: curl --data-binary @FILE

${connection}

${output}

Examples
  acs-tokens sign POST "/identities?api-version=2023-10-01" --body user.json
  acs-tokens sign --emulator GET "/emulator/health" --json
`,
};
