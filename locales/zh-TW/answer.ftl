# Generated from locales/zh-CN/answer.ftl by tools/zh-tw/convert.py (OpenCC s2twp); edit zh-CN and re-run.
# 核心回答（src/answer/）所寫的句子。每個鍵都必須與 ../en-US/answer.ftl 一致，佔位符也相同
# （tests/locales.rs 會檢查）。中文句子之間不加空格（crate::answer::words::join）。

## 列表與通用詞

list-comma = { $head }、{ $item }
list-and = { $head } 和 { $last }
list-semicolon = { $head }；{ $item }
did-you-mean = 你是不是想問：{ $list }？

## /why-not

why-not-which-place = 哪個地方？例如 /why-not 中國
unknown-place = 我不知道叫「{ $input }」的地方。
former-country = { $place }已不復存在，那裡不提供任何服務；請問一個現今存在的國家。
why-not-no-facts = 我沒有關於 { $service } 可用情況的有來源資料。
why-not-no-facts-others = 我沒有關於 { $service } 可用情況的有來源資料；有資料的是 { $known }。
why-not-unknown-specific = 我不知道 { $service } 在{ $place }能否使用：我掌握的來源對此都沒有明確說法。
why-not-unknown-general = 我不知道 { $service } 在{ $place }能否使用：我掌握的來源都沒有涉及那裡。
why-not-covered = 有來源的資料涵蓋了 { $service } 在 { $count } 個地方的情況（/map { $word } 可以檢視）。
why-not-known-below = 以下是關於 { $service } 的已知資訊。
why-not-available = { $service } 在{ $place }可以使用。
why-not-available-elsewhere = { $service } 在{ $place }可以使用：資料中沒有那裡有任何限制的記錄，下面的事實說明了 { $service } 在哪些地方提供服務。
why-not-unavailable = { $service } 在{ $place }不可用。
why-not-suspended-since = { $service } 於 { $since } 暫停了在{ $place }的服務。
why-not-suspended = { $service } 已暫停在{ $place }的服務。
why-not-stale-figure = （這是 { $service } 於 { $since } 暫停服務之前的記錄，已非現狀）

## 事實的標籤

fact-label-status = 狀態
fact-label-regulation = 監管
fact-label-sanctions = 制裁
fact-label-war = 戰爭
fact-label-business = 商業
fact-label-note = 說法不一
fact-label-figures = 資料
figure-library = 片庫規模
figure-price = 美元月費
figure-dated = { $label }（{ $when }）
figure-library-total = 共 { $total } 部作品
figure-library-split = 共 { $total } 部作品：劇集 { $tv } 部，電影 { $movies } 部
plan-basic = 基礎版
plan-standard = 標準版
plan-premium = 高級版

## /titles

titles-origin-needs-country = `origin:` 需要填一個國家。
unknown-country = 我不知道叫「{ $input }」的國家。
titles-none = 沒有符合這些篩選條件的作品。
titles-without = 去掉其中一個條件：{ $list }。
titles-relaxation = 不限{ $filter }時有 { $count } 部
filter-origin = 出品國家
filter-type = 類型
filter-service = 平臺
filter-genre = 題材
filter-year = 年份
filter-added = 上線年份
filter-director = 導演
filter-cast = 演員
filter-query = 關鍵字
titles-prime-origin = （Prime Video 的資料只為 7% 的作品註明了出品國家。）
titles-past-end = 第 { $page } 頁超出了範圍：{ $total } 部作品只有 { $pages } 頁。
titles-count-movie = 共 { $total } 部{ $filters }電影{ $scope }
titles-count-tv = 共 { $total } 部{ $filters }劇集{ $scope }
titles-count-any = 共 { $total } 部{ $filters }作品{ $scope }
# 中文把篩選條件放在「共 N 部」之後、名詞之前（題材、導演、演員、關鍵字），平臺與年份放在後面。
titles-in-genre = 題材為「{ $genre }」的
titles-directed-by = 由 { $name } 執導的
titles-with-cast = 有 { $name } 出演的
titles-matching = 與「{ $query }」相關的
titles-from = { $place }
titles-on = 在 { $service } 上
titles-released = ，發行於 { $years } 年
titles-added = ，上線於 { $years } 年
titles-released-from = ，發行於 { $year } 年及以後
titles-released-until = ，發行於 { $year } 年及以前
titles-added-from = ，上線於 { $year } 年及以後
titles-added-until = ，上線於 { $year } 年及以前
titles-added-month = ，上線於 { $months }
titles-added-month-from = ，上線於 { $month }及以後
titles-added-month-until = ，上線於 { $month }及以前
month-year = { $year }年{ $name }
month-span = { $from }至{ $to }
year-said = { $years } 年
titles-relative = 「{ $words }」按本資料最新上線日期（{ $date }）算作 { $span }。
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
titles-there-are = { $total ->
       *[other] { $what }。
    }
