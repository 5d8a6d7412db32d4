# Generated from locales/zh-CN/discord.ftl by tools/zh-tw/convert.py (OpenCC s2twp); edit zh-CN and re-run.
# Discord 中顯示的斜線指令：名稱、說明（最多 100 個字元）、選項和選項值。名稱不含空格。
cmd-why-not = 為什麼看不了
cmd-why-not-desc = 為什麼某地看不了某個串流平臺？現狀、有出處的事實和原文引用。
cmd-why-not-place = 地點
cmd-why-not-place-desc = 國家或地區：名稱、代碼或中文名（中國、CN、China、克里米亞……）
cmd-why-not-service = 平臺
cmd-why-not-service-desc = 串流平臺（預設 Netflix）
cmd-titles = 片單
cmd-titles-desc = 資料集中的作品：按出品國家、類型、平臺、題材、年份篩選；每頁 10 部。
cmd-titles-origin = 出品國家
cmd-titles-origin-desc = 出品國家（名稱或代碼）
cmd-titles-type = 類型
cmd-titles-type-desc = 電影或劇集
cmd-titles-service = 平臺
cmd-titles-service-desc = 串流平臺
cmd-titles-genre = 題材
cmd-titles-genre-desc = 題材，例如 horror（恐怖）、documentaries（紀錄片）
cmd-titles-year = 年份
cmd-titles-year-desc = 上映年份，或年份區間，例如 2010-2020
cmd-titles-added = 上線年份
cmd-titles-added-desc = 在平臺上線的年份，或年份區間
cmd-titles-director = 導演
cmd-titles-director-desc = 導演全名（按資料中的拼寫），例如 Bong Joon Ho
cmd-titles-cast = 演員
cmd-titles-cast-desc = 演員全名（按資料中的拼寫），例如 Lee Jung-jae
cmd-titles-query = 關鍵字
cmd-titles-query-desc = 在片名、簡介、演員中查詢的詞
cmd-titles-sort = 排序
cmd-titles-sort-desc = 結果的排列順序
cmd-titles-place = 地點
cmd-titles-place-desc = 你在哪裡看：只列出在那裡可以使用的平臺上的作品
cmd-new = 最新
cmd-new-desc = 最新上線：平臺最近加入的作品，最新的在前。
cmd-new-service = 平臺
cmd-new-service-desc = 串流平臺（不填則為全部四個）
cmd-new-origin = 出品國家
cmd-new-origin-desc = 出品國家（名稱或代碼）
cmd-new-type = 類型
cmd-new-type-desc = 電影或劇集
cmd-title = 作品
cmd-title-desc = 查詢一部作品：在哪裡能看、年份、類型、出品國家、題材、演員。寫錯幾個字也能找到。
cmd-title-name = 名稱
cmd-title-name-desc = 作品名稱
cmd-title-service = 平臺
cmd-title-service-desc = 它在這個平臺上嗎？
cmd-title-place = 地點
cmd-title-place-desc = 你所在的地方：在那裡能看嗎？不能的話，為什麼？
cmd-map = 地圖
cmd-map-desc = 串流平臺在世界各地是否可用的地圖，附圖例和出處。
cmd-map-service = 平臺
cmd-map-service-desc = 串流平臺（預設 Netflix）
cmd-map-figure = 資料
cmd-map-figure-desc = 改為按國家顯示 Netflix 的資料（2021 年 12 月）
cmd-top = 排行
cmd-top-desc = Netflix 上觀看最多的作品，以及哪裡的 Netflix 最便宜或最貴，附日期和出處。
cmd-top-type = 類型
cmd-top-type-desc = 電影或劇集
cmd-top-by = 依據
cmd-top-by-desc = 觀看次數（預設）、觀看時長、片庫規模或某個方案的價格
cmd-top-year = 年份
cmd-top-year-desc = 上映年份，或年份區間，例如 2024-2025
cmd-top-globally = 全球
cmd-top-globally-desc = 只看在所有 Netflix 國家都能看的作品（或只看不能的）
cmd-top-order = 順序
cmd-top-order-desc = 從高到低（預設）或從低到高（最便宜、最小）
cmd-top-place = 地點
cmd-top-place-desc = 只比較這些國家，例如 美國、印度、土耳其
cmd-top-page = 頁
cmd-top-page-desc = 頁碼
cmd-similar = 類似
cmd-similar-desc = 和你說的作品類似的作品：共同的題材、出品國家、主創和故事用詞。
cmd-similar-title = 作品
cmd-similar-title-desc = 要找類似作品的那部作品
cmd-similar-type = 類型
cmd-similar-type-desc = 電影或劇集（預設與該作品相同）
cmd-similar-service = 平臺
cmd-similar-service-desc = 只列這個平臺上的作品
cmd-ask = 提問
cmd-ask-desc = 用自己的話提問，例如「為什麼中國不能看 Netflix？」
cmd-ask-question = 問題
cmd-ask-question-desc = 你的問題
cmd-sources = 資料來源
cmd-sources-desc = streambot 知道什麼：文件、資料集、事實，以及索引上次重建的時間。
cmd-help = 說明
cmd-help-desc = streambot 的用法。
cmd-reindex = 重建索引
cmd-reindex-desc = 管理員：重新讀取資料並重建索引，可先新增一個檔案。
cmd-reindex-file = 檔案
cmd-reindex-file-desc = 要新增的片單 CSV（<service>_titles.csv）或 .txt/.md 文件

