"""The interface in Simplified Chinese and Korean, and catalogs that keep up with the code.

The catalogs live in src/urgent/web/locale/ and are compiled at install (`make install`).
After adding or changing a marked string, from src/urgent/web:

    ../../../.venv/bin/django-admin makemessages -l zh_Hans -l ko --no-obsolete --settings urgent.web.settings
    (translate every new or changed entry, remove "fuzzy")
    ../../../.venv/bin/django-admin compilemessages
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client

from tests.conftest import ROOT

WEB = ROOT / "src" / "urgent" / "web"
LOCALE = WEB / "locale"
CATALOGS = {"zh-hans": "zh_Hans", "ko": "ko"}  # interface language -> catalog directory

# What a supporter and a campaigner see, and an English string that must be gone.
HOME = {
    "zh-hans": ["他们身处险境：请在截止日期前行动", "立即行动", "所有国家", "强制遣返"],
    "ko": ["위험에 처한 사람들: 마감일 전에 행동해 주세요", "행동하기", "모든 국가", "강제 송환"],
}
CASE = {
    "zh-hans": ["谁身处险境", "立即行动", "状态: 进行中"],
    "ko": ["위험에 처한 사람", "행동하기", "상태: 진행 중"],
}
ACT = {
    "zh-hans": ["我已寄出", "复制信件", "下载 PDF", "您是通过什么方式寄出的？", "电子邮件"],
    "ko": ["보냈습니다", "편지 복사하기", "PDF 내려받기", "어떤 방법으로 보내셨나요?", "이메일"],
}
DASHBOARD = {
    "zh-hans": ["待您处理", "概览", "待审核文件", "审计日志"],
    "ko": ["처리할 일", "대시보드", "검토할 문서", "감사 기록"],
}


def _in(language: str, client: Client | None = None, header: bool = False) -> Client:
    """A client speaking ``language``: by the Accept-Language header, or by the cookie the switcher sets."""
    if header:
        return Client(HTTP_ACCEPT_LANGUAGE=language)
    client = client or Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def open_case(published):
    """A published case, open, with someone to write to and a deadline in two days."""
    case = next(c for c in published if c.targets.exists())
    case.status, case.deadline = "open", date.today() + timedelta(days=2)
    case.save()
    return case


@pytest.mark.parametrize("language", CATALOGS)
@pytest.mark.parametrize("header", [True, False], ids=["accept-language", "cookie"])
def test_supporters_pages_speak_the_visitors_language(open_case, language: str, header: bool) -> None:
    client = _in(language, header=header)
    home = _page(client, "/")
    assert f'<html lang="{language}">' in home
    assert all(text in home for text in HOME[language])
    assert {"zh-hans": "还剩 2 天", "ko": "2일 남음"}[language] in home  # a plural form
    assert "People at risk: act before the deadline" not in home and "Take action" not in home

    case = _page(client, f"/cases/{open_case.pk}/")
    assert all(text in case for text in CASE[language])
    assert "Who is at risk" not in case and "Take action" not in case

    act = _page(client, f"/cases/{open_case.pk}/act/")
    assert all(text in act for text in ACT[language])
    assert "I sent it" not in act and "Copy the letter" not in act


@pytest.mark.parametrize("language", CATALOGS)
def test_campaigner_pages_speak_the_campaigners_language(campaigner_client, published, language) -> None:
    page = _page(_in(language, campaigner_client), "/campaign/")
    assert all(text in page for text in DASHBOARD[language])
    assert "Waiting for you" not in page and "Audit log" not in page
    cases = _page(campaigner_client, "/campaign/cases/")
    assert {"zh-hans": "是否发布", "ko": "공개 여부"}[language] in cases  # a form label from Python
    assert {"zh-hans": "全部状态", "ko": "모든 상태"}[language] in cases


def test_the_switcher_changes_the_next_page_even_a_cached_one(open_case) -> None:
    client = Client()
    page = _page(client, "/")  # in English first: the page is now in the cache
    assert "Take action" in page and '<form action="/i18n/setlang/" method="post" class="language">' in page
    for language, heading in (("ko", "행동하기"), ("zh-hans", "立即行动"), ("en", "Take action")):
        response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
        assert response.status_code == 302 and response["Location"] == "/"
        page = _page(client, "/")
        assert f'<html lang="{language}">' in page and heading in page
    assert "立即行动" not in page


def test_the_switcher_names_each_language_in_its_own_script(db: None) -> None:
    page = _page(_in("ko"), "/")
    options = page.split('id="language-select"')[1].split("</select>")[0]
    assert all(f">{name}</option>" in options for name in ("English", "简体中文", "한국어"))


# The catalogs -------------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str
    plural: str | None
    msgstr: list[str]
    flags: set[str]

    @property
    def key(self) -> tuple[str, str | None]:
        return self.msgid, self.plural


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header first; polib is not a dependency for this."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        name = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith("#~"):
                raise AssertionError(f"{path}: obsolete entry left in the catalog: {line}")
            elif line.startswith('"'):
                fields[name] += ast.literal_eval(line)
            elif not line.startswith("#"):
                name, value = line.split(" ", 1)
                fields[name] = ast.literal_eval(value)
        strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
        entries.append(Entry(fields["msgid"], fields.get("msgid_plural"), strs, flags))
    return entries


def placeholders(text: str) -> set[str]:
    """Python-format and brace placeholders: %(n)s, %(size).1f, %d, {name}."""
    return set(re.findall(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[sd]|\{\w+\}", text))


@pytest.mark.parametrize("catalog", CATALOGS.values())
def test_every_message_is_translated(catalog: str) -> None:
    header, *entries = read_po(LOCALE / catalog / "LC_MESSAGES" / "django.po")
    assert "fuzzy" not in header.flags
    assert "Plural-Forms: nplurals=1; plural=0;" in header.msgstr[0]
    assert entries
    for e in entries:
        assert "fuzzy" not in e.flags, e.msgid
        assert len(e.msgstr) == 1 and e.msgstr[0].strip(), f"not translated: {e.msgid!r}"
        # one form for every number: it must carry the plural's placeholders
        assert placeholders(e.msgstr[0]) == placeholders(e.plural or e.msgid), e.msgid


@pytest.mark.parametrize("catalog", CATALOGS.values())
def test_compiled_catalogs_match_their_sources(catalog: str) -> None:
    """A .mo older than its .po would show stale text: `make install` compiles them."""
    directory = LOCALE / catalog / "LC_MESSAGES"
    assert (directory / "django.mo").exists(), "not compiled: run `make install`"
    with (directory / "django.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    _header, *entries = read_po(directory / "django.po")
    for e in entries:
        got = compiled.ngettext(e.msgid, e.plural, 1) if e.plural else compiled.gettext(e.msgid)
        assert got == e.msgstr[0], f"{catalog}: django.mo is out of date (run `make install`): {e.msgid!r}"


def test_catalogs_hold_exactly_the_strings_marked_in_the_code(tmp_path, settings, monkeypatch) -> None:
    """A string marked for translation but missing from the catalogs (or one left in them
    after the code dropped it) fails here: extract afresh from a copy and compare."""
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__"))
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]  # never the real catalogs
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["ko"], verbosity=0)
    marked = {e.key for e in read_po(copy / "locale" / "ko" / "LC_MESSAGES" / "django.po")[1:]}
    for catalog in CATALOGS.values():
        kept = {e.key for e in read_po(LOCALE / catalog / "LC_MESSAGES" / "django.po")[1:]}
        assert not marked - kept, f"{catalog}: marked but not in the catalog: {sorted(marked - kept)}"
        assert not kept - marked, f"{catalog}: in the catalog but no longer marked: {sorted(kept - marked)}"
