import type {Catalogue} from './catalogue.js';
import type {
	AssignmentsProblem,
	FileFailure,
	JournalLineProblem,
	SealProblem,
	SnapshotProblem,
	StateFileProblem,
	StateFileRole,
	StateProblem,
} from '../emulator/state/state-problems.js';
import type {DenialReason, EmulatorWarning, SignatureCulprit} from '../emulator/warnings.js';

/** What the commands print and ask, besides their --help, in Traditional Chinese (Taiwan): the zh-TW translation of en-commands.ts. */
/** A credential of DefaultAzureCredential's chain, in a few words. */
const zhCredential = (kind: string): string =>
	({
		environment: '環境變數',
		'workload-identity': '工作負載身分識別',
		'managed-identity': '受控識別',
		'azure-cli': 'Azure CLI',
		'azure-developer-cli': 'Azure Developer CLI',
		'azure-powershell': 'Azure PowerShell',
		'visual-studio-code': 'Visual Studio Code',
	})[kind] ?? 'DefaultAzureCredential';

export const zhTWCommands: Catalogue['commands'] = {
	badLanguage: (value, allowed) =>
		value === '' ? `--lang 需要一個值：${allowed.join('、')}。` : `--lang 只接受 ${allowed.join('、')}，而不是「${value}」。`,
	parse: {
		unknownOption: (option, command, suggestion) =>
			`不明的選項 ${option}${suggestion ? `：您是指 ${suggestion} 嗎？` : '。'}請執行「acs-tokens ${command} --help」。`,
		missingValue: (option, command) => `${option} 需要一個值。請執行「acs-tokens ${command} --help」。`,
		dashedValue: (option, value, command) =>
			`${option} 需要一個值，而 ${value} 會被當成選項：以「-」開頭的值請寫成 ${option}=${value}。請執行「acs-tokens ${command} --help」。`,
		unexpectedArgument: (argument, command) =>
			command === ''
				? `非預期的引數「${argument}」：命令要放在最前面，其選項放在後面（acs-tokens users --emulator）。請執行「acs-tokens --help」查看命令。`
				: `非預期的引數「${argument}」。請執行「acs-tokens ${command} --help」。`,
		other: (detail, command) => `${detail}。請執行「acs-tokens ${command} --help」。`,
	},
	notACommand: (words: string, group: readonly string[], suggestion?: string) =>
		suggestion
			? `「${words}」不是命令。您是指「acs-tokens ${suggestion}」嗎？其他命令：${group.filter(name => name !== suggestion).map(name => `acs-tokens ${name}`).join('、')}。`
			: `「${words}」不是命令。請試試：${group.map(name => `acs-tokens ${name}`).join('、')}。`,
	unknownCommand: (word: string, suggestion?: string) =>
		`未知的命令「${word}」。${suggestion ? `您是指「acs-tokens ${suggestion}」嗎？` : ''}請執行「acs-tokens --help」查看所有命令。`,
	bug: (detail: string) => `發生非預期的錯誤（這是程式錯誤，請回報）：\n${detail}`,
	/** After a usage error: where the right usage is. */
	seeHelp: (message: string, command: string) => `${message}。請執行「acs-tokens ${command} --help」。`,
	warning: (message: string) => `警告：${message}`,
	/** A yes/no question, and the answers that mean yes. */
	ask: (question: string) => `${question}（y/是 確認，其他取消） `,
	yes: /^(y(es)?|是|好|確定)$/i,
	userRequired: '必須指定 --user：身分識別的識別碼（8:acs:…）或「acs-tokens users」列出的標籤。',
	scopesRequired: (scopes: readonly string[]) => `必須指定 --scopes：以逗號分隔的範圍清單，可用的範圍有 ${scopes.join('、')}。`,
	noScopes: (scopes: readonly string[]) => `--scopes 至少需要一個範圍：${scopes.join('、')}。`,
	notAScope: (scope: string, scopes: readonly string[]) => `「${scope}」不是有效的範圍。請從下列範圍中選擇：${scopes.join('、')}。`,
	badLifetime: (value: string, minimum: number, maximum: number) =>
		`--expires-in 必須是 ${minimum} 到 ${maximum}（24 小時）之間的整數分鐘數，而不是「${value}」。`,
	notConfirmed: (action: string) => `未經確認，拒絕${action}：沒有可供詢問的終端機。請加上 --yes 以確認。`,
	tokenMasked: '權杖已遮罩：加上 --reveal 可顯示權杖，指令碼請使用 --json。',
	expires: (when: string) => `到期時間：${when}`,
	/** `2026-11-26 12:34:56 UTC（還剩 23h 59m）`. */
	expiry: (localTime: string, duration: string, expired: boolean) => `${localTime}（${expired ? `已過 ${duration}` : `還剩 ${duration}`}）`,
	noSuchLabel: (value: string, profile: string) =>
		`設定檔「${profile}」中沒有標籤為「${value}」的身分識別，而且它也不是識別碼（識別碼以 8:acs: 開頭）。請執行「acs-tokens users」查看所有身分識別。`,
	stdinTaken:
		'此命令會從 stdin 讀取權杖，因此 --connection-string - 無法同時從 stdin 讀取。請將連接字串放在 COMMUNICATION_SERVICES_CONNECTION_STRING（環境變數或此處的 .env 檔案）中，或以 --profile 使用已儲存的設定檔。',
	stdinEmpty:
		'--connection-string - 未從 stdin 讀到任何內容。請以管道傳入連接字串（< connection.txt），或將它放在 COMMUNICATION_SERVICES_CONNECTION_STRING（環境變數或此處的 .env 檔案）中。',
	stdinTooLarge: (maxBytes: number) =>
		`從 stdin 讀到的內容超過 ${maxBytes} 位元組，比任何連接字串、金鑰或權杖都大：請檢查以管道傳入的內容。`,
	secretPrompt: '請貼上後按 Enter（貼上時不會顯示任何內容；Ctrl+C 取消）：',
	signedIn: who =>
		`已透過 ${who.credential ? zhCredential(who.credential) : 'DefaultAzureCredential'} 以 Microsoft Entra ID 登入為 ${who.principal ?? '（未具名的主體）'}${who.tenantId ? `（租用戶 ${who.tenantId}）` : ''}。`,
	standInAz: {
		noResource: '替代 az 只回應「account get-access-token --resource URL」（Azure CLI 認證會這樣詢問）；請提供 --resource。',
		nothingToDo: (user: string) => `這是 acs-tokens 的替代 az，離線運作：它一律以 ${user} 登入，僅供加上 --allow-entra 的本機模擬器使用。`,
		unknown: (command: string) =>
			`替代 az 不支援「az ${command}」：它只回應「account get-access-token」，供模擬器使用。若要連線 Azure 本身，請安裝 Azure CLI。`,
		help: (user: string) =>
			[
				`acs-tokens 的替代 az，離線運作：一律以 ${user} 登入，僅供加上 --allow-entra 的本機模擬器使用。`,
				'',
				'  az account get-access-token --resource URL [--tenant ID] [--output json]',
				'                     在本機產生的 Entra ID 權杖，如 Azure CLI 認證所要求',
				'  acs-tokens emulator stand-in-az --path',
				'                     寫入此 az 並印出其目錄，以放在 PATH 的最前面',
				'',
				'若要連線 Azure 本身，請安裝 Azure CLI。',
			].join('\n'),
		unknownOption: (option: string) =>
			`替代 az 的「account get-access-token」不接受 ${option}：它接受 --resource（或 --scope）、--tenant、--subscription 和 --output json。`,
		noValue: (option: string) => `${option} 需要一個值，例如 --resource https://communication.azure.com/。`,
		jsonOnly: (output: string) => `替代 az 只輸出 JSON，而非「${output}」：請指定 --output json，或省略它。`,
		notBuilt: '替代 az 需從建置後的程式執行：請先執行「npm run build」，再執行「node dist/cli.js emulator stand-in-az --path」。',
	},
	emulator: {
		warning: describeWarning,
		refusal: describeRefusal,
		badPort: (value: string | undefined) => `--port 必須是 0 到 65535 之間的整數，而不是「${value}」。`,
		dataDirOrMemory: '--data-dir 與 --in-memory 不能同時使用：請擇一。',
		badAccessKey: '--access-key 必須是至少 16 個位元組的 base64 字串，例如下列命令的輸出：openssl rand -base64 64',
		httpOffLoopback: (host: string | undefined) =>
			`--http 搭配 --host ${host} 會透過網路以明文傳送存取金鑰的簽章和每個權杖。純 HTTP 僅適用於回送位址：請拿掉 --http，改在 ${host} 上提供 HTTPS。`,
		offLoopback: (host, port, developmentKey) =>
			`警告：正在${host === '0.0.0.0' || host === '::' ? '所有網路介面' : ` ${host} `}上接聽（連接埠 ${port}），而不只限本機：網路上的其他電腦都能連上它${
				developmentKey
					? '，而且它的存取金鑰是公開的開發用金鑰，任何人都能簽署要求。請給它專屬的金鑰（--access-key -，例如 openssl rand -base64 64 的輸出），或拿掉 --host。'
					: '。拿掉 --host 即可只為本機提供服務。'
			}`,
		internalError: (detail: string) => `內部錯誤（這是程式錯誤，請回報）：${detail}`,
		certificate: (file: string) => `憑證：${file}`,
		portInUse: (port: number) =>
			`連接埠 ${port} 已在使用中，可能是另一個模擬器。請將其停止，或傳遞 --port <其他連接埠>（--port 0 會挑選可用的連接埠）。`,
		notAnAddress: (host: string | undefined) =>
			`--host ${host} 不是這部電腦的位址。請傳入它的其中一個位址，例如 127.0.0.1（預設值，僅限迴路）或 ::1。`,
		portNotAllowed: (port: number) =>
			`此使用者無法在連接埠 ${port} 上接聽（1024 以下的連接埠需要特殊權限）。請以 --port 傳入大於 1023 的連接埠，或以 --port 0 挑選可用的連接埠。`,
		listenFailed: (host: string, port: number, code: string) =>
			`模擬器無法在 ${host} 的連接埠 ${port} 上接聽（${code}）。請傳入其他 --host 或 --port（--port 0 會挑選可用的連接埠）。`,
		listening: (url: string, dataDirectory: string | undefined) =>
			`ACS 身分識別模擬器正在 ${url} 上接聽（${dataDirectory === undefined ? '資料保存在記憶體中' : `資料位於 ${dataDirectory}`}）；按 Ctrl+C 即可停止。`,
		keyGiven: '<以 --access-key 提供的金鑰>',
		stopped: '模擬器已停止。',
	},
	profiles: {
		headings: ['', '名稱', '端點', '存取金鑰'],
		emulatorEndpoint: '本機模擬器',
		keyFromEnvironment: (variable: string) => `金鑰取自 $${variable}`,
		keyFromDotenv: (variable: string, file: string) => `金鑰取自 ${file} 中的 ${variable}`,
		keyOfEmulator: '模擬器的開發金鑰',
		keyEachTime: '每次以 --connection-string 提供',
		keySaved: '金鑰已儲存在本機存放區',
		keyEntra: (tenantId: string | undefined) => `無金鑰：Microsoft Entra ID${tenantId ? `（租用戶 ${tenantId}）` : ''}`,
		none: '尚無設定檔。第一次連線時會儲存設定檔：acs-tokens user create --emulator',
		nameRequired: '請指定要移除的設定檔：acs-tokens profiles remove NAME（請見 acs-tokens profiles）。',
		removeQuestion: (name, identities) =>
			`要移除設定檔 ${name}${identities > 0 ? `，以及它在本機記錄的 ${identities} 個身分識別（它們仍保留在資源上）` : ''}嗎？`,
		removeAction: '移除設定檔',
		removed: (name, identities) =>
			`已移除設定檔 ${name}${identities > 0 ? `，以及它在本機記錄的 ${identities} 個身分識別；它們仍保留在資源上` : ''}。`,
		notRemoved: '未移除任何項目。',
	},
	users: {
		none: (profile: string | undefined) =>
			`${profile === undefined ? '' : `設定檔 ${profile} 中`}尚無身分識別。請建立一個：acs-tokens user create --emulator --label alice`,
		headings: ['設定檔', '標籤', '識別碼', '狀態'],
		deleted: (at: string) => `已於 ${at} 刪除`,
		revoked: (at: string) => `權杖已於 ${at} 撤銷`,
		noToken: '尚未發行權杖',
		token: (scopes: readonly string[], expired: boolean, when: string) =>
			`權杖 ${scopes.join(',')}，${expired ? '已到期' : '到期'} ${when}`,
	},
	settings: {
		badStoreTokens: (value: string) => `--store-tokens 只接受 on 或 off，而不是「${value}」。`,
		storeTokens: (on: boolean) => `store-tokens：${on ? 'on（開啟）' : 'off（關閉）'}`,
		badLanguage: (value, allowed) =>
		value === '' ? `--lang 需要一個值：${allowed.join('、')}。` : `--lang 只接受 ${allowed.join('、')}，而不是「${value}」。`,
		badSymbols: value => `--symbols 只接受 unicode 或 plain，而不是「${value}」。`,
		language: (setting, language, from) =>
			`lang：${setting}${setting === 'auto' || from === 'flag' ? `（目前為 ${language}，依據 ${from === 'flag' ? '--lang' : from}）` : ''}`,
		symbols: style => `symbols：${style}${style === 'plain' ? '（純文字符號）' : ''}`,
	},
	userCreate: {
		lifetimeWithoutScopes: '--expires-in 需要搭配 --scopes：未指定範圍時不會發行權杖。',
		badLabel: '--label 必須是非空白的名稱，且不能以「8:」開頭（識別碼以此開頭）。',
		created: (id: string, label: string | undefined, profile: string) =>
			`已在設定檔 ${profile} 中建立 ${id}${label === undefined ? '' : `（${label}）`}。`,
		token: (scopes: readonly string[], shown: string) => `權杖（${scopes.join('、')}）：${shown}`,
	},
	userDelete: {
		question: (name: string) => `要刪除 ${name}，並使其所有權杖失效嗎？`,
		action: '刪除身分識別',
		nothingDone: '未刪除任何項目。',
		done: (name: string) => `已刪除 ${name}。`,
	},
	userLocal: {
		labelRequired: '必須指定 --label：新的標籤，或以 "" 移除標籤。',
		labelLikeId: '--label 不能以「8:」開頭（識別碼以此開頭）。',
		renamed: (id: string, label: string | undefined) => (label ? `${id} 的標籤現在是「${label}」。` : `${id} 現在沒有標籤。`),
		notStored: (user: string | undefined, profile: string | undefined) =>
			`本機存放區${profile ? `的設定檔 ${profile} ` : ''}中沒有身分識別「${user}」。請執行「acs-tokens users」查看所有身分識別。`,
		inSeveralProfiles: (user: string | undefined, profiles: readonly string[]) =>
			`「${user}」對應到多個設定檔中的身分識別（${profiles.join('、')}）：請加上 --profile。`,
		forgetQuestion: (id: string) => `要從本機遺忘 ${id} 嗎？它仍會保留在資源上。`,
		forgetAction: '從本機遺忘身分識別',
		nothingForgotten: '未移除任何本機紀錄。',
		forgot: (id: string, profile: string) => `已從本機遺忘 ${id}（設定檔 ${profile}）。`,
	},
	tokenExchange: {
		badScope: (scope: string, prefix: string) =>
			scope === '' ? `--scopes 是空的：請提供以 ${prefix} 開頭的範圍。` : `範圍「${scope}」不是以此交換所需的 ${prefix} 開頭（--teams-extension 可在兩種之間切換）。`,
		pasteToken: '請貼上使用者的 Entra ID 權杖後按 Enter（貼上時不會顯示任何內容；權杖從 stdin 讀取，絕不從命令列讀取）。',
		noToken:
			'stdin 上沒有 Entra ID 權杖。請以管道傳入：acs-tokens token exchange --endpoint URL < token.txt（在模擬器上：acs-tokens emulator stand-in-entra-token | …）。',
		issued: (identity: string, shown: string) => `${identity} 的 ACS 權杖：${shown}`,
	},
	access: {
		badGuid: (name: string, value: string | undefined) =>
			value === undefined ? `必須提供 ${name}：一個 GUID（Entra ID 物件識別碼、租用戶識別碼或用戶端識別碼）。` : `${name}「${value}」不是 GUID（例如 1b2c3d4e-0000-4000-8000-123456789abc）。`,
		badType: (type: string | undefined, allowed: readonly string[]) =>
			`${type === undefined ? '必須提供 --type' : `--type「${type}」不在允許的值中`}：請使用 ${allowed.join('、')}。`,
		noTeamsExtensionList:
			'服務不提供 Teams 延伸模組指派的清單：請以 acs-tokens access show OBJECT_ID --teams-extension --tenant-id TENANT 查看單一指派。',
		none: '沒有任何指派：目前沒有 Entra ID 使用者可以交換權杖。請以 acs-tokens access assign 新增。',
		headings: ['物件識別碼', '類型', '租用戶', '用戶端應用程式'],
		anyClient: '任何',
		notAssigned: (objectId: string) => `${objectId} 沒有指派。請執行 acs-tokens access list 查看所有指派。`,
		assigned: (created: boolean, objectId: string, type: string) =>
			`已${created ? '指派' : '更新'} ${objectId}（${type}）：它現在可以將 Entra ID 權杖交換為 ACS 權杖。`,
		question: (objectId: string) => `要移除 ${objectId} 的指派嗎？它將無法再交換權杖。`,
		action: '移除指派',
		nothingDone: '未移除任何項目。',
		removed: (objectId: string) => `已移除 ${objectId} 的指派。`,
	},
	tokenTeams: {
		badGuid: (option: string, value: string | undefined) =>
			value === undefined
				? `必須提供 ${option}：${option === '--app-id' ? 'Teams 使用者登入的 Entra ID 應用程式註冊' : 'Teams 使用者的 Entra ID 物件識別碼'}的 GUID。`
				: `${option}「${value}」不是 GUID（例如 1b2c3d4e-0000-4000-8000-123456789abc）。請提供${option === '--app-id' ? ' Entra ID 應用程式（用戶端）識別碼' : ' Teams 使用者的 Entra ID 物件識別碼'}。`,
		pasteToken: '請貼上 Teams 使用者的 Entra ID 權杖後按 Enter（貼上時不會顯示任何內容；權杖從 stdin 讀取，絕不從命令列讀取）。',
		noToken:
			'stdin 上沒有 Teams 使用者權杖。請以管道傳入：acs-tokens token teams --app-id ID --user-id OID < token.txt（在模擬器上：acs-tokens emulator stand-in-teams-token --app-id ID --user-id OID | …）。',
		issued: (userId: string, shown: string) => `Teams 使用者 ${userId} 的 ACS 權杖：${shown}`,
	},
	tokenIssue: {
		issued: (id: string, label: string | undefined, scopes: readonly string[], shown: string) =>
			`已為 ${id}${label ? `（${label}）` : ' '}發行權杖（${scopes.join('、')}）：${shown}`,
	},
	tokenRevoke: {
		question: (name: string) => `要撤銷 ${name} 的所有權杖嗎？`,
		action: '撤銷權杖',
		nothingDone: '未撤銷任何權杖。',
		done: (name: string, at: string) => `已撤銷 ${name} 在 ${at} 之前發行的所有權杖。`,
	},
	tokenDecode: {
		notAJwt: '這不是 JWT：存取權杖由三個以點分隔的 base64url 部分組成（eyJ….eyJ….…）。',
		oneToken: '請提供剛好一個 TOKEN，或以「-」從 stdin 讀取。',
		emptyStdin: '「-」未從 stdin 讀到任何內容：請以管道傳入權杖（< token.txt，或 echo "$TOKEN" |）。',
		header: '標頭',
		claims: '宣告',
		issued: (time: string) => `發行時間  ${time}`,
		expires: (when: string) => `到期時間  ${when}`,
		scopes: (scopes: readonly string[]) => `範圍      ${scopes.join('、')}`,
	},
	tokenVerify: {
		result: {
			valid: '權杖有效：由此模擬器簽署、未到期、未撤銷。',
			expired: '權杖已到期。',
			revoked: '權杖已撤銷：其身分識別的權杖在此權杖發行後遭到撤銷。',
			deleted: '權杖無效：其身分識別已刪除。',
			'bad-signature': '權杖無效：不是由此模擬器簽署（或已遭竄改）。',
			malformed: '權杖無效：這不是存取權杖。',
		},
		/** A reason this version does not know (an emulator of another version answered). */
		unknown: (reason: string) => `權杖狀態：${reason}。`,
	},
	sign: {
		usage: 'sign 需要一個方法與一個 URL：acs-tokens sign POST "/identities?api-version=2023-10-01"（請參閱：acs-tokens sign --help）。',
		badMethod: (method, allowed) => `「${method}」不是 acs-tokens 能簽署的 HTTP 方法：請使用 ${allowed.join('、')} 其中之一。`,
		badUrl: (url, endpoint) =>
			`「${url}」不是 URL：請提供 ${endpoint} 上的完整 URL，或以 / 開頭的路徑與查詢（例如 /identities?api-version=2023-10-01）。`,
		otherOrigin: (url, origin) =>
			`「${url}」不在此連線的端點 ${origin} 上：該處會拒絕這個簽章。請提供 ${origin} 上的 URL，或只提供其路徑與查詢。`,
		unreadableBody: (file, code) => `無法讀取本文檔案「${file}」（${code}）：請檢查路徑以及您是否有讀取權限，或使用 --body - 從 stdin 讀取。`,
		bodyTooLarge: (file, maxBytes) => `本文「${file}」大於 ${maxBytes} 位元組：ACS 不接受這麼大的要求本文。`,
		twoStdins: '--body 與 --connection-string 只能有一個從 stdin（-）讀取：請以檔案或值提供另一個。',
		keyless: (endpoint: string) =>
			`這個連往 ${endpoint} 的連線以 Microsoft Entra ID 登入，沒有可用來簽署的存取金鑰。請改為傳送「Authorization: Bearer <權杖>」（az account get-access-token --resource https://communication.azure.com），或指定連接字串。`,
		noEmulator:
			'這個設定目錄上沒有執行中的模擬器，因此為它產生的標頭會指向一個在此命令結束後就消失的連接埠。請先在另一個終端機啟動「acs-tokens emulator」（或精靈）。',
	},
};

