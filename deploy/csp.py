"""Print the Content-Security-Policy of the nginx recipe (used by deploy/run_replicas.sh).

    python deploy/csp.py "'self'"        # the argument is the frame-ancestors source list

Only this origin may serve scripts, styles, images, fonts and connections (the websocket is
same-origin, which 'self' covers for ws: and wss: in current browsers). The two inline scripts
the app runs are allowed by their sha256 hashes, computed here from the installed files so an
upgrade of Streamlit or a change of the deck's keys cannot silently break them: the one in
Streamlit's index.html and the deck's key and text-scaling handler (ui/present.py).
'wasm-unsafe-eval' lets Streamlit's plotly bundle compile its WebAssembly module (it allows
no JavaScript eval; without it Chromium reports a violation on every chart page). Styles need
'unsafe-inline' (Streamlit's CSS-in-JS and plotly write style attributes and elements);
images and fonts may be data: or blob: URLs (plotly's exports, Streamlit's icons).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def script_hashes(html: str) -> list[str]:
    """'sha256-…' sources of every inline script of an HTML text."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE.findall(html)
    ]


def policy(frame_ancestors: str) -> str:
    """The policy, one line, with the given frame-ancestors."""
    sys.path.insert(0, str(ROOT))
    from ui.present import DECK_KEYS_JS

    spec = importlib.util.find_spec("streamlit")
    assert spec is not None and spec.origin is not None, "streamlit is not installed"
    index = (Path(spec.origin).parent / "static" / "index.html").read_text()
    scripts = " ".join(
        ["'self'", "'wasm-unsafe-eval'", *script_hashes(index), *script_hashes(DECK_KEYS_JS)]
    )
    parts = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    ]
    return "; ".join(parts)


if __name__ == "__main__":
    print(policy(sys.argv[1] if len(sys.argv) > 1 else "'self'"))
