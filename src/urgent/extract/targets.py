"""Addressee blocks → targets (appeal or copy), and the signatories of letters."""

from __future__ import annotations

import re

from urgent.extract import geo
from urgent.extract.addressee import (
    BlockReader,
    Parsed,
    Piece,
    is_title_phrase,
    name_words,
    strip_honorific,
    word_kind,
)
from urgent.extract.context import Context
from urgent.extract.patterns import ORG_NAME, ORGANISATION_RES
from urgent.extract.sections import Layout
from urgent.record import Signatory, Target


def targets(ctx: Context, layout: Layout, sender: str | None = None) -> list[Target]:
    """The addressee blocks that name someone to write to; ``sender``: the organisation
    that issued the document, whose own contact details are never a target."""
    out: list[Target] = []
    for block in layout.blocks:
        region = _group_country(block.group)
        p = BlockReader(ctx.text, region).read(block.lines)
        if block.salutation and not p.salutation:
            a, b = block.salutation
            line = ctx.text[a:b].strip()
            start = a + ctx.text[a:b].find(line)
            end = start + len(line.rstrip(",:; "))
            p.salutation = Piece(start, end, ctx.text[start:end])
        if not _valid(p) or _is_sender(p, sender):
            continue
        out.append(_target(ctx, p, block.role, block.group, len(out), region))
    return out


def _is_sender(p: Parsed, sender: str | None) -> bool:
    """ "Gulf Centre for Human Rights (GCHR) / PO Box … / Email: …" at the foot of the
    centre's own press release: its contact details, not an addressee."""
    if not sender or p.title:
        return False
    who = p.name or p.organisation
    return who is not None and sender.lower() in who.text.lower()


def _group_country(group: str | None) -> str | None:
    """ "Egyptian authorities" → EG, "authorities in Bahrain" → BH."""
    found = geo.find_countries(group) if group else []
    return found[0].code if found else None


def _valid(p: Parsed) -> bool:
    """A target names someone (or an office) and says how to reach them."""
    if not p.has_identity:
        return False
    if p.emails or p.faxes or p.phones or p.salutation:
        return True
    # Without contacts, an address needs a number (street, postcode, box).
    return bool(re.search(r"\d", " ".join(x.text for x in p.address)))


def _target(ctx: Context, p: Parsed, role: str, group: str | None, i: int, region: str | None) -> Target:
    path = f"targets[{i}]"
    t = Target(role=role, group=group)
    anchor = p.name or p.title or p.organisation
    if group and anchor:
        at = ctx.lower.rfind(group.lower(), 0, anchor.start)
        if at >= 0:
            ctx.mark(f"{path}.group", at, at + len(group))
    if p.name:
        t.name = p.name.text
        ctx.mark(f"{path}.name", p.name.start, p.name.end)
    if p.title:
        t.title = p.title.text
        ctx.mark(f"{path}.title", p.title.start, p.title.end)
    elif p.title_value:
        t.title = p.title_value  # translated from pinyin; span: the name line
    if p.organisation:
        t.organisation = p.organisation.text
        ctx.mark(f"{path}.organisation", p.organisation.start, p.organisation.end)
    for j, piece in enumerate(p.address):
        t.address.append(piece.text)
        ctx.mark(f"{path}.address[{j}]", piece.start, piece.end)
    t.country = p.country or region
    if p.country_span:
        ctx.mark(f"{path}.country", *p.country_span)
    for field in ("emails", "faxes", "phones"):
        values: list[str] = getattr(t, field)
        for a, b, value in getattr(p, field):
            if value not in values:
                ctx.mark(f"{path}.{field}[{len(values)}]", a, b)
                values.append(value)
    if p.salutation:
        t.salutation = p.salutation.text
        ctx.mark(f"{path}.salutation", p.salutation.start, p.salutation.end)
    t.role = role
    ctx.mark(f"{path}.role", *_role_span(ctx, p))
    return t


def _role_span(ctx: Context, p: Parsed) -> tuple[int, int]:
    first = p.name or p.title or p.organisation
    assert first is not None
    return first.start, first.end


