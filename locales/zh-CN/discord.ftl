# Discord 中显示的斜杠命令：名称、说明（最多 100 个字符）、选项和选项值。名称不含空格。
cmd-why-not = 为什么看不了
cmd-why-not-desc = 为什么某地看不了某个流媒体平台？现状、有出处的事实和原文引用。
cmd-why-not-place = 地点
cmd-why-not-place-desc = 国家或地区：名称、代码或中文名（中国、CN、China、克里米亚……）
cmd-why-not-service = 平台
cmd-why-not-service-desc = 流媒体平台（默认 Netflix）
cmd-titles = 片单
cmd-titles-desc = 数据集中的作品：按出品国家、类型、平台、题材、年份筛选；每页 10 部。
cmd-titles-origin = 出品国家
cmd-titles-origin-desc = 出品国家（名称或代码）
cmd-titles-type = 类型
cmd-titles-type-desc = 电影或剧集
cmd-titles-service = 平台
cmd-titles-service-desc = 流媒体平台
cmd-titles-genre = 题材
cmd-titles-genre-desc = 题材，例如 horror（恐怖）、documentaries（纪录片）
cmd-titles-year = 年份
cmd-titles-year-desc = 上映年份，或年份区间，例如 2010-2020
cmd-titles-added = 上线年份
cmd-titles-added-desc = 在平台上线的年份，或年份区间
cmd-titles-director = 导演
cmd-titles-director-desc = 导演全名（按数据中的拼写），例如 Bong Joon Ho
cmd-titles-cast = 演员
cmd-titles-cast-desc = 演员全名（按数据中的拼写），例如 Lee Jung-jae
cmd-titles-query = 关键词
cmd-titles-query-desc = 在片名、简介、演员中查找的词
cmd-titles-sort = 排序
cmd-titles-sort-desc = 结果的排列顺序
cmd-titles-place = 地点
cmd-titles-place-desc = 你在哪里看：只列出在那里可以使用的平台上的作品
cmd-new = 最新
cmd-new-desc = 最新上线：平台最近加入的作品，最新的在前。
cmd-new-service = 平台
cmd-new-service-desc = 流媒体平台（不填则为全部四个）
cmd-new-origin = 出品国家
cmd-new-origin-desc = 出品国家（名称或代码）
cmd-new-type = 类型
cmd-new-type-desc = 电影或剧集
cmd-title = 作品
cmd-title-desc = 查询一部作品：在哪里能看、年份、类型、出品国家、题材、演员。写错几个字也能找到。
cmd-title-name = 名称
cmd-title-name-desc = 作品名称
cmd-title-service = 平台
cmd-title-service-desc = 它在这个平台上吗？
cmd-title-place = 地点
cmd-title-place-desc = 你所在的地方：在那里能看吗？不能的话，为什么？
cmd-map = 地图
cmd-map-desc = 流媒体平台在世界各地是否可用的地图，附图例和出处。
cmd-map-service = 平台
cmd-map-service-desc = 流媒体平台（默认 Netflix）
cmd-map-figure = 数据
cmd-map-figure-desc = 改为按国家显示 Netflix 的数据（2021 年 12 月）
cmd-top = 排行
cmd-top-desc = Netflix 上观看最多的作品，以及哪里的 Netflix 最便宜或最贵，附日期和出处。
cmd-top-type = 类型
cmd-top-type-desc = 电影或剧集
cmd-top-by = 依据
cmd-top-by-desc = 观看次数（默认）、观看时长、片库规模或某个套餐的价格
cmd-top-year = 年份
cmd-top-year-desc = 上映年份，或年份区间，例如 2024-2025
cmd-top-globally = 全球
cmd-top-globally-desc = 只看在所有 Netflix 国家都能看的作品（或只看不能的）
cmd-top-order = 顺序
cmd-top-order-desc = 从高到低（默认）或从低到高（最便宜、最小）
cmd-top-place = 地点
cmd-top-place-desc = 只比较这些国家，例如 美国、印度、土耳其
cmd-top-page = 页
cmd-top-page-desc = 页码
cmd-similar = 类似
cmd-similar-desc = 和你说的作品类似的作品：共同的题材、出品国家、主创和故事用词。
cmd-similar-title = 作品
cmd-similar-title-desc = 要找类似作品的那部作品
cmd-similar-type = 类型
cmd-similar-type-desc = 电影或剧集（默认与该作品相同）
cmd-similar-service = 平台
cmd-similar-service-desc = 只列这个平台上的作品
cmd-ask = 提问
cmd-ask-desc = 用自己的话提问，例如“为什么中国不能看 Netflix？”
cmd-ask-question = 问题
cmd-ask-question-desc = 你的问题
cmd-sources = 数据来源
cmd-sources-desc = streambot 知道什么：文档、数据集、事实，以及索引上次重建的时间。
cmd-help = 帮助
cmd-help-desc = streambot 的用法。
cmd-reindex = 重建索引
cmd-reindex-desc = 管理员：重新读取数据并重建索引，可先添加一个文件。
cmd-reindex-file = 文件
cmd-reindex-file-desc = 要添加的片单 CSV（<service>_titles.csv）或 .txt/.md 文档

