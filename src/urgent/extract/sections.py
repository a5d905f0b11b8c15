"""Text → blocks: the recommended actions, the addressee blocks, the background.

One pass over the lines with a small state machine driven by the headings in
`patterns.HEADINGS`:

    body ─action heading→ action ─"SEND APPEALS … TO:"→ targets ─"copies to"→ copies
      │                     └─"APPEALS TO X AUTHORITIES:"→ group (asks and targets of X)
      └─ "Dear …," (a letter) → the addressee block above it, "CC:" below

Each ask line and each addressee block keeps the group heading it sits under.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from urgent.extract import addressee
from urgent.extract.context import Context, Line
from urgent.extract.dates import find_dates
from urgent.extract.patterns import (
    ASK_GROUP,
    ASK_VERBS,
    BULLET,
    CONTACT_LABEL,
    DIPLOMATS,
    HEADINGS,
    LETTER_CLOSING,
    LETTER_OPENING,
    NON_TARGET_LINE,
    RE_LINE,
    SALUTATION_LABEL,
)

_ASK_VERBS = frozenset(ASK_VERBS)


@dataclass
class AskLine:
    start: int
    end: int
    group: str | None
    bulleted: bool


@dataclass
class Block:
    lines: list[tuple[int, int]]
    role: str
    group: str | None
    salutation: tuple[int, int] | None = None  # from a "Dear …," line
    complete: bool = False  # has an address or contact line
    contacts: bool = False  # has contact details
    closed: bool = False


@dataclass
class Layout:
    asks: list[AskLine] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    action_start: int | None = None  # where the recommended actions begin
    action_lines: list[Line] = field(default_factory=list)  # the headings that start them
    background: list[tuple[int, int]] = field(default_factory=list)
    opening: Line | None = None  # "Dear …," of a letter
    closing: Line | None = None  # "Sincerely,"
    model_letter: tuple[int, int] | None = None  # a letter text inside an UA
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    _spans_for: int = field(default=-1, repr=False)

    def in_background(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.background)

    def in_blocks(self, offset: int) -> bool:
        spans = self._block_spans()
        k = bisect_right(spans, (offset, float("inf"))) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    def _block_spans(self) -> list[tuple[int, int]]:
        if self._spans is None or self._spans_for != len(self.blocks):
            self._spans = sorted((a, b) for blk in self.blocks for a, b in blk.lines)
            self._spans_for = len(self.blocks)
        return self._spans


_GENERIC = frozenset(
    "authorities authority government governments officials police president prime minister "
    "ministers minister prosecutor courts court army military".split()
)


def group_name(raw: str) -> str:
    """ "IRANIAN AUTHORITIES" → "Iranian authorities", "THE ICRC" → "ICRC"."""
    words = re.sub(r"^(?:the|las?|los|les?|l')\s+", "", raw.strip(" :"), flags=re.I).split()
    shouting = all(not w.isalpha() or w.isupper() for w in words)
    out = []
    for w in words:
        if w.lower() in _GENERIC:
            out.append(w.lower())
        elif shouting and not (w in addressee.ACRONYMS or (len(words) == 1 and len(w) <= 6)):
            out.append(w.capitalize() if w.lower() not in ("of", "and", "the", "in") else w.lower())
        else:
            out.append(w)
    return " ".join(out)


class Scanner:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.out = Layout()
        self.state = "body"
        self.group: str | None = None
        self.role = "appeal"
        self.block: Block | None = None
        self.background_start: int | None = None
        # lines of the action section that are neither asks nor contacts: an addressee's
        # name, title and address when contact lines follow them
        self.unplaced: list[Line] = []

    def scan(self) -> Layout:
        for line in self.ctx.lines:
            self._line(line)
        self._close()
        self._end_background(len(self.ctx.text))
        if self.out.opening and not any(b.role == "appeal" for b in self.out.blocks):
            self._letter_addressee()
        return self.out

    # -- state changes --------------------------------------------------------
    def _line(self, line: Line) -> None:
        s = line.stripped
        if len(s) > 320:  # a paragraph of running text is never a heading or an address
            handler = getattr(self, f"_in_{self.state}", None)
            if handler and self.state in ("action", "group"):
                handler(line)
            elif self.state in ("targets", "copies"):
                self._close()
            return
        if HEADINGS.background.match(s):
            self._close()
            self.state = "background"
            self.background_start = line.start
            return
        if self.state == "background" and (HEADINGS.action.search(s) or HEADINGS.appeals_to.match(s)):
            self._end_background(line.start)
        if self.state != "body" and HEADINGS.action_end.search(s):
            self._close()
            self.state = "after"
            return
        m = HEADINGS.copies_to.match(s)
        if m and not SALUTATION_LABEL.match(s):
            self._close()
            self.state, self.role = "targets", "copy"
            self._inline_after_heading(line, m.end())
            return
        if HEADINGS.appeals_to.match(s) and self.state != "model_letter":
            self._appeals_heading(line)
            return
        if (
            self.state in ("body", "background", "after", "action")
            and HEADINGS.action.search(s)
            and not BULLET.match(s)
        ):
            self._action_heading(line)
            return
        if LETTER_OPENING.match(s) and len(s) < 120:
            self._opening(line)
            return
        if LETTER_CLOSING.match(s):
            self._close()
            self.out.closing = self.out.closing or line
            if self.state == "model_letter" and self.out.model_letter:
                self.out.model_letter = (self.out.model_letter[0], line.start)
            self.state = "after" if self.state != "body" else "body"
            return
        handler = getattr(self, f"_in_{self.state}", None)
        if handler:
            handler(line)

    def _action_heading(self, line: Line) -> None:
        self._close()
        self.unplaced = []
        self.state = "action"
        if self.out.action_start is None:
            self.out.action_start = line.start
        self.out.action_lines.append(line)
        self.group = _group_of(line.text)

    def _appeals_heading(self, line: Line) -> None:
        self._close()
        if self.out.action_start is None:
            self.out.action_start = line.start
        s = line.stripped
        name = _group_raw(s)
        if name and not find_dates(name) and not re.search(r"\bbefore\b|\bavant\b|\bantes\b", name, re.I):
            self.group = group_name(name)
            self.state = "group"  # asks, then the targets, of this group
            self.out.action_lines.append(line)
        else:
            self.state = "targets"
        self.role = "appeal"

    def _opening(self, line: Line) -> None:
        if self.state in ("targets", "group") and self.block and not self.block.salutation:
            self.block.salutation = (line.start, line.end)
            self._close()
            self.state = "model_letter"
            self.out.model_letter = (line.end, len(self.ctx.text))
            return
        sample = _SAMPLE.search(self.ctx.text, max(0, line.start - 120), line.end) is not None
        if self.out.model_letter is None and (
            (self.state in ("action", "after") and self.out.blocks)
            or (sample and self.out.opening is not None)
        ):
            self.state = "model_letter"
            self.out.model_letter = (line.end, len(self.ctx.text))
            return
        if self.out.opening is None:
            self.out.opening = line

    def _end_background(self, end: int) -> None:
        if self.background_start is not None:
            self.out.background.append((self.background_start, end))
            self.background_start = None

    # -- lines inside a state -------------------------------------------------
    def _in_action(self, line: Line) -> None:
        s = line.stripped
        bullet = BULLET.match(s)
        first = re.match(r"[^\W\d_]+", s[bullet.end() :] if bullet else s)
        verb = first is not None and first.group().lower() in _ASK_VERBS
        if bullet or verb:
            self.out.asks.append(AskLine(line.start, line.end, self.group, bool(bullet)))
            self.unplaced = []
        elif self.out.asks and s[:1].islower() and not self.out.asks[-1].end < line.start - 2:
            self.out.asks[-1].end = line.end  # a wrapped ask continues
        elif self._looks_like_target(s):
            self.state = "targets"
            # "Minister of Interior / Mr Karim BELHADJ / … / Email: …": the lines just above
            # the first contact line, with no blank line between, are the addressee's
            above: list[Line] = []
            for prev in reversed(self.unplaced):
                if self.ctx.text.count("\n", prev.end, (above[0] if above else line).start) > 1:
                    break
                above.insert(0, prev)
            self.unplaced = []
            for prev in above:
                self._in_targets(prev)
            self._in_targets(line)
        elif len(s) <= 120 and not _is_prose(s):
            self.unplaced.append(line)

    def _in_group(self, line: Line) -> None:
        if BULLET.match(line.stripped) and not self.block:
            self.out.asks.append(AskLine(line.start, line.end, self.group, True))
        else:
            self._in_targets(line)

    def _in_targets(self, line: Line) -> None:
        s = line.stripped
        contact = CONTACT_LABEL.search(s)
        if NON_TARGET_LINE.search(s) and not contact:
            self._close()
            if DIPLOMATS.search(s):
                self._inline_after_sentence(line)
            return
        office = None if contact else addressee.office_heading(s)
        if _is_prose(s) and not office:
            self._close()
            return
        head = s[: contact.start()] if contact else s
        bullet = BULLET.match(head)
        if bullet and not addressee.HONORIFIC.match(head):
            head = head[bullet.end() :]  # "- Viktar Lahoyski, Prosecutor General"
        salutation = SALUTATION_LABEL.match(s)
        note = head.startswith("(") or head.lower().startswith("c/o") or bool(salutation)
        kind = addressee.classify(head) if head.strip() and not note else "address"
        if office:
            kind = "title"
        blank_before = self.ctx.text[max(0, line.start - 2) : line.start].count("\n") >= 2
        # A name after an address line may be an address ("Above Pasteur Intersection");
        # after contact details or a blank line it starts the next addressee.
        starts_new = kind in ("title", "org", "mixed") or (
            kind == "name" and (self.block is None or self.block.contacts or blank_before)
        )
        if (
            kind == "address"
            and not note
            and self.block
            and self.block.contacts
            and not contact
            and not salutation
            and not LETTER_OPENING.match(s)
        ):
            starts_new = True  # addresses come before contact lines, not after
        if BULLET.match(s) and self.block and self.block.contacts:
            starts_new = True  # "· Mr. A, Minister …, Fax: …" / "· Mr. B, …": one addressee a bullet
        if self.block and (self.block.closed or (self.block.complete and starts_new)):
            self._close()
        if self.block is None:
            if not head.strip() and self.out.blocks and not self.out.blocks[-1].closed:
                self.block = self.out.blocks.pop()  # contacts continuing the last block
            else:
                self.block = Block([], self.role, self.group)
        self.block.lines.append((line.start, line.end))
        if salutation:
            self.block.closed = True
        elif kind == "address" or contact:
            self.block.complete = True
            self.block.contacts = self.block.contacts or bool(contact or "@" in s)

    _in_copies = _in_targets

    def _in_model_letter(self, line: Line) -> None:
        pass  # read by the asks extractor through `model_letter`

    def _close(self) -> None:
        if self.block and self.block.lines:
            self.out.blocks.append(self.block)
        self.block = None

    # -- inline targets -------------------------------------------------------
    def _inline_after_heading(self, line: Line, cut: int) -> None:
        rest = line.text[line.text.find(line.stripped) + cut :]
        start = line.end - len(rest)
        if DIPLOMATS.search(rest):
            self._inline_after_sentence(Line.of(start, line.end, rest))
        elif rest.strip(" :") and (CONTACT_LABEL.search(rest) or re.search(r"\d|@", rest)):
            self.out.blocks.append(Block([(start, line.end)], self.role, self.group, complete=True))

    def _inline_after_sentence(self, line: Line) -> None:
        """ "Also send copies to diplomatic representatives …. HIS EXCELLENCY MR X, Embassy …, …"."""
        m = re.search(r"[.:]\s+(?=\S)", line.text)
        if not m:
            return
        rest = line.text[m.end() :]
        if re.search(r"\d{3}|@", rest):
            self.out.blocks.append(Block([(line.start + m.end(), line.end)], "copy", None, complete=True))

    def _looks_like_target(self, s: str) -> bool:
        return bool(CONTACT_LABEL.search(s) or SALUTATION_LABEL.match(s))

    # -- letters --------------------------------------------------------------
    def _letter_addressee(self) -> None:
        """The addressee block of a letter sits above its "Dear …," line."""
        opening = self.out.opening
        assert opening is not None
        lines = self.ctx.lines
        i = lines.index(opening) - 1
        while i >= 0 and (RE_LINE.match(lines[i].stripped) or _is_date_line(lines[i].stripped)):
            i -= 1
        picked: list[Line] = []
        while i >= 0:
            ln = lines[i]
            s = ln.stripped
            if RE_LINE.match(s) or _is_date_line(s) or _is_prose(s):
                break
            if picked and self.ctx.text[ln.end : picked[0].start].count("\n") > 1:
                break  # a blank line above the block ends it
            picked.insert(0, ln)
            i -= 1
        if not picked:
            return
        block = Block(
            [(ln.start, ln.end) for ln in picked],
            "appeal",
            None,
            salutation=(opening.start, opening.end),
            complete=True,
        )
        self.out.blocks.insert(0, block)


# "SAMPLE LETTER:" / "Dear __________,": a letter for supporters to copy, not the document's own
_SAMPLE = re.compile(r"\b(?:sample|model|template|suggested) letter\b|_{4,}|\.{4,}|…", re.IGNORECASE)


def _group_raw(text: str) -> str | None:
    g = ASK_GROUP.search(text)
    return next((v for v in g.groupdict().values() if v), None) if g else None


def _group_of(text: str) -> str | None:
    raw = _group_raw(text)
    return group_name(raw) if raw else None


def _is_prose(s: str) -> bool:
    """A sentence of running text, not an address line."""
    words = s.split()
    if len(words) < 9 or CONTACT_LABEL.search(s):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    if lower >= len(words) * 0.6 and len(words) >= 10:
        return True
    return lower >= len(words) * 0.4 and bool(re.search(r"[.!?:]$|\b(?:is|are|was|were|have|has)\b", s))


def _is_date_line(s: str) -> bool:
    dates = find_dates(s)
    return bool(dates) and dates[0][1] - dates[0][0] >= len(s.strip(" ,.")) - 12


def scan(ctx: Context) -> Layout:
    return Scanner(ctx).scan()
