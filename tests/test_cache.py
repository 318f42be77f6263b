"""The cache of validated declarations: a hit gives the model a parse would, any change of its key is a miss,
a damaged entry is a miss, concurrent writers never leave a partial entry, and it can be switched off."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import shutil
import threading
from pathlib import Path

import pytest

import pac.cache
from pac.cache import ModelCache
from pac.loader import load, load_files
from pac.reference import Reference
from pac.yamlio import DEFAULT_LIMITS, Limits

POLICIES = Path(__file__).parent.parent / "policies"
SWEDISH = {"src": ["TEST-SE"], "ver": "secondary",
           "sources": [{"id": "TEST-SE", "title": "Bokföringslag (1999:1078) 7 kap. 2 §", "url": "https://example.org"}],
           "retention": [{"id": "se_bookkeeping", "country": "SE", "record": "Bookkeeping records", "kind": "min",
                          "period": "P7Y", "statute": "BFL 7 kap. 2 §"}]}


@pytest.fixture(autouse=True)
def user_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This user's cache key, in a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache" / "pac" / "cache-key"


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A copy of the seed declarations, in the working folder."""
    shutil.copytree(POLICIES, tmp_path / "policies", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.chdir(tmp_path)
    return sorted(Path("policies").glob("*.yaml"))


def cached(cache: ModelCache, files: list[Path], reference: Reference | None = None,
           limits: Limits = DEFAULT_LIMITS) -> tuple:
    return cache.load_files(files, limits=limits, reference=reference or Reference.packaged())


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if len(p.name) == 64)


def test_a_hit_is_the_model_a_parse_gives(seeds, tmp_path, monkeypatch):
    cache = ModelCache(tmp_path / "cache")
    parsed = load_files(seeds)
    assert cached(cache, seeds) == parsed and len(entries(cache.folder)) == 1
    monkeypatch.setattr(pac.cache, "load_files", lambda *a, **k: pytest.fail("parsed again"))
    assert cached(cache, seeds) == parsed
    assert (cache.folder / ".gitignore").read_text().endswith("*\n") and (cache.folder / "CACHEDIR.TAG").exists()


@pytest.mark.parametrize("change", ["bytes", "name", "reference", "limits", "pac"])
def test_any_change_of_the_key_is_a_miss(seeds, tmp_path, monkeypatch, change: str):
    cache = ModelCache(tmp_path / "cache")
    cached(cache, seeds)
    reference, limits = None, DEFAULT_LIMITS
    if change == "bytes":
        seeds[0].write_bytes(seeds[0].read_bytes().replace(b"\n", b"\n\n", 1))
    elif change == "name":
        monkeypatch.chdir(tmp_path / "policies")
        seeds = [Path(p.name) for p in seeds]
    elif change == "reference":
        reference = Reference.packaged().with_overrides(SWEDISH)
    elif change == "limits":
        limits = Limits(max_bytes=DEFAULT_LIMITS.max_bytes - 1)
    else:
        monkeypatch.setattr(pac.cache, "_package_digest", lambda: "another pac")
    organisations, errors = cached(cache, seeds, reference, limits)
    assert len(entries(cache.folder)) == 2 and not errors
    assert organisations == load(seeds, limits=limits, reference=reference)  # (the locations name the files anew)


def test_a_damaged_or_foreign_entry_is_a_miss(seeds, tmp_path, monkeypatch):
    cache = ModelCache(tmp_path / "cache")
    expected = cached(cache, seeds)
    (entry,) = entries(cache.folder)
    whole = entry.read_bytes()
    header = len(pac.cache.FORMAT) + 32
    parses = []
    monkeypatch.setattr(pac.cache, "load_files", lambda *a, **k: parses.append(1) or load_files(*a, **k))
    foreign = pac.cache.FORMAT + bytes(32) + whole[header:]  # a whole entry, but stored for another key
    for damage in (whole[:-100], b"something else", whole.replace(b"pac-model-cache", b"pac-model-cachf"), foreign):
        entry.write_bytes(damage)
        assert cached(cache, seeds) == expected
    assert len(parses) == 4


