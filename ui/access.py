"""Who may change the data: the public instance's switch and the editor password's throttle.

``SISTERCITIES_PUBLIC=1`` makes a read-only public instance: no password box, no upload, no
import, no update; editors run a separate instance without it. The throttle (one per process,
sistercities.throttle) keys wrong guesses on the client's address as this session's request
saw it: the peer, or the nginx recipe's X-Real-IP when the peer is the proxy on loopback.
"""

from __future__ import annotations

import os

import streamlit as st

from sistercities.throttle import GuessThrottle, client_address

PUBLIC_ENV = "SISTERCITIES_PUBLIC"


def public_instance() -> bool:
    """True on a read-only public instance (``SISTERCITIES_PUBLIC`` is 1, true or yes)."""
    return os.environ.get(PUBLIC_ENV, "").strip().lower() in {"1", "true", "yes"}


@st.cache_resource(show_spinner=False)
def throttle() -> GuessThrottle:
    """The process's one throttle of editor-password guesses."""
    return GuessThrottle()


def client() -> str:
    """This session's client address (see sistercities.throttle.client_address).

    Without a real request (AppTest) the context holds no strings: the key is "unknown".
    """
    peer = st.context.ip_address
    headers = {
        key: value
        for key, value in dict(st.context.headers).items()
        if isinstance(key, str) and isinstance(value, str)
    }
    return client_address(peer if isinstance(peer, str) else None, headers)
