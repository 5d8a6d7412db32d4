# 核心回答（src/answer/）所写的句子。每个键都必须与 ../en-US/answer.ftl 一致，占位符也相同
# （tests/locales.rs 会检查）。中文句子之间不加空格（crate::answer::words::join）。

## 列表与通用词

list-comma = { $head }、{ $item }
list-and = { $head } 和 { $last }
list-semicolon = { $head }；{ $item }
did-you-mean = 你是不是想问：{ $list }？

## /why-not

why-not-which-place = 哪个地方？例如 /why-not 中国
unknown-place = 我不知道叫“{ $input }”的地方。
former-country = { $place }已不复存在，那里不提供任何服务；请问一个现今存在的国家。
why-not-no-facts = 我没有关于 { $service } 可用情况的有来源资料。
why-not-no-facts-others = 我没有关于 { $service } 可用情况的有来源资料；有资料的是 { $known }。
why-not-unknown-specific = 我不知道 { $service } 在{ $place }能否使用：我掌握的来源对此都没有明确说法。
why-not-unknown-general = 我不知道 { $service } 在{ $place }能否使用：我掌握的来源都没有涉及那里。
why-not-covered = 有来源的资料涵盖了 { $service } 在 { $count } 个地方的情况（/map { $word } 可以查看）。
why-not-known-below = 以下是关于 { $service } 的已知信息。
why-not-available = { $service } 在{ $place }可以使用。
why-not-available-elsewhere = { $service } 在{ $place }可以使用：资料中没有那里有任何限制的记录，下面的事实说明了 { $service } 在哪些地方提供服务。
why-not-unavailable = { $service } 在{ $place }不可用。
why-not-suspended-since = { $service } 于 { $since } 暂停了在{ $place }的服务。
why-not-suspended = { $service } 已暂停在{ $place }的服务。
why-not-stale-figure = （这是 { $service } 于 { $since } 暂停服务之前的记录，已非现状）

## 事实的标签

fact-label-status = 状态
fact-label-regulation = 监管
fact-label-sanctions = 制裁
fact-label-war = 战争
fact-label-business = 商业
fact-label-note = 说法不一
fact-label-figures = 数据
figure-library = 片库规模
figure-price = 美元月费
figure-dated = { $label }（{ $when }）
figure-library-total = 共 { $total } 部作品
figure-library-split = 共 { $total } 部作品：剧集 { $tv } 部，电影 { $movies } 部
plan-basic = 基础版
plan-standard = 标准版
plan-premium = 高级版

## /titles

titles-origin-needs-country = `origin:` 需要填一个国家。
unknown-country = 我不知道叫“{ $input }”的国家。
titles-none = 没有符合这些筛选条件的作品。
titles-without = 去掉其中一个条件：{ $list }。
titles-relaxation = 不限{ $filter }时有 { $count } 部
filter-origin = 出品国家
filter-type = 类型
filter-service = 平台
filter-genre = 题材
filter-year = 年份
filter-added = 上线年份
filter-director = 导演
filter-cast = 演员
filter-query = 关键词
titles-prime-origin = （Prime Video 的数据只为 7% 的作品注明了出品国家。）
titles-past-end = 第 { $page } 页超出了范围：{ $total } 部作品只有 { $pages } 页。
titles-count-movie = 共 { $total } 部{ $filters }电影{ $scope }
titles-count-tv = 共 { $total } 部{ $filters }剧集{ $scope }
titles-count-any = 共 { $total } 部{ $filters }作品{ $scope }
# 中文把筛选条件放在“共 N 部”之后、名词之前（题材、导演、演员、关键词），平台与年份放在后面。
titles-in-genre = 题材为“{ $genre }”的
titles-directed-by = 由 { $name } 执导的
titles-with-cast = 有 { $name } 出演的
titles-matching = 与“{ $query }”相关的
titles-from = { $place }
titles-on = 在 { $service } 上
titles-released = ，发行于 { $years } 年
titles-added = ，上线于 { $years } 年
titles-released-from = ，发行于 { $year } 年及以后
titles-released-until = ，发行于 { $year } 年及以前
titles-added-from = ，上线于 { $year } 年及以后
titles-added-until = ，上线于 { $year } 年及以前
titles-added-month = ，上线于 { $months }
titles-added-month-from = ，上线于 { $month }及以后
titles-added-month-until = ，上线于 { $month }及以前
month-year = { $year }年{ $name }
month-span = { $from }至{ $to }
year-said = { $years } 年
titles-relative = “{ $words }”按本数据最新上线日期（{ $date }）算作 { $span }。
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
titles-showing = 第 { $first }–{ $last } 部（第 { $page } 页，共 { $pages } 页）。
titles-list-showing = { $what }。第 { $first }–{ $last } 部（第 { $page } 页，共 { $pages } 页）。
titles-newest-first = 最新上线的排在前面。
titles-undated = 其中 { $count } 部在数据中没有上线日期。
titles-origin-note = 出品国家指作品在哪里制作，而不是在哪里能看。

