import type {Catalogue} from './catalogue.js';

const connection = `連線（以下旗標至多擇一；皆未提供時，採用下方第一個找到者）
  --connection-string S  endpoint=https://…;accesskey=…（- 表示從 stdin 讀取，
                         金鑰便不會出現在命令列上）
  --emulator             本機模擬器（離線，不需 Azure 帳戶）
  --endpoint URL         無金鑰：以 Microsoft Entra ID 登入
                         （DefaultAzureCredential：az login、受控識別、
                         AZURE_CLIENT_* 等）
  --tenant ID            搭配 --endpoint：要登入的 Entra ID 租用戶
  --profile NAME         已儲存的設定檔（請見：acs-tokens profiles）
  --save-key             將存取金鑰保存在設定檔中（config.json，權限 600），
                         下次不需連接字串即可使用 --profile；
                         只有在服務接受金鑰（要求成功）後才會保存，
                         絕不保存遭拒絕的金鑰
  若以上皆未指定，則使用環境變數或此處 .env 檔案中的
  COMMUNICATION_SERVICES_CONNECTION_STRING 或
  AZURE_COMMUNICATION_CONNECTION_STRING，其次是預設設定檔，最後才是
  AZURE_COMMUNICATION_ENDPOINT（無金鑰）。`;

const output = `輸出
  --json                 在 stdout 輸出恰好一份 JSON 文件
  --verbose              在 stderr 輸出每次 HTTP 往來（祕密會遮罩）
  --config-dir DIR       設定檔與身分識別的存放位置（或 ACS_TOKENS_CONFIG_DIR）
  -h, --help             顯示此說明`;

