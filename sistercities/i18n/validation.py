"""Messages of data validation and file reading."""

TEXTS: dict[str, tuple[str, str]] = {
    "val.file_missing": ("缺少文件", "file is missing"),
    "val.file_empty": ("文件为空", "the file is empty"),
    "val.file_too_large": (
        "文件过大（{size_mb} MB），上限为 {limit_mb} MB",
        "file is too large ({size_mb} MB); the limit is {limit_mb} MB",
    ),
    "val.binary": (
        "不是文本表格（含二进制内容）",
        "not a text table (the file holds binary data)",
    ),
    "val.encoding": (
        "无法识别的文字编码（支持 UTF-8、带 BOM 的 UTF-8、GBK/GB18030）",
        "unreadable text encoding (UTF-8, UTF-8 with BOM and GBK/GB18030 are supported)",
    ),
    "val.parse": ("无法解析表格：{detail}", "the table cannot be parsed: {detail}"),
    "val.json": ("JSON 格式错误：{detail}", "malformed JSON: {detail}"),
    "val.unknown_table": (
        "无法识别的表格类型（表头：{header}）",
        "unknown kind of table (header: {header})",
    ),
    "val.missing_column": ("缺少列", "column is missing"),
    "val.missing_key": ("缺少字段", "key is missing"),
    "val.required": ("必填，但为空", "required but blank"),
    "val.not_number": ("不是数字：{value}", "not a number: {value}"),
    "val.lat_range": ("纬度超出 -90…90：{value}", "latitude outside -90…90: {value}"),
    "val.lon_range": ("经度超出 -180…180：{value}", "longitude outside -180…180: {value}"),
    "val.bad_date": (
        "日期无法解析：{value}（应为 YYYY、YYYY-MM 或 YYYY-MM-DD）",
        "unparseable date: {value} (use YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
    "val.not_boolean": ("应为 true 或 false：{value}", "must be true or false: {value}"),
    "val.future_date": ("日期在未来：{value}", "date lies in the future: {value}"),
    "val.bad_choice": (
        "无效取值：{value}（允许：{allowed}）",
        "invalid value: {value} (allowed: {allowed})",
    ),
    "val.unknown_iso3": ("未知的国家代码：{value}", "unknown ISO3 country code: {value}"),
    "val.duplicate_id": ("重复的编号：{value}", "duplicate id: {value}"),
    "val.duplicate_pair": ("重复的结好关系：{value}", "duplicate pair: {value}"),
    "val.unknown_place": ("指向未知地点：{value}", "points at an unknown place: {value}"),
    "val.unknown_member": ("指向未知成员：{value}", "points at an unknown member: {value}"),
    "val.unknown_field": ("未知的专业领域：{value}", "unknown professional field: {value}"),
    "val.no_source": (
        "source_url 与 source_note 至少填写一项",
        "needs a source_url or a source_note",
    ),
    "val.bad_url": ("不是有效网址：{value}", "not a valid URL: {value}"),
    "val.cell_too_long": (
        "单元格过长（{length} 字符，上限 {limit}）",
        "cell too long ({length} {length:character|characters}; the limit is {limit})",
    ),
    "val.bad_link_id": (
        "编号应为 {expected}",
        "id should be {expected}",
    ),
    "val.self_link": ("两端是同一地点", "both ends are the same place"),
    "val.home_not_home": (
        "中方一端不在本省（区）内：{value}",
        "home side is not a place of the home region: {value}",
    ),
    "val.partner_is_home": (
        "外方一端是中国地点：{value}",
        "partner side is a place in China: {value}",
    ),
    "val.bad_place_id": (
        "编号格式应为 {expected}",
        "id should follow the pattern {expected}",
    ),
    "val.status_mismatch": (
        "状态与终止日期不一致",
        "status and ended date disagree",
    ),
    "val.outside_country": (
        "坐标不在所属国家境内：{value}",
        "coordinates lie outside the named country: {value}",
    ),
    "val.too_many_rows": (
        "行数过多（{rows}，上限 {limit}）",
        "too many rows ({rows}; the limit is {limit})",
    ),
    "val.summary_ok": (
        "校验通过：{files} 个文件，无错误",
        "valid: {files} {files:file|files}, no errors",
    ),
    "val.summary_errors": (
        "发现 {errors} 个错误、{warnings} 个警告",
        "{errors} {errors:error|errors} and {warnings} {warnings:warning|warnings} found",
    ),
    "val.severity.error": ("错误", "error"),
    "val.severity.warning": ("警告", "warning"),
    "val.col.file": ("文件", "file"),
    "val.col.row": ("行", "row"),
    "val.col.column": ("列", "column"),
    "val.col.problem": ("问题", "problem"),
    "val.col.severity": ("级别", "severity"),
}
