# Generated from locales/zh-CN/render.ftl by tools/zh-tw/convert.py (OpenCC s2twp); edit zh-CN and re-run.
# src/render/ 與控制台自己寫的文字。每個鍵都必須與 ../en-US/render.ftl 對應，佔位符相同
# （tests/locales.rs 檢查）。

## 狀態
render-badge-available = ✅ 可用
render-badge-unavailable = 🚫 不可用
render-badge-suspended = ⏸️ 已暫停
render-badge-unknown = ❔ 未知
# 終端裡 why-not 回答前的 [標記]。
render-tag-available = 可用
render-tag-unavailable = 不可用
render-tag-suspended = 已暫停
render-tag-unknown = 未知
render-status-available = 可用
render-status-unavailable = 不可用
render-status-suspended = 已暫停
render-status-unknown = 未知

## 嵌入訊息
render-why-not-title = { $service } 在{ $place }：{ $badge }
render-other-services = 此地的其他服務：{ $commands }
render-also = 你也可能想問：{ $commands }
render-from-documents = 文件原文
render-why-not-footer = 事實均註明來源；引文與已索引文件的原文逐字一致。/sources 列出全部來源。
render-since = { $label }（自 { $since } 起）
render-source-line = 來源：{ $sources }
render-document = 文件 { $id }
render-document-paragraph = 文件 { $id } ¶{ $paragraph }
render-citation-bytes = 位元組 { $start }–{ $end }
render-titles-title = 作品
render-titles-footer = 第 { $page } 頁，共 { $pages } 頁 · { $total } 部作品 · { $query }
render-title-title = 作品
render-search-title = 搜尋
render-not-found-title = 未找到
render-help-title = streambot 說明
render-more-not-shown = …另有 { $count } 項未顯示
render-also-known-as = 又名 { $aka }

## 作品
render-kind-movie = 電影
render-kind-tv = 劇集
render-card-aka = 又名
render-card-type = 類型
render-card-movie = 電影
render-card-tv = 劇集
render-card-origin = 出品國家/地區
render-card-genres = 題材
render-card-rating = 分級
render-card-duration = 時長
render-card-director = 導演
render-card-cast = 演員
render-card-on = 上架平臺
render-card-added-on = { $service }（{ $date } 上架）
render-card-sources = 來源
render-card-footer = 編號 { $id }

## 終端
render-text-aka = 又名
render-text-genres = 題材
render-text-rating = 分級
render-text-duration = 時長
render-text-director = 導演
render-text-cast = 演員
render-text-added = 上架
render-text-added-on = { $service }（{ $date }）
render-text-about = 簡介
render-text-sources = 來源
render-text-id = 編號
render-text-not-found = 未找到：{ $message }
render-text-facts = 事實：
render-text-fact-source = 來源：{ $source }
render-text-from-documents = 文件原文：
render-text-more = 更多：加上 page:{ $page } 檢視下一頁。
render-text-not-available = 不可用
render-text-suspended = 已暫停
render-text-unknown = 未知
render-text-elsewhere = 其他地方：{ $status }

## 地圖
render-map-title = 地圖
render-map-availability-title = { $service } 可用情況 · 最新事實日期 { $date }
render-map-undated = 無日期
render-map-figure-title = { $service }：各國{ $figure }，{ $date }
render-map-figure-library = 片庫規模（作品數）
render-map-figure-price = 標準方案月費（美元）
render-map-date-unknown = 日期不詳
render-map-legend-available = 可用
render-map-legend-unavailable = 不可用
render-map-legend-suspended = 已暫停
render-map-legend-unknown = 未知（無來源）
render-map-legend-no-figure = 無資料
render-map-legend-by-status = 各狀態的地方數
render-map-legend-per-band = 各區間的地方數
render-map-since = { $place }（自 { $since } 起）
render-map-source-facts = 事實：streambot 的 data/countries.csv 中的 { $count } 個來源（/why-not <地方> 會引用它們）
render-map-source-figures = 資料：{ $name }（{ $source }）
render-map-source-line = { $facts } · 國界形狀：Natural Earth（公有領域）· Equal Earth 投影
render-map-field-unavailable = 🚫 不可用
render-map-field-suspended = ⏸️ 已暫停
render-map-field-unknown = ❔ 未知
render-map-field-count = { $name }（{ $count }）
render-map-and-more = …另有 { $count } 個
render-map-elsewhere-available = 可用
render-map-elsewhere-unavailable = 不可用
render-map-elsewhere-suspended = 已暫停
render-map-elsewhere-unknown = 未知：沒有來源涉及這些地方
render-map-elsewhere = 此處未列出的其他地方：{ $status }。用 `/why-not <地方> { $service }` 檢視事實及其來源。
render-map-highest = 最高
render-map-lowest = 最低
render-map-figures-dated = 這些資料來自 2021 年 12 月：反映的是當時的片庫，而非現在（Netflix 已於 2022 年 3 月暫停在俄羅斯的服務）。
render-map-alt-start = 世界地圖。{ $title }。
render-map-alt-darker = 顏色越深，數值越高。
render-map-alt-count = { $label }：{ $count } 個地方

## 控制台
console-welcome = streambot 控制台——像私訊一樣提問：/why-not china、/titles origin:cn type:movie、/title 流浪地球，或直接用中文提問。/help 檢視更多，/quit 退出。
console-not-utf8 = 這一行不是有效的 UTF-8 文字。
console-failed = 抱歉，回答時出了問題，請再試一次。
console-map-saved = 地圖已儲存到 { $path }
console-map-failed = 抱歉，地圖無法繪製或儲存。
render-settings-title = 你的設定

render-ranking-title = 排行
