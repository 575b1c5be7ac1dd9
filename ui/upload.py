"""The one upload box of the app: Streamlit's file uploader with our own words around it.

Streamlit writes its dropzone's texts in English whatever the page's language ("Upload",
"20MB per file • CSV, XLSX", "Drag and drop files here"). Every upload box is made here: our
label, and our caption under the box saying how to upload, which types and what limit, in the
page's language. Streamlit's instruction line is hidden and its button keeps only its upload
icon (the English word stays for screen readers, visually hidden), both found by Streamlit's
stable ``data-testid`` attributes rather than by replacing text through CSS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.i18n import t
from ui import access

_CSS = """
<style>
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
</style>
"""


def upload_box(
    label: str,
    lang: Lang,
    key: str,
    types: Sequence[str] = ("csv", "xlsx"),
    multiple: bool = False,
    help: str | None = None,
) -> Any:
    """``st.file_uploader`` with our label, help and caption (the limit is the server's).

    Returns what ``st.file_uploader`` returns: a file, a list of files, or None. A public
    instance (SISTERCITIES_PUBLIC=1) shows no box, only a line saying uploads are off: None.
    """
    if access.public_instance():
        st.caption(t("access.upload_off", lang))
        return [] if multiple else None
    st.html(_CSS)
    upload = st.file_uploader(
        label, type=list(types), accept_multiple_files=multiple, key=key, help=help
    )
    limit = st.get_option("server.maxUploadSize")
    kinds = "、".join(types).upper() if lang == "zh" else ", ".join(types).upper()
    st.caption(t("upload.how", lang, types=kinds, limit_mb=limit))
    return upload