function culpritText(culprit: SignatureCulprit): string {
	switch (culprit.part) {
		case 'host-without-port': {
			return `主機被簽署為 ${culprit.hostname}：請完全依送出的 Host 標頭簽署，包含連接埠。`;
		}

		case 'body-hash': {
			return 'x-ms-content-sha256 是所送本文的雜湊：請在標頭中送出您簽署的同一個雜湊。';
		}

		case 'query-left-out': {
			return '查詢字串被省略：請連同查詢字串（?api-version=…）簽署路徑。';
		}

		case 'path-decoded': {
			return '路徑以解碼後的形式簽署：請依送出的原樣簽署路徑，保留百分比編碼（8%3Aacs%3A…）。';
		}

		case 'method-lower-case': {
			return '方法以小寫簽署：請以大寫簽署方法。';
		}
	}
}

function denialText(reason: DenialReason): string {
	switch (reason.why) {
		case 'no-authorization': {
			return '要求沒有 Authorization 標頭。請以存取金鑰簽署（HMAC-SHA256），或以 Bearer 送出 Microsoft Entra ID 權杖。';
		}

		case 'not-hmac': {
			return 'Authorization 標頭既不是「HMAC-SHA256 SignedHeaders=…&Signature=…」，也不是「Bearer <權杖>」。';
		}

		case 'signature-not-canonical': {
			return 'Signature 不是 32 位元組的標準 base64（HMAC-SHA256 的結果，以 base64 表示，含填補字元，其後沒有其他內容）。';
		}

		case 'headers-outside-scheme': {
			return 'SignedHeaders 只能列出 x-ms-date（或 date）、host 與 x-ms-content-sha256，且各一次。';
		}

		case 'signed-header-absent': {
			return `SignedHeaders 列出了 ${reason.header}，但要求中沒有這個標頭。`;
		}

		case 'required-unsigned': {
			return `SignedHeaders 必須包含 host、x-ms-content-sha256 與 x-ms-date（或 date）；缺少：${reason.missing.join('、')}。`;
		}

		case 'date-unreadable': {
			return `${reason.header} 標頭不是日期（HTTP 日期，例如 Tue, 01 Dec 2026 21:30:00 GMT）。`;
		}

		case 'clock-skew': {
			return `它簽署於 ${reason.sentAt}（${reason.header}），與模擬器的時鐘相差 ${reason.minutes} 分鐘；最多允許 ${reason.allowedMinutes} 分鐘。請檢查用戶端的時鐘。`;
		}

		case 'bearer-not-enabled': {
			return '它帶有 Bearer 權杖，而模擬器只有在以 --allow-entra 啟動時（透過 HTTPS）才接受 Microsoft Entra ID 權杖。';
		}

		case 'bearer-needs-https': {
			return '它透過純 HTTP 帶有 Bearer 權杖；Microsoft Entra ID 權杖只能透過 HTTPS 傳送。';
		}

		case 'bearer-not-jwt': {
			return '它的 Bearer 權杖不是 JWT。';
		}

		case 'bearer-wrong-audience': {
			return '它的 Bearer 權杖不是給通訊服務的（aud 應為 https://communication.azure.com）。';
		}

		case 'bearer-expired': {
			return '它的 Bearer 權杖已過期，或尚未生效。';
		}
	}
}

