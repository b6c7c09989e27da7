import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.ui.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


def test_count_stops_at_the_cap_and_says_so():
    # given
    permissions = Permission.objects.order_by("pk")
    total = permissions.count()
    assert total > 12

    # when
    with CaptureQueriesContext(connection) as captured:
        paginator = CappedPaginator(permissions, 5, cap=10)
        count, capped, pages = paginator.count, paginator.is_capped, paginator.num_pages

    # then: one bounded COUNT, two pages of the first ten rows
    assert (count, capped, pages) == (10, True, 2)
    assert len(captured) == 1
    assert "LIMIT 11" in captured[0]["sql"]
    assert list(paginator.page(2).object_list) == list(permissions[5:10])


def test_a_list_below_the_cap_is_counted_exactly():
    # given
    permissions = Permission.objects.order_by("pk")
    total = permissions.count()

    # when
    paginator = CappedPaginator(permissions, 5, cap=total)

    # then
    assert (paginator.count, paginator.is_capped) == (total, False)


def test_a_page_past_the_cap_is_out_of_range():
    # given
    paginator = CappedPaginator(list(range(50)), 5, cap=20)

    # when
    page = paginator.get_page(9)

    # then: get_page falls back to the last counted page
    assert (page.number, paginator.is_capped) == (4, True)
    assert list(page.object_list) == [15, 16, 17, 18, 19]
