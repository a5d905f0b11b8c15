"""Which stored cases a new case is compared with, on the real database.

A case is compared with the cases near it in time that share a country and a
place (whatever its letter case or script) or the number of people at risk."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def _case(**fields):
    from urgent.web.cases.models import Case

    values = {"issued": date(2021, 3, 1), "countries": ["VN"], "places": [], "people_count": None}
    return Case.objects.create(**(values | fields))


def test_compared_with_near_cases_sharing_a_country_and_a_place_or_the_count() -> None:
    from urgent.web.cases.linking import candidates

    both = _case(places=["HANOI", "Hai Phong"], people_count=3)
    place = _case(places=["Hanoi"], issued=date(2021, 9, 1))
    accented = _case(places=["ĐÀ NẴNG"], issued=None, deadline=date(2021, 2, 1))
    count = _case(places=["Hue"], people_count=3)
    _case(places=["Hue"], people_count=4)  # neither a place nor the count
    _case(places=["Hanoi"], countries=["LA"])  # another country
    _case(places=["Hanoi"], issued=date(2024, 3, 1))  # years apart
    merged = _case(places=["Hanoi"], people_count=3)
    merged.merged_into = both
    merged.save()
    new = _case(places=["hanoi", "hai phong", "Đà Nẵng"], people_count=3)

    found = candidates(new)

    assert found[0] == both.pk  # two places and the count
    assert set(found) == {both.pk, place.pk, accented.pk, count.pk}