titles-showing = 第 { $first }–{ $last } 部（第 { $page } 頁，共 { $pages } 頁）。
titles-list-showing = { $what }。第 { $first }–{ $last } 部（第 { $page } 頁，共 { $pages } 頁）。
titles-newest-first = 最新上線的排在前面。
titles-undated = 其中 { $count } 部在資料中沒有上線日期。
titles-origin-note = 出品國家指作品在哪裡製作，而不是在哪裡能看。

## /title

title-added-alone = { $service } 上，上線於 { $date }
title-added-in-list = { $service }（上線於 { $date }）
title-service-alone = { $service } 上
title-services = { $list } 上
title-on = { $title }在 { $listing }。
title-not-on = { $title }不在 { $asked } 上，而是在 { $listing }。
title-also-on = 也在 { $others }。
title-not-found = 這些片庫（{ $catalogues }）裡沒有「{ $name }」。
title-closest-names = 最接近的名字：{ $list }。
title-closest-match = 與「{ $name }」最接近的是 { $found }。
title-others-same = 同名的其他作品：{ $list }。
title-others-close = 名字相近的其他作品：{ $list }。
title-in-place-available = { $title }在 { $service } 上，{ $service } 在{ $place }可以使用。
title-in-place-available-elsewhere = { $title }在 { $service } 上，{ $service } 在{ $place }可以使用：資料中沒有記錄那裡有任何限制。
title-not-on-short = { $title }不在 { $asked } 上。
title-in-place-unavailable = { $title }在 { $service } 上，但 { $service } 在{ $place }不可用。
title-in-place-suspended-since = { $title }在 { $service } 上，但 { $service } 於 { $since } 暫停了在{ $place }的服務。
title-in-place-suspended = { $title }在 { $service } 上，但 { $service } 已暫停在{ $place }的服務。
title-in-place-unknown = { $title }在 { $service } 上，但我不知道 { $service } 在{ $place }能否使用：我掌握的來源對此沒有說法。
title-in-place-each = 在{ $place }：{ $list }。
title-in-place-each-available = { $service } 可以使用
title-in-place-each-unavailable = { $service } 不可用
title-in-place-each-suspended-since = { $service } 於 { $since } 暫停了服務
title-in-place-each-suspended = { $service } 已暫停服務
title-in-place-each-unknown = 不知道 { $service } 能否使用
title-in-place-caveat = 資料集沒有列出每個國家的片庫裡有哪些作品，所以{ $place }的 { $services } 不一定有這部作品。
title-in-place-one-available = 在我收錄的平臺中，只有 { $list } 在{ $place }可以使用。
title-in-place-others-available = 在我收錄的平臺中，{ $list } 在{ $place }可以使用。
title-in-place-none-available = 我收錄的平臺中，沒有一個已知在{ $place }可以使用。
title-in-place-why-below = 有出處的原因見下。
titles-watch-caveat = 只列出在{ $place }可以使用的平臺（{ $services }）上的作品；資料集沒有列出每個國家的片庫裡有哪些作品。
titles-watch-service-not-there = 沒有資料表明 { $service } 在{ $place }可以使用，所以不列出它的作品。

## 自由提問與 /ask

search-what-in-documents = 要在文件裡找什麼？例如「這篇文章對審查是怎麼說的？」
search-nothing = 文件和作品中都沒有與「{ $query }」相符的內容。可以試試 /why-not <地方>、/titles origin:<國家> 或 /title <片名>。
search-documents = 文件中有 { $passages } 段與「{ $query }」相符。
search-both = 有 { $passages } 段文件和 { $titles } 部作品與「{ $query }」相符。