choice-netflix = Netflix
choice-prime-video = Prime Video
choice-disney = Disney+
choice-hulu = Hulu
choice-movie = 電影
choice-tv = 劇集
choice-relevance = 相關度
choice-year = 年份
choice-title = 片名
choice-newest-added = 最新上線
choice-library-size = 片庫規模
choice-monthly-price = 月費
choice-views = 觀看次數
choice-hours-viewed = 觀看時長
choice-basic-plan-price = 基本方案價格
choice-standard-plan-price = 標準方案價格
choice-premium-plan-price = 高階方案價格
choice-yes = 是
choice-no = 否
choice-highest-first = 從高到低
choice-lowest-first = 從低到高

# 按鈕和簡短回覆。
button-previous = 上一頁
button-next = 下一頁
only-the-asker = 只有提問的人才能翻頁——請自己執行 /titles 瀏覽。
slow-down = 你問得太快了，我有點跟不上——請等 { $seconds } 秒再試。
went-wrong = 抱歉，回答時出了點問題。請稍後再試。
help-extra =
    /ask <問題>                  自由提問，和私訊一樣
    /sources                     機器人知道什麼，以及上次重建索引的時間
    /reindex [檔案]              管理員：重新讀取資料（可先新增一個檔案）

    你也可以直接私訊我。

# 每個互動出錯時也會收到的回覆。
error-bad-option = 有個選項我沒看懂；/help 裡有寫法說明。
error-not-allowed = 你沒有權限使用這個指令。
error-outdated-command = Discord 發來的是舊版指令——指令剛剛更新過。請過一分鐘再試。
error-unknown-command = 我已經沒有這個指令了——/help 裡列出了我能做的事。

## /reindex, for moderators
reindex-refused = 只有管理員才能重建索引，而且只能在機器人營運者自己的伺服器裡（在那裡擁有「管理伺服器」權限或管理員身分組，或是機器人所有者）：機器人的資料對所有伺服器都一樣，其他伺服器不能更改。沒有做任何改動。
reindex-too-large = `{ $file }` 有 { $size } 位元組，上限是 { $limit }。沒有做任何改動。
reindex-larger-than = `{ $file }` 超過了 { $limit } 位元組的上限。沒有做任何改動。
reindex-download-failed = 無法從 Discord 下載這個檔案。沒有做任何改動。
reindex-no-data-dir = 沒有設定資料目錄。沒有做任何改動。
reindex-added-titles = 已新增 `{ $path }`：{ $service } 的 { $rows } 部作品。
reindex-added-document = 已新增 `{ $path }`：一篇 { $paragraphs } 段的文件。
reindex-upload-refused = `{ $file }` 未被接受：{ $why }
    沒有做任何改動。
