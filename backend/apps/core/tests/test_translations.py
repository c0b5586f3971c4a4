"""Every app's Arabic catalogue is complete, and its committed .mo matches its .po."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = sorted(settings.BACKEND_DIR.glob("apps/*/locale/ar/LC_MESSAGES/django.po"))
ENTRY = re.compile(r'^(?:msgctxt "(?P<ctx>(?:[^"\\]|\\.)*)"\n)?msgid "(?P<id>(?:[^"\\]|\\.)*)"\n', re.M)


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(block: str) -> str:
    joined = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), joined)


def _entries(po_path: Path) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) for each entry except the header; a msgid with a context is keyed as gettext
    keys it."""
    entries = []
    for block in po_path.read_text(encoding="utf-8").split("\n\n"):
        if block.lstrip().startswith("#~") or "msgid" not in block:
            continue
        msgid_part = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgid = _unquote(msgid_part.group(1))
        if not msgid:
            continue
        if msgctxt_part := re.search(r'^msgctxt ((?:".*"\n?)+)', block, re.M):
            # As gettext keys an entry with a context (`pgettext`): "context\x04msgid".
            msgid = f"{_unquote(msgctxt_part.group(1))}\x04{msgid}"
        strs = [_unquote(m.group(1)) for m in re.finditer(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.M)]
        entries.append((msgid, strs, "#, fuzzy" in block))
    return entries


def test_there_are_arabic_catalogues():
    assert len(CATALOGUES) >= 1


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_every_message_has_an_arabic_translation(po_path):
    untranslated = [msgid for msgid, strs, fuzzy in _entries(po_path) if fuzzy or not all(strs)]

    assert untranslated == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_matches_its_source(po_path):
    with po_path.with_suffix(".mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)

    stale = [
        msgid for msgid, strs, _fuzzy in _entries(po_path) if len(strs) == 1 and compiled.gettext(msgid) != strs[0]
    ]

    assert stale == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_contains_every_string_of_its_app(po_path, tmp_path):
    """Re-extract the app's strings and check that none is missing from the committed catalogue."""
    app_dir = po_path.parents[3]
    sources = sorted(str(p) for p in app_dir.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts)
    pot = tmp_path / "app.pot"
    subprocess.run(
        [
            "xgettext",
            "-L",
            "Python",
            "--from-code=UTF-8",
            "-k_",
            "-kgettext",
            "-kgettext_lazy",
            "-kpgettext:1c,2",
            "-kpgettext_lazy:1c,2",
            "-kngettext:1,2",
            "-kngettext_lazy:1,2",
            "-o",
            str(pot),
            *sources,
        ],
        check=True,
    )
    extracted = {msgid for msgid, _strs, _fuzzy in _entries(pot)} if pot.exists() else set()
    committed = {msgid for msgid, _strs, _fuzzy in _entries(po_path)}

    assert sorted(extracted - committed) == []
