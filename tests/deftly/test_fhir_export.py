"""FHIR export: every Bundle validates (fhir.resources' R4B models, which match R4 for the
resources Deftly writes) and round-trips; the patient is pseudonymous unless asked; and
`--post` against a local server with transaction semantics is idempotent, retries a
503 and shows a 400's OperationOutcome."""

import json
import shutil
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem

from deftly.cli import main
from deftly.demo import demo_store
from deftly.fhir import send
from deftly.fhir.codes import CODE_SYSTEM_URL
from deftly.fhir.export import export_fhir

DAYS = 3


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    target = tmp_path_factory.mktemp("fhir") / "data"
    with demo_store(DAYS) as store:
        shutil.copytree(store.folder, target, ignore=shutil.ignore_patterns("deftly.lock"))
    return target


@pytest.fixture
def folder(template, tmp_path):
    """A data folder with three days of every game, for the command line."""
    return shutil.copytree(template, tmp_path / "data")


def bundles(out):
    return {p.name: json.loads(p.read_text()) for p in sorted(out.glob("*.json"))}


def codes_in(value):
    """Every Deftly code a resource uses."""
    if isinstance(value, dict):
        mine = [value["code"]] if value.get("system") == CODE_SYSTEM_URL else []
        return mine + [c for v in value.values() for c in codes_in(v)]
    if isinstance(value, list):
        return [c for v in value for c in codes_in(v)]
    return []


def test_every_bundle_validates_and_round_trips(tmp_path):
    with demo_store(DAYS) as store:
        profile = store.profiles()[0]
        written = export_fhir(store, profile, tmp_path, whole_period=True).bundles
        rounds = [s for s in store.sessions(profile.id) if s["status"] == "complete"]
    found = bundles(tmp_path)
    assert len(written) == len(found) == len(rounds) + 2     # + code system, period
    for name, data in found.items():
        bundle = Bundle.model_validate(data)
        again = Bundle.model_validate_json(bundle.model_dump_json())
        assert again == bundle, name
        assert data["type"] == "transaction"
        for entry in data["entry"]:
            assert entry["request"]["method"] == "POST" and entry["request"]["ifNoneExist"]
    system = found["codesystem.json"]["entry"][0]["resource"]
    CodeSystem.model_validate(system)
    known = {c["code"] for c in _walk(system["concept"])}
    used = {c for name, data in found.items() if name != "codesystem.json"
            for c in codes_in(data)}
    assert used and used <= known
    assert all(c.get("display") and c.get("definition") for c in _walk(system["concept"]))


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("concept", []))


def test_a_round_holds_its_panel_measures_and_parts(tmp_path):
    with demo_store(DAYS) as store:
        profile = store.profiles()[0]
        export_fhir(store, profile, tmp_path)
        session = next(s for s in store.sessions(profile.id) if s["game"] == "lift"
                       and s["status"] == "complete")
    name = next(n for n in bundles(tmp_path) if session["id"][:8] in n)
    entries = bundles(tmp_path)[name]["entry"]
    kinds = [e["resource"]["resourceType"] for e in entries]
    assert kinds[:2] == ["Patient", "Device"] and set(kinds[2:]) == {"Observation"}
    panel = entries[-1]["resource"]
    members = {e["fullUrl"] for e in entries[2:-1]}
    assert {m["reference"] for m in panel["hasMember"]} == members
    start = datetime.fromisoformat(session["started_at"])
    assert panel["effectivePeriod"]["start"] == start.isoformat(timespec="seconds")
    assert datetime.fromisoformat(panel["effectivePeriod"]["end"]) > start
    hand = "85151006" if session["hand"] == "left" else "78791008"
    assert all(e["resource"]["bodySite"]["coding"][0]["code"] == hand for e in entries[2:])
    index = next(e["resource"] for e in entries
                 if e["resource"].get("code", {}).get("text", "").startswith("Individuation"))
    assert {c["code"]["coding"][0]["code"].rsplit("_", 1)[-1]
            for c in index["component"]} <= {"thumb", "index", "middle", "ring", "little"}
    success = next(e["resource"] for e in entries
                   if codes_in(e["resource"].get("code", {}))[:1] == ["lift.success_rate"])
    assert success["valueQuantity"]["code"] == "%"
    assert success["valueQuantity"]["value"] == pytest.approx(
        100 * session["summary"]["success_rate"])