## /title

title-added-alone = { $service } 上，上线于 { $date }
title-added-in-list = { $service }（上线于 { $date }）
title-service-alone = { $service } 上
title-services = { $list } 上
title-on = { $title }在 { $listing }。
title-not-on = { $title }不在 { $asked } 上，而是在 { $listing }。
title-also-on = 也在 { $others }。
title-not-found = 这些片库（{ $catalogues }）里没有“{ $name }”。
title-closest-names = 最接近的名字：{ $list }。
title-closest-match = 与“{ $name }”最接近的是 { $found }。
title-others-same = 同名的其他作品：{ $list }。
title-others-close = 名字相近的其他作品：{ $list }。
title-in-place-available = { $title }在 { $service } 上，{ $service } 在{ $place }可以使用。
title-in-place-available-elsewhere = { $title }在 { $service } 上，{ $service } 在{ $place }可以使用：数据中没有记录那里有任何限制。
title-not-on-short = { $title }不在 { $asked } 上。
title-in-place-unavailable = { $title }在 { $service } 上，但 { $service } 在{ $place }不可用。
title-in-place-suspended-since = { $title }在 { $service } 上，但 { $service } 于 { $since } 暂停了在{ $place }的服务。
title-in-place-suspended = { $title }在 { $service } 上，但 { $service } 已暂停在{ $place }的服务。
title-in-place-unknown = { $title }在 { $service } 上，但我不知道 { $service } 在{ $place }能否使用：我掌握的来源对此没有说法。
title-in-place-each = 在{ $place }：{ $list }。
title-in-place-each-available = { $service } 可以使用
title-in-place-each-unavailable = { $service } 不可用
title-in-place-each-suspended-since = { $service } 于 { $since } 暂停了服务
title-in-place-each-suspended = { $service } 已暂停服务
title-in-place-each-unknown = 不知道 { $service } 能否使用
title-in-place-caveat = 数据集没有列出每个国家的片库里有哪些作品，所以{ $place }的 { $services } 不一定有这部作品。
title-in-place-one-available = 在我收录的平台中，只有 { $list } 在{ $place }可以使用。
title-in-place-others-available = 在我收录的平台中，{ $list } 在{ $place }可以使用。
title-in-place-none-available = 我收录的平台中，没有一个已知在{ $place }可以使用。
title-in-place-why-below = 有出处的原因见下。
titles-watch-caveat = 只列出在{ $place }可以使用的平台（{ $services }）上的作品；数据集没有列出每个国家的片库里有哪些作品。
titles-watch-service-not-there = 没有资料表明 { $service } 在{ $place }可以使用，所以不列出它的作品。

## 自由提问与 /ask

search-what-in-documents = 要在文档里找什么？例如“这篇文章对审查是怎么说的？”
search-nothing = 文档和作品中都没有与“{ $query }”匹配的内容。可以试试 /why-not <地方>、/titles origin:<国家> 或 /title <片名>。
search-documents = 文档中有 { $passages } 段与“{ $query }”匹配。
search-both = 有 { $passages } 段文档和 { $titles } 部作品与“{ $query }”匹配。

