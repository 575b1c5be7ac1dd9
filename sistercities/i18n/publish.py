"""Texts of the static public edition (``python -m sistercities publish``)."""

TEXTS: dict[str, tuple[str, str]] = {
    "pub.lang_link": ("English 英文版", "中文版"),
    "pub.nav_label": ("页面", "Pages"),
    "pub.static_note": (
        "静态公开版，生成于 {date}：显示全部数据，不含筛选。图表可悬停查看、拖动缩放，"
        "点击图例可隐藏或显示系列。",
        "Static public edition, made on {date}: all the data, no filters. Hover over a chart "
        "for details, drag to zoom, tap a legend item to hide or show it.",
    ),
    "pub.map.closeup_caption": (
        "各设区市按友城对数着色（含所辖县的友城）；橙色圆点为县级友城。自治区本级的 {count} 对"
        "不属于任何设区市，未计入。",
        "Each prefecture-level city is shaded by its pairs (its counties' included); orange "
        "dots mark county-level pairs. The region's own {count} {count:pair|pairs} "
        "{count:belongs|belong} to no prefecture and {count:is|are} not counted.",
    ),
    "pub.network.top": ("友城最多的地方与国家", "Most connected places and countries"),
    "pub.data.title": ("友城数据与来源", "The pairs and their sources"),
    "pub.data.caption": (
        "全部 {count} 对友城（含已终止的），每对注明来源与可信度；来源或可信度不详的写明“不详”。",
        "All {count} {count:pair|pairs} (ended ones included), each with its source and "
        "confidence; where either is not known the table says so.",
    ),
    "pub.credits_software": (
        "图表：plotly.js（MIT 许可）。本网站为静态文件，不向任何外部网站发出请求。",
        "Charts: plotly.js (MIT licence). This site is static files and asks no other site for "
        "anything.",
    ),
    "pub.unknown": ("不详", "unknown"),
    "pub.error.no_data": (
        "数据文件夹 {folder} 未通过校验，未生成任何文件：",
        "The data folder {folder} failed validation; nothing was written:",
    ),
    "pub.error.out_is_file": (
        "输出位置是文件，不是文件夹：{path}",
        "The output is a file, not a folder: {path}",
    ),
    "pub.error.out_not_site": (
        "输出文件夹 {path} 不为空且不是本命令生成的网站；请换一个文件夹或先清空它。",
        "The output folder {path} is not empty and is not a site this command wrote; "
        "choose another folder or empty it first.",
    ),
    "pub.error.write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "pub.error.missing_asset": (
        "缺少所需文件 {path}",
        "A file the site needs is missing: {path}",
    ),
    "pub.written": (
        "已生成静态网站：{path}（{count} 个页面）",
        "Static site written to {path} ({count} {count:page|pages})",
    ),
}