## /map

map-no-facts = 我沒有關於 { $service } 可用情況的有來源資料，所以無法畫出它的地圖。
map-no-figures = 我沒有 { $service } 按國家統計的資料：現有的資料只有 Netflix 的（2021 年 12 月），在資料目錄裡有 netflix_subscription_fee_dec2021.csv 時從中讀取。
map-figure-library = 片庫規模
map-figure-price = 標準版美元月費
map-figure = { $service } 在 { $count } 個地方的{ $figure }。
map-figure-dated = { $service } 在 { $count } 個地方的{ $figure }（{ $when }）。
map-where = { $service } 的可用地區（依據有來源的資料）。
map-where-newest = { $service } 的可用地區（依據有來源的資料，最新一條：{ $date }）。

## 用法錯誤（按輸入的指令）

usage-ask-me = 問我點什麼吧。
usage-empty-command = 請在斜線後面輸入指令。
usage-no-command = 沒有 /{ $name } 這個指令。試試 /why-not、/titles、/new、/title 或 /help。
usage-no-option = /{ $command } 沒有 `{ $key }` 這個選項；你是不是想用 `{ $close }:`？它的選項有 { $options }。
usage-given-twice = `{ $key }` 給了兩次。
usage-needs-value = `{ $key }:` 需要一個值。
usage-unknown-service = 沒有 `{ $value }` 這個平臺：請用 netflix、prime、disney 或 hulu。
usage-bad-years = `{ $value }` 不是年份，也不是年份範圍（請寫 2019 或 2010-2020）。
usage-bad-added = `{ $value }` 不是年份、月份，也不是它們的範圍（請寫 2021、2021-09、2019-2021 或 2019..）。
usage-unknown-sort = 沒有 `{ $value }` 這種排序：請用 relevance、year、title 或 added。
usage-unknown-type = 沒有 `{ $value }` 這種類型：請用 movie 或 tv。
usage-bad-page = `page:{ $value }` 必須是從 1 起的數字。
usage-unknown-figure = 沒有 `{ $value }` 這項資料：請用 library 或 price。
usage-map-words = /map 接受一個平臺和一項資料，例如 /map disney 或 /map netflix library；`{ $word }` 兩者都不是。
usage-ask-needs-question = /ask 需要一個問題。
usage-title-needs-name = /title 需要一個片名，例如 /title 流浪地球
usage-country-once = 國家只需給一次：/new netflix kr 或 /new origin:kr
usage-place-once = 地方只需給一次：/why-not 中國 或 /why-not place:中國
usage-why-not-needs-place = /why-not 需要一個地方，例如 /why-not 中國

## /help

help-text =
    /why-not <地方> [平臺]        某個平臺（預設 Netflix）在某地能否使用、為什麼
                                 例如 /why-not 中國 · /why-not 俄羅斯 netflix · /why-not china
    /titles [選項]               資料集中的作品，每頁 10 部，給出準確總數
        origin:<國家>  type:movie|tv  service:netflix|prime|disney|hulu  genre:<題材>
        year:2019 或 year:2010-2020  added:2021  director:<姓名>  cast:<姓名>  query:<關鍵字>
        sort:relevance|year|title|added  place:<你在哪裡看>  page:<頁碼>
                                 例如 /titles origin:cn type:movie · /titles director:"Bong Joon Ho"
    /new [平臺] [出品國家] [類型]   最新上線的排在前面，例如 /new hulu · /new netflix kr tv
    /title <片名> [平臺] [place:地點]  一部作品的資料卡和在哪裡能看；有小錯字也沒關係；
                                 給出地點時，說明在那裡能不能看、不能的話為什麼
    /map [平臺] [資料]            某個平臺在世界上哪些地方可用的地圖，例如 /map disney；
                                 figure:library|price 按國家顯示 Netflix 的片庫規模或價格（2021 年 12 月）
    /top [類型] [依據] [年份] [全球] [順序] [地點]   Netflix 公佈的觀看最多的作品（2025 年 1–6 月），
                                 或哪裡的 Netflix 最便宜、最貴、片庫最大（2021 年 12 月），例如
                                 /top type:tv · /top by:price_standard order:lowest · /top by:price_basic place:US,India
    /settings [region:<地點>] [services:<平臺>] [language:auto|en|zh]   記住你在哪裡看、有哪些
                                 平臺：之後問作品就按你的地區回答，service:mine（或「我的平臺」）
                                 只列出你的平臺上的作品；/settings forget 全部刪除
    /help                        顯示這段說明
    其他內容都當作自由提問，中文英文都可以：「為什麼中國不能看Netflix」「流浪地球在哪裡看」
    「韓國電影」「Netflix最新的韓劇」「why can't I watch Netflix in Russia?」
    「Korean movies on Prime Video」「films directed by Bong Joon Ho」
    「網飛上最受歡迎的劇」「哪個國家的網飛最便宜」。