## /map

map-no-facts = 我没有关于 { $service } 可用情况的有来源资料，所以无法画出它的地图。
map-no-figures = 我没有 { $service } 按国家统计的数据：现有的数据只有 Netflix 的（2021 年 12 月），在数据文件夹里有 netflix_subscription_fee_dec2021.csv 时从中读取。
map-figure-library = 片库规模
map-figure-price = 标准版美元月费
map-figure = { $service } 在 { $count } 个地方的{ $figure }。
map-figure-dated = { $service } 在 { $count } 个地方的{ $figure }（{ $when }）。
map-where = { $service } 的可用地区（依据有来源的资料）。
map-where-newest = { $service } 的可用地区（依据有来源的资料，最新一条：{ $date }）。

## 用法错误（按输入的命令）

usage-ask-me = 问我点什么吧。
usage-empty-command = 请在斜杠后面输入命令。
usage-no-command = 没有 /{ $name } 这个命令。试试 /why-not、/titles、/new、/title 或 /help。
usage-no-option = /{ $command } 没有 `{ $key }` 这个选项；你是不是想用 `{ $close }:`？它的选项有 { $options }。
usage-given-twice = `{ $key }` 给了两次。
usage-needs-value = `{ $key }:` 需要一个值。
usage-unknown-service = 没有 `{ $value }` 这个平台：请用 netflix、prime、disney 或 hulu。
usage-bad-years = `{ $value }` 不是年份，也不是年份范围（请写 2019 或 2010-2020）。
usage-bad-added = `{ $value }` 不是年份、月份，也不是它们的范围（请写 2021、2021-09、2019-2021 或 2019..）。
usage-unknown-sort = 没有 `{ $value }` 这种排序：请用 relevance、year、title 或 added。
usage-unknown-type = 没有 `{ $value }` 这种类型：请用 movie 或 tv。
usage-bad-page = `page:{ $value }` 必须是从 1 起的数字。
usage-unknown-figure = 没有 `{ $value }` 这项数据：请用 library 或 price。
usage-map-words = /map 接受一个平台和一项数据，例如 /map disney 或 /map netflix library；`{ $word }` 两者都不是。
usage-ask-needs-question = /ask 需要一个问题。
usage-title-needs-name = /title 需要一个片名，例如 /title 流浪地球
usage-country-once = 国家只需给一次：/new netflix kr 或 /new origin:kr
usage-place-once = 地方只需给一次：/why-not 中国 或 /why-not place:中国
usage-why-not-needs-place = /why-not 需要一个地方，例如 /why-not 中国

## /help

help-text =
    /why-not <地方> [平台]        某个平台（默认 Netflix）在某地能否使用、为什么
                                 例如 /why-not 中国 · /why-not 俄罗斯 netflix · /why-not china
    /titles [选项]               数据集中的作品，每页 10 部，给出准确总数
        origin:<国家>  type:movie|tv  service:netflix|prime|disney|hulu  genre:<题材>
        year:2019 或 year:2010-2020  added:2021  director:<姓名>  cast:<姓名>  query:<关键词>
        sort:relevance|year|title|added  place:<你在哪里看>  page:<页码>
                                 例如 /titles origin:cn type:movie · /titles director:"Bong Joon Ho"
    /new [平台] [出品国家] [类型]   最新上线的排在前面，例如 /new hulu · /new netflix kr tv
    /title <片名> [平台] [place:地点]  一部作品的资料卡和在哪里能看；有小错字也没关系；
                                 给出地点时，说明在那里能不能看、不能的话为什么
    /map [平台] [数据]            某个平台在世界上哪些地方可用的地图，例如 /map disney；
                                 figure:library|price 按国家显示 Netflix 的片库规模或价格（2021 年 12 月）
    /top [类型] [依据] [年份] [全球] [顺序] [地点]   Netflix 公布的观看最多的作品（2025 年 1–6 月），
                                 或哪里的 Netflix 最便宜、最贵、片库最大（2021 年 12 月），例如
                                 /top type:tv · /top by:price_standard order:lowest · /top by:price_basic place:US,India
    /settings [region:<地点>] [services:<平台>] [language:auto|en|zh]   记住你在哪里看、有哪些
                                 平台：之后问作品就按你的地区回答，service:mine（或“我的平台”）
                                 只列出你的平台上的作品；/settings forget 全部删除
    /help                        显示这段说明
    其他内容都当作自由提问，中文英文都可以：“为什么中国不能看Netflix”“流浪地球在哪里看”
    “韩国电影”“Netflix最新的韩剧”“why can't I watch Netflix in Russia?”
    “Korean movies on Prime Video”“films directed by Bong Joon Ho”
    “网飞上最受欢迎的剧”“哪个国家的网飞最便宜”。

