# Shared words. Every key here must also be in ../zh-CN/core.ftl, with the same placeholders
# (tests/locales.rs checks).
lang-name = English
page-of = Page { $page } of { $pages }