/** The emulator's log lines in zh-TW (the data is the emulator's; the words are ours). */
function describeWarning(warning: EmulatorWarning): string {
	switch (warning.kind) {
		case 'unknown-api-version': {
			return `模擬器不認得 api-version ${warning.version}；改以 ${warning.answeredAs} 回應（--skip-api-version-check）。`;
		}

		case 'signature-mismatch': {
			const verdict = warning.culprit
				? `與收到的簽章相符的差異：${culpritText(warning.culprit)}`
				: '沒有任何單一部分能解釋：請確認金鑰是此模擬器存取金鑰經 base64 解碼後的值，並逐行比對。';
			return `${warning.method} ${warning.target} 的簽章不相符。要簽署的字串（方法、路徑與查詢字串、${warning.signedHeaders.join(';')}）：${warning.stringToSign}。${verdict}`;
		}

		case 'request-denied': {
			return `${warning.method} ${warning.target} 收到 401 Denied：${denialText(warning.reason)}`;
		}

		case 'torn-journal': {
			return `模擬器的日誌 ${warning.path} 結尾有一行未寫完（位於第 ${warning.at} 位元組，共 ${warning.bytes} 位元組），是當機時中斷、尚未確認的寫入；已將它捨棄。`;
		}
	}
}

/** The emulator's refusals of its data directory in zh-TW (stateProblemMessage is the English). */
const fileNames: Record<StateFileRole, string> = {
	journal: '模擬器的日誌',
	snapshot: '模擬器的狀態檔',
	resource: '模擬器的資源檔',
	'signing-key': '模擬器的簽署金鑰',
	lock: '鎖定檔',
	assignments: '模擬器的指派檔',
};

