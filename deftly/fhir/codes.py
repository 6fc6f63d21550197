"""Deftly's own code system: a concept for every measure of every game, generated from
the games' specs (display from the English strings, unit in UCUM, which way is better).

Device measures are not mapped onto LOINC codes meant for clinician ratings or for the
physical 9-hole peg board: they are not the same measurement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from engine import __version__
from engine.i18n import catalogue
from engine.spec import GameSpec, Metric, Shows

CODE_SYSTEM_URL = "https://deftly.health/fhir/CodeSystem/measures"
"""The code system's canonical URL (a name, not a page to fetch)."""
IDENTIFIER_SYSTEM = "https://deftly.health/fhir/identifier"
"""The system of every identifier Deftly gives a resource it exports."""
PSEUDONYM_SYSTEM = "https://deftly.health/fhir/pseudonym"

UCUM = "http://unitsofmeasure.org"
UCUM_UNITS = {"%": "%", "ms": "ms", "s": "s", "mm": "mm", "bits/s": "bit/s", "/s": "/s",
              "/min": "/min", "°": "deg", "°/s": "deg/s", "mm/s": "mm/s", "": "1"}
"""Deftly's shown units and their UCUM codes ("1": a count, share or index)."""

PARTS = ("thumb", "index", "middle", "ring", "little", "cw", "ccw")
"""The fingers and directions a measure is broken down by: a measure whose key is another's
and then these words (`individuation_index_ring`, `release_reaction_ms_index_middle`) is
exported as a component of that one, and is its part in the code system."""


ROUND_CONTEXT = {"round.level": ("Level played", "The level of the game the round was "
                                 "played at, by its name."),
                 "round.mode": ("Kind of round", "training (the difficulty adapts to the "
                                "player) or checkup (the same fixed task each time).")}


@dataclass(frozen=True)
class Measure:
    """One exported measure: its code, words, unit and how a stored value converts."""

    code: str
    game: str
    key: str
    display: str
    unit: str
    scale: float
    higher_is_better: bool
    parts: tuple[Measure, ...] = ()
    """Its values by finger or direction, exported as components."""

    @property
    def ucum(self) -> str:
        return UCUM_UNITS.get(self.unit, "1")

    @property
    def definition(self) -> str:
        better = "higher" if self.higher_is_better else "lower"
        unit = f", in {self.ucum}" if self.ucum != "1" else ""
        return (f"{self.display}{unit}: measured on a touchscreen by Deftly's game "
                f"'{self.game}' over one round (summary value '{self.key}'); {better} is "
                "better. A device measure, not a clinical rating scale.")


def _text(key: str) -> str:
    entry = _english().get(key, key)
    return entry.get("other", key) if isinstance(entry, dict) else entry


@cache
def _english() -> dict[str, Any]:
    """The English texts, read once (codes are in English whatever the app's language)."""
    return catalogue("en")


def _chosen(spec: GameSpec) -> dict[str, Metric]:
    """One metric per summary key shown on the results screen or in the trends: the
    trend's if it has one, else the first; with the first unit any of its metrics gives."""
    chosen: dict[str, Metric] = {}
    for metric in spec.metrics:
        if metric.derive is not None or not metric.shows & (Shows.TRENDS | Shows.RESULTS):
            continue
        known = chosen.get(metric.key)
        if known is None or (metric.shows & Shows.TRENDS and not known.shows & Shows.TRENDS):
            chosen[metric.key] = metric
    for key, metric in chosen.items():
        unit = next((m for m in spec.metrics if m.key == key and m.unit), None)
        if not metric.unit and unit is not None:
            chosen[key] = replace(metric, unit=unit.unit, scale=unit.scale)
    return chosen


def measures(spec: GameSpec) -> list[Measure]:
    """The game's exported measures, in its spec's order, each with its parts (worked out
    once per game)."""
    known = _MEASURES.get(spec.id)
    if known is None or known[0] is not spec:
        known = _MEASURES[spec.id] = (spec, _measures(spec))
    return known[1]


_MEASURES: dict[str, tuple[GameSpec, list[Measure]]] = {}


def _measures(spec: GameSpec) -> list[Measure]:
    chosen = _chosen(spec)
    parts: dict[str, list[str]] = {}
    for key in chosen:
        base = _base_of(key, chosen)
        if base is not None:
            parts.setdefault(base, []).append(key)

    def measure(key: str) -> Measure:
        m = chosen[key]
        return Measure(f"{spec.id}.{key}", spec.id, key, _text(m.label), m.unit, m.scale,
                       m.higher_is_better, tuple(measure(k) for k in parts.get(key, [])))

    return [measure(key) for key in chosen if _base_of(key, chosen) is None]


def _base_of(key: str, chosen: dict[str, Metric]) -> str | None:
    """The measure `key` is a part of (its key, then finger or direction words), or None."""
    words = key.split("_")
    for cut in range(len(words) - 1, 0, -1):
        base, rest = "_".join(words[:cut]), words[cut:]
        if base in chosen and all(word in PARTS for word in rest):
            return base
    return None


def panel_code(spec: GameSpec) -> str:
    return f"{spec.id}.round"


def code_system(specs: list[GameSpec]) -> dict[str, Any]:
    """The CodeSystem resource (complete, versioned with the app)."""
    concepts: list[dict[str, Any]] = [
        {"code": code, "display": display, "definition": definition}
        for code, (display, definition) in ROUND_CONTEXT.items()]
    for spec in specs:
        members = [_concept(measure) for measure in measures(spec)]
        concepts.append({"code": panel_code(spec), "display": f"{spec.name}: one round",
                         "definition": f"A round of Deftly's game '{spec.id}' ({spec.name}): "
                                       "the panel whose members are its measures.",
                         "concept": members})
    return {"resourceType": "CodeSystem", "id": "deftly-measures", "url": CODE_SYSTEM_URL,
            "version": __version__, "name": "DeftlyMeasures",
            "title": "Deftly hand-therapy game measures", "status": "active",
            "experimental": False, "publisher": "Deftly", "content": "complete",
            "hierarchyMeaning": "part-of", "caseSensitive": True,
            "description": "The measures Deftly's touchscreen games record, one concept per "
                           "measure, with its parts by finger or direction.",
            "count": _count(concepts), "concept": concepts}


def _concept(measure: Measure) -> dict[str, Any]:
    concept: dict[str, Any] = {"code": measure.code, "display": measure.display,
                               "definition": measure.definition}
    if measure.parts:
        concept["concept"] = [_concept(part) for part in measure.parts]
    return concept


def _count(concepts: list[dict[str, Any]]) -> int:
    return sum(1 + _count(c.get("concept", [])) for c in concepts)


def coding(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": CODE_SYSTEM_URL, "version": __version__, "code": code,
                        "display": display}], "text": display}