/** The commands' --help texts in Traditional Chinese (Taiwan), aligned by display width within 80 columns. */
export const zhTWHelp: Catalogue['help'] = {
	root: `用法：acs-tokens                  開啟精靈（見下文）
      acs-tokens <命令> [選項]    執行單一步驟，供指令碼使用
      acs-tokens --version        顯示版本

Azure 通訊服務的身分識別與使用者存取權杖，全程以鍵盤操作。

命令
  user create          建立身分識別（搭配 --scopes 時一併發行權杖）
  user delete          從資源中刪除身分識別
  user rename          在本機存放區中為身分識別加上標籤
  user forget          只從本機存放區移除身分識別
  users                列出透過 acs-tokens 建立的身分識別
  token issue          為身分識別發行權杖
  token revoke         撤銷身分識別的所有權杖
  token decode         顯示權杖的標頭與宣告（離線）
  token verify         詢問本機模擬器權杖是否有效
  token teams          將 Teams 使用者的 Entra ID 權杖交換為 ACS 權杖
  token exchange       如用戶端應用程式般交換 Entra ID 使用者的權杖
  access list          列出可交換 Entra ID 權杖的指派
  access show          顯示單一指派
  access assign        允許使用者、群組或租用戶交換權杖
  access unassign      移除指派
  sign                 以存取金鑰簽署單一要求所需的標頭（供 curl 使用）
  profiles             列出已儲存的連線設定檔
  profiles remove      移除已儲存的設定檔（及其本機紀錄）
  settings             顯示或變更設定（保存權杖值：預設為關閉）
  emulator             執行本機 ACS 身分識別模擬器（離線，不需 Azure 帳戶）

每個命令都接受 --help，以及 --json（在 stdout 輸出一份 JSON 文件）。

語言
  --lang en|zh-TW|auto   放在命令前後皆可；未指定時依序採用已儲存的設定
                         （acs-tokens settings --lang）、LC_ALL、LC_MESSAGES、
                         LANG，最後是系統的地區設定。zh_TW、zh_HK、zh_MO 與
                         zh-Hant 會使用繁體中文；--json 的鍵與錯誤類型維持英文。

結束代碼
  0 成功   1 失敗   2 用法錯誤或輸入遭拒   3 驗證失敗   4 找不到
  5 網路或 TLS 錯誤   130 已取消   70 程式錯誤（請回報）

範例
  acs-tokens user create --emulator --label alice --scopes chat,voip
  acs-tokens token revoke --emulator --user alice --yes
  acs-tokens users
`,
	wizard: `用法：acs-tokens [--emulator | --profile NAME | --endpoint URL [--tenant ID]]
            [--present] [--no-color] [--plain-symbols] [--screen-reader]

開啟精靈：先連線，再依快速入門的導覽逐步操作（建立使用者、選擇範圍、
發行權杖、撤銷、刪除），或管理您建立的身分識別。按 ? 可顯示所有按鍵。

選項
  --emulator         立即連線至本機模擬器（離線，不需 Azure 帳戶）
  --profile NAME     立即以已儲存的設定檔連線
  --endpoint URL     立即以 Microsoft Entra ID 登入此端點（無金鑰，
                     DefaultAzureCredential：az login 等）；
                     --tenant ID 指定租用戶
  --save-key         將貼上的連接字串中的存取金鑰保存在其設定檔中，
                     但只在服務接受金鑰後（第一個成功的要求）才保存
  --present          簡報者模式：一律不顯示祕密，識別碼縮短顯示
  --no-color         不使用色彩（也會遵循 NO_COLOR 與 TERM=dumb；TERM=dumb 時
                     每個畫面以逐行文字輸出，不會重繪）
  --plain-symbols    使用 ASCII 符號與框線
                     （或：acs-tokens settings --symbols plain）
  --screen-reader    供螢幕助讀程式使用的線性文字：沒有框線與旋轉圖示，每個畫面
                     只輸出一次，選取項目以文字說明（或 INK_SCREEN_READER=true）
  --lang L           en、zh-TW 或 auto（請見上方的「語言」）
  --config-dir DIR   設定檔與身分識別的存放位置（或 ACS_TOKENS_CONFIG_DIR）
`,
	emulator: (defaultPort: number, defaultDataDirectory: string) => `用法：acs-tokens emulator [選項]

在本機執行 Azure 通訊服務身分識別 API，官方 SDK 無法分辨它與真正的服務：
HMAC 驗證、api-version、精確的狀態碼與錯誤，以及真正的撤銷。

選項
  --port N           要接聽的連接埠（預設 ${defaultPort}；0 會挑選可用的連接埠）
  --host ADDRESS     要繫結的位址（預設 127.0.0.1；除非另行指定，
                     否則只繫結回送位址）
  --http             使用 HTTP 而非 HTTPS（SDK 須啟用 allowInsecureConnection）
  --data-dir DIR     將身分識別、金鑰與憑證保存在 DIR 中
                     （預設 ${defaultDataDirectory}）
  --in-memory        身分識別只保存在記憶體中；結束時即消失
  --access-key KEY   Base64 存取金鑰（預設：公開的開發用金鑰）；
                     - 表示從 stdin 讀取，金鑰便不會出現在命令列上
  --allow-entra      透過 HTTPS 接受 Entra ID 持有人權杖（會檢查對象與
                     到期時間，但不檢查簽章）
  --skip-api-version-check
                     接受任何格式正確的 api-version，視為已知的最新版本
                     （每遇到一個新版本就記錄一行）
  --print-certificate-path
                     輸出 HTTPS 所用 CA 憑證的路徑（必要時先建立）後結束，
                     供 NODE_EXTRA_CA_CERTS 使用
  -h, --help         顯示此說明

離線 Microsoft Entra ID 的替代工具（僅供加上 --allow-entra 的模擬器）
  acs-tokens emulator stand-in-az --path
                     寫入一個供 Azure CLI 認證執行的 az，並輸出其目錄：
                     export PATH="$(acs-tokens emulator
                     stand-in-az --path):$PATH"（以虛構的學習者登入）
  acs-tokens emulator stand-in-teams-token --app-id ID --user-id OID
                     輸出模擬 Teams 使用者的 Entra ID 權杖
  acs-tokens emulator stand-in-entra-token [--teams-extension] [--user-id OID]
                     輸出供 token exchange 使用的 Entra ID 使用者權杖

健康情況：開始提供服務後，GET /emulator/health 不需簽章即回應 200。
要求的本文必須在其標頭送達後 10 秒內送達（否則回應 408）。

範例
  acs-tokens emulator
  acs-tokens emulator --port 0 --in-memory
  acs-tokens emulator --http --port 8080
  NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)" \\
    node app.js
`,
	profiles: `用法：acs-tokens profiles
      acs-tokens profiles remove NAME [--yes]

列出已儲存的連線設定檔，以及各設定檔從何處取得存取金鑰。
除非您要求，否則不會儲存金鑰；設定檔會記住要從何處讀取金鑰。

${output}

範例
  acs-tokens profiles
  acs-tokens profiles --json
  acs-tokens profiles remove contoso --yes
`,
	profilesRemove: `用法：acs-tokens profiles remove NAME [--yes]

移除已儲存的設定檔，以及用它建立之身分識別的本機紀錄。身分識別仍保留在
資源上：若要一併刪除，請先執行 acs-tokens user delete。在終端機上會先詢問；
沒有終端機時需要 --yes。

選項
  --yes                  不詢問確認

${output}

範例
  acs-tokens profiles remove contoso
  acs-tokens profiles remove contoso --yes --json
`,
	settings: `用法：acs-tokens settings [--store-tokens on|off] [--lang L] [--symbols S]

顯示或變更 acs-tokens 的設定。

選項
  --store-tokens on|off  將權杖值保存在本機存放區中（config.json，權限 600）。
                         預設為關閉；關閉時會移除目前為止保存的所有權杖。
  --lang en|zh-TW|auto   要使用的語言（auto：依地區設定決定）
  --symbols unicode|plain
                         plain：精靈改用 ASCII 符號與框線，適用於把 ● ○ ❯
                         和框線畫成兩欄寬的終端機

${output}

範例
  acs-tokens settings
  acs-tokens settings --store-tokens on
  acs-tokens settings --lang zh-TW
`,
	users: `用法：acs-tokens users [--profile NAME | --emulator] [--json [--reveal]]

從本機存放區列出透過 acs-tokens 建立的身分識別及其狀態。
ACS API 沒有「列出身分識別」作業：此本機存放區就是唯一的紀錄。

選項
  --profile NAME         只列出此設定檔的身分識別
  --emulator             只列出本機模擬器的身分識別
  --reveal               搭配 --json 時，也輸出已儲存的最後一個權杖本身
                         （settings --store-tokens on）；不加此旗標時不輸出權杖

${output}

範例
  acs-tokens users
  acs-tokens users --emulator --json
`,
	userCreate: `用法：acs-tokens user create [--scopes chat,voip] [--expires-in MIN] [--label L]

建立通訊服務身分識別；若指定 --scopes，也會為其發行權杖。
身分識別會記錄在本機存放區中，歸在該連線的設定檔之下。

選項
  --scopes LIST          以逗號分隔的範圍：chat、voip、chat.join、
                         chat.join.limited、voip.join
  --expires-in MIN       權杖存留期，60 到 1440 分鐘（預設 1440）
  --label L              日後用來找到它的名稱（--user L）
  --reveal               輸出權杖本身，而非遮罩後的形式（--json 一律包含權杖）

${connection}

${output}

範例
  acs-tokens user create --emulator --label alice
  acs-tokens user create --scopes chat,voip --expires-in 60 --json
`,
	userDelete: `用法：acs-tokens user delete --user ID|LABEL [--yes]

從資源中刪除身分識別：其權杖會停止運作，其資料也會被移除。
本機存放區仍會保留它並標示為已刪除，直到您執行「acs-tokens user forget」。
在終端機上會要求確認；在其他環境中請傳入 --yes。

選項
  --user ID|LABEL        身分識別：其識別碼（8:acs:…）或標籤
  -y, --yes              不詢問確認

${connection}

${output}

範例
  acs-tokens user delete --emulator --user alice
  acs-tokens user delete --user 8:acs:…_… --yes --json
`,
	userForget: `用法：acs-tokens user forget --user ID|LABEL [--profile NAME] [--yes]

只從本機存放區移除身分識別；不會變更資源。

選項
  --user ID|LABEL        身分識別
  --profile NAME         身分識別所在的設定檔，用於多個設定檔都有它時
                         （--emulator：模擬器的設定檔）
  -y, --yes              不詢問確認

${output}

範例
  acs-tokens user forget --user alice
  acs-tokens user forget --emulator --user 8:acs:…_… --yes --json
`,
	userRename: `用法：acs-tokens user rename --user ID|LABEL --label NEW [--profile NAME]

在本機存放區中為身分識別指定新標籤（--label "" 會移除標籤）。

選項
  --user ID|LABEL        身分識別
  --label NEW            新標籤；"" 會移除標籤
  --profile NAME         身分識別所在的設定檔，用於多個設定檔都有它時
                         （--emulator：模擬器的設定檔）

${output}

範例
  acs-tokens user rename --user alice --label alice-laptop
  acs-tokens user rename --user 8:acs:…_… --label ""
`,
	tokenIssue: `用法：acs-tokens token issue --user ID|LABEL --scopes LIST [--expires-in MIN]

為身分識別發行使用者存取權杖。

選項
  --user ID|LABEL        身分識別：其識別碼（8:acs:…）或標籤
  --scopes LIST          以逗號分隔的範圍：chat、voip、chat.join、
                         chat.join.limited、voip.join
  --expires-in MIN       存留期，60 到 1440 分鐘（預設 1440）
  --reveal               輸出權杖本身，而非遮罩後的形式（--json 一律包含權杖）

${connection}

${output}

範例
  acs-tokens token issue --emulator --user alice --scopes chat
  TOKEN=$(acs-tokens token issue --user alice --scopes voip --json |
    jq -r .token)
`,
	tokenTeams: `用法：acs-tokens token teams --app-id ID --user-id OID < teams-token

將 Teams 使用者的 Microsoft Entra ID 權杖交換為 ACS 權杖（自訂 Teams 端點：
SDK 的 getTokenForTeamsUser）。Entra ID 權杖從 stdin 讀取，絕不從命令列讀取；
它必須是 https://auth.msft.communication.azure.com 的 Teams.ManageCalls 與
Teams.ManageChats 範圍、發給應用程式識別碼與使用者 OID 的權杖。

選項
  --app-id ID            使用者登入的 Entra ID 應用程式（用戶端）識別碼
  --user-id OID          Teams 使用者的 Entra ID 物件識別碼
  --reveal               輸出權杖本身，而非遮罩後的形式（--json 一律包含權杖）

${connection}

${output}

範例
  acs-tokens token teams --app-id "$APP" --user-id "$OID" --json < token.txt
  acs-tokens emulator stand-in-teams-token --app-id "$APP" --user-id "$OID" |
    acs-tokens token teams --emulator --app-id "$APP" --user-id "$OID"
`,
	tokenExchange: `用法：acs-tokens token exchange [--teams-extension] [--scopes LIST]
                                < entra-token

用戶端應用程式為 Entra ID 使用者（或加上 --teams-extension 時為 Teams 延伸模組
使用者）所做的事：@azure/communication-common 的
AzureCommunicationTokenCredential 取得使用者的 Microsoft Entra ID 權杖（從 stdin
讀取，絕不從命令列讀取），在資源上將它交換為 ACS 權杖。使用者必須先獲得指派
（acs-tokens access assign）。過程中不使用存取金鑰。

選項
  --teams-extension      Teams 延伸模組使用者（範圍屬於
                         https://auth.msft.communication.azure.com）
  --scopes LIST          權杖所發給的範圍（預設為
                         https://communication.azure.com/clients/.default）
  --reveal               輸出權杖本身，而非遮罩後的形式

${connection}

${output}

範例
  acs-tokens token exchange --endpoint "$ENDPOINT" --json < entra-token.txt
  acs-tokens emulator stand-in-entra-token --user-id "$OID" |
    acs-tokens token exchange --endpoint https://127.0.0.1:10430/ --json
`,
	accessList: `用法：acs-tokens access list

列出 Entra ID 使用者的指派（服務不提供 Teams 延伸模組指派的清單）。
誰可以將 Microsoft Entra ID 權杖交換為 ACS 權杖（acs-tokens token exchange）。
Entra ID 使用者：--type 為 user、group 或 tenant（tenant 時 OBJECT_ID 為租用戶
識別碼），可用 --client-ids 限定只能透過哪些用戶端應用程式。Teams 延伸模組使用者
（--teams-extension）：依租用戶指派，--type 為 resourceAccount 或 user。

${connection}

${output}

範例
  acs-tokens access list --emulator --json
`,
	accessShow: `用法：acs-tokens access show OBJECT_ID [--teams-extension --tenant-id T]

顯示單一指派。
誰可以將 Microsoft Entra ID 權杖交換為 ACS 權杖（acs-tokens token exchange）。
Entra ID 使用者：--type 為 user、group 或 tenant（tenant 時 OBJECT_ID 為租用戶
識別碼），可用 --client-ids 限定只能透過哪些用戶端應用程式。Teams 延伸模組使用者
（--teams-extension）：依租用戶指派，--type 為 resourceAccount 或 user。

選項
  --teams-extension      Teams 延伸模組的指派（否則為 Entra ID 的指派）
  --tenant-id T          其租用戶（Teams 延伸模組的指派依租用戶區分）

${connection}

${output}

範例
  acs-tokens access show "$OID" --teams-extension --tenant-id "$TENANT"
`,
	accessAssign: `用法：acs-tokens access assign OBJECT_ID --type TYPE --tenant-id T
                          [--client-ids A,B] [--teams-extension]

允許 OBJECT_ID 進行交換（新增或取代其指派）。
誰可以將 Microsoft Entra ID 權杖交換為 ACS 權杖（acs-tokens token exchange）。
Entra ID 使用者：--type 為 user、group 或 tenant（tenant 時 OBJECT_ID 為租用戶
識別碼），可用 --client-ids 限定只能透過哪些用戶端應用程式。Teams 延伸模組使用者
（--teams-extension）：依租用戶指派，--type 為 resourceAccount 或 user。

選項
  --type TYPE            user、group 或 tenant；搭配 --teams-extension 時為
                         resourceAccount 或 user
  --tenant-id T          OBJECT_ID 所屬的租用戶
  --client-ids A,B       只能透過這些用戶端（應用程式）識別碼，最多 50 個
  --teams-extension      Teams 延伸模組的指派（否則為 Entra ID 的指派）

${connection}

${output}

範例
  acs-tokens access assign "$OID" --type user --tenant-id "$TENANT" --emulator
`,
	accessUnassign: `用法：acs-tokens access unassign OBJECT_ID [--teams-extension
                            --tenant-id T] [--yes]

移除指派；在終端機上會先詢問，其他情況請加上 --yes。
誰可以將 Microsoft Entra ID 權杖交換為 ACS 權杖（acs-tokens token exchange）。
Entra ID 使用者：--type 為 user、group 或 tenant（tenant 時 OBJECT_ID 為租用戶
識別碼），可用 --client-ids 限定只能透過哪些用戶端應用程式。Teams 延伸模組使用者
（--teams-extension）：依租用戶指派，--type 為 resourceAccount 或 user。

選項
  --teams-extension      Teams 延伸模組的指派（否則為 Entra ID 的指派）
  --tenant-id T          其租用戶（Teams 延伸模組的指派依租用戶區分）
  -y, --yes              不詢問確認

${connection}

${output}

範例
  acs-tokens access unassign "$OID" --yes
`,
	tokenRevoke: `用法：acs-tokens token revoke --user ID|LABEL [--yes]

撤銷目前為止發行給該身分識別的所有權杖。之後發行的權杖仍可使用。
在終端機上會要求確認；在其他環境中請傳入 --yes。

選項
  --user ID|LABEL        身分識別：其識別碼（8:acs:…）或標籤
  -y, --yes              不詢問確認

${connection}

${output}

範例
  acs-tokens token revoke --emulator --user alice
  acs-tokens token revoke --user 8:acs:…_… --yes --json
`,
	tokenDecode: `用法：acs-tokens token decode TOKEN

顯示權杖的標頭與宣告，時間以當地時間呈現。可離線使用；不會檢查簽章
（請見：acs-tokens token verify）。TOKEN 為「-」時從 stdin 讀取：權杖本身，
或 token issue --json 印出的 JSON。

${output}

範例
  acs-tokens token decode eyJhbGciOi…
  acs-tokens token issue --user alice --scopes chat --json |
    acs-tokens token decode -
`,
	tokenVerify: `用法：acs-tokens token verify TOKEN

詢問本機模擬器權杖是否有效、已撤銷、已過期，或其身分識別已刪除。
有效時結束代碼為 0，否則為 1。TOKEN 為「-」時從 stdin 讀取（權杖本身，或
token issue 的 JSON）。實際的服務沒有這種作業，因此只能搭配模擬器使用
（--emulator，或連線至模擬器）。

${connection}

${output}

範例
  acs-tokens token verify --emulator eyJhbGciOi…
`,
	sign: `用法：acs-tokens sign METHOD URL [--body FILE]

印出以此連線的存取金鑰簽署單一要求所需的標頭（HMAC-SHA256，與 SDK 的
簽署方式相同），每行一個「名稱: 值」，可直接用於 curl -H 或 Postman：
x-ms-date、x-ms-content-sha256（本文的 SHA-256）與 Authorization。不會傳送
任何要求。URL 為此連線端點上的完整 URL，或相對於端點的路徑與查詢。請在
15 分鐘內以相同的方法、URL 與本文位元組傳送；輸出內容就是該要求的認證。

  METHOD                 GET、HEAD、POST、PUT、PATCH 或 DELETE
  URL                    https://<resource>.communication.azure.com/identities
                         或路徑與查詢：/identities?api-version=2023-10-01
  --body FILE            要求本文，逐位元組（- 從 stdin 讀取）；未提供時為空白
                         本文。請原樣傳送：curl --data-binary @FILE

${connection}

${output}

範例
  acs-tokens sign POST "/identities?api-version=2023-10-01" --body user.json
  acs-tokens sign --emulator GET "/emulator/health" --json
`,
};
