import type {Catalogue} from './catalogue.js';
import type {ConnectionStringProblem} from '../protocol/connection-string.js';
import {emulatorCommandFor, otherSchemeOf} from './emulator-command.js';

/** Every sentence of the English catalogue but help and commands, in Traditional Chinese (Taiwan), in the words of the zh-TW quickstart. */
/** The credential that signed in, as the line under the header says it. */
const zhWizardCredential = (kind: string): string =>
	({
		environment: '環境變數',
		'workload-identity': '工作負載身分識別',
		'managed-identity': '受控識別',
		'azure-cli': 'Azure CLI',
		'azure-developer-cli': 'Azure Developer CLI',
		'azure-powershell': 'Azure PowerShell',
		'visual-studio-code': 'Visual Studio Code',
	})[kind] ?? 'DefaultAzureCredential';

export const zhTWCore: Omit<Catalogue, 'help' | 'commands'> = {
	store: {
		unknownIdentity: (profile, identity) =>
			`設定檔「${profile}」中沒有身分識別「${identity}」。請列出它記得的身分識別，並使用其中的識別碼或標籤。`,
		duplicateLabel: (label, existingId, profile) =>
			`標籤「${label}」已由設定檔「${profile}」中的 ${existingId} 使用。請選擇其他標籤，或先重新命名或從本機移除該身分識別。`,
		newerFormat: (path, fileVersion, supportedVersion) =>
			`${path} 的資料格式為 ${fileVersion}，比此 acs-tokens 能讀取的 ${supportedVersion} 更新。請升級 acs-tokens，或以 --config-dir 使用其他目錄。`,
		corrupt: (path, reason) =>
			`無法讀取 ${path}：${reason}。請手動修正，或再次執行 acs-tokens：它會把損壞的檔案移到一旁，重新開始。`,
		lockHeld: lockPath =>
			`另一個 acs-tokens 持有 ${lockPath} 太久了。請再試一次；若沒有其他 acs-tokens 正在執行，請移除該目錄。`,
		lockTakenOver: (lockPath, detail) =>
			`鎖定 ${lockPath} 在持有期間被接管（${detail}）；最後一項變更可能與另一個 acs-tokens 同時寫入。`,
		movedAside: (path, reason, asidePath) =>
			`無法讀取 ${path}（${reason}）。已將它移至 ${asidePath}，並建立新的空白設定；請從中複製回您需要的內容。`,
		configDirectoryUnusable: (directory, detail) =>
			`無法使用 ${directory} 作為設定目錄（${detail}）。請以 --config-dir 或 ACS_TOKENS_CONFIG_DIR 選擇可寫入的目錄。`,
		fileUnusable: (path, code) =>
			`無法讀取或寫入 ${path}（${code}）。請確認它是您擁有且可寫入的檔案（以 sudo 寫入的檔案屬於 root：請以 sudo chown 取回），或以 --config-dir 或 ACS_TOKENS_CONFIG_DIR 選擇其他目錄。`,
		configDirectoryEmpty: '--config-dir 收到空白路徑。請提供目錄，例如 --config-dir ~/.config/acs-tokens，或省略此旗標。',
		refusedOwnWrite: detail =>
			`acs-tokens 嘗試寫入其本身結構描述所拒絕的資料，因此未寫入任何內容（${detail}）。請回報此問題，並附上您執行的命令。`,
		reasons: {
			notJson: '它不是有效的 JSON',
			notAnObject: '它不是 JSON 物件',
			badVersion: version => `其格式版本 ${version} 不是 x.y.z`,
			notTheFormat: found => `它不符合 acs-tokens 的格式：${found}`,
			couldNotMigrate: '無法將它升級為目前的格式',
		},
		rules: {
			missing: key => `缺少 \`${key}\``,
			notInTheFormat: key => `\`${key}\` 不屬於此格式`,
			noneOfTheForms: key => `\`${key}\` 不符合它可採用的任何形式`,
			wrongType: (key, type) => `\`${key}\` 必須是${({string: '字串', number: '數字', integer: '整數', boolean: '布林值', array: '陣列', object: '物件', null: 'null'} as Record<string, string>)[type] ?? ` ${type}`}`,
			notAllowed: key => `\`${key}\` 的值不為此格式所允許`,
			other: (key, said) => `\`${key}\` ${said}`,
			list: (shown, more) => `${shown.join('；')}${more > 0 ? `；另有 ${more} 項` : ''}`,
		},
		invalid: {
			name: (field, value, maxLength) =>
				`${field === 'label' ? '標籤' : '設定檔名稱'} ${value} 無效：請使用 1 到 ${maxLength} 個字元，不含控制字元，頭尾也不能是空格。`,
			endpoint: shown => `端點 ${shown} 不是 http(s) URL。請使用資源的端點，例如 https://<resource>.communication.azure.com/。`,
			endpointShape: (shown, max) => `端點 ${shown} 含有空白，或超過 ${max} 個字元。請使用資源的端點，例如 https://<resource>.communication.azure.com/。`,
			timestamp: (field, value) => `${field} ${value} 不是 ISO 8601 日期時間。請傳入例如 new Date().toISOString()。`,
			identityId: value => `身分識別的識別碼 ${value} 無效：請傳入 ACS 傳回的識別碼，例如 8:acs:<resource>_<guid>。`,
			scopes: value => `權杖範圍 ${value} 無效：請傳入發行權杖時使用的非空白範圍清單，例如 ["chat", "voip"]。`,
			keySourceKind: (kind, kinds) => `金鑰來源類型 ${kind} 不明。請使用下列其中之一：${kinds.join('、')}。`,
			environmentVariable: (variable, allowed) => `環境變數 ${variable} 不是 acs-tokens 會讀取的變數。請使用 ${allowed.join(' 或 ')}。`,
			dotenvPathEmpty: '.env 檔案路徑是空白的。請傳入存放連接字串的 .env 檔案路徑。',
			dotenvVariable: variable => `變數名稱 ${variable} 在 .env 檔案中無效：請使用字母、數字和 _，且不能以數字開頭。`,
			accessKeyEmpty: '要儲存的存取金鑰是空白的。請傳入資源「金鑰」頁面上的金鑰。',
			storeTokens: value => `storeTokens 設定必須是 true 或 false，而不是 ${value}。`,
			language: (value, allowed) => `language 設定必須是 ${allowed.join('、')} 其中之一，而不是 ${value}。`,
			symbols: value => `symbols 設定必須是 unicode 或 plain，而不是 ${value}。`,
		},
	},
	errors: {
		connectionString: describeConnectionStringProblem,
		keyInDotenv: (variable, path) => `${path} 中的 ${variable}`,
		connectionStringIn: (where, problem) => `${where}：${problem}`,
		inEnvironment: variable => `環境變數 ${variable}`,
		profileKey: (profile, where) => `設定檔「${profile}」（金鑰來自 ${where}）`,
		twoConnections: flags => `${flags.join(' 與 ')} 各自指定一個連線：請只提供其中一個。`,
		dotenvUnreadable: (path, code) =>
			`無法讀取 ${path}（${code}），acs-tokens 會在其中尋找連接字串。請確認它是您可讀取的檔案，或改用其他方式提供連線：--connection-string -（stdin）或 COMMUNICATION_SERVICES_CONNECTION_STRING。`,
		entraCredentialName: (kind: string) =>
			({
				environment: '環境變數（AZURE_TENANT_ID、AZURE_CLIENT_ID 搭配 AZURE_CLIENT_SECRET 或 AZURE_CLIENT_CERTIFICATE_PATH）',
				'workload-identity': '工作負載身分識別（AZURE_FEDERATED_TOKEN_FILE）',
				'managed-identity': '受控識別',
				'azure-cli': 'Azure CLI（az login）',
				'azure-developer-cli': 'Azure Developer CLI（azd auth login）',
				'azure-powershell': 'Azure PowerShell（Connect-AzAccount）',
				'visual-studio-code': 'Visual Studio Code',
			})[kind] ?? '其他認證',
		entraNoCredential: (tried: readonly string[]) =>
			`沒有任何 Microsoft Entra ID 認證回應。已依序嘗試：${tried.join('；')}。請以 \`az login\`（或 \`azd auth login\`）登入，或設定服務主體的環境變數，然後再試一次。AZURE_TOKEN_CREDENTIALS 可縮小嘗試的範圍（例如 AzureCliCredential）。`,
		entraSignInFailed: (detail: string) =>
			`以 Microsoft Entra ID 登入失敗：${detail}。請重新登入（\`az login\`，其他租用戶請加上 --tenant）後再試一次。`,
		entraStandIn: (endpoint: string) =>
			`${endpoint} 拒絕了 acs-tokens 替代 az 所產生的權杖，這種權杖只有本機模擬器接受：替代 az 的目錄仍在 PATH 的最前面。請將它從 PATH 移除（或開啟新的殼層），再以真正的 Azure CLI 登入（az login）。`,
		entraWrongAudience: (audience: string) =>
			`這個 Entra ID 權杖的對象是 ${audience || '（無）'}，而不是通訊服務（https://communication.azure.com）。認證要求了錯誤的資源：請檢查 AZURE_TOKEN_CREDENTIALS 與認證的設定。`,
		entraExpired: (expiredAt: Date) =>
			`這個 Entra ID 權杖已於 ${expiredAt.toISOString()} 過期。請重新登入（\`az login\`）後再試一次，並確認這台電腦的時鐘。`,
		entraDenied: (endpoint: string, principal: string) =>
			`${endpoint} 拒絕了 ${principal} 的 Entra ID 權杖。請在通訊服務資源上授與該身分識別角色（參與者，或 Communication and Email Service Owner）後再試一次；新角色需要幾分鐘才會生效。`,
		trustNeedsNewerNode: (endpoint: string, nodeVersion: string) =>
			`Node ${nodeVersion} 無法在程式內信任 ${endpoint} 上本機模擬器的憑證（需要 Node 22.19 或更新版本）。請以 NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)" 啟動 acs-tokens，或改用較新的 Node。`,
		exchangeNotAssigned: () =>
			'資源拒絕了這次交換（403）：沒有任何指派允許此使用者（或其群組、租用戶或用戶端應用程式）進行交換。請新增指派：acs-tokens access assign OBJECT_ID --type user --tenant-id TENANT（Teams 延伸模組使用者請加上 --teams-extension）。',
		exchangeTokenRefused: () =>
			'Entra ID 權杖遭到拒絕（401）：它已過期、格式錯誤，或對象不符（Entra ID 使用者為 https://communication.azure.com/clients，Teams 延伸模組使用者為 https://auth.msft.communication.azure.com）。請為正確的範圍取得新的權杖。',
		exchangeFailed: (endpoint: string, status: number | undefined) =>
			status === undefined
				? `交換無法連線到 ${endpoint}。請檢查端點與網路（本機模擬器：acs-tokens emulator --allow-entra）。`
				: `${endpoint} 對交換回應了 ${status}。請再試一次；若持續發生，請確認資源支援的 api-version（2025-03-02-preview、2025-06-30）。`,
		teamsTokenRefused: () =>
			'Teams 使用者的 Entra ID 權杖遭到拒絕（401 InvalidAccessToken）：它已過期、格式錯誤，或不是發給 https://auth.msft.communication.azure.com 的。請以 Teams.ManageCalls 與 Teams.ManageChats 範圍重新登入 Teams 使用者，並傳入新的權杖。',
		teamsSignIn: {
			expired: () => '在 Teams 使用者登入之前，登入代碼已過期（代碼約 15 分鐘內有效）。請按 r 取得新代碼，並儘快登入。',
			declined: () => 'Teams 使用者拒絕了登入（或應用程式的同意）。請按 r 重試，並接受 Teams.ManageCalls 與 Teams.ManageChats 權限。',
			wrongApp: (appId: string) =>
				`Entra ID 不認得 ${appId} 是可以用裝置代碼登入 Teams 使用者的應用程式。請檢查應用程式註冊中的應用程式（用戶端）識別碼，並確認已開啟「允許公用用戶端流程」。`,
			unknownTenant: (authority: string) =>
				`Entra ID 不認得授權單位 ${authority}。請檢查 ACS_TOKENS_ENTRA_AUTHORITY 中的租用戶（https://login.microsoftonline.com/租用戶），或取消設定它以使用任何公司帳戶登入。`,
			network: (authority: string, detail: string) => `無法連線到 ${authority} 以登入 Teams 使用者（${detail}）。請檢查網路或 Proxy，然後按 r。`,
			failed: (appId: string, detail: string) => `應用程式 ${appId} 的 Teams 使用者登入失敗：${detail}`,
			noAccessToken: (appId: string) => `應用程式 ${appId} 的 Teams 使用者登入結束時沒有存取權杖。請按 r 重試。`,
			noObjectId: (appId: string) =>
				`應用程式 ${appId} 的 Teams 使用者權杖中沒有物件識別碼（oid 宣告），而交換需要它。請使用租用戶的公司或學校帳戶登入，而非個人 Microsoft 帳戶。`,
			timedOut: (seconds: number) => `${seconds} 秒內沒有回應`,
			tooLarge: (authority: string, limit: string) =>
				`${authority} 的回應超過 ${limit}，這不會是 Entra ID 的回應（可能是 Proxy 或驗證入口網站？）。請檢查網路或 Proxy，然後按 r。`,
			notJson: (authority: string, status: number) =>
				`${authority} 以 HTTP ${status} 回應了一個不是 Entra ID JSON 的頁面（可能是 Proxy 或驗證入口網站的錯誤頁面？）。請檢查網路或 Proxy，以及 ACS_TOKENS_ENTRA_AUTHORITY，然後按 r。`,
			authorityNotUrl: (value: string) =>
				`ACS_TOKENS_ENTRA_AUTHORITY 不是 URL：「${value}」。請將它設定為 https://login.microsoftonline.com/租用戶（租用戶識別碼或網域），或取消設定它以使用任何公司帳戶登入。`,
			authorityNotHttps: (value: string) =>
				`ACS_TOKENS_ENTRA_AUTHORITY 必須是含有主機的 https:// 位址，而不是「${value}」：登入代碼與權杖只透過 https 傳送。請將它設定為 https://login.microsoftonline.com/租用戶，或取消設定它。`,
		},
		entraPlainHttp: (endpoint: string) =>
			`${endpoint} 是純 http://，而 Entra ID 權杖只會透過 https:// 傳送（SDK 也會拒絕）。請使用 https:// 端點；本機模擬器加上 --allow-entra 時提供 https。`,
		denied: (endpoint: string) =>
			`${endpoint} 拒絕了存取金鑰（401 Denied）：金鑰錯誤，或已輪替。請從 Azure 入口網站複製目前的連接字串（您的通訊服務資源 > 金鑰）。`,
		notOwned: (endpoint: string, id: string) =>
			`${id} 屬於 ${endpoint} 以外的另一個通訊服務資源（401 IdentityNotOwned）。請確認您選擇的設定檔（--profile）或連接字串是否正確。`,
		notFound: (id: string, serviceMessage: string) =>
			`${serviceMessage.includes(id) ? '此資源上沒有此身分識別' : `此資源上沒有 ${id}`}（404）：${serviceMessage} 若它在您的本機清單中（acs-tokens users），可用以下命令移除：acs-tokens user forget --user ${id}`,
		validation: (serviceMessage: string) => `服務拒絕了要求（400）：${serviceMessage}`,
		service: (status: number | undefined, code: string | undefined, serviceMessage: string) =>
			`服務回應${status === undefined ? '錯誤' : ` ${status}`}${code ? ` ${code}` : ''}：${serviceMessage}`,
		network: (endpoint: string, detail: string) => {
			const serve = emulatorCommandFor(endpoint);
			if (!serve) {
				return `無法連線到 ${endpoint}（${detail}）。請檢查連接字串中的端點和您的網路。`;
			}

			return detail === 'ECONNREFUSED'
				? `無法連線到 ${endpoint}（${detail}）：沒有程式在該處提供服務。請在該處啟動模擬器（${serve}），或改用 --emulator，它會自行啟動一個。`
				: `無法與 ${endpoint} 通訊（${detail}）。若該處的模擬器以另一種配置提供服務，請在連接字串中改用 ${otherSchemeOf(endpoint)}，或依此端點的預期啟動它（${serve}）；也可以改用 --emulator，它會自行啟動一個。`;
		},
		inWizard: {
			notOwned: (endpoint: string, id: string) =>
				`${id} 屬於 ${endpoint} 以外的另一個通訊服務資源（401 IdentityNotOwned）。請在功能表中選擇「切換連線」，連線到建立它的資源。`,
			notFound: (id: string, serviceMessage: string) =>
				`${serviceMessage.includes(id) ? '此資源上沒有此身分識別' : `此資源上沒有 ${id}`}（404）：${serviceMessage} 若它在您的清單中，可在「管理身分識別」中將它從本機移除。`,
			network: (endpoint: string, detail: string) => {
				const serve = emulatorCommandFor(endpoint);
				if (!serve) {
					return `無法連線到 ${endpoint}（${detail}）。請檢查連接字串中的端點和您的網路。若要離線使用，請在功能表中選擇「切換連線」，再選擇本機模擬器。`;
				}

				return detail === 'ECONNREFUSED'
					? `無法連線到 ${endpoint}（${detail}）：沒有程式在該處提供服務。請在該處啟動模擬器（${serve}），或在功能表中選擇「切換連線」，再選擇本機模擬器，它會自行啟動一個。`
					: `無法與 ${endpoint} 通訊（${detail}）。若該處的模擬器以另一種配置提供服務，請在連接字串中改用 ${otherSchemeOf(endpoint)}，或依此端點的預期啟動它（${serve}）；也可以在功能表中選擇「切換連線」，再選擇本機模擬器，它會自行啟動一個。`;
			},
			unknownProfile: (name: string, known: readonly string[]) =>
				`沒有名為「${name}」的設定檔。${known.length > 0 ? `已儲存的設定檔：${known.join('、')}。` : '尚未儲存任何設定檔。'}按 Esc 前往連線畫面：那裡列出已儲存的設定檔，在那裡建立的連線也會儲存為設定檔。`,
		},
		untrustedCertificate: (endpoint: string, detail: string) =>
			`${endpoint} 的 TLS 憑證不受信任（${detail}）。若使用本機模擬器，請信任它的 CA：export NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)"`,
		cancelled: () => '已取消。',
		noConnection: () =>
			'未連線到任何通訊服務資源。請傳入 --connection-string "endpoint=…;accesskey=…"、設定 COMMUNICATION_SERVICES_CONNECTION_STRING（在環境變數中，或此處的 .env 檔案中）、使用 --profile 選擇已儲存的設定檔，或使用 --emulator 離線作業。',
		unknownProfile: (name: string, known: readonly string[]) =>
			`沒有名為「${name}」的設定檔。${known.length > 0 ? `已儲存的設定檔：${known.join('、')}。` : '尚未儲存任何設定檔。'}執行「acs-tokens profiles」即可查看。`,
		profileKeyMissing: (profile: string, where: string) =>
			`設定檔「${profile}」會從 ${where} 讀取存取金鑰，但它尚未設定。請加以設定，或傳入 --connection-string。`,
		notAnEmulator: (endpoint: string, status: number) =>
			`${endpoint} 對驗證要求回應了 ${status}：只有本機模擬器能驗證權杖（實際的服務沒有這項作業）。請使用 --emulator，或改為解碼權杖（acs-tokens token decode）。`,
		profileKeyNotStored: (profile: string) =>
			`設定檔「${profile}」是搭配 --connection-string 使用的，並未儲存其金鑰。請再次傳入 --connection-string。`,
		emulatorCustomKey: (url: string, pid: number) =>
			`位於 ${url} 的本機模擬器（pid ${pid}）是以自己的 --access-key 啟動的，因此 --emulator 無法為它簽署。請使用 COMMUNICATION_SERVICES_CONNECTION_STRING="endpoint=${url};accesskey=<該金鑰>" 連線到它（或使用 --connection-string -，從 stdin 讀取），或將它停止，再不加 --access-key 重新啟動。`,
		emulatorThreadExited: (code: number) => `其執行緒已結束，結束代碼為 ${code}`,
		emulatorPortVariable: (value: string) =>
			`ACS_TOKENS_EMULATOR_PORT 是「${value}」，這不是連接埠。請設為 1 到 65535 的數字（0 表示任一可用的連接埠），或取消設定以使用 10430。`,
		emulatorBusy: (directory: string) =>
			`本機模擬器的資料目錄 ${directory} 持續被另一個 acs-tokens 處理程序鎖定。請等候它完成，或將它停止。`,
		timedOut: (endpoint: string, seconds: number) =>
			`${endpoint} 在 ${seconds} 秒內沒有回應。請檢查端點和您的網路；若要等候更久，請將 ACS_TOKENS_REQUEST_TIMEOUT 設為秒數。`,
		timeoutVariable: (value: string) =>
			`ACS_TOKENS_REQUEST_TIMEOUT 是「${value}」，這不是秒數。請設為 1 到 3600 的整數，或取消設定以使用 30。`,
	},
	wizard: {
		colon: '：',
		scopeList: scopes => scopes.join('、'),
		moment: (dateTime, relative) => `${dateTime}（${relative}）`,
		title: 'acs-tokens',
		emulatorNews: {
			restarted: (reason: string, url: string) =>
				`內嵌的模擬器已停止（${reason}），並已使用相同的資料在 ${url} 重新啟動：您可以繼續操作。`,
			stopped: (reason: string) =>
				`內嵌的模擬器已停止（${reason}），且無法重新啟動。請結束並重新啟動 acs-tokens，或切換連線。`,
			otherPort: (wanted: number, url: string) =>
				`連接埠 ${wanted} 已被其他程式使用，因此內嵌的模擬器改在 ${url} 接聽：連接字串必須使用這個連接埠。`,
			tookOver: (url: string) => `另一個 acs-tokens 在這份資料上執行的模擬器已停止；現在由這個 acs-tokens 以相同的資料在 ${url} 執行它。`,
		},
		presenterBadge: '簡報者模式',
		connectedTo: (profile: string, endpoint: string) => `${profile} · ${endpoint}`,
		notConnected: '未連線',
		signedIn: ({principal, tenantId, credential}) =>
			`已透過 ${credential ? zhWizardCredential(credential) : 'DefaultAzureCredential'} 登入為 ${principal}${tenantId ? `（租用戶 ${tenantId}）` : ''}`,
		signInPending: 'Microsoft Entra ID（於第一個要求時登入）',
		connect: {
			heading: '連線到 Azure 通訊服務',
			explain:
				'每個呼叫都會以您資源的存取金鑰簽署（HMAC-SHA256），或附上 Microsoft Entra ID 權杖（無金鑰）。本機模擬器不需要 Azure 帳戶，也能離線運作。',
			entraEnvironment: (variable: string, endpoint: string) => `Microsoft Entra ID — ${endpoint}（來自 $${variable}）`,
			entra: '以 Microsoft Entra ID 登入…',
			emulator: '本機模擬器（離線，不需要 Azure 帳戶）',
			profile: (name: string, endpoint: string) => `設定檔 ${name} — ${endpoint}`,
			environment: (variable: string, endpoint: string) => `$${variable} — ${endpoint}`,
			dotenv: (variable: string, endpoint: string) => `.env 中的 ${variable} — ${endpoint}`,
			key: {
				saved: '金鑰已保存在存放區',
				environment: (variable: string) => `金鑰來自 $${variable}`,
				dotenv: (variable: string) => `金鑰來自 .env 中的 ${variable}`,
				none: '未保存金鑰：連線時會詢問',
				entra: 'Microsoft Entra ID',
			},
			paste: '貼上連接字串…',
			connecting: '正在連線…',
			failed: '無法連線',
		},
		paste: {
			heading: '貼上連接字串',
			explain: 'Azure 入口網站 → 您的通訊服務資源 → 金鑰 → 連接字串。輸入的內容會保持遮罩。',
			valid: (endpoint: string) => `看起來正確：${endpoint}`,
			empty: 'endpoint=https://<資源>.communication.azure.com/;accesskey=<金鑰>',
			keyHeading: (profile: string, endpoint: string) => `設定檔 ${profile} 的存取金鑰（${endpoint}）`,
			keyExplain: '此設定檔未保存金鑰。請貼上它的存取金鑰或完整的連接字串（Azure 入口網站 → 您的資源 → 金鑰）。輸入的內容會保持遮罩。',
			keyEmpty: '<存取金鑰> 或 endpoint=…;accesskey=…',
		},
		entra: {
			endpointHeading: '以 Microsoft Entra ID 登入',
			endpointExplain:
				'不需要金鑰：每個要求都會附上 DefaultAzureCredential 取得的權杖（az login、azd auth login、受控識別、服務主體的環境變數）。請輸入資源的端點（Azure 入口網站 → 您的資源 → 概觀）。',
			endpointEmpty: 'https://<資源>.communication.azure.com/',
			endpointValid: (endpoint: string) => `看起來正確：${endpoint}`,
			endpointProblem: problem =>
				({
					url: '這還不是端點：請輸入 https:// 與資源的主機名稱，例如 https://contoso.communication.azure.com/。',
					https: '請使用 https://：Entra ID 權杖只會透過 https 傳送（本機模擬器加上 --allow-entra 即提供 https）。',
					path: '只要來源：https:// 與主機名稱（如有連接埠也一併輸入），不含路徑、查詢或 #。',
				})[problem],
			tenantHeading: (endpoint: string) => `要登入的租用戶（${endpoint}）`,
			tenantExplain: '選填：您的帳戶屬於多個租用戶時，請輸入目錄（租用戶）識別碼。留空則使用認證的預設租用戶。',
			tenantEmpty: '<租用戶識別碼> 或留空',
			tenantValid: (tenantId: string) => `租用戶 ${tenantId}`,
			tenantNone: '未指定租用戶：使用認證的預設租用戶。',
			tenantInvalid: '租用戶識別碼是 GUID，例如 72f988bf-86f1-41af-91ab-2d7cd011db47；或留空。',
		},
		menu: {
			heading: '接下來要做什麼？',
			tour: '引導式導覽：逐步完成快速入門',
			manage: (count: number) => `管理身分識別（已儲存 ${count} 個）`,
			teams: 'Teams 使用者存取權杖（自訂 Teams 端點）',
			entra: 'Entra ID 使用者存取權杖（用戶端應用程式交換）',
			switch: '切換連線',
		},
		teams: {
			heading: 'Teams 使用者存取權杖（自訂 Teams 端點）',
			explain:
				'Teams 使用者以自己的 Teams 身分識別從您的應用程式通話和聊天：您的應用程式以 Entra ID 登入使用者（Teams.ManageCalls 與 Teams.ManageChats 範圍），並將其 Entra ID 權杖交換為 ACS 使用者存取權杖。',
			appIdPrompt: '您的 Entra ID 應用程式（用戶端）識別碼：',
			appIdInvalid: '應用程式識別碼是 GUID：xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx（在應用程式註冊的「概觀」中）。',
			appIdValid: '按 Enter 繼續。',
			methodHeading: '使用誰的 Entra ID 權杖？',
			simulated: '模擬的 Teams 使用者（在此離線產生，不需登入；只有模擬器接受）',
			signIn: '以裝置代碼登入真正的 Teams 使用者（Microsoft Entra ID）',
			askingCode: '正在向 Entra ID 要求登入代碼…',
			openAndEnter: (url: string, code: string) => `請開啟 ${url} 並輸入代碼 ${code}`,
			codeExpires: (time: string) => `代碼於 ${time} 過期。`,
			codeInRoom: '簡報者模式：在場每個人都看得到這組代碼，最先輸入的人就會登入。請盡快登入，或在登入時遮住畫面。',
			issued: (userId: string, simulated: boolean) =>
				`Teams 使用者 ${userId}${simulated ? '（模擬）' : ''} 的 ACS 使用者存取權杖，以其 Entra ID 權杖交換而得：`,
		},
		clientExchange: {
			heading: kind => (kind === 'entra' ? 'Entra ID 使用者存取權杖（用戶端應用程式交換）' : 'Teams Extension 使用者存取權杖（用戶端應用程式交換）'),
			explain: kind =>
				kind === 'entra'
					? '您的用戶端應用程式以 Microsoft Entra ID 登入其使用者，並自行將該權杖交換為 ACS 使用者存取權杖：不需要您的伺服器發行權杖。由系統管理員以指派（使用者、群組或整個租用戶）決定誰可以交換。'
					: '您的用戶端應用程式以 Entra ID 登入 Teams 使用者（TeamsExtension.ManageCalls、ManageChats），並自行將該權杖交換為 ACS 使用者存取權杖：不需要您的伺服器發行權杖。由系統管理員以各租用戶的指派決定誰可以交換。',
			plainHttp:
				'這是純 http://（內嵌模擬器），而 Entra ID 權杖只經由 https:// 傳送。若要離線交換：請結束，在另一個終端機執行 acs-tokens emulator --allow-entra，再次啟動 acs-tokens 並選擇「本機模擬器」。',
			exchange: '將 Entra ID 權杖交換為 ACS 使用者存取權杖',
			assignments: '指派：誰可以交換',
			switchKind: to => (to === 'entra' ? '切換為 Entra ID 使用者' : '切換為 Teams Extension 使用者'),
			methodHeading: '使用誰的 Entra ID 權杖？',
			simulated: upn => `模擬的 Entra ID 使用者 ${upn}（在此離線產生；只有模擬器接受）`,
			paste: '貼上真正使用者的 Entra ID 權杖',
			pasteHeading: '使用者的 Entra ID 權杖（貼上時會遮罩）',
			pasteHow: command => `取得方式：${command}`,
			pasteEmpty: 'eyJ…',
			pasteLooks: (audience, expires) => `適用於 ${audience} 的權杖，${expires} 過期。按 Enter 進行交換。`,
			pasteWrongAudience: (audience, wanted) => `此權杖適用於 ${audience || '（無對象）'}；交換需要適用於 ${wanted} 的權杖。`,
			pasteNotJwt: '還不是權杖：Entra ID 權杖是以點連接的三個部分（eyJ….eyJ….…）。',
			assignmentsHeading: kind => (kind === 'entra' ? '誰可以交換（Entra ID 使用者）' : '誰可以交換（Teams Extension 使用者）'),
			none: '尚無指派：沒有人可以交換。',
			teamsNone: 'Teams Extension 沒有指派清單：請以租用戶和物件識別碼查詢，或新增指派。',
			assign: kind => (kind === 'entra' ? '+ 指派使用者、群組或租用戶…' : '+ 指派使用者或資源帳戶…'),
			lookUp: '查詢指派（租用戶和物件識別碼）…',
			exchangeNow: '立即交換權杖',
			assignment: (type, objectId, tenantId) => `${type} ${objectId}（租用戶 ${tenantId}）`,
			removeHint: '在指派上按 Enter 可移除（會先確認）。',
			types: {user: '使用者', group: '群組', tenant: '租用戶', resourceAccount: '資源帳戶'},
			formHeading: kind => (kind === 'entra' ? '指派：誰可以交換（Entra ID 使用者）' : '指派：誰可以交換（Teams Extension 使用者）'),
			lookUpHeading: '查詢 Teams Extension 指派',
			objectId: '物件識別碼：',
			type: '類型：',
			tenantId: '租用戶識別碼：',
			formHint: '↑↓ 欄位 · ←→ 類型 · Enter 下一個欄位，在最後一個欄位時送出指派',
			prefilled: upn => `已填入模擬使用者 ${upn} 的資料。`,
			notGuid: field => `${field}必須是 GUID：xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx。`,
			removeQuestion: who => `要移除 ${who} 的指派嗎？移除後將無法再交換。按 Enter 移除，按 Esc 保留。`,
			issued: (identity, simulated) => `${identity}${simulated ? '（模擬的 Entra ID 使用者）' : ''} 的 ACS 使用者存取權杖，由用戶端應用程式交換而得：`,
			notAssigned: '請先指派此使用者：按 a 開啟指派，然後再次交換。',
		},
		steps: ['連線', '建立使用者', '選擇範圍', '發行權杖', '撤銷權杖', '刪除使用者'],
		stepOf: (step: number, total: number, name: string) => `步驟 ${step}/${total}：${name}`,
		explain: {
			connect: (endpoint: string) =>
				`用戶端已為 ${endpoint} 設定完成；步驟 2 之前不會傳送任何內容。它會以存取金鑰簽署每個要求；金鑰本身永遠不會在網路上傳送。`,
			connectKeyless: (endpoint: string) =>
				`用戶端已為 ${endpoint} 設定完成，不需要金鑰；步驟 2 之前不會傳送任何內容。DefaultAzureCredential 會在第一個要求時取得 Microsoft Entra ID 權杖，每個要求都會附上它（Authorization: Bearer）。`,
			createUser:
				'身分識別就是您應用程式在 ACS 中的使用者：只有一個識別碼，別無其他。ACS 不會保存名稱；您應該自行維護應用程式使用者與身分識別之間的對應。',
			createUserDone: (id: string) => `已建立 ${id}。`,
			// On a line of its own: a long id fills the line before, and wrapping would start this one with a space.
			createUserNext: '接下來，選擇它的權杖可以做什麼。',
			label: (label: string) => `標籤：${label}（只保留在這部電腦上）· 按 l 變更`,
			scopes: '權杖帶有範圍：代表持有者可以做什麼。按 Space 切換選取；至少選擇一個。',
			lifetime: '權杖的存留期：60 到 1440 分鐘（預設為 24 小時）。越短越安全。',
			issuing: '正在向 ACS 要求權杖…',
			token: '您應用程式的伺服器會將此權杖交給用戶端應用程式，用戶端在權杖到期前，都會用它來進行聊天或通話。',
			revoke:
				'撤銷會讓目前為止發行給此身分識別的所有權杖失效；之後發行的新權杖仍可使用。適用於裝置遺失，或使用者要從所有裝置登出的情況。',
			revokeDone:
				'已撤銷。在此之前發行的權杖都會失效，不論存留期還剩多久；新的權杖仍然有效，撤銷後立即發行的這個權杖就是證明（服務最多可能需要 15 分鐘）。',
			deleteUser: '刪除身分識別會移除該身分識別及其資料，它的所有權杖都會停止運作。',
			deleteDone: '已刪除。兩個權杖（已撤銷的與新的）現在都已永久失效。',
			finished: '這就是完整的流程。按 Enter 返回功能表。',
		},
		revoked: {
			before: '已撤銷的權杖',
			after: '新的權杖',
			issued: (time: string) => `發行於 ${time}`,
		},
		run: (what: string) => `按 Enter 以${what}。`,
		actions: {
			createUser: '建立使用者',
			revoke: '撤銷其權杖',
			deleteUser: '刪除使用者',
			next: '繼續',
		},
		busy: {
			createUser: '正在建立使用者…',
			issueToken: '正在發行權杖…',
			revoke: '正在撤銷權杖…',
			deleteUser: '正在刪除使用者…',
			connecting: '正在連線…',
			loading: '正在載入…',
			saving: '正在儲存…',
			forgetting: '正在從本機移除…',
			teamsSignIn: '正在等候 Teams 使用者登入…',
			teamsExchange: '正在交換 Teams 使用者的權杖…',
			entraExchange: '正在交換 Entra ID 權杖（AzureCommunicationTokenCredential）…',
			assignments: '正在讀取指派…',
			cancelHint: 'Esc 取消',
		},
		scopes: {
			chat: 'chat：建立、加入及管理聊天對話',
			voip: 'voip：發起及加入通話',
			'chat.join': 'chat.join：加入聊天對話，但無法建立、更新或刪除對話',
			'chat.join.limited': 'chat.join.limited：同 chat.join，且無法新增或移除參與者',
			'voip.join': 'voip.join：加入通話；只能在使用者受邀的 Rooms 中發起通話',
			none: '請至少選擇一個範圍。',
		},
		lifetime: {
			minutes: (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} 小時（${minutes} 分鐘）` : `${minutes} 分鐘`),
			default: '預設',
			custom: '自訂：輸入分鐘數…',
			customChosen: (lifetime: string) => `自訂：${lifetime}`,
			prompt: (minimum: number, maximum: number) => `分鐘數（${minimum}–${maximum}）：`,
			range: (minimum: number, maximum: number) => `請輸入 ${minimum} 到 ${maximum} 之間的整數分鐘數；在範圍內時按 Enter 即可採用。`,
			notMinutes: typed => `「${typed}」不是整數分鐘數：請只輸入數字，例如 90。`,
			tooShort: (minutes, minimum) => `${minutes} 分鐘短於權杖可有的存留期：至少 ${minimum} 分鐘。`,
			tooLong: (minutes, maximum) => `${minutes} 分鐘長於權杖可有的存留期：最多 ${maximum} 分鐘（24 小時）。`,
			valid: (lifetime: string) => `✓ ${lifetime} · 按 Enter 發行權杖`,
		},
		token: {
			heading: '存取權杖',
			masked: '已遮罩',
			scopes: '範圍',
			expires: '到期',
			expiresIn: (left: string) => `${left}後`,
			expiredAgo: (ago: string) => `已於 ${ago} 前到期`,
			lastToken: (scopes, when) =>
				'expires' in when
					? `${scopes} · ${when.expires}到期`
					: 'expired' in when
						? `${scopes} · 已於 ${when.expired}到期`
						: `${scopes} · 已失效：${when.ended === 'revoked' ? '已撤銷' : '身分識別已刪除'}`,
			status: '狀態',
			statuses: {
				checking: '檢查中…',
				valid: '有效',
				revoked: '已撤銷',
				expired: '已到期',
				deleted: '無效：身分識別已刪除',
				'bad-signature': '無效：簽章錯誤',
				malformed: '無效：格式錯誤',
				unknown: '未檢查（只有本機模擬器能驗證權杖）',
			},
			claims: '宣告',
			claimsView: {
				heading: '存取權杖的宣告',
				header: '標頭',
				validity: '有效性',
				identity: '身分識別',
				resource: '資源',
				expiredAt: dateTime => `已於 ${dateTime} 到期`,
				fromNow: duration => `${duration}後`,
				ago: duration => `${duration}前`,
				lines: (first, last, total) => `第 ${first}–${last} 行，共 ${total} 行`,
				filePrompt: '將宣告（JSON）儲存至此檔案：',
				copiedUnmasked: '剪貼簿收到的是未遮罩的宣告。',
			},
			clipboard: {
				terminal: '已用 OSC 52 傳送給終端機：若您的終端機允許寫入剪貼簿（有些會先詢問，有些需要先開啟），就會到達剪貼簿。',
				tmux: '已用 OSC 52 傳送給終端機；tmux 的 set-clipboard 為 on，因此會到達 tmux 的緩衝區，若外層終端機允許寫入剪貼簿，也會到達其剪貼簿。',
				tmuxUnknown: '已用 OSC 52 傳送給終端機，但 tmux 沒有回報它如何處理：只有在 tmux 的 set-clipboard 為 on 且外層終端機允許寫入剪貼簿時，才會到達剪貼簿。',
				tmuxPassthrough: setClipboard =>
					`已透過 tmux 的 passthrough 用 OSC 52 傳送（set-clipboard 為 ${setClipboard}，allow-passthrough 為 on）：若外層終端機允許寫入剪貼簿，就會到達其剪貼簿，但不會進入 tmux 的緩衝區。`,
				tmuxBlocked: setClipboard =>
					`未複製：tmux 的 set-clipboard 為 ${setClipboard} 且 allow-passthrough 為 off，因此從這裡無法到達剪貼簿（執行 tmux set -g set-clipboard on 即可）。`,
				screen: '已透過 GNU screen 的 passthrough 用 OSC 52 傳送：若外層終端機允許寫入剪貼簿，就會到達其剪貼簿。',
				offerFile: (said, sent) => `${said}${sent ? '若沒有收到，請按 f 將其儲存至檔案。' : '請改按 f 將其儲存至檔案。'}`,
			},
			noFileName: '請提供檔案名稱。',
			notAVariable: (name: string) => `「${name}」不是有效的變數名稱：請使用字母、數字和 _，且不可以數字開頭。`,
			savedFile: (file: string) => `已儲存至 ${file}（模式 600）。`,
			saveFailed: (file, code) => `無法寫入 ${file}（${code}）：請確認目錄存在且您可以寫入，然後再試一次。`,
			fileExists: file => `${file} 已存在。按 Enter 取代它；若要保留它，請輸入其他名稱，或按 Esc。`,
			savedDotenv: (variable: string, file: string) => `已在 ${file} 中儲存為 ${variable}。`,
			filePrompt: '將權杖儲存至此檔案：',
			dotenvPrompt: '在 ./.env 中儲存為此變數：',
			presenterHidden: '簡報者模式：無法顯示權杖。',
		},
		manage: {
			heading: (profile: string) => `${profile} 的身分識別`,
			empty: '此連線尚無任何身分識別。請進行引導式導覽，或執行：acs-tokens user create',
			states: {
				deleted: '已刪除',
				revoked: '已撤銷',
				'token-valid': '權杖有效',
				'token-expired': '權杖已到期',
				'no-token': '無權杖',
			},
			actions: {
				issue: '發行新的權杖',
				revoke: '撤銷其權杖',
				delete: '刪除身分識別',
				rename: '重新命名（本機標籤）',
				forget: '從本機移除（身分識別仍保留在服務上）',
				forgetDeleted: '從本機移除（只會從這部電腦的清單中移除）',
			},
			confirm: {
				revoke: (name: string) => `要撤銷 ${name} 的所有權杖嗎？按 Enter 確認，按 Esc 取消。`,
				delete: (name: string) => `要刪除 ${name} 並讓它的所有權杖失效嗎？按 Enter 確認，按 Esc 取消。`,
				forget: (name: string) =>
					`要從本機移除 ${name} 嗎？身分識別仍會保留在服務上，它的權杖也仍然有效。按 Enter 確認，按 Esc 取消。`,
				forgetDeleted: (name: string) => `要從這部電腦的清單中移除 ${name} 嗎？它在服務上已經刪除。按 Enter 確認，按 Esc 取消。`,
				issue: (name: string) => name,
				rename: (name: string) => name,
			},
			viewStoredToken: '檢視已儲存的使用者存取權杖',
			renamePrompt: '新標籤（留空即移除）：',
			issueFor: {
				scopes: who => `為 ${who} 發出新權杖：它可以做什麼。`,
				lifetime: who => `為 ${who} 發出新權杖：它的存留期。`,
				token: who => `發給 ${who} 的權杖。`,
			},
			create: '+ 建立身分識別…',
			newLabelPrompt: '新身分識別的標籤（選填，可直接按 Enter 略過）：',
			labelTooLong: (count, maximum) => `已輸入 ${count} 個字元：標籤最多 ${maximum} 個字元。`,
			details: {
				created: '建立時間',
				lastToken: '上次權杖',
				revoked: '撤銷時間',
				deleted: '刪除時間',
			},
		},
		error: {
			heading: '發生錯誤',
			hint: 'r 重試 · Esc 返回 · 沒有遺失任何資料',
		},
		quitConfirm: '有作業正在進行中。仍要結束嗎？按 y 結束，按其他任意鍵留下。',
		tooSmall: (size, needed) =>
			`此終端機為 ${size.columns}×${size.rows}；acs-tokens 至少需要 ${needed.columns}×${needed.rows}。請放大視窗，或按 q 結束。`,
		spoken: {
			selected: label => `已選取：${label}`,
			checkbox: (label, checked) => (checked ? `[x] ${label}，已勾選` : `[ ] ${label}，未勾選`),
			working: '（處理中）',
			cursorAt: before => `（游標在「${before}」之後）`,
		},
		code: {
			heading: (language: string) => `SDK 程式碼（${language}）· t 切換`,
		},
		http: {
			heading: 'HTTP 要求與回應（祕密已遮罩）',
			none: '此步驟尚未傳送任何要求。',
			sending: '正在傳送要求；收到回應後，要求與回應會顯示在這裡。',
		},
		signing: {
			heading: '要求的簽署方式（HMAC-SHA256）· s 隱藏',
			stringToSign: '待簽署字串：方法、路徑與查詢，然後是 x-ms-date;host;x-ms-content-sha256（各行以 \\n 分隔）：',
			parts: {
				method: '方法',
				path: '路徑與查詢',
				date: 'x-ms-date',
				host: 'host',
				hash: 'x-ms-content-sha256',
			},
			signature: '簽章：以 base64 解碼後的存取金鑰對此字串計算 HMAC-SHA256，再以 base64 編碼。',
			bearer: '此要求帶有持有人權杖（Authorization: Bearer …，Entra ID），而不是 HMAC 簽章。',
			tip: 'acs-tokens sign METHOD URL 會印出這些標頭，供 curl 使用。',
		},
		list: {
			position: (at: number, count: number) => `第 ${at} 項，共 ${count} 項`,
			countOnly: (count: number) => `共 ${count} 項`,
			matching: (at: number, matches: number, total: number) => `第 ${at} 項，共 ${matches} 項符合（全部 ${total} 項）`,
			filterPrompt: '篩選：',
			noMatch: (filter: string) => `沒有符合「${filter}」的項目。按 Esc 清除篩選。`,
		},
		keys: {
			label: 'l 標籤',
			filter: '/ 篩選',
			clearFilter: 'Esc 清除篩選',
			move: '↑↓/jk 移動',
			choose: 'Enter 選擇',
			toggle: 'Space 切換',
			submit: 'Enter 繼續',
			back: 'Esc 返回',
			cancel: 'Esc 取消',
			confirm: 'Enter 確認',
			retry: 'r 重試',
			quit: 'q 結束',
			help: '? 說明',
			reveal: 'v 顯示',
			mask: 'v 遮罩',
			token: 'i 權杖',
			closeHelp: '按任意鍵關閉說明',
			copy: 'c 複製',
			file: 'f 檔案',
			dotenv: 'e .env',
			code: 't TS/Python',
			signing: 's 簽署',
			presenter: 'p 簡報者',
			claims: 'i 宣告',
			scroll: '↑↓ 捲動',
			assignments: 'a 指派',
			field: '↑↓ 欄位',
		},
		help: {
			heading: '按鍵',
			lines: [
				['↑ ↓ 或 j k', '在清單中移動'],
				['Enter', '選擇、確認、繼續'],
				['Space', '切換範圍的選取'],
				['/', '在長清單中邊打字邊篩選（Esc 清除）'],
				['l', '為導覽建立的身分識別加上標籤（選填）'],
				['Esc', '返回；取消進行中的要求'],
				['v', '顯示或遮罩權杖（簡報者模式下無法使用）'],
				['c', '複製權杖（OSC 52）'],
				['i', '權杖的宣告，每行一項（c 以 JSON 複製）'],
				['f / e', '將權杖儲存至檔案 / 儲存為 .env 項目'],
				['t', '在 TypeScript 與 Python 之間切換 SDK 程式碼'],
				['s', '要求的簽署方式（HMAC-SHA256），供 curl 或 Postman 使用'],
				['p', '簡報者模式：絕不顯示祕密，識別碼縮短顯示'],
				['r', '發生錯誤後重試'],
				['?', '此說明（按任意鍵關閉）'],
				['q / Ctrl+C', '結束'],
			] as const,
			presenterHeld: '簡報者模式：本次工作階段全程開啟（以 --present 啟動）',
		},
		notATerminal: '精靈需要互動式終端機（stdin 和 stdout 必須是 TTY）。若要在指令碼中使用，請改用命令：acs-tokens --help',
	},
};

function describeConnectionStringProblem(problem: ConnectionStringProblem): string {
	switch (problem.kind) {
		case 'part-without-equals': {
			return '連接字串中有一段沒有「=」：它的格式必須像 endpoint=https://<resource>.communication.azure.com/;accesskey=<key>。';
		}

		case 'no-endpoint': {
			return '連接字串中沒有「endpoint=」：請從 Azure 入口網站（通訊服務資源的「金鑰」頁面）複製完整的字串。';
		}

		case 'no-access-key': {
			return '連接字串中沒有「accesskey=」：請從 Azure 入口網站（通訊服務資源的「金鑰」頁面）複製完整的字串。';
		}

		case 'access-key-not-base64': {
			return '連接字串中的存取金鑰不是有效的 base64：複製時可能被截斷了；請從「金鑰」頁面重新複製。';
		}

		case 'endpoint-not-a-url': {
			return `端點「${problem.endpoint}」不是 URL：它的格式必須像 https://<resource>.communication.azure.com/。`;
		}

		case 'endpoint-not-http': {
			return `端點「${problem.endpoint}」必須以 https:// 開頭。`;
		}

		case 'endpoint-not-an-origin': {
			return `端點「${problem.endpoint}」只能有通訊協定和主機，例如 ${problem.origin}，不能有路徑、查詢字串或認證。`;
		}

		case 'plain-http-off-loopback': {
			return `端點「${problem.endpoint}」在不是本機的主機上使用純 http://：存取金鑰簽署的要求，網路上任何人都能讀取。請使用 https://；純 http:// 只允許用於 localhost 和 127.0.0.1。`;
		}
	}
}