def signatories(ctx: Context, layout: Layout) -> list[Signatory]:
    """Who signed a letter: the lines after its closing ("Sincerely,")."""
    if layout.closing is None:
        return []
    lines = [ln for ln in ctx.lines if ln.start > layout.closing.start][:16]
    out: list[Signatory] = []
    bodies = False  # after "Signatories:", a joint letter's list of signing organisations
    for ln in lines:
        s = ln.stripped
        if re.match(r"^\W*(?:cc|copies|copy|encl|p\.?s)\b", s, re.I) or len(s) > 160:
            break
        if _SIGNED_BY.match(s):
            bodies = True
            continue
        if bodies:
            if len(s) > 100 or s.endswith((".", ":")):
                break
            start = ln.start + ln.text.find(s)
            ctx.mark(f"signatories[{len(out)}].name", start, start + len(s))
            out.append(Signatory(name=s, title=None))
            continue
        if re.fullmatch(r"[\u4e00-\u9fff\uac00-\ud7af]{2,4}", s) and not out:
            start = ln.start + ln.text.find(s)
            ctx.mark(f"signatories[{len(out)}].name", start, start + len(s))
            out.append(Signatory(name=s, title=None))  # 白安娜 / 人权观察中国部主任
            continue
        if re.match(r"^\W*(?:敬礼|此致)\W*$", s):
            continue
        if s and _is_org(s):
            continue  # "Human Rights Watch" under a signatory's title
        if out and out[-1].title is None and _is_signature_title(s.rstrip(",")):
            out[-1].title = s.rstrip(",")  # "South Asia Director": not a name of two words
            at = ln.start + ln.text.find(s)
            ctx.mark(f"signatories[{len(out) - 1}].title", at, at + len(out[-1].title))
            continue
        body, cut, _ = strip_honorific(s)
        words = body.split()
        n = name_words(words)
        if n >= 2:
            start = ln.start + ln.text.find(s) + cut
            name_end = start + len(" ".join(words[:n]))
            name = ctx.text[start:name_end].rstrip(",")
            rest = body[len(" ".join(words[:n])) :].strip(" ,")
            title = _signature_title(rest)
            ctx.mark(f"signatories[{len(out)}].name", start, start + len(name))
            if title:
                at = ctx.text.find(title, name_end, ln.end)
                if at >= 0:
                    ctx.mark(f"signatories[{len(out)}].title", at, at + len(title))
            out.append(Signatory(name=name, title=title))
        elif out and out[-1].title is None and s and not _is_org(s):
            out[-1].title = s.rstrip(",")
            at = ln.start + ln.text.find(s)
            ctx.mark(f"signatories[{len(out) - 1}].title", at, at + len(out[-1].title))
        elif not s or (out and _is_org(s)):
            continue
        elif not out:
            break
    return out


_SIGNED_BY = re.compile(
    r"^\W*(?:signatories|signed(?: by)?|co-?signed by|signing organi[sz]ations|signatory organi[sz]ations|"
    r"the undersigned organi[sz]ations|organi[sz]ations signing|signataires|firmantes)\s*:?\s*$",
    re.IGNORECASE,
)


def _is_signature_title(s: str) -> bool:
    """ "Executive Director", "South Asia Director": a title, ending with its title word."""
    words = s.split()
    return bool(words) and (is_title_phrase(s) or (len(words) <= 5 and word_kind(words[-1]) == "title"))


def _is_org(s: str) -> bool:
    return any(p.fullmatch(s.strip()) for p in ORGANISATION_RES.values()) or bool(
        ORG_NAME.fullmatch(s.strip())
    )


def _signature_title(rest: str) -> str | None:
    """ "Europe Director, Advocacy Unit Front Line Defenders" → "Europe Director, Advocacy Unit"."""
    if not rest:
        return None
    for p in ORGANISATION_RES.values():
        last = list(p.finditer(rest))[-1:]
        if last and last[0].end() >= len(rest) - 1:
            rest = rest[: last[0].start()].strip(" ,")
    return rest or None