choice-netflix = Netflix
choice-prime-video = Prime Video
choice-disney = Disney+
choice-hulu = Hulu
choice-movie = 电影
choice-tv = 剧集
choice-relevance = 相关度
choice-year = 年份
choice-title = 片名
choice-newest-added = 最新上线
choice-library-size = 片库规模
choice-monthly-price = 月费
choice-views = 观看次数
choice-hours-viewed = 观看时长
choice-basic-plan-price = 基本套餐价格
choice-standard-plan-price = 标准套餐价格
choice-premium-plan-price = 高级套餐价格
choice-yes = 是
choice-no = 否
choice-highest-first = 从高到低
choice-lowest-first = 从低到高

# 按钮和简短回复。
button-previous = 上一页
button-next = 下一页
only-the-asker = 只有提问的人才能翻页——请自己运行 /titles 浏览。
slow-down = 你问得太快了，我有点跟不上——请等 { $seconds } 秒再试。
went-wrong = 抱歉，回答时出了点问题。请稍后再试。
help-extra =
    /ask <问题>                  自由提问，和私信一样
    /sources                     机器人知道什么，以及上次重建索引的时间
    /reindex [文件]              管理员：重新读取数据（可先添加一个文件）

    你也可以直接私信我。

# 每个交互出错时也会收到的回复。
error-bad-option = 有个选项我没看懂；/help 里有写法说明。
error-not-allowed = 你没有权限使用这个命令。
error-outdated-command = Discord 发来的是旧版命令——命令刚刚更新过。请过一分钟再试。
error-unknown-command = 我已经没有这个命令了——/help 里列出了我能做的事。

## /reindex, for moderators
reindex-refused = 只有管理员才能重建索引，而且只能在机器人运营者自己的服务器里（在那里拥有“管理服务器”权限或管理员角色，或是机器人所有者）：机器人的数据对所有服务器都一样，其他服务器不能更改。没有做任何改动。
reindex-too-large = `{ $file }` 有 { $size } 字节，上限是 { $limit }。没有做任何改动。
reindex-larger-than = `{ $file }` 超过了 { $limit } 字节的上限。没有做任何改动。
reindex-download-failed = 无法从 Discord 下载这个文件。没有做任何改动。
reindex-no-data-dir = 没有配置数据目录。没有做任何改动。
reindex-added-titles = 已添加 `{ $path }`：{ $service } 的 { $rows } 部作品。
reindex-added-document = 已添加 `{ $path }`：一篇 { $paragraphs } 段的文档。
reindex-upload-refused = `{ $file }` 未被接受：{ $why }
    没有做任何改动。