def test_the_patient_is_a_pseudonym_unless_the_therapist_asks(tmp_path):
    with demo_store(DAYS) as store:
        profile = store.profiles()[0]
        store.update_profile(type(profile)(**{**profile.to_doc(), "record_number": "RN-77"}))
        profile = store.profiles()[0]
        export_fhir(store, profile, tmp_path / "plain")
        pseudonym = store.profiles()[0].pseudonym
        export_fhir(store, store.profiles()[0], tmp_path / "named", identify=True)
        assert store.profiles()[0].pseudonym == pseudonym   # stable
    plain = (tmp_path / "plain").glob("round-*.json").__next__().read_text()
    assert profile.name not in plain and "RN-77" not in plain and pseudonym in plain
    named = next((tmp_path / "named").glob("round-*.json")).read_text()
    assert profile.name in named and "RN-77" in named


class FhirServer:
    """A FHIR server on 127.0.0.1 with transaction semantics: each entry is created unless
    its `ifNoneExist` matches a resource already there; scripted failures come first."""

    def __init__(self, failures=(), redirect=None):
        self.resources = {}
        self.failures = list(failures)
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append({"GET": self.path})
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"<html>login</html>")

            def do_POST(self):
                if redirect:
                    self.send_response(302)
                    self.send_header("Location", redirect)
                    self.end_headers()
                    return
                body = self.rfile.read(int(self.headers["Content-Length"]))
                server.requests.append(dict(self.headers))
                status, answer = server.answer(json.loads(body))
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/fhir+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_port}/fhir"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def answer(self, bundle):
        if self.failures:
            return self.failures.pop(0)
        responses = []
        for entry in bundle["entry"]:
            request = entry["request"]
            if request["method"] == "PUT":       # conditional update: create or replace
                key = unquote(request["url"].split("?", 1)[1])
                known = key in self.resources
                self.resources[key] = entry["resource"]
                responses.append({"response": {"status": "200 OK" if known else "201"}})
                continue
            key = unquote(request["ifNoneExist"])
            if key in self.resources:
                responses.append({"response": {"status": "200 OK"}})
            else:
                self.resources[key] = entry["resource"]
                responses.append({"response": {"status": "201 Created"}})
        return 200, {"resourceType": "Bundle", "type": "transaction-response",
                     "entry": responses}


def post(capsys, folder, out, url, *extra):
    code = main(["export", "--profile", "Ann", "--format", "fhir", "--out", str(out),
                 "--data-dir", str(folder), "--post", url, *extra])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_sending_twice_creates_nothing_more(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(send.TOKEN_ENV, "s3cret")
    server = FhirServer()
    code, lines, _ = post(capsys, folder, tmp_path / "a", server.url)
    assert code == 0 and lines and all(": sent (200)" in line for line in lines)
    created = len(server.resources)
    assert created > 0 and ": 1 created, 0 already there" in lines[0]   # the code system
    assert ", 0 already there" in lines[1] and ", 2 already there" in lines[2]
    code, again, _ = post(capsys, folder, tmp_path / "b", server.url)
    assert code == 0 and len(server.resources) == created
    assert all(": 0 created" in line for line in again)
    assert all(r["Authorization"] == "Bearer s3cret" for r in server.requests)


def test_a_503_is_retried_and_a_400_is_refused_in_plain_words(folder, tmp_path, capsys,
                                                              monkeypatch):
    monkeypatch.setattr(send, "BACKOFF_S", 0.001)
    busy = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "transient", "diagnostics": "busy"}]}
    server = FhirServer([(503, busy)])
    code, lines, _ = post(capsys, folder, tmp_path / "a", server.url)
    assert code == 0 and "after 2 tries" in lines[0]
    bad = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "invalid",
         "details": {"text": "Observation.subject: unknown patient"}}]}
    refusing = FhirServer([(400, bad)] * 100)
    code, lines, err = post(capsys, folder, tmp_path / "b", refusing.url)
    assert code == 1 and len(refusing.requests) == len(lines)   # never retried
    assert "refused (400): error: Observation.subject: unknown patient" in lines[0]
    assert "were not sent" in err and err.count("\n") == 1


