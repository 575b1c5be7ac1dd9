"""Overview page: growth, animated map, anniversaries, top lists, exports and briefing mode."""

TEXTS: dict[str, tuple[str, str]] = {
    # Figure titles and the note baked into every figure
    "fig.headline": ("友好城市概况", "Sister cities at a glance"),
    "fig.growth": ("友好城市数量逐年累计", "Sister-city pairs over time"),
    "fig.growth_map": ("友城网络逐年扩展", "The network growing year by year"),
    "fig.growth_map_today": ("目前的友城网络", "The network today"),
    "fig.top_cities": ("友城最多的广西城市", "Guangxi cities with the most pairs"),
    "fig.top_countries": ("友城最多的伙伴国家", "Partner countries with the most pairs"),
    "fig.note": (
        "数据截至 {date} · 来源：{source} · {filter}",
        "As of {date} · Source: {source} · {filter}",
    ),
    "fig.share": (
        "官方公布 {official} 对友城中的 {shown} 对（{date}）",
        "{shown} of the {official} {official:pair|pairs} officially reported ({date})",
    ),
    "fig.source": ("公开资料整理，逐对注明出处", "public sources, each pair cited"),
    "fig.source_fictional": ("虚构数据，并非真实友城", "fictional data, not real pairs"),
    "kpi.help": ("数据截至 {date}。来源：{source}", "As of {date}. Source: {source}"),
    "kpi.level_line": ("按级别：{items}", "By level: {items}"),
    "completeness.source": ("官方数字来源：{url}", "Source of the official figure: {url}"),
    "filter.choose": ("请选择", "Choose options"),
    # Growth
    "ov.growth.header": ("增长历程", "Growth over time"),
    "ov.growth.split": ("分组方式", "Split by"),
    "ov.split.none": ("合计", "Total"),
    "ov.split.continent": ("按大洲", "By continent"),
    "ov.split.level": ("按级别", "By level"),
    "ov.growth.undated_note": (
        "另有 {count} 对友城日期不详：单独列在右侧，不计入逐年曲线。",
        "{count} more {count:pair|pairs} {count:has|have} no known date: shown apart on the "
        "right, not in the yearly curve.",
    ),
    "ov.growth.no_dates": (
        "当前筛选下没有日期已知的友城。",
        "No pair in this selection has a known date.",
    ),
    "growth.series": ("本数据集中的友城", "Pairs in this dataset"),
    "growth.other": ("未知大洲", "Continent unknown"),
    "growth.hover": ("{name}：{pairs} 对（{year} 年底）", "{name}, end of {year} · pairs: {pairs}"),
    "growth.undated": ("日期不详", "Undated"),
    "growth.undated_series": ("日期不详的友城", "Pairs with unknown dates"),
    "growth.undated_hover": ("日期不详：{pairs} 对", "Undated · pairs: {pairs}"),
    "growth.axis_pairs": ("友城对数", "Pairs"),
    "growth.axis_year": ("年份", "Year"),
    "growth.official": ("官方公布总数", "Official totals"),
    "growth.official_hover": (
        "官方公布（{date}）：{pairs} 对",
        "Officially reported ({date}) · pairs: {pairs}",
    ),
    "growth.milestone": ("{date}：{pairs} 对", "{date}: {pairs} {pairs:pair|pairs}"),
    "growth.first": ("（首对）", " (first pair)"),
    "growth.founding": ("（职教联盟成立）", " (alliance founded)"),
    # Animated map
    "ov.map.header": ("网络扩展动画", "How the network grew"),
    "ov.map.help": (
        "点击“播放”逐年回放友城网络的形成；拖动滑块查看某一年。",
        "Press Play to watch the network form year by year; drag the slider to see one year.",
    ),
    "ov.map.animate": ("逐年播放", "Year by year"),
    "ov.map.animate_help": (
        "打开后地图带上每一年的画面、播放按钮和年份滑块。动画只在打开时生成，页面因此在手机上加载更快。",
        "Adds a picture for every year, a play button and a year slider. The animation is "
        "built only when switched on, so the page loads faster on phones.",
    ),
    "ov.map.static_help": (
        "地图显示目前的友城网络。打开“逐年播放”，可逐年回放它的形成。",
        "The map shows the network today. Switch on “Year by year” to replay how it formed.",
    ),
    "ov.map.unlocated": (
        "{count} 对友城缺少坐标，地图上未画出（表格中仍列出）。",
        "{count} {count:pair|pairs} {count:lacks|lack} coordinates and {count:is|are} not drawn "
        "(the tables still list them).",
    ),
    "growth.map_countries": ("伙伴国家", "Partner countries"),
    "growth.map_pairs": ("友城关系", "Pairs"),
    "growth.map_partners": ("外方城市", "Partner places"),
    "growth.map_home": ("广西一方", "Guangxi side"),
    "growth.map_with_undated": ("含日期不详", "+ undated"),
    "growth.map_year": ("年份：", "Year: "),
    "growth.map_aggregated": (
        "友城超过 {limit} 对时，地图（及每年的画面）中每个伙伴国家只画一条线"
        "（该国最早的一对），以保持流畅。",
        "Above {limit} {limit:pair|pairs} the map (and each year's picture) draws one line per "
        "partner country (its first pair), to stay fluent.",
    ),
    "growth.play": ("▶ 播放", "▶ Play"),
    "growth.pause": ("❚❚ 暂停", "❚❚ Pause"),
    # Anniversaries
    "ov.anniv.header": ("周年纪念规划", "Anniversary planner"),
    "ov.anniv.mode": ("时间范围", "Period"),
    "ov.anniv.next12": ("未来 12 个月", "Next 12 months"),
    "ov.anniv.year": ("指定年份", "A chosen year"),
    "ov.anniv.pick_year": ("年份", "Year"),
    "ov.anniv.count": (
        "{first} 至 {last}：{count} 对友城迎来逢五周年（5、10、15……年）。",
        "{first} to {last}: {count} {count:pair|pairs} {count:reaches|reach} a multiple of five "
        "years (5, 10, 15, ...).",
    ),
    "ov.anniv.none": (
        "{first} 至 {last} 没有逢五周年的友城。",
        "No pair reaches a multiple of five years between {first} and {last}.",
    ),
    "anniv.during_year": ("（年内，具体日期不详）", "(during the year; exact date unknown)"),
    "anniv.col.date": ("周年日期", "Anniversary"),
    "anniv.col.years": ("周年", "Years"),
    # Top lists
    "ov.top.header": ("排行", "Top lists"),
    "top.ties_rule": (
        "排行列出前几名，并列最后一名者全部列出；对数相同者按代码"
        "（国家的 ISO3 代码、地点编号）排序，中英文相同。",
        "The lists show the top places and every item tied with the last of them; items with "
        "the same number of pairs are ordered by code (a country's ISO3 code, a place's id), "
        "the same in both languages.",
    ),
    "top.hover": ("{name}：{pairs} 对", "{name} · pairs: {pairs}"),
    # Tables
    "tbl.home": ("广西一方", "Guangxi side"),
    "tbl.partner": ("外方", "Partner"),
    "tbl.country": ("国家", "Country"),
    "tbl.continent": ("大洲", "Continent"),
    "tbl.level": ("级别", "Level"),
    "tbl.established": ("结好日期", "Established"),
    "tbl.status": ("状态", "Status"),
    "tbl.confidence": ("可信度", "Confidence"),
    "tbl.source": ("来源", "Source"),
    # Downloads and settings
    "dl.header": ("导出", "Exports"),
    "dl.pairs": ("当前筛选下的友城（{count} 对）", "Pairs in the current selection ({count})"),
    "dl.csv": ("下载 CSV", "Download CSV"),
    "dl.xlsx": ("下载 Excel (XLSX)", "Download Excel (XLSX)"),
    "dl.csv_help": (
        "UTF-8（带 BOM），Excel 可直接打开中文；以 = + - @ 开头的单元格已转为文本。",
        "UTF-8 with BOM, so Excel shows Chinese; cells starting with = + - @ are kept as text.",
    ),
    "dl.image_format": ("图表下载格式", "Chart download format"),
    "dl.image_help": (
        "图表右上角的相机按钮下载图片：PNG 为屏幕分辨率的 3 倍；SVG 为矢量图。",
        "The camera button above each chart downloads it: PNG at three times screen "
        "resolution, or SVG (vector).",
    ),
}
