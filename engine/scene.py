"""Scenes on a stack: push / pop / replace, enter / exit hooks, typed results handed down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from engine.input.sdl import Command
from engine.touch import Touch

if TYPE_CHECKING:
    import pygame

    from engine.app import App
    from engine.ui.widgets import Widget

R = TypeVar("R")


class Scene(Generic[R]):
    """One screen. Subclasses override the hooks they need.

    A scene never runs a loop of its own: the app calls `update` once per frame
    and `draw` when the scene is dirty. A scene that ends calls `finish(result)`: the
    callback it was pushed with receives it (as Textual's `push_screen(screen, callback)`),
    or else the scene below, in `on_result`.
    """

    opaque = True
    """False for overlays (pause menu, dialogs) that let the scene below show."""

    def __init__(self) -> None:
        self._app: App | None = None
        self._then: Callable[[Any], None] | None = None
        self.dirty = True
        self.widgets: list[Widget] = []

    @property
    def app(self) -> App:
        if self._app is None:
            raise RuntimeError(f"{type(self).__name__} is not on a scene stack")
        return self._app

    def attach(self, app: App) -> None:
        self._app = app

    # -- hooks -------------------------------------------------------------
    def enter(self) -> None:
        """Called when the scene is pushed; `self.app` is available."""

    def exit(self) -> None:
        """Called when the scene leaves the stack."""

    def layout(self) -> None:
        """(Re)compute positions in mm from `self.app.board`; called on enter and resize."""

    def on_touch(self, touch: Touch) -> None:
        """A finger event; by default routed to the widgets."""
        for widget in list(self.widgets):
            if widget.on_touch(touch):
                self.dirty = True

    def on_command(self, command: Command) -> None:
        """Back (Escape) leaves the scene by default."""
        if command is Command.BACK:
            self.finish(None)

    def on_text(self, text: str) -> None:
        """Text from a physical keyboard."""

    def on_result(self, child: Scene[Any], result: Any) -> None:
        """A scene pushed above this one has finished with `result`."""

    def on_focus_lost(self) -> None:
        """The window lost focus (a call came in, the tablet slept)."""

    def update(self, t_ms: float) -> None:
        """Advance time-based state; set `self.dirty` if the picture changed."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene (or, for an overlay, its part) onto `surface`."""
        for widget in self.widgets:
            widget.draw(surface, self.app.theme)

    # -- helpers -----------------------------------------------------------
    def finish(self, result: R | None = None) -> None:
        """Leave the stack, handing `result` to the scene below."""
        self.app.scenes.pop(self, result)

    def mark_dirty(self) -> None:
        self.dirty = True


class SceneStack:
    """The stack of scenes; only the top one receives input."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._scenes: list[Scene[Any]] = []

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Iterator[Scene[Any]]:
        return iter(list(self._scenes))

    @property
    def top(self) -> Scene[Any] | None:
        return self._scenes[-1] if self._scenes else None

    def visible(self) -> list[Scene[Any]]:
        """The scenes to draw, bottom first: the topmost opaque one and everything above it."""
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        return self._scenes[start:]

    def push(self, scene: Scene[R], then: Callable[[R | None], None] | None = None
             ) -> Scene[R]:
        """Put `scene` on top; when it finishes, `then` receives its result (None when it
        was left without one)."""
        scene._then = then
        scene.attach(self._app)
        self._scenes.append(scene)
        scene.layout()
        scene.enter()
        scene.dirty = True
        return scene

    def pop(self, scene: Scene[Any] | None = None, result: Any = None) -> None:
        """Remove `scene` (default: the top) and hand `result` to the new top."""
        if not self._scenes:
            return
        scene = scene or self._scenes[-1]
        if scene not in self._scenes:
            return
        index = self._scenes.index(scene)
        for above in reversed(self._scenes[index + 1:]):
            self._remove(above)
        self._remove(scene)
        below = self.top
        if below is not None:
            below.dirty = True
            if scene._then is not None:
                scene._then(result)
            else:
                below.on_result(scene, result)
        elif not self._scenes:
            self._app.quit()

    def replace(self, scene: Scene[Any]) -> Scene[Any]:
        """Swap the top scene for `scene` without waking the scene below."""
        if self._scenes:
            self._remove(self._scenes[-1])
        return self.push(scene)

    def clear_to(self, scene: Scene[Any]) -> None:
        """Pop everything above `scene` (going home) without results."""
        while self._scenes and self._scenes[-1] is not scene:
            self._remove(self._scenes[-1])
        scene.dirty = True

    def relayout(self) -> None:
        for scene in self._scenes:
            scene.layout()
            scene.dirty = True

    def _remove(self, scene: Scene[Any]) -> None:
        self._scenes.remove(scene)
        scene.exit()