# /settings：机器人记住的关于提问者的设置。
settings-usage = 请这样写 /settings：region:<地点> services:<平台列表> language:auto|en|zh；或用 /settings forget 删除关于你的全部记录。
settings-forget-alone = /settings forget 会删除你的设置；请单独使用它，然后再保存新的设置。
settings-bad-language = “{ $value }”不是我能用的语言：auto、en、zh 或 zh-TW。
settings-server-outside = 服务器的默认地区要在该服务器里由管理员设置。
settings-server-refused = 只有能管理本服务器的成员才能设置或清除它的默认地区。
settings-unavailable = 设置暂时无法使用；其他回答都照常可用。请稍后再试。
settings-unavailable-note = （你保存的设置暂时无法读取，这个回答没有用到它们。）
settings-forgot = 已删除关于你的全部记录：地区、平台和语言。
settings-nothing-to-forget = 没有存储任何关于你的记录。
settings-server-forgot = 已清除本服务器的默认地区。
settings-server-nothing = 本服务器没有设置默认地区。
settings-saved = 已保存。
settings-none = 还没有存储任何关于你的设置。告诉我一次你在哪里看、有哪些平台——/settings region:HK services:netflix,disney——之后“鱿鱼游戏在哪里看”这样的问题就会按你的情况回答。
settings-not-set = 未设置
settings-language-auto = 自动（按你的 Discord 语言或提问的语言）
settings-language-en = 英文
settings-language-zh = 简体中文
settings-language-zh-tw = 繁体中文
settings-yours =
    你的地区：{ $region }
    你的平台：{ $services }
    语言：{ $language }
settings-server-region = 本服务器的默认地区：{ $place }（以你自己的地区优先）。
settings-how = 用 /settings region: services: language: 修改，或用 /settings forget 全部删除。只存储你的用户 ID 和这些设置。
title-in-place-your-region = （按你保存的地区{ $place }回答；在问题里写明地点即可询问其他地方。）
title-in-place-server-region = （按本服务器的默认地区{ $place }回答；用 /settings region: 设置你自己的地区。）
title-in-place-flag-region = （按 --region 给出的地区{ $place }回答。）
titles-mine-none = 你还没有告诉我你有哪些平台：先用 /settings services:netflix,disney（netflix、prime、disney、hulu 任选）保存，再问一次。
titles-on-yours = 在你的平台（{ $services }）上
# 机器人没有收录的流媒体平台。
uncovered-name = { $chinese }（{ $name }）
uncovered-service = 我收录的是 { $covered }；{ $service } 不在其中，所以我没有它在哪里可用的资料。
uncovered-documents = 不过我收录的文章提到了 { $service }：
# 目录有多旧：每个关于“最新”或“上线时间”的回答都会说明。
titles-newest-first-as-of = 最新上线的排在前面（本数据最新一部上线于 { $date }）。
titles-data-as-of = 本数据截至 { $date }。
# 会让列表为空、因而没有使用的词。
titles-ignored = 没有用到的词：{ $words }。