# /settings：機器人記住的關於提問者的設定。
settings-usage = 請這樣寫 /settings：region:<地點> services:<平臺列表> language:auto|en|zh；或用 /settings forget 刪除關於你的全部記錄。
settings-forget-alone = /settings forget 會刪除你的設定；請單獨使用它，然後再儲存新的設定。
settings-bad-language = 「{ $value }」不是我能用的語言：auto、en、zh 或 zh-TW。
settings-server-outside = 伺服器的預設地區要在該伺服器裡由管理員設定。
settings-server-refused = 只有能管理本伺服器的成員才能設定或清除它的預設地區。
settings-unavailable = 設定暫時無法使用；其他回答都照常可用。請稍後再試。
settings-unavailable-note = （你儲存的設定暫時無法讀取，這個回答沒有用到它們。）
settings-forgot = 已刪除關於你的全部記錄：地區、平臺和語言。
settings-nothing-to-forget = 沒有儲存任何關於你的記錄。
settings-server-forgot = 已清除本伺服器的預設地區。
settings-server-nothing = 本伺服器沒有設定預設地區。
settings-saved = 已儲存。
settings-none = 還沒有儲存任何關於你的設定。告訴我一次你在哪裡看、有哪些平臺——/settings region:HK services:netflix,disney——之後「魷魚遊戲在哪裡看」這樣的問題就會按你的情況回答。
settings-not-set = 未設定
settings-language-auto = 自動（按你的 Discord 語言或提問的語言）
settings-language-en = 英文
settings-language-zh = 簡體中文
settings-language-zh-tw = 繁體中文
settings-yours =
    你的地區：{ $region }
    你的平臺：{ $services }
    語言：{ $language }
settings-server-region = 本伺服器的預設地區：{ $place }（以你自己的地區優先）。
settings-how = 用 /settings region: services: language: 修改，或用 /settings forget 全部刪除。只儲存你的使用者 ID 和這些設定。
title-in-place-your-region = （按你儲存的地區{ $place }回答；在問題裡寫明地點即可詢問其他地方。）
title-in-place-server-region = （按本伺服器的預設地區{ $place }回答；用 /settings region: 設定你自己的地區。）
title-in-place-flag-region = （按 --region 給出的地區{ $place }回答。）
titles-mine-none = 你還沒有告訴我你有哪些平臺：先用 /settings services:netflix,disney（netflix、prime、disney、hulu 任選）儲存，再問一次。
titles-on-yours = 在你的平臺（{ $services }）上
# 機器人沒有收錄的串流平臺。
uncovered-name = { $chinese }（{ $name }）
uncovered-service = 我收錄的是 { $covered }；{ $service } 不在其中，所以我沒有它在哪裡可用的資料。
uncovered-documents = 不過我收錄的文章提到了 { $service }：
# 目錄有多舊：每個關於「最新」或「上線時間」的回答都會說明。
titles-newest-first-as-of = 最新上線的排在前面（本資料最新一部上線於 { $date }）。
titles-data-as-of = 本資料截至 { $date }。
# 會讓列表為空、因而沒有使用的詞。
titles-ignored = 沒有用到的詞：{ $words }。