const startAfresh = '將資料目錄移到別處以重新開始（其中的身分識別與權杖將會遺失），或使用 --in-memory。';

function failureText(failure: FileFailure): string {
	switch (failure.reason) {
		case 'is-directory': {
			return '是目錄，而不是檔案';
		}

		case 'permission-denied': {
			return '無法開啟（權限遭拒）';
		}

		case 'disk-full': {
			return '無法寫入（磁碟已滿）';
		}

		case 'not-regular-file': {
			return '無法使用（它不是一般檔案）';
		}

		case 'not-a-file': {
			return '無法使用（它不是檔案）';
		}

		case 'other': {
			return `無法使用（${failure.detail}）`;
		}
	}
}

function sealText(problem: SealProblem): string {
	switch (problem.kind) {
		case 'no-checksum': {
			return '沒有檢查碼（已損毀，或是由較舊版本的 acs-tokens 寫入）';
		}

		case 'checksum-mismatch': {
			return '檢查碼不相符';
		}

		case 'not-json': {
			return '內容不是 JSON';
		}
	}
}

function snapshotText(problem: SnapshotProblem): string {
	switch (problem.kind) {
		case 'no-line-break': {
			return '結尾沒有換行';
		}

		case 'not-a-snapshot': {
			return '不是此版本的 acs-tokens 所寫入的快照';
		}

		case 'bad-seq-or-identities': {
			return '其中的 seq 或 identities 不是模擬器寫入的內容';
		}

		case 'bad-identity': {
			return `其中索引為 ${problem.index} 的身分識別不是模擬器寫入的紀錄`;
		}

		case 'duplicate-id': {
			return `身分識別 ${problem.id} 在其中出現兩次`;
		}

		case 'duplicate-custom-id': {
			return `其中有兩個未刪除的身分識別具有相同的 customId ${JSON.stringify(problem.customId)}`;
		}

		default: {
			return sealText(problem);
		}
	}
}

