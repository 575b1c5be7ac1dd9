"""Texts of the official-list import (data page and command line)."""

TEXTS: dict[str, tuple[str, str]] = {
    # Table problems
    "imp.no_column.home": (
        "找不到中方城市（广西一方）列：请在“列对应”中选择",
        "no column for the Guangxi side was found: choose it under 'Columns'",
    ),
    "imp.no_column.partner": (
        "找不到外方城市列：请在“列对应”中选择",
        "no column for the partner was found: choose it under 'Columns'",
    ),
    "imp.column_twice": (
        "第 {column} 列被选作两个字段",
        "column {column} is chosen for two fields",
    ),
    "imp.bad_date": ("无法识别的日期：{value}", "unreadable date: {value}"),
    # Certainty and method
    "imp.certainty.exact": ("完全匹配", "exact"),
    "imp.certainty.alias": ("别名匹配", "alias"),
    "imp.certainty.fuzzy": ("近似匹配（待确认）", "fuzzy (to confirm)"),
    "imp.certainty.ambiguous": ("多个可能（待选择）", "ambiguous (to choose)"),
    "imp.certainty.unresolved": ("未能识别", "unresolved"),
    "imp.method.existing": ("现有地点", "place in the data"),
    "imp.method.admin1": ("一级行政区（置于首府）", "first-level division (at its capital)"),
    "imp.method.geonames": ("GeoNames 地名库", "GeoNames"),
    "imp.method.fuzzy": ("近似拼写", "close spelling"),
    "imp.method.none": ("无", "none"),
    "imp.method.editor": ("编辑人员指定", "chosen by the editor"),
    "imp.method.guangxi_units": ("广西行政区划表", "Guangxi units table"),
    # Columns of the resolution table
    "imp.col.row": ("行", "Row"),
    "imp.col.certainty": ("匹配程度", "Certainty"),
    "imp.col.home": ("中方（广西）", "Guangxi side"),
    "imp.col.country": ("国家", "Country"),
    "imp.col.partner": ("外方", "Partner"),
    "imp.col.method": ("外方识别方式", "Partner found by"),
    "imp.col.coords": ("坐标", "Coordinates"),
    "imp.col.date": ("结好日期", "Date"),
    "imp.col.level": ("级别", "Level"),
    # Fields of the mapping
    "imp.field.seq": ("序号", "No."),
    "imp.field.home": ("中方城市（广西一方）", "Guangxi side"),
    "imp.field.partner": ("外方城市", "Partner"),
    "imp.field.partner_en": ("外方英文名", "Partner (English)"),
    "imp.field.country": ("国家", "Country"),
    "imp.field.date": ("结好日期", "Date"),
    "imp.field.level": ("级别", "Level"),
    "imp.field.notes": ("备注", "Notes"),
    # The data page section
    "imp.header": ("导入官方友城名录", "Import an official list of pairs"),
    "imp.intro": (
        "上传外事部门保存的友城名录（XLSX 或 CSV，原样即可，无需编号、代码或坐标）。"
        "系统会识别各列、逐行匹配广西一方、国家和外方城市；不确定的行排在最前，由您选择或填写坐标。",
        "Upload the list as the foreign affairs office keeps it (XLSX or CSV, as it is: no ids, "
        "codes or coordinates needed). Columns are guessed and each row's Guangxi side, country "
        "and partner are matched; doubtful rows come first for you to choose or give coordinates.",
    ),
    "imp.open": ("导入官方名录", "Import an official list"),
    "imp.list_name": ("名录名称（记入来源）", "Name of the list (recorded as the source)"),
    "imp.upload": ("官方名录文件", "Official list file"),
    "imp.mapping": ("列对应（可修改）", "Columns (you can correct them)"),
    "imp.mapping_caption": (
        "表头位于第 {row} 行；其上的标题行已跳过。",
        "The header is row {row}; title rows above it are skipped.",
    ),
    "imp.unmapped": ("（无）", "(none)"),
    "imp.resolving": (
        "正在匹配地名（首次查询 GeoNames 需数秒）…",
        "Matching names (the first GeoNames look-up takes a few seconds)…",
    ),
    "imp.rows_caption": (
        "共 {total} 行：{confident} 行已确定，{doubtful} 行待您确认。",
        "{total} {total:row|rows}: {confident} resolved, {doubtful} waiting for you.",
    ),
    "imp.doubtful_header": ("待确认的行", "Rows to confirm"),
    "imp.doubtful_row": (
        "第 {row} 行：{home} — {partner}（{country}）· {certainty}",
        "Row {row}: {home} — {partner} ({country}) · {certainty}",
    ),
    "imp.pick_home": ("广西一方", "Guangxi side"),
    "imp.pick_partner": ("外方地点", "Partner place"),
    "imp.pick_none": ("（暂不选择）", "(not chosen)"),
    "imp.typed": (
        "或填写坐标“纬度, 经度”（如 32.80, 130.70）",
        "or type coordinates 'lat, lon' (e.g. 32.80, 130.70)",
    ),
    "imp.typed_name": ("外方英文名（填写坐标时）", "Partner's English name (with coordinates)"),
    "imp.typed_bad": (
        "坐标须为“纬度, 经度”，纬度在 -90 到 90 之间，经度在 -180 到 180 之间",
        "coordinates must be 'lat, lon' with latitude -90 to 90 and longitude -180 to 180",
    ),
    "imp.typed_no_country": (
        "此行没有可识别的国家，无法按坐标新建地点",
        "this row has no recognised country, so no place can be made from coordinates",
    ),
    "imp.all_rows": ("全部行的匹配结果", "How every row was matched"),
    "imp.compare_header": ("与现有数据对比", "Compared with the data"),
    "imp.compare.new": ("新增友城关系", "New pairs"),
    "imp.compare.differs": ("日期或名称不同", "Date or names differ"),
    "imp.compare.same": ("与现有数据一致", "Already in the data"),
    "imp.compare.missing": ("数据中有、名录中没有", "In the data, not in the list"),
    "imp.missing_note": (
        "以下友城关系在现有数据中、但不在此名录中（仅限名录涉及的广西地方）：导入会保留它们，不会删除。",
        "These pairs are in the data but not in this list (for the Guangxi places the list "
        "covers): the import keeps them; nothing is removed.",
    ),
    "imp.col.data": ("现有数据", "Data"),
    "imp.col.table": ("名录", "List"),
    "imp.col.column": ("字段", "Field"),
    "imp.take_table": (
        "日期或级别不同时，采用名录中的值",
        "Where the date or level differs, take the list's value",
    ),
    "imp.take_table_help": (
        "不勾选时，仅在现有日期为空或名录日期更精确时更新日期。",
        "Unticked, a date is only filled in where the data has none or the list is more precise.",
    ),
    "imp.apply": ("导入已确定的 {count} 行", "Import the {count} resolved {count:row|rows}"),
    "imp.nothing_ready": (
        "尚无可导入的行：请先确认上面的行。",
        "No row is ready to import yet: confirm the rows above first.",
    ),
    "imp.applied": (
        "已导入：{summary}（{rows} 行；{left} 行留待确认）",
        "Imported: {summary} ({rows} {rows:row|rows}; {left} left to confirm)",
    ),
    # Command line
    "imp.cli.row": (
        "第 {row} 行：{home} → {home_id} | {iso3} | {partner} → {partner_id} {where} | "
        "{method}，{certainty} | {date} | {level}",
        "row {row}: {home} -> {home_id} | {iso3} | {partner} -> {partner_id} {where} | "
        "{method}, {certainty} | {date} | {level}",
    ),
    "imp.cli.summary": (
        "新增 {new} 对，不同 {differs} 对，一致 {same} 对；"
        "数据中有而名录中没有 {missing} 对（保留）",
        "{new} new, {differs} differing, {same} unchanged; {missing} in the data but not in the "
        "list (kept)",
    ),
    "imp.cli.applied": (
        "已应用：{summary}（{rows} 行）",
        "applied: {summary} ({rows} {rows:row|rows})",
    ),
    "imp.cli.left": (
        "留待编辑确认：第 {row} 行 {partner}",
        "left for an editor: row {row} {partner}",
    ),
    "imp.cli.nothing": (
        "没有应用任何更改（{left} 行留待编辑确认）",
        "nothing applied ({left} {left:row|rows} left for an editor)",
    ),
}
