"""Web-page furniture that survives when a page is saved as text.

Menus, share buttons, donation appeals, newsletter boxes, related-article
lists and footers. Patterns are generic web phrases, never a site's text.
A line is dropped only when the whole line is furniture.
"""

from __future__ import annotations

import re

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
    rf"share(?: this)?(?: (?:via|on|to|with))? {_SOCIAL}(?: .*)?",
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
LINE_RE = re.compile(r"^\s*(?:" + "|".join(LINE_PATTERNS) + r")\s*$", re.IGNORECASE)
# The same, for every line of a text in one pass (lines up to 420 characters).
LINES_RE = Lowered(
    re.compile(
        r"^[ \t]*(?=[^\n]{1,420}$)(?:" + "|".join(LINE_PATTERNS) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE
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
