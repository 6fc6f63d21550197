"""Send Bundles to a FHIR server: a bearer token from the environment (never the command
line), timeouts, retries with back-off on 5xx and network errors, none on 4xx, and the
server's OperationOutcome in plain words."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TOKEN_ENV = "DEFTLY_FHIR_TOKEN"
TIMEOUT_S = 30.0
RETRIES = 4
BACKOFF_S = 1.0
"""The first wait before a retry; each later one is twice as long (1, 2, 4, 8 s)."""
CONTENT_TYPE = "application/fhir+json"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a success: urllib would repeat the POST as a GET with
    no body (and the token to wherever it points)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_url(base_url: str) -> str | None:
    """Why `base_url` cannot be sent to, in one sentence; None if it can. The token never
    goes over plain http except to this machine."""
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{base_url} is not a server address (like https://fhir.example.org/fhir)"
    if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
        return f"{base_url}: use https, so that the results and the token travel encrypted"
    return None


@dataclass(frozen=True)
class Sent:
    """What the server said about one Bundle."""

    ok: bool
    status: int | None
    attempts: int
    said: str

    @property
    def unreachable(self) -> bool:
        """No answer at all (the network, a wrong address): the next Bundle would fare the
        same."""
        return not self.ok and self.status is None


def outcome_words(body: bytes) -> str:
    """An OperationOutcome's issues as one line ("error: Patient.name is missing"), or
    the start of whatever else the server sent."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return body[:200].decode("utf-8", "replace").strip()
    if isinstance(data, dict) and data.get("resourceType") == "OperationOutcome":
        issues = [issue for issue in data.get("issue", []) if isinstance(issue, dict)]
        words = [f"{i.get('severity', 'error')}: " + str(
            i.get("diagnostics") or (i.get("details") or {}).get("text") or i.get("code", ""))
            for i in issues]
        return re.sub(r"\s+", " ", "; ".join(words)) or "an OperationOutcome with no issue"
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        statuses = [str((e.get("response") or {}).get("status", "")).split(" ")[0]
                    for e in data.get("entry", []) if isinstance(e, dict)]
        created = sum(s == "201" for s in statuses)
        return f"{created} created, {len(statuses) - created} already there"
    return ""


def post(base_url: str, bundle: bytes, token: str | None, *,
         sleep: Callable[[float], None] = time.sleep, timeout_s: float = TIMEOUT_S) -> Sent:
    """POST one transaction Bundle to `base_url`; retried on 5xx and network errors."""
    headers = {"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    said, status = "", None
    for attempt in range(1, RETRIES + 2):
        request = urllib.request.Request(base_url.rstrip("/"), data=bundle, headers=headers,
                                         method="POST")
        try:
            with _OPENER.open(request, timeout=timeout_s) as response:
                body = response.read()
                if not _transaction_response(body):
                    return Sent(False, response.status, attempt, "the server's answer is "
                                "not a FHIR transaction response; nothing is taken as sent")
                return Sent(True, response.status, attempt, outcome_words(body))
        except urllib.error.HTTPError as error:
            status, said = error.code, outcome_words(error.read())
            if 300 <= error.code < 400:
                said = f"the server sends elsewhere ({error.headers.get('Location')}); " \
                       "give that address"
            if error.code < 500:
                return Sent(False, status, attempt, said)
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            status, said = None, str(getattr(error, "reason", error))
        if attempt <= RETRIES:
            sleep(BACKOFF_S * 2 ** (attempt - 1))
    return Sent(False, status, RETRIES + 1, said)


def _transaction_response(body: bytes) -> bool:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and data.get("resourceType") == "Bundle" and \
        data.get("type") == "transaction-response"


def report_line(name: str, sent: Sent) -> str:
    """One line per Bundle, in plain words."""
    tries = f" after {sent.attempts} tries" if sent.attempts > 1 else ""
    said = f": {sent.said}" if sent.said else ""
    if sent.ok:
        return f"{name}: sent ({sent.status}{tries}){said}"
    code = f"refused ({sent.status})" if sent.status and sent.status < 500 else (
        f"not sent: the server failed ({sent.status}){tries}" if sent.status else
        f"not sent: no answer{tries}")
    return f"{name}: {code}{said}"


def sent_record(name: str, sessions: tuple[str, ...], base_url: str, sent: Sent) -> dict[str, Any]:
    """What the store keeps of a Bundle the server accepted."""
    return {"bundle": name, "sessions": list(sessions), "server": base_url,
            "status": sent.status}