## 排行 (/top)
period-same-year = { $year }年{ $from }至{ $to }
rank-value-price = 每月 { $price } 美元
rank-value-views = { $value } 次观看
rank-value-hours = { $value } 小时
rank-value-library = { $value } 部
rank-by-views = 观看次数
rank-by-hours = 观看时长
rank-by-library = 片库规模
rank-by-price_basic = 基本套餐价格
rank-by-price_standard = 标准套餐价格
rank-by-price_premium = 高级套餐价格
rank-what-watched-any = Netflix { $when }观看最多的作品（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-watched-movie = Netflix { $when }观看最多的电影（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-watched-tv = Netflix { $when }观看最多的剧集（按{ $by }）：第 { $first }–{ $last } 名，共 { $total } 部。
rank-what-library-biggest = { $when } Netflix 片库最大的国家：第 { $first }–{ $last } 名，共 { $total } 个国家。
rank-what-library-smallest = { $when } Netflix 片库最小的国家：第 { $first }–{ $last } 名，共 { $total } 个国家。
rank-what-price-highest = { $when } Netflix { $plan }套餐最贵的国家（月费，美元）：第 { $first }–{ $last } 名，共 { $total } 个国家。
rank-what-price-lowest = { $when } Netflix { $plan }套餐最便宜的国家（月费，美元）：第 { $first }–{ $last } 名，共 { $total } 个国家。
rank-what-place-prices = { $when } Netflix 在{ $place }的月费（美元）和片库规模。
rank-what-places-prices = { $when } Netflix 在所问的 { $total } 个国家的月费（美元），按{ $plan }套餐从贵到便宜排列。
rank-what-place-library = { $when } Netflix 在{ $place }的片库规模，以及月费（美元）。
rank-what-places-library = { $when } Netflix 在所问的 { $total } 个国家的片库规模，从大到小，以及月费（美元）。
rank-filters = 只列作品{ $filters }。
rank-globally = ，全球可看
rank-not-globally = ，并非全球可看
rank-kind-movie = 电影
rank-kind-tv = 剧集
rank-row-not-globally = 并非全球可看
rank-row-details = （{ $details }）
rank-row = { $rank }. { $name }{ $details } — { $figures }
rank-footer = 数据：{ $when } · 来源：{ $sources }
rank-cannot-service = 我只有 Netflix 的观看数据（参与度报告），所以说不出 { $service } 上什么最受欢迎。
rank-cannot-service-figures = 我有的价格和片库数据都是 Netflix 的，没有 { $service } 的。
rank-cannot-origin = Netflix 的参与度报告没有写作品的出品国家，所以我没法给来自{ $origin }的作品排名。
rank-cannot-genre = Netflix 的参与度报告没有写题材，所以我没法给{ $genre }作品排名。
rank-cannot-place = Netflix 的参与度报告统计的是全球观看，不分国家，所以我说不出在{ $place }什么最受欢迎。
rank-not-rated = 片单里只有分级（如 TV-MA、PG-13），没有评分，所以我没法按好坏排名；下面是 Netflix 公布的观看最多的作品。
rank-not-rated-alone = 片单里只有分级（如 TV-MA、PG-13），没有评分，所以我没法按好坏排名。
rank-try-both = 可以试试 { $command } 看 Netflix 公布的观看最多的作品，或用 { $titles } 看不排名的列表。
rank-try = 可以试试 { $command }。
rank-unknown-places = 我不认识这个地方：{ $places }。
rank-past-end = 这一页超出范围了：一共 { $pages } 页。
rank-no-figures = 没有加载 Netflix 的价格或片库数据；README 里写了怎么加载。
rank-no-report = 没有加载观看数据：请加载 Netflix 的参与度报告（README 里写了怎么做）。
usage-bad-top = /top 不认识 `{ $key }:{ $value }`（by：views、hours、library、price_basic、price_standard 或 price_premium；globally：yes 或 no；order：highest 或 lowest）。

## /similar
similar-found = 和{ $title }类似的作品（按共同的题材、出品国家、主创和简介用词）：列出 { $count } 部。
similar-on = 只列 { $service } 上的。
similar-none = 这些片单里没有和{ $title }足够相像的作品。
similar-not-found = 这些片单里没有“{ $name }”，所以说不出什么和它类似。
usage-similar-needs-title = /similar 需要一个片名，例如 /similar 寄生虫