function journalLineText(problem: JournalLineProblem): string {
	switch (problem.kind) {
		case 'line-too-long': {
			return `這一行長度超過 ${problem.maxBytes} 位元組`;
		}

		case 'empty-line': {
			return '這一行是空的';
		}

		case 'not-a-change': {
			return '這一行不是模擬器寫入的變更';
		}

		case 'seq-gap': {
			return `其中的變更 ${problem.seq} 接在變更 ${problem.after} 之後（編號不連續）`;
		}

		case 'identity-exists': {
			return `其中的變更 ${problem.seq}（${problem.op}）指向 ${problem.id}，但該身分識別已經存在`;
		}

		case 'identity-missing': {
			return `其中的變更 ${problem.seq}（${problem.op}）指向 ${problem.id}，但該身分識別不存在`;
		}

		case 'unfinished-line-too-long': {
			return `最後一行未寫完，長達 ${problem.bytes} 位元組，超過任何紀錄的長度`;
		}

		default: {
			return sealText(problem);
		}
	}
}

function assignmentsText(problem: AssignmentsProblem): string {
	switch (problem.kind) {
		case 'unreadable': {
			return problem.code === undefined ? '無法讀取' : `無法讀取：${problem.code}`;
		}

		case 'too-large': {
			return '比模擬器寫入的任何指派檔都大';
		}

		case 'not-json': {
			return '內容不是 JSON';
		}

		case 'bad-checksum-or-shape': {
			return '檢查碼或結構不正確';
		}
	}
}

