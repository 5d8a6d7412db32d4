# 通用词语。每个键都必须与 ../en-US/core.ftl 对应，占位符相同（tests/locales.rs 检查）。
lang-name = 中文
page-of = 第 { $page } 页，共 { $pages } 页
