"""Every golden screen: (scene, size). The golden tests and the moved-clock test use this."""

FOUNDATION = [(scene, size) for scene in ("calibration", "widgets")
              for size in ((800, 480), (1280, 800))]

SCREENS = ["welcome", "profiles", "new-player", "home", "plan", "calendar", "settings",
           "start", "tap", "pause", "tap-results", "trace", "trace-results", "pinch",
           "pinch-size", "pinch-results", "therapist-pin", "therapist", "therapist-trends",
           "therapist-round", "replay"]

PLAYER = [(scene, size) for scene in SCREENS for size in ((800, 480), (1920, 1200))]

ALL = FOUNDATION + PLAYER


def golden_name(scene: str, size: tuple[int, int]) -> str:
    return f"{scene}-{size[0]}x{size[1]}"
