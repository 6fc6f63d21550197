"""Demo folders are simulated once and shared between processes, per version of the code:
a second process takes the folder the first one built; another code version, or the
cache switched off, simulates anew."""

import pytest

from deftly import demo


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv(demo.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(demo, "_TEMPLATES", {})
    built = []
    real = demo._build

    def counting(folder, *args):
        built.append(args)
        real(folder, *args)

    monkeypatch.setattr(demo, "_build", counting)
    return built


def test_a_second_process_takes_the_folder_the_first_one_built(fresh, monkeypatch):
    first = demo._template(0, ("Ann", "Bob"), "mild")
    monkeypatch.setattr(demo, "_TEMPLATES", {})            # as if another process
    again = demo._template(0, ("Ann", "Bob"), "mild")
    assert again == first and len(fresh) == 1
    with demo.demo_store(0, ("Ann", "Bob"), "mild") as store:
        assert [p.name for p in store.profiles()] == ["Ann", "Bob"]


def test_another_code_version_or_the_cache_off_simulates_anew(fresh, monkeypatch):
    demo._template(0, ("Cy",), "mild")
    monkeypatch.setattr(demo, "_TEMPLATES", {})
    monkeypatch.setattr(demo, "_code_version", lambda: "another")
    demo._template(0, ("Cy",), "mild")
    monkeypatch.setattr(demo, "_TEMPLATES", {})
    monkeypatch.setenv(demo.CACHE_ENV, "off")
    demo._template(0, ("Cy",), "mild")
    assert len(fresh) == 3


def test_templates_built_anew_bypass_the_shared_cache(fresh):
    demo._template(0, ("Di",), "mild")
    with demo.templates_built_anew():
        demo._template(0, ("Di",), "mild")
    assert len(fresh) == 2
