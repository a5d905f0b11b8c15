"""Web-page furniture that survives when a page is saved as text.

Menus, share buttons, donation appeals, newsletter boxes, related-article
lists and footers. Patterns are generic web phrases, never a site's text.
A line is dropped only when the whole line is furniture.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from urgent.read.lowered import Lowered

_SOCIAL = r"(?:Facebook|Twitter|X|WhatsApp|E-?mail|LinkedIn|Reddit|Telegram|Printer|Print|Pinterest|Bluesky|Threads|Mastodon|Instagram|YouTube|TikTok|Weibo|WeChat|VK|Line|Tumblr|Flipboard|Messenger)"

# Share and follow buttons, in any number on one line.
_BUTTON = (
    rf"(?:other ways to share|share(?: this)?(?: (?:via|on|to|with))? {_SOCIAL}|"
    rf"(?:follow us|connect with us|find us)(?: on)?|{_SOCIAL})"
)

# Whole lines that are furniture.
LINE_PATTERNS = [
    rf"{_BUTTON}(?:[ ,|/]*{_BUTTON})*",
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)?.*",
    rf"share(?: this)?(?: (?:via|on|to|with))?:? {_SOCIAL}(?: .*)?",
    r"(?:\[[^\]\n]{1,40}\][ \t]*)+",  # buttons: "[Accept]  [No, give me more info]"
    r"home[ \t]*[»›>][ \t].{0,200}",  # a breadcrumb trail: "Home » Case » …"
    r"download(?: (?:the )?(?:pdf|report|document|file)| as pdf)?(?: \(\d.{0,20}\))?",
    r"(?:other ways to share|share(?: this)?(?: page| article| story)?|tweet|print(?: this)?|e-?mail this)",
    rf"(?:follow us(?: on)?|connect with us|find us on)(?: {_SOCIAL})*",
    rf"{_SOCIAL}(?:[ ,|]+{_SOCIAL})*",
    r"(?:donate(?: now| today)?|give(?: now| today)?|join(?: us| now)?|sign up|subscribe|search|menu|"
    r"close|open menu|main menu|more languages|available in|log ?in|sign in|take action|read more|"
    r"load more|back to top|top|home|next|previous|footer menu|site map|sitemap|contact us|"
    r"privacy(?: policy| notice)?|cookie (?:policy|settings|preferences)|terms(?: of (?:use|service))?|"
    r"corrections|permissions|accessibility|careers|press|media|newsletter|rss|processing\.*)",
    r"(?:click|tap) to (?:expand|enlarge|view|play).*",
    r"(?:©|copyright\b).{0,200}",
    r".{0,120}\ball rights reserved\b.{0,80}",
    r".{0,200}\b(?:please (?:give|donate)|donate now|tax[- ]deductible|make a (?:gift|donation)|"
    r"support our work|your gift\b|your donation\b).{0,200}",
    r".{0,200}\b(?:501 ?\(c\) ?\(3\)|registered charity|charity (?:number|no)|EIN:).{0,200}",
    r".{0,120}\b(?:sign(?:ing)? up|subscrib\w*|newsletter|enter (?:an|your) e-?mail(?: address)?|"
    r"get updates on|join our (?:movement|mailing list)).{0,120}",
    r".{0,150}\bcookies?\b.{0,150}",
    r"(?:(?:[$€£¥]\s?[\d,.]+|other\s*[$€£¥]?)\s*)+",  # donation amounts
    r"(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?",  # page numbers
]

# The patterns that find furniture anywhere in a line ("… all rights reserved …") are
# tried at every position of every line: each is left out for a text that has none of
# the words it needs (lower case).
_NEEDS = {
    r"all rights reserved": ("all rights reserved",),
    r"please (?:give|donate)": (
        "please give",
        "please donate",
        "donate now",
        "tax-deductible",
        "tax deductible",
        "make a gift",
        "make a donation",
        "support our work",
        "your gift",
        "your donation",
    ),
    r"501 ?\(c\)": ("501", "registered charity", "charity number", "charity no", "ein:"),
    r"sign(?:ing)? up": (
        "sign up",
        "signing up",
        "subscrib",
        "newsletter",
        "enter an e",
        "enter your e",
        "get updates on",
        "join our movement",
        "join our mailing list",
    ),
    r"cookies?": ("cookie",),
}
_GATED = {
    i: next(words for key, words in _NEEDS.items() if key in p)
    for i, p in enumerate(LINE_PATTERNS)
    if p.startswith(".{0,") and any(key in p for key in _NEEDS)
}
assert len(_GATED) == len(_NEEDS), "every pattern that searches a whole line names its words"


def lines_re(lower: str | None) -> Lowered:
    """Every furniture line of a text in one pass (lines up to 420 characters), with
    ``lower`` = the text lower-cased (None: keep every pattern). Patterns whose words
    the text lacks are left out: they could not match."""
    if lower is None:
        return _lines_re(frozenset())
    present = set(_gate_words().find_matches_as_strings(lower, overlapping=True))
    return _lines_re(frozenset(i for i, words in _GATED.items() if present.isdisjoint(words)))


@cache
def _gate_words() -> Any:
    """Every word of `_NEEDS`, found in one pass (Aho-Corasick) instead of one search each."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(
        sorted({w for words in _GATED.values() for w in words}),
        store_patterns=True,
        implementation=ahocorasick_rs.Implementation.DFA,  # a few words: a small, fast DFA
    )


@cache  # one per set of patterns left out: at most 2 ** len(_GATED)
def _lines_re(left_out: frozenset[int]) -> Lowered:
    kept = [p for i, p in enumerate(LINE_PATTERNS) if i not in left_out]
    return Lowered(
        re.compile(
            r"^[ \t]*(?=[^\n]{1,420}$)(?:" + "|".join(kept) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE
        )
    )


# A line like these ends the article on a web page: what follows is related
# content, tags and the footer.
TAIL_MARKERS = re.compile(
    r"^\s*(?:more reading|related(?: content| articles| news| stories| reading| posts)?|"
    r"most (?:viewed|read|popular)|recommended(?: for you)?|you may also like|read (?:more|next)|"
    r"region ?/ ?country|topics?|tags?|keywords|filed under|see also|latest news)\s*:?\s*$",
    re.IGNORECASE,
)

# Language switchers: names of languages in their own scripts.
LANGUAGE_NAMES = {
    "english",
    "français",
    "francais",
    "deutsch",
    "español",
    "espanol",
    "português",
    "portugues",
    "italiano",
    "nederlands",
    "русский",
    "العربية",
    "عربي",
    "فارسی",
    "日本語",
    "中文",
    "简中",
    "繁中",
    "简体中文",
    "繁體中文",
    "繁体中文",
    "한국어",
    "türkçe",
    "polski",
    "bahasa indonesia",
    "tiếng việt",
    "ไทย",
    "עברית",
    "हिन्दी",
    "اردو",
    "kiswahili",
    "more languages",
    "українська",
    "ελληνικά",
}
