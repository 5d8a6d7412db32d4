# Generated from locales/zh-CN/core.ftl by tools/zh-tw/convert.py (OpenCC s2twp); edit zh-CN and re-run.
# 通用詞語。每個鍵都必須與 ../en-US/core.ftl 對應，佔位符相同（tests/locales.rs 檢查）。
lang-name = 中文
page-of = 第 { $page } 頁，共 { $pages } 頁
