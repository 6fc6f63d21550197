"""Golden-image comparison with a tolerance, and an exact comparison of the text drawn.

References live in tests/golden/NAME.png (pixels: they guard the layout) and NAME.txt
(every string drawn, with its place in mm: they guard the values, which a pixel
tolerance would let through). To regenerate them after an intended change, run
`make golden` (it sets DEFTLY_REGEN_GOLDEN=1), open the new PNGs, read the text diff,
and commit them. On a mismatch the actual image and a diff image (changed pixels in
magenta) are written to tests/golden/_failures/.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame

from engine.ui.draw import DrawnText

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
FAILURE_DIR = GOLDEN_DIR / "_failures"
CHANNEL_TOLERANCE = 40      # a pixel counts as changed if a channel moves more than this
CHANGED_SHARE_LIMIT = 0.004  # and the image fails if more than 0.4 % of pixels changed


def compare(actual: pygame.Surface, reference: pygame.Surface) -> tuple[float, np.ndarray]:
    """Share of changed pixels, and the boolean mask of them."""
    if actual.get_size() != reference.get_size():
        return 1.0, np.ones(actual.get_size(), dtype=bool)
    a = pygame.surfarray.array3d(actual).astype(np.int16)
    b = pygame.surfarray.array3d(reference).astype(np.int16)
    changed = np.abs(a - b).max(axis=2) > CHANNEL_TOLERANCE
    return float(changed.mean()), changed


def text_lines(texts: list[DrawnText]) -> list[str]:
    return [t.line() for t in texts]


def assert_matches_golden(actual: pygame.Surface, name: str,
                          texts: list[DrawnText] | None = None) -> None:
    path = GOLDEN_DIR / f"{name}.png"
    text_path = GOLDEN_DIR / f"{name}.txt"
    if os.environ.get("DEFTLY_REGEN_GOLDEN") == "1":
        GOLDEN_DIR.mkdir(exist_ok=True)
        pygame.image.save(actual, str(path))
        if texts is not None:
            text_path.write_text("".join(f"{line}\n" for line in text_lines(texts)),
                                 encoding="utf-8")
        return
    assert path.exists(), f"no golden image {path.name}; run `make golden` and review it"
    if texts is not None:
        assert text_path.exists(), f"no golden text {text_path.name}; run `make golden`"
        expected = text_path.read_text(encoding="utf-8").splitlines()
        assert text_lines(texts) == expected, f"{name}: the text drawn differs from " \
            f"{text_path.name} (x mm, y mm, text)"
    reference = pygame.image.load(str(path))
    share, changed = compare(actual, reference)
    if share > CHANGED_SHARE_LIMIT:
        FAILURE_DIR.mkdir(parents=True, exist_ok=True)
        pygame.image.save(actual, str(FAILURE_DIR / f"{name}-actual.png"))
        if changed.shape == pygame.surfarray.array3d(actual).shape[:2]:
            diff = pygame.surfarray.array3d(actual) // 3
            diff[changed] = (255, 0, 255)
            pygame.image.save(pygame.surfarray.make_surface(diff),
                              str(FAILURE_DIR / f"{name}-diff.png"))
        raise AssertionError(f"{name}: {share:.2%} of pixels differ from the golden image "
                             f"(limit {CHANGED_SHARE_LIMIT:.2%}); see {FAILURE_DIR}")
