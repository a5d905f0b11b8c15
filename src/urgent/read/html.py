"""HTML pages → main text (trafilatura) and metadata.

Steps, each a fallback for the one before:
  1. trafilatura's main-content extraction, tuned for precision: menus,
     share buttons and footers go, paragraphs and tables stay;
  2. for tiny pages trafilatura declines, the text of ``<body>`` with
     scripts and styles removed;
  3. for trees too big for trafilatura to finish in time (hostile or
     generated pages), the same plain extraction.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import extract_metadata

from urgent.errors import ReadError
from urgent.read.decode import decode_text, normalise_text, strip_line_ends
from urgent.read.raw import Meta, RawText
from urgent.read.sniff import HTML_TAG

# trafilatura takes ~85 µs an element (4 s for 50,000, 16 s for a 10 MB page of
# 450,000); a long real article has a few thousand.
MAX_ELEMENTS = 20_000

_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""")
_PARSER = lxml_html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)
_INVISIBLE = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "head", "select", "button",
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Never search the whole page for a date in running text: a copyright year
# or a date in the story is not the page's date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_html(data: bytes) -> RawText:
    text, encoding = decode_text(data, declared=_declared_charset(data))
    raw = html_text(text)
    raw.encoding = encoding
    return raw


def html_text(markup: str) -> RawText:
    """Main text and metadata of an HTML page given as str."""
    tree = _parse(markup)
    if _count_elements(tree) > MAX_ELEMENTS:
        text, meta = "", Meta(title=_title_element(tree))
    else:
        text, meta = _trafilatura_text(tree), _metadata(tree)
    if not text.strip():
        text = _plain_text(tree)
    text = _tidy(text)
    if not text.strip():
        raise ReadError("HTML page has no text")
    return RawText(text, "html", meta)


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii", errors="replace") if match else None


def _parse(markup: str) -> Any:
    # lxml refuses a str that carries its own encoding declaration.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        raise ReadError("HTML page has no text")
    try:
        return lxml_html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"could not parse HTML: {str(exc).splitlines()[0]}") from None


def _count_elements(tree: Any) -> int:
    count = 0
    for _ in tree.iter():
        count += 1
        if count > MAX_ELEMENTS:
            break
    return count


def _trafilatura_text(tree: Any) -> str:
    document = trafilatura.bare_extraction(
        tree,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    text = getattr(document, "text", None)
    return text if isinstance(text, str) else ""


def _metadata(tree: Any) -> Meta:
    found = extract_metadata(tree, date_config=dict(_DATE_PARAMS))
    return Meta(
        title=found.title or _title_element(tree),
        date=found.date or None,
        url=found.url or None,
        author=found.author or None,
        sitename=found.sitename or None,
    )


def _title_element(tree: Any) -> str | None:
    titles = tree.xpath("//head/title/text()")
    title = " ".join(str(titles[0]).split()) if titles else ""
    return title or None


def _plain_text(tree: Any) -> str:
    """The visible text of ``<body>``, one line per block element."""
    body = tree.find("body")
    root = body if body is not None else tree
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    parts: list[str] = []
    # iterwalk, not recursion: a hostile page nests elements thousands deep.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n")
            elif tag in _CELLS:
                parts.append("\t")
            if element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    return "".join(parts)


def _tidy(text: str) -> str:
    text = normalise_text(text).replace("\xa0", " ")
    # Text that shows markup (an escaped "<script>" in a page) must not come
    # out looking like markup: readers of our output render it.
    text = HTML_TAG.sub("", text)
    text = strip_line_ends(text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")
