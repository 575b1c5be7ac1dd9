"""Texts of the public, read-only instance and of the editor password's throttle."""

TEXTS: dict[str, tuple[str, str]] = {
    "access.wait": (
        "连续输错密码次数过多：请等 {seconds} 秒后再试",
        "Too many wrong passwords in a row: wait {seconds} {seconds:second|seconds} before "
        "trying again",
    ),
    "access.public": (
        "这是公开的只读站点：数据由编辑人员在另一个实例上更新。",
        "This is the public, read-only site: editors update the data on a separate instance.",
    ),
    "access.upload_off": (
        "公开站点不接受上传。",
        "Uploading is switched off on this public site.",
    ),
}