def test_only_what_the_server_accepted_is_kept_as_sent(folder, tmp_path, capsys,
                                                     monkeypatch):
    from engine.store.store import Store

    monkeypatch.setattr(send, "BACKOFF_S", 0.001)
    work = folder
    server = FhirServer([(500, {})] * 5)          # the first Bundle fails every try
    code, lines, _ = post(capsys, work, tmp_path / "a", server.url)
    assert code == 1 and "not sent: the server failed (500) after 5 tries" in lines[0]
    with Store.open(work) as store:
        ann = store.find_profile("Ann")
        sent = store.events(ann.id, "fhir_sent")
        assert len(sent) == len(lines) - 1
        assert "codesystem.json" not in {e["bundle"] for e in sent}
        store.delete_profile(ann.id)
    assert not any("fhir_sent" in p.read_text(errors="replace")   # erased with the player
                   for p in work.rglob("*") if p.is_file())


def test_no_server_is_a_line_per_bundle_not_a_traceback(folder, tmp_path, capsys,
                                                        monkeypatch):
    monkeypatch.setattr(send, "BACKOFF_S", 0.001)
    monkeypatch.setattr(send, "RETRIES", 1)
    code, lines, err = post(capsys, folder, tmp_path / "a", "http://127.0.0.1:9/fhir")
    assert code == 1 and "not sent: no answer after 2 tries" in lines[0]
    assert all(line.endswith("not sent: the server did not answer") for line in lines[1:])
    assert len(lines) > 2 and "Traceback" not in err     # tried once, not once a Bundle


def test_a_redirect_is_not_taken_as_sent(folder, tmp_path, capsys):
    login = FhirServer()
    server = FhirServer(redirect=login.url + "/login")
    code, lines, _ = post(capsys, folder, tmp_path / "a", server.url)
    assert code == 1 and "refused (302)" in lines[0] and "sends elsewhere" in lines[0]
    assert login.requests == []          # the token never followed it
    from engine.store.store import Store

    with Store.open(folder) as store:
        assert store.events(store.find_profile("Ann").id, "fhir_sent") == []


@pytest.mark.parametrize("url, said", [("example.invalid/fhir", "not a server address"),
                                       ("http://fhir.example.org/fhir", "use https")])
def test_an_address_that_cannot_be_sent_to_is_one_line(folder, tmp_path, capsys, url, said):
    code, _, err = post(capsys, folder, tmp_path / "a", url)
    assert code == 1 and err.count("\n") == 1 and said in err


def test_identify_updates_a_patient_first_sent_under_the_pseudonym(folder, tmp_path, capsys):
    server = FhirServer()
    assert post(capsys, folder, tmp_path / "a", server.url)[0] == 0
    patients = [r for r in server.resources.values() if r["resourceType"] == "Patient"]
    assert len(patients) == 1 and "name" not in patients[0]
    assert post(capsys, folder, tmp_path / "b", server.url, "--identify")[0] == 0
    patients = [r for r in server.resources.values() if r["resourceType"] == "Patient"]
    assert len(patients) == 1 and patients[0]["name"] == [{"text": "Ann"}]


def test_a_round_that_cannot_be_written_is_left_out_and_said(tmp_path):
    from deftly.fhir.bundle import BundleError, observations
    from games.registry import all_specs

    spec = all_specs()[0]
    naive = {"id": "x" * 32, "started_at": "2026-11-01T10:00:00", "hand": "left",
             "summary": {}}
    with pytest.raises(BundleError, match="no time zone"):
        observations(naive, spec, "urn:uuid:p", "urn:uuid:d")
    empty = observations({**naive, "started_at": "2026-11-01T10:00:00+01:00"}, spec,
                         "urn:uuid:p", "urn:uuid:d")
    assert len(empty) == 1 and "hasMember" not in empty[0]["resource"]
