"""A played round as FHIR R4 resources: the Patient (pseudonymous unless asked), the
Device, a panel Observation for the round and one Observation per measure, in a
transaction Bundle whose every entry is a conditional create on its identifier (sending
it twice adds nothing)."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from deftly.fhir.codes import (
    CODE_SYSTEM_URL,
    IDENTIFIER_SYSTEM,
    PSEUDONYM_SYSTEM,
    ROUND_CONTEXT,
    UCUM,
    Measure,
    coding,
    measures,
    panel_code,
)
from engine import __version__
from engine.spec import GameSpec
from engine.store.store import Profile

Resource = dict[str, Any]
SNOMED = "http://snomed.info/sct"
HANDS = {"right": ("78791008", "Right hand structure"),
         "left": ("85151006", "Left hand structure")}
CATEGORY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "exam", "display": "Exam"}]}


class BundleError(ValueError):
    """A round whose record cannot be written as FHIR (why, in words)."""


@dataclass(frozen=True)
class Who:
    """The patient as exported: always the pseudonym; the name and record number only
    when the therapist chose to include them."""

    pseudonym: str
    name: str = ""
    record_number: str = ""


def who(profile: Profile, pseudonym: str, identify: bool) -> Who:
    return Who(pseudonym, profile.name, profile.record_number) if identify else Who(pseudonym)


def full_url(identifier: str) -> str:
    """A stable in-Bundle address for the resource with this identifier."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, IDENTIFIER_SYSTEM + '/' + identifier)}"


def _search(system: str, identifier: str) -> str:
    return "identifier=" + quote(f"{system}|{identifier}", safe=":/")


def entry(resource: Resource, identifier: str, system: str = IDENTIFIER_SYSTEM, *,
          update: bool = False) -> Resource:
    """A transaction entry that creates `resource` unless one with its identifier exists;
    `update`: creates it or updates the one there (a conditional update)."""
    kind = resource["resourceType"]
    request = {"method": "PUT", "url": f"{kind}?{_search(system, identifier)}"} if update \
        else {"method": "POST", "url": kind, "ifNoneExist": _search(system, identifier)}
    return {"fullUrl": full_url(identifier), "resource": resource, "request": request}


def patient(person: Who) -> Resource:
    resource: Resource = {"resourceType": "Patient", "identifier": [
        {"use": "secondary", "system": PSEUDONYM_SYSTEM, "value": person.pseudonym}]}
    if person.record_number:
        resource["identifier"].append({"use": "usual", "type": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR",
            "display": "Medical record number"}]}, "value": person.record_number})
    if person.name:
        resource["name"] = [{"text": person.name}]
    return resource


def device_identifier(install: str) -> str:
    return f"device.{install}.{__version__}"


def device(install: str, screen: dict[str, Any] | None) -> Resource:
    """Deftly, its version, and the screen as calibrated (when it was)."""
    resource: Resource = {
        "resourceType": "Device",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": device_identifier(install)}],
        "deviceName": [{"name": "Deftly", "type": "manufacturer-name"}],
        "version": [{"value": __version__}],
        "type": {"text": "Touchscreen hand-therapy games (software)"}}
    properties = []
    ppm = (screen or {}).get("px_per_mm")
    if isinstance(ppm, (int, float)) and ppm > 0:
        properties.append({"type": {"text": "Screen pixels per mm"
                                    + (" (calibrated)" if screen and screen.get("calibrated")
                                       else " (not calibrated)")},
                           "valueQuantity": [{"value": float(ppm), "unit": "/mm",
                                              "system": UCUM, "code": "/mm"}]})
        size = (screen or {}).get("screen_px")
        if isinstance(size, list) and len(size) == 2:
            properties.append({"type": {"text": "Screen size (width, height)"}, "valueQuantity": [
                {"value": round(float(px) / float(ppm), 1), "unit": "mm", "system": UCUM,
                 "code": "mm"} for px in size]})
    if properties:
        resource["property"] = properties
    return resource


