"""The nightly job, the rebuild command and the demo loader."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hromada.analytics import demo, tasks
from hromada.analytics.models import AppealStat, Span, StatsRefresh
from hromada.analytics.tests.history import filed
from hromada.core.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_the_job_runs_every_night_at_half_past_four():
    periodic = tasks.appeal_stats_refresh.task_class()
    night = datetime(2026, 3, 3, 0, 0, tzinfo=timezone.get_default_timezone())

    runs = [
        night + timedelta(minutes=m)
        for m in range(24 * 60)
        if periodic.validate_datetime(night + timedelta(minutes=m))
    ]

    assert [(run.hour, run.minute) for run in runs] == [(4, 30)]


def test_the_job_refreshes_the_summaries(city):
    filed(city, on=timezone.localdate())

    tasks.appeal_stats_refresh.call_local()

    assert AppealStat.objects.get(span=Span.DAY).registered == 1
    assert StatsRefresh.objects.get().days == 90


def test_the_command_rebuilds_the_whole_history(city, capsys):
    filed(city, on=timezone.localdate() - timedelta(days=400))

    call_command("appeal_stats_rebuild")

    assert AppealStat.objects.get(span=Span.DAY).registered == 1
    assert "401 days" in capsys.readouterr().out


def test_the_demo_computes_the_summaries_once_and_again_the_same(city):
    filed(city, on=timezone.localdate())
    context = DemoContext(rng=None, password_hash="")

    demo.load(context)
    demo.load(context)

    assert AppealStat.objects.filter(span=Span.DAY).count() == 1
    assert context.log == ["analytics: summaries of appeals (days: 1)"] * 2
