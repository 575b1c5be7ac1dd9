"""Texts of the data page, uploads, the store and the upload checks."""

TEXTS: dict[str, tuple[str, str]] = {
    # Upload checks (file shape and cell content)
    "val.xlsx_sheets": (
        "工作簿含 {count} 个有内容的工作表（{sheets}），只能有一个：请只保留数据表",
        "the workbook has {count} {count:sheet|sheets} with content ({sheets}); keep only the "
        "table's sheet",
    ),
    "val.xlsx_merged": (
        "表头含合并单元格（{cells}）：每列须有自己的列名",
        "the header has merged cells ({cells}); every column needs its own name",
    ),
    "val.markup": (
        "含 HTML 或脚本标记，只允许纯文本：{value}",
        "holds HTML or script markup; only plain text is allowed: {value}",
    ),
    "val.formula": (
        "以 =、+、-、@ 开头，会被电子表格当作公式执行：{value}",
        "starts like a spreadsheet formula (=, +, -, @): {value}",
    ),
    "val.extra_column": (
        "未知的列，将被忽略",
        "unknown column; it will be ignored",
    ),
    "val.not_uploadable": (
        "此处只能上传友城、地点或联盟成员表；{table} 不能在此更新",
        "only pairs, places or the alliance roster can be uploaded here; {table} cannot",
    ),
    # Upload planning
    "upd.kind.links": ("友城关系", "pairs"),
    "upd.kind.places": ("地点", "places"),
    "upd.kind.members": ("联盟成员", "alliance members"),
    "upd.summary_table": (
        "{table}：新增 {added}，修改 {changed}，删除 {removed}",
        "{table}: {added} added, {changed} changed, {removed} removed",
    ),
    "upd.no_change": ("没有任何变化", "nothing changes"),
    "upd.same_kind_twice": (
        "同一种表格上传了多份，请合并为一个文件",
        "several files of the same kind; combine them into one file",
    ),
    "upd.not_ready": (
        "此更新有错误或没有变化，不能应用",
        "this update has errors or changes nothing; it cannot be applied",
    ),
    # Store
    "store.locked": (
        "另一位编辑正在保存数据，{seconds} 秒内未完成，请稍后再试",
        "another editor is saving; not finished within {seconds} s, please try again",
    ),
    "store.readonly": (
        "数据文件夹只读，不能保存：{folder}",
        "the data folder is read-only and cannot be changed: {folder}",
    ),
    "store.stale": (
        "数据在预览之后已被他人修改，请重新上传以查看最新的差异",
        "the data changed after this preview; upload again to see the current differences",
    ),
    "store.invalid": (
        "更新后的数据有 {count} 个错误，未作任何修改",
        "the updated data would have {count} {count:error|errors}; nothing was changed",
    ),
    "store.bad_file": ("不是数据约定中的文件：{names}", "not a file of the data contract: {names}"),
    "store.nothing_to_undo": ("没有可撤销的修改", "there is no change to undo"),
    "store.no_space": (
        "保存时磁盘已满（{detail}）：未作任何修改，数据仍是保存前的版本。请腾出磁盘空间后再试。",
        "The disk filled up during the save ({detail}): nothing was changed, the data is as it "
        "was before. Free some disk space and try again.",
    ),
    "store.readonly_fs": (
        "数据所在的文件系统只读（{detail}）：未作任何修改。请让管理员开放写入后再试。",
        "The data's file system is read-only ({detail}): nothing was changed. Ask the "
        "administrator to make it writable, then try again.",
    ),
    "store.denied": (
        "没有写入数据文件夹的权限（{detail}）：未作任何修改。请让管理员检查文件夹权限。",
        "No permission to write to the data folder ({detail}): nothing was changed. Ask the "
        "administrator to check the folder's permissions.",
    ),
    "store.fault": (
        "保存时发生文件系统错误（{detail}）：未作任何修改，数据仍是保存前的版本。",
        "A file-system error stopped the save ({detail}): nothing was changed, the data is as "
        "it was before.",
    ),
    "store.fault_committed": (
        "修改已保存，但收尾时发生文件系统错误（{detail}）；下次加载数据时会自动完成。",
        "The change was saved, but finishing it failed ({detail}); it is completed "
        "automatically the next time the data is loaded.",
    ),
    # Data page
    "data.intro": (
        "下表为完整数据集，点击列名可排序，右上角可搜索和下载。",
        "The full dataset: click a column name to sort; search and download at the top right.",
    ),
    "data.tab.pairs": ("友城关系", "Pairs"),
    "data.tab.places": ("地点", "Places"),
    "data.tab.members": ("联盟成员", "Alliance members"),
    "data.tab.report": ("校验报告", "Validation report"),
    "data.tab.totals": ("完整度", "Completeness"),
    "data.search": ("在表中查找", "Search this table"),
    "data.rows": ("显示 {shown} / {total} 行", "{shown} of {total} {total:row|rows}"),
    "data.download_csv": ("下载 CSV", "Download CSV"),
    "data.download_xlsx": ("下载 Excel", "Download Excel"),
    "data.report_ok": (
        "当前数据全部通过校验（{files} 个文件，无错误、无警告）。",
        "The current data passes every check ({files} {files:file|files}, no errors, no warnings).",
    ),
    "data.report_some": (
        "当前数据可以使用，但有 {count} 条警告：",
        "The current data is usable, with {count} {count:warning|warnings}:",
    ),
    "upload.how": (
        "把文件拖到上面的框里，或点击框中的上传按钮选择文件；"
        "{types} 格式，每个文件不超过 {limit_mb} MB。",
        "Drag a file onto the box above, or click the upload button in it to choose one; "
        "{types}, up to {limit_mb} MB per file.",
    ),
    "data.totals_none": ("尚无官方总数。", "No official totals yet."),
    "data.totals_fictional": (
        "这是虚构数据：不与任何官方数字比较。",
        "This is fictional data: it is not compared with any official figure.",
    ),
    "data.readonly": (
        "此部署为只读：未配置编辑密码，不能在线更新数据。",
        "This deployment is read-only: no editor password is configured.",
    ),
    "data.update_header": ("更新数据", "Update data"),
    "data.password": ("编辑密码", "Editor password"),
    "data.unlock": ("进入编辑", "Unlock editing"),
    "data.wrong_password": ("密码错误", "Wrong password"),
    "data.who": ("您的姓名（记入修改日志）", "Your name (recorded in the change log)"),
    "data.mode": ("上传方式", "How to use the upload"),
    "data.mode.merge": (
        "合并：新增和修改行，保留其余行",
        "Merge: add and update rows, keep the others",
    ),
    "data.mode.replace": (
        "替换：上传的文件即完整的表，未包含的行将被删除",
        "Replace: the file is the whole table; rows it lacks are removed",
    ),
    "data.upload": (
        "上传友城、地点或联盟成员表（CSV 或 XLSX，按表头识别，上限 {limit_mb} MB）",
        "Upload pairs, places or the alliance roster (CSV or XLSX, recognised by the header; "
        "limit {limit_mb} MB)",
    ),
    "data.upload_help": (
        "列名须与上方表格一致（如 link_id、home_place_id）。新的友城若指向新地点，"
        "请同时上传地点表与友城表。",
        "Column names as in the tables above (link_id, home_place_id, ...). A new pair with a "
        "new partner place needs the places file and the pairs file uploaded together.",
    ),
    "data.upload_errors": (
        "发现 {count} 个错误，未作任何修改。请修改文件后重新上传。",
        "{count} {count:error|errors} found; nothing was changed. Fix the file and upload it "
        "again.",
    ),
    "data.upload_ok": ("检查通过。", "The upload passes every check."),
    "data.preview": ("预览：{summary}", "Preview: {summary}"),
    "data.preview.added": ("新增的行", "Rows added"),
    "data.preview.removed": ("删除的行", "Rows removed"),
    "data.preview.changed": ("修改的单元格", "Cells changed"),
    "data.apply": ("应用此更新", "Apply this update"),
    "data.applied": ("已保存：{summary}", "Saved: {summary}"),
    "data.last_change": (
        "最近一次修改：{summary}（{who}，{at}）",
        "Last change: {summary} ({who}, {at})",
    ),
    "data.undo": ("撤销最近一次修改", "Undo last change"),
    "data.undone": ("已撤销：{summary}", "Undone: {summary}"),
    "data.log": ("修改日志", "Change log"),
    "data.log.undo": ("撤销", "undo"),
    "data.log.change": ("修改", "change"),
    "data.col.at": ("时间（UTC）", "When (UTC)"),
    "data.col.who": ("修改人", "Who"),
    "data.col.kind": ("类型", "Kind"),
    "data.col.what": ("内容", "What"),
    "data.col.key": ("编号", "Id"),
    "data.col.column": ("列", "Column"),
    "data.col.old": ("原值", "Old value"),
    "data.col.new": ("新值", "New value"),
}
