"""Texts of the meeting-room deck (presentation mode and the one-file deck)."""

TEXTS: dict[str, tuple[str, str]] = {
    "deck.slide.headline": (
        "广西国际友好城市：总体情况与增长",
        "Guangxi's sister cities: totals and growth",
    ),
    "deck.slide.world": ("世界地图：全部友好城市结对", "World map: every sister-city pair"),
    "deck.slide.asean": ("东南亚与东盟", "Southeast Asia and ASEAN"),
    "deck.slide.guangxi": ("广西各市：友好城市结对", "Guangxi's cities: sister-city pairs"),
    "deck.slide.network": ("友好城市网络图", "The sister-city network"),
    "deck.asean_share": (
        "东盟国家结对 {pairs} 对，占全部 {count} 对的 {share}",
        "ASEAN pairs: {pairs}, {share} of {count:pair|pairs}",
    ),
    "deck.legend.other_pairs": ("其他结对（{count}）", "Other pairs ({count})"),
    "deck.ties": ("院校合作（随友城结对）", "College ties on sister-city pairs"),
    "deck.callout": ("{count} 对友好城市：", "{count} {count:pair|pairs}:"),
    "deck.callout_more": ("等，另有 {count} 个", "and {count} more"),
    "deck.play": ("播放年份", "Play the years"),
    "deck.prev": ("上一页", "Previous"),
    "deck.next": ("下一页", "Next"),
    "deck.counter": ("第 {number} / {total} 页", "Slide {number} of {total}"),
    "deck.keys": (
        "← → / PageUp PageDown 翻页 · Home End · 数字键跳转 · P 播放",
        "← → / PageUp PageDown · Home End · digits jump · P plays",
    ),
    "deck.exit": ("退出演示", "Leave the deck"),
    "deck.enter": ("演示模式（全屏幻灯片）", "Presentation mode (full-screen slides)"),
    "deck.download": ("下载离线演示文件（HTML）", "Download the offline deck (HTML)"),
    "deck.download_help": (
        "一个 HTML 文件，包含全部幻灯片、图表库和地图数据：无网络也可在浏览器中打开，方向键翻页。",
        "One HTML file with every slide, the chart library and the map data: opens in a browser "
        "without a network; arrow keys turn the slides.",
    ),
    "deck.offline_note": (
        "离线演示文件：方向键、PageUp/PageDown、Home/End 或数字键翻页，P 播放年份。",
        "Offline deck: arrow keys, PageUp/PageDown, Home/End or digits turn the slides; "
        "P plays the years.",
    ),
    "deck.written": ("已写入 {path}（{count} 页）", "Wrote {path} ({count} slides)"),
    "deck.bad_query": ("忽略的查询参数：{items}", "Ignored query parameters: {items}"),
}