## 排行 (/top)
period-same-year = { $year }年{ $from }至{ $to }
rank-value-price = 每月 { $price } 美元
rank-value-views = { $value } 次觀看
rank-value-hours = { $value } 小時
rank-value-library = { $value } 部
rank-by-views = 觀看次數
rank-by-hours = 觀看時長
rank-by-library = 片庫規模
rank-by-price_basic = 基本方案價格
rank-by-price_standard = 標準方案價格
rank-by-price_premium = 高階方案價格
rank-what-watched-any = Netflix { $when }觀看最多的作品（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-watched-movie = Netflix { $when }觀看最多的電影（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-watched-tv = Netflix { $when }觀看最多的劇集（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-library-biggest = { $when } Netflix 片庫最大的國家：第 { $first }–{ $last } 名，共 { $total } 個國家。
rank-what-library-smallest = { $when } Netflix 片庫最小的國家：第 { $first }–{ $last } 名，共 { $total } 個國家。
rank-what-price-highest = { $when } Netflix { $plan }方案最貴的國家（月費，美元）：第 { $first }–{ $last } 名，共 { $total } 個國家。
rank-what-price-lowest = { $when } Netflix { $plan }方案最便宜的國家（月費，美元）：第 { $first }–{ $last } 名，共 { $total } 個國家。
rank-what-place-prices = { $when } Netflix 在{ $place }的月費（美元）和片庫規模。
rank-what-places-prices = { $when } Netflix 在所問的 { $total } 個國家的月費（美元），按{ $plan }方案從貴到便宜排列。
rank-what-place-library = { $when } Netflix 在{ $place }的片庫規模，以及月費（美元）。
rank-what-places-library = { $when } Netflix 在所問的 { $total } 個國家的片庫規模，從大到小，以及月費（美元）。
rank-filters = 只列作品{ $filters }。
rank-globally = ，全球可看
rank-not-globally = ，並非全球可看
rank-kind-movie = 電影
rank-kind-tv = 劇集
rank-row-not-globally = 並非全球可看
rank-row-details = （{ $details }）
rank-row = { $rank }. { $name }{ $details } — { $figures }
rank-footer = 資料：{ $when } · 來源：{ $sources }
rank-cannot-service = 我只有 Netflix 的觀看資料（參與度報告），所以說不出 { $service } 上什麼最受歡迎。
rank-cannot-service-figures = 我有的價格和片庫資料都是 Netflix 的，沒有 { $service } 的。
rank-cannot-origin = Netflix 的參與度報告沒有寫作品的出品國家，所以我沒法給來自{ $origin }的作品排名。
rank-cannot-genre = Netflix 的參與度報告沒有寫題材，所以我沒法給{ $genre }作品排名。
rank-cannot-place = Netflix 的參與度報告統計的是全球觀看，不分國家，所以我說不出在{ $place }什麼最受歡迎。
rank-not-rated = 片單裡只有分級（如 TV-MA、PG-13），沒有評分，所以我沒法按好壞排名；下面是 Netflix 公佈的觀看最多的作品。
rank-not-rated-alone = 片單裡只有分級（如 TV-MA、PG-13），沒有評分，所以我沒法按好壞排名。
rank-try-both = 可以試試 { $command } 看 Netflix 公佈的觀看最多的作品，或用 { $titles } 看不排名的列表。
rank-try = 可以試試 { $command }。
rank-unknown-places = 我不認識這個地方：{ $places }。
rank-past-end = 這一頁超出範圍了：一共 { $pages } 頁。
rank-no-figures = 沒有載入 Netflix 的價格或片庫資料；README 裡寫了怎麼載入。
rank-no-report = 沒有載入觀看資料：請載入 Netflix 的參與度報告（README 裡寫了怎麼做）。
usage-bad-top = /top 不認識 `{ $key }:{ $value }`（by：views、hours、library、price_basic、price_standard 或 price_premium；globally：yes 或 no；order：highest 或 lowest）。

## /similar
similar-found = 和{ $title }類似的作品（按共同的題材、出品國家、主創和簡介用詞）：列出 { $count } 部。
similar-on = 只列 { $service } 上的。
similar-none = 這些片單裡沒有和{ $title }足夠相像的作品。
similar-not-found = 這些片單裡沒有「{ $name }」，所以說不出什麼和它類似。
usage-similar-needs-title = /similar 需要一個片名，例如 /similar 寄生蟲