def _quantity(value: float, measure: Measure) -> Resource:
    return {"value": value, "unit": measure.ucum, "system": UCUM, "code": measure.ucum}


def _value(summary: dict[str, Any], measure: Measure) -> float | None:
    raw = summary.get(measure.key)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        return None
    return float(raw) * measure.scale


def _when(session: dict[str, Any]) -> tuple[str, str]:
    try:
        start = datetime.fromisoformat(str(session["started_at"]))
        duration = float(session.get("duration_ms") or 0.0)
    except (KeyError, ValueError, TypeError) as error:
        raise BundleError("its start time or duration cannot be read") from error
    if start.tzinfo is None:
        raise BundleError("its start time has no time zone")
    if not math.isfinite(duration) or duration < 0:
        duration = 0.0
    end = start + timedelta(milliseconds=duration)
    return start.isoformat(timespec="seconds"), end.isoformat(timespec="seconds")


def _body_site(hand: str) -> Resource:
    if hand in HANDS:
        code, display = HANDS[hand]
        return {"coding": [{"system": SNOMED, "code": code, "display": display}],
                "text": display}
    return {"text": "Both hands" if hand == "both" else hand}


def observations(session: dict[str, Any], spec: GameSpec, subject: str, device_url: str
                 ) -> list[Resource]:
    """The round's measure Observations and its panel, as transaction entries (measures
    the round did not produce are left out)."""
    start, end = _when(session)
    if not session.get("id"):
        raise BundleError("it has no id")
    common = {"status": "final", "category": [CATEGORY], "subject": {"reference": subject},
              "device": {"reference": device_url},
              "bodySite": _body_site(str(session.get("hand") or "right"))}
    summary = session.get("summary") or {}
    members = []
    for measure in measures(spec):
        value = _value(summary, measure)
        parts = [(p, v) for p in measure.parts if (v := _value(summary, p)) is not None]
        if value is None and not parts:
            continue
        identifier = f"{session['id']}.{measure.key}"
        resource: Resource = {"resourceType": "Observation", "identifier": [
            {"system": IDENTIFIER_SYSTEM, "value": identifier}], **common,
            "code": coding(measure.code, measure.display), "effectiveDateTime": start}
        if value is not None:
            resource["valueQuantity"] = _quantity(value, measure)
        if parts:
            resource["component"] = [{"code": coding(p.code, p.display),
                                      "valueQuantity": _quantity(v, p)} for p, v in parts]
        members.append(entry(resource, identifier))
    context = {"round.level": session.get("level_name") or session.get("level"),
               "round.mode": session.get("mode")}
    panel: Resource = {
        "resourceType": "Observation",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": session["id"]}], **common,
        "code": coding(panel_code(spec), f"{spec.name}: one round"),
        "effectivePeriod": {"start": start, "end": end},
        "component": [{"code": coding(code, ROUND_CONTEXT[code][0]), "valueString": str(value)}
                      for code, value in context.items() if value]}
    if members:
        panel["hasMember"] = [{"reference": m["fullUrl"]} for m in members]
    return [*members, entry(panel, session["id"])]


def transaction(entries: list[Resource]) -> Resource:
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def session_entries(session: dict[str, Any], spec: GameSpec, person: Who, install: str,
                    screen: dict[str, Any] | None) -> list[Resource]:
    """Patient, Device and the round's Observations."""
    person_entry = entry(patient(person), person.pseudonym, PSEUDONYM_SYSTEM,
                         update=bool(person.name))   # a Patient sent before gains its name
    device_entry = entry(device(install, screen), device_identifier(install))
    return [person_entry, device_entry,
            *observations(session, spec, person_entry["fullUrl"], device_entry["fullUrl"])]


def code_system_entry(resource: Resource) -> Resource:
    """The code system, created unless this version of it is on the server."""
    return {"fullUrl": full_url(f"codesystem.{resource['version']}"), "resource": resource,
            "request": {"method": "POST", "url": "CodeSystem", "ifNoneExist": urlencode(
                {"url": CODE_SYSTEM_URL, "version": resource["version"]})}}