function describeRefusal(problem: StateProblem): string {
	switch (problem.kind) {
		case 'in-use': {
			return `資料目錄 ${problem.directory} 正由另一個模擬器使用中（pid ${problem.pid}）。請停止該模擬器，或以 --data-dir <其他目錄> 或 --in-memory 啟動此模擬器。`;
		}

		case 'lock-contended': {
			return `無法鎖定資料目錄 ${problem.directory}；可能有另一個模擬器正在啟動。`;
		}

		case 'cannot-make-directory': {
			return `無法建立資料目錄 ${problem.directory}（${problem.detail}）；請以 --data-dir <其他目錄> 或 --in-memory 啟動模擬器。`;
		}

		case 'damaged-assignments': {
			return `${fileNames.assignments} ${problem.file.path} 已損毀（${assignmentsText(problem.problem)}）。請從備份還原它，或將它移到別處，以不含任何 Entra ID 指派的狀態開始。`;
		}

		case 'unusable': {
			return `${fileNames[problem.file.role]} ${problem.file.path} ${failureText(problem.failure)}；請修正或移除該處的內容，或${startAfresh}`;
		}

		default: {
			return `${stateFileText(problem)}；請從備份還原它，或${startAfresh}`;
		}
	}
}

function stateFileText(problem: Exclude<StateFileProblem, {kind: 'unusable'}>): string {
	const what = `${fileNames[problem.file.role]} ${problem.file.path}`;
	switch (problem.kind) {
		case 'too-large': {
			return `${what} 有 ${problem.bytes} 位元組，超過模擬器${problem.limit === 'ever' ? '會寫入' : '在兩次壓縮之間會寫入'}的大小（${problem.maxBytes}）`;
		}

		case 'missing-with-identities': {
			const lost =
				problem.file.role === 'signing-key'
					? '為它們發行的權杖將無法以新的金鑰驗證'
					: '它們的識別碼含有此檔案所記錄的資源識別碼，新的資源識別碼會使它們不再屬於此資源';
			return `${what} 不見了，但 ${problem.holder} 中有身分識別（${lost}）`;
		}

		case 'journal-missing': {
			return `${what} 不見了，但旁邊的快照仍在（快照之後的變更將會遺失）`;
		}

		case 'snapshot-missing': {
			return `${what} 不見了，但日誌 ${problem.journalPath} 從變更 ${problem.firstChange} 開始：之前的變更已壓縮進該檔案`;
		}

		case 'not-json': {
			return `${what} 已損毀（內容不是 JSON）`;
		}

		case 'no-resource-id': {
			return `${what} 已損毀（其中沒有資源識別碼）`;
		}

		case 'invalid-key': {
			return `${what} 不是有效的私密金鑰`;
		}

		case 'damaged-snapshot': {
			return `${what} 已損毀：${snapshotText(problem.problem)}`;
		}

		case 'damaged-journal': {
			return `${what} 在第 ${problem.offset} 位元組（第 ${problem.line} 行）處已損毀：${journalLineText(problem.problem)}`;
		}

		case 'changes-missing': {
			const {firstChange, snapshotChange} = problem;
			return `${what} 從變更 ${firstChange} 開始，但 ${problem.snapshotPath} 結束於變更 ${snapshotChange}，因此缺少變更 ${snapshotChange + 1} 到 ${firstChange - 1}`;
		}

		case 'journal-older': {
			return `${what} 結束於變更 ${problem.lastChange}，早於 ${problem.snapshotPath}（變更 ${problem.snapshotChange}）：日誌比快照還舊`;
		}
	}
}