reindex-failed = 重建索引失敗：{ $why }。仍在使用之前的資料和索引。
reindex-why-unopenable = 新索引無法開啟（詳情見日誌）
reindex-why-busy = 這個索引正在由另一個重建任務處理（處理程序 { $pid }）；請等它完成後再試
reindex-why-busy-unknown = 這個索引正在由另一個重建任務處理；請等它完成後再試
reindex-why-stopped = 重建在完成前中斷了（詳情見日誌）
reindex-progress = 正在重建索引… { $percent }%（{ $total } 條記錄中已完成 { $done } 條，已用 { $seconds } 秒）。回答仍來自目前索引。
reindex-done = 索引已重建，用時 { $seconds } 秒：{ $titles } 部作品、{ $passages } 個段落、{ $facts } 條事實，來自 { $files } 個檔案。
reindex-no-skips = 沒有跳過任何行（修復 { $repaired } 行，合併 { $merged } 行）。
reindex-skipped = 跳過了 { $count } 行：
reindex-over-http = 這個伺服器透過多個副本回答指令，每個副本都有自己的索引，所以無法在這裡用 /reindex 重建它們。請在每個副本上執行 `streambot index`（見 README 的 Deployment 一節）：每個副本會在幾秒內改用新索引，無需重啟。沒有做任何改動。

# /sources：索引裡有什麼。
sources-title = streambot 知道什麼
sources-summary = { $titles } 部作品、{ $passages } 段文件和 { $facts } 條事實。上次重建於 { $when }，用時 { $ms } 毫秒（修復 { $repaired } 行，跳過 { $skipped } 行，合併 { $merged } 行）。
sources-document = 文件：{ $title }
sources-document-detail = `{ $file }` · { $paragraphs } 段 · { $bytes } 位元組
sources-file = { $kind } · { $rows } 行
sources-kind-titles = 片單
sources-kind-facts = 事實
sources-kind-figures = 資料
sources-kind-metadata = 文件後設資料

# /reindex 拒絕上傳的原因（接在「被拒絕：」之後）。
upload-too-large = 檔案有 { $size } 位元組，上限是 { $limit } 位元組
upload-empty = 檔案是空的
upload-not-text = 檔案不是 UTF-8 文字
upload-unsupported-name = 只能新增名為 `<平臺>_titles.csv` 的片單 CSV（例如 `netflix_titles.csv`）和 `.txt`/`.md` 文件
upload-too-many-columns = 這個 CSV 有 { $columns } 列；片單 CSV 最多 { $limit } 列
upload-cell-too-long = 第 { $line } 行有一個 { $bytes } 位元組的儲存格；上限是 { $limit } 位元組
upload-no-rows = 檔案裡沒有可用的行：
upload-bad-rows = 檔案裡有無法讀取的行：
upload-io = 無法寫入檔案（原因見日誌）
upload-over-budget = 上傳目錄已有 { $used } 位元組；加上這個檔案會超過 { $budget } 位元組的上限（UPLOAD_BUDGET_MB）
# 上傳或重建時修復或跳過的一行。
reindex-line = 第 { $line } 行：{ $detail }

cmd-settings = 設定
cmd-settings-desc = 記住你的地區、平臺和語言（只有你能看到）；forget 可刪除。
cmd-settings-region = 地區
cmd-settings-region-desc = 你在哪裡看：國家或地區（香港、HK、Hong Kong）；填 none 清除
cmd-settings-services = 平臺
cmd-settings-services-desc = 你有的平臺，例如 netflix, disney（或 all、none）
cmd-settings-language = 語言
cmd-settings-language-desc = 我回答你時用的語言
cmd-settings-server_region = 伺服器地區
cmd-settings-server_region-desc = 管理員：本伺服器成員未設定地區時使用的預設地區
cmd-settings-forget = 刪除
cmd-settings-forget-desc = 刪除已儲存的內容：關於你的全部記錄，或本伺服器的地區
choice-my-services = 我的平臺
choice-automatic = 自動
choice-english = 英文
choice-simplified-chinese = 簡體中文
choice-traditional-chinese = 繁體中文
choice-everything-about-me = 關於我的全部記錄
choice-this-servers-region = 本伺服器的地區
