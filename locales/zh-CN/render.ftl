# src/render/ 与控制台自己写的文字。每个键都必须与 ../en-US/render.ftl 对应，占位符相同
# （tests/locales.rs 检查）。

## 状态
render-badge-available = ✅ 可用
render-badge-unavailable = 🚫 不可用
render-badge-suspended = ⏸️ 已暂停
render-badge-unknown = ❔ 未知
# 终端里 why-not 回答前的 [标记]。
render-tag-available = 可用
render-tag-unavailable = 不可用
render-tag-suspended = 已暂停
render-tag-unknown = 未知
render-status-available = 可用
render-status-unavailable = 不可用
render-status-suspended = 已暂停
render-status-unknown = 未知

## 嵌入消息
render-why-not-title = { $service } 在{ $place }：{ $badge }
render-other-services = 此地的其他服务：{ $commands }
render-also = 你也可能想问：{ $commands }
render-from-documents = 文档原文
render-why-not-footer = 事实均注明来源；引文与已索引文档的原文逐字一致。/sources 列出全部来源。
render-since = { $label }（自 { $since } 起）
render-source-line = 来源：{ $sources }
render-document = 文档 { $id }
render-document-paragraph = 文档 { $id } ¶{ $paragraph }
render-citation-bytes = 字节 { $start }–{ $end }
render-titles-title = 作品
render-titles-footer = 第 { $page } 页，共 { $pages } 页 · { $total } 部作品 · { $query }
render-title-title = 作品
render-search-title = 搜索
render-not-found-title = 未找到
render-help-title = streambot 帮助
render-more-not-shown = …另有 { $count } 项未显示
render-also-known-as = 又名 { $aka }

## 作品
render-kind-movie = 电影
render-kind-tv = 剧集
render-card-aka = 又名
render-card-type = 类型
render-card-movie = 电影
render-card-tv = 剧集
render-card-origin = 出品国家/地区
render-card-genres = 题材
render-card-rating = 分级
render-card-duration = 时长
render-card-director = 导演
render-card-cast = 演员
render-card-on = 上架平台
render-card-added-on = { $service }（{ $date } 上架）
render-card-sources = 来源
render-card-footer = 编号 { $id }

## 终端
render-text-aka = 又名
render-text-genres = 题材
render-text-rating = 分级
render-text-duration = 时长
render-text-director = 导演
render-text-cast = 演员
render-text-added = 上架
render-text-added-on = { $service }（{ $date }）
render-text-about = 简介
render-text-sources = 来源
render-text-id = 编号
render-text-not-found = 未找到：{ $message }
render-text-facts = 事实：
render-text-fact-source = 来源：{ $source }
render-text-from-documents = 文档原文：
render-text-more = 更多：加上 page:{ $page } 查看下一页。
render-text-not-available = 不可用
render-text-suspended = 已暂停
render-text-unknown = 未知
render-text-elsewhere = 其他地方：{ $status }

## 地图
render-map-title = 地图
render-map-availability-title = { $service } 可用情况 · 最新事实日期 { $date }
render-map-undated = 无日期
render-map-figure-title = { $service }：各国{ $figure }，{ $date }
render-map-figure-library = 片库规模（作品数）
render-map-figure-price = 标准套餐月费（美元）
render-map-date-unknown = 日期不详
render-map-legend-available = 可用
render-map-legend-unavailable = 不可用
render-map-legend-suspended = 已暂停
render-map-legend-unknown = 未知（无来源）
render-map-legend-no-figure = 无数据
render-map-legend-by-status = 各状态的地方数
render-map-legend-per-band = 各区间的地方数
render-map-since = { $place }（自 { $since } 起）
render-map-source-facts = 事实：streambot 的 data/countries.csv 中的 { $count } 个来源（/why-not <地方> 会引用它们）
render-map-source-figures = 数据：{ $name }（{ $source }）
render-map-source-line = { $facts } · 国界形状：Natural Earth（公有领域）· Equal Earth 投影
render-map-field-unavailable = 🚫 不可用
render-map-field-suspended = ⏸️ 已暂停
render-map-field-unknown = ❔ 未知
render-map-field-count = { $name }（{ $count }）
render-map-and-more = …另有 { $count } 个
render-map-elsewhere-available = 可用
render-map-elsewhere-unavailable = 不可用
render-map-elsewhere-suspended = 已暂停
render-map-elsewhere-unknown = 未知：没有来源涉及这些地方
render-map-elsewhere = 此处未列出的其他地方：{ $status }。用 `/why-not <地方> { $service }` 查看事实及其来源。
render-map-highest = 最高
render-map-lowest = 最低
render-map-figures-dated = 这些数据来自 2021 年 12 月：反映的是当时的片库，而非现在（Netflix 已于 2022 年 3 月暂停在俄罗斯的服务）。
render-map-alt-start = 世界地图。{ $title }。
render-map-alt-darker = 颜色越深，数值越高。
render-map-alt-count = { $label }：{ $count } 个地方

## 控制台
console-welcome = streambot 控制台——像私信一样提问：/why-not china、/titles origin:cn type:movie、/title 流浪地球，或直接用中文提问。/help 查看更多，/quit 退出。
console-not-utf8 = 这一行不是有效的 UTF-8 文本。
console-failed = 抱歉，回答时出了问题，请再试一次。
console-map-saved = 地图已保存到 { $path }
console-map-failed = 抱歉，地图无法绘制或保存。
render-settings-title = 你的设置

render-ranking-title = 排行
