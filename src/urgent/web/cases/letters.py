"""What the letter composer needs, from a stored case (corrections applied)."""

from __future__ import annotations

from datetime import date

from urgent.letters import Facts, facts_from_record
from urgent.record import Record
from urgent.web.cases.models import Case


def facts_for_case(case: Case, public_only: bool = False) -> Facts:
    """The case's facts, with the asks and targets of its latest appeal.

    ``public_only``: leave out the names of people a campaigner has not made public.
    """
    docs = list(case.documents.order_by("issued", "id").prefetch_related("corrections"))
    records = [Record.from_dict(d.corrected_record()) for d in docs]
    appeal = next((r for r in reversed(records) if r.targets), records[-1] if records else Record())
    facts = facts_from_record(appeal)
    names = (
        list(case.people.filter(public=True).values_list("name", flat=True))
        if public_only
        else [n for r in records for n in r.people.names]
    )
    facts.names = list(dict.fromkeys(names))
    facts.count = case.people_count or (len(facts.names) or None)
    facts.at_least = case.people_at_least
    facts.places = list(case.places)
    facts.countries = list(case.countries)
    facts.risks = list(case.risks)
    facts.deadline = case.deadline if isinstance(case.deadline, date) else facts.deadline
    facts.title = case.title
    return facts