def test_invalid_input_writes_no_entry(seeds, tmp_path):
    seeds[0].write_text("pac: 1\norganisation: 7\n", encoding="utf-8")
    cache = ModelCache(tmp_path / "cache")
    assert cached(cache, seeds)[1]
    assert not (tmp_path / "cache").exists()


def test_concurrent_writers_leave_whole_entries(seeds, tmp_path):
    cache = ModelCache(tmp_path / "cache")
    expected = load_files(seeds)
    threads = [threading.Thread(target=cached, args=(ModelCache(cache.folder), seeds)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(entries(cache.folder)) == 1 and not list(cache.folder.glob(".entry-*"))
    assert cached(cache, seeds) == expected


def test_old_entries_are_pruned(seeds, tmp_path, monkeypatch):
    cache = ModelCache(tmp_path / "cache")
    for number in range(pac.cache.KEEP + 3):
        cached(cache, seeds, limits=Limits(max_bytes=DEFAULT_LIMITS.max_bytes - number))
    assert len(entries(cache.folder)) == pac.cache.KEEP


def test_commands_cache_in_pac_cache_unless_told_not_to(seeds, tmp_path, run_pac):
    assert run_pac("validate", "policies", "--no-cache", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".pac_cache").exists()
    assert run_pac("validate", "policies", cwd=tmp_path).returncode == 0
    assert len(entries(tmp_path / ".pac_cache")) == 1
    done = run_pac("check", "policies", "--as-of", "2026-11-22", "--quiet", "--cache-dir", "elsewhere", cwd=tmp_path)
    assert done.returncode == 1 and len(entries(tmp_path / "elsewhere")) == 1


def test_pytest_caches_in_its_cache_folder_unless_the_cache_provider_is_off(pytester):
    pytester.mkdir("policies")
    shutil.copy(POLICIES / "wehelpen.yaml", pytester.path / "policies")
    args = ("-o", "pac_paths=policies", "--pac-as-of", "2026-11-22", "--pac-granularity", "organisation")
    pytester.runpytest(*args, "-p", "no:cacheprovider").assert_outcomes(failed=1)
    assert not (pytester.path / ".pytest_cache").exists()
    pytester.runpytest(*args, "-p", "cacheprovider").assert_outcomes(failed=1)
    assert len(entries(pytester.path / ".pytest_cache" / "d" / "pac")) == 1
    pytester.runpytest(*args, "-p", "cacheprovider", "--pac-no-cache", "--pac-cache-dir", "unused").assert_outcomes(failed=1)
    assert not (pytester.path / "unused").exists()


class _Payload:
    """What a hostile cache entry would hold: unpickling it makes a folder."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (str(self.marker),)


def test_an_entry_not_signed_with_this_users_key_is_never_unpickled(seeds, tmp_path, user_key, monkeypatch):
    # a cache folder committed to the repository, or written elsewhere: its key is computable from the inputs
    cache = ModelCache(tmp_path / "cache")
    expected = cached(cache, seeds)
    (entry,) = entries(cache.folder)
    marker = tmp_path / "code-ran"
    key = bytes.fromhex(entry.name)
    hostile = pickle.dumps(_Payload(marker))
    for mac in (b"", bytes(32), hmac.new(b"another user's key", key + hostile, hashlib.sha256).digest()):
        entry.write_bytes(pac.cache.FORMAT + key + mac + hostile)
        assert cached(cache, seeds) == expected and not marker.exists()
    assert user_key.stat().st_mode & 0o777 == 0o600
    user_key.write_bytes(os.urandom(32))  # another key: what this user's pac wrote before is a miss too
    parses = []
    monkeypatch.setattr(pac.cache, "load_files", lambda *a, **k: parses.append(1) or load_files(*a, **k))
    assert cached(cache, seeds) == expected and parses == [1]


def test_without_a_place_for_the_key_the_cache_is_off(seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    cache = ModelCache(tmp_path / "cache")
    assert cached(cache, seeds) == load_files(seeds)
    assert not (tmp_path / "cache").exists()