reindex-failed = 重建索引失败：{ $why }。仍在使用之前的数据和索引。
reindex-why-unopenable = 新索引无法打开（详情见日志）
reindex-why-busy = 这个索引正在由另一个重建任务处理（进程 { $pid }）；请等它完成后再试
reindex-why-busy-unknown = 这个索引正在由另一个重建任务处理；请等它完成后再试
reindex-why-stopped = 重建在完成前中断了（详情见日志）
reindex-progress = 正在重建索引… { $percent }%（{ $total } 条记录中已完成 { $done } 条，已用 { $seconds } 秒）。回答仍来自当前索引。
reindex-done = 索引已重建，用时 { $seconds } 秒：{ $titles } 部作品、{ $passages } 个段落、{ $facts } 条事实，来自 { $files } 个文件。
reindex-no-skips = 没有跳过任何行（修复 { $repaired } 行，合并 { $merged } 行）。
reindex-skipped = 跳过了 { $count } 行：
reindex-over-http = 这个服务器通过多个副本回答命令，每个副本都有自己的索引，所以无法在这里用 /reindex 重建它们。请在每个副本上运行 `streambot index`（见 README 的 Deployment 一节）：每个副本会在几秒内改用新索引，无需重启。没有做任何改动。

# /sources：索引里有什么。
sources-title = streambot 知道什么
sources-summary = { $titles } 部作品、{ $passages } 段文档和 { $facts } 条事实。上次重建于 { $when }，用时 { $ms } 毫秒（修复 { $repaired } 行，跳过 { $skipped } 行，合并 { $merged } 行）。
sources-document = 文档：{ $title }
sources-document-detail = `{ $file }` · { $paragraphs } 段 · { $bytes } 字节
sources-file = { $kind } · { $rows } 行
sources-kind-titles = 片单
sources-kind-facts = 事实
sources-kind-figures = 数据
sources-kind-metadata = 文档元数据

# /reindex 拒绝上传的原因（接在“被拒绝：”之后）。
upload-too-large = 文件有 { $size } 字节，上限是 { $limit } 字节
upload-empty = 文件是空的
upload-not-text = 文件不是 UTF-8 文本
upload-unsupported-name = 只能添加名为 `<平台>_titles.csv` 的片单 CSV（例如 `netflix_titles.csv`）和 `.txt`/`.md` 文档
upload-too-many-columns = 这个 CSV 有 { $columns } 列；片单 CSV 最多 { $limit } 列
upload-cell-too-long = 第 { $line } 行有一个 { $bytes } 字节的单元格；上限是 { $limit } 字节
upload-no-rows = 文件里没有可用的行：
upload-bad-rows = 文件里有无法读取的行：
upload-io = 无法写入文件（原因见日志）
upload-over-budget = 上传目录已有 { $used } 字节；加上这个文件会超过 { $budget } 字节的上限（UPLOAD_BUDGET_MB）
# 上传或重建时修复或跳过的一行。
reindex-line = 第 { $line } 行：{ $detail }

cmd-settings = 设置
cmd-settings-desc = 记住你的地区、平台和语言（只有你能看到）；forget 可删除。
cmd-settings-region = 地区
cmd-settings-region-desc = 你在哪里看：国家或地区（香港、HK、Hong Kong）；填 none 清除
cmd-settings-services = 平台
cmd-settings-services-desc = 你有的平台，例如 netflix, disney（或 all、none）
cmd-settings-language = 语言
cmd-settings-language-desc = 我回答你时用的语言
cmd-settings-server_region = 服务器地区
cmd-settings-server_region-desc = 管理员：本服务器成员未设置地区时使用的默认地区
cmd-settings-forget = 删除
cmd-settings-forget-desc = 删除已存储的内容：关于你的全部记录，或本服务器的地区
choice-my-services = 我的平台
choice-automatic = 自动
choice-english = 英文
choice-simplified-chinese = 简体中文
choice-traditional-chinese = 繁体中文
choice-everything-about-me = 关于我的全部记录
choice-this-servers-region = 本服务器的地区
