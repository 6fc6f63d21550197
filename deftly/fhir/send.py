"""Send Bundles to a FHIR server: a bearer token from the environment (never the command
line), timeouts, retries with back-off on 5xx and network errors, none on 4xx, and the
server's OperationOutcome in plain words."""

from __future__ import annotations

import json
import time
import urllib.error
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


@dataclass(frozen=True)
class Sent:
    """What the server said about one Bundle."""

    ok: bool
    status: int | None
    attempts: int
    said: str


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
        return "; ".join(words) or "an OperationOutcome with no issue"
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
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                return Sent(True, response.status, attempt, outcome_words(response.read()))
        except urllib.error.HTTPError as error:
            status, said = error.code, outcome_words(error.read())
            if error.code < 500:
                return Sent(False, status, attempt, said)
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            status, said = None, str(getattr(error, "reason", error))
        if attempt <= RETRIES:
            sleep(BACKOFF_S * 2 ** (attempt - 1))
    return Sent(False, status, RETRIES + 1, said)


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
