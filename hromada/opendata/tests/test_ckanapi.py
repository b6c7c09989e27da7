"""STANDARDS §3.8 item 15: the ckanapi client and command line work
against the running catalogue."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ckanapi import NotFound, RemoteCKAN

from hromada.opendata.tests.factories import dataset_make

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    return [dataset_make(f"nabir-{n}") for n in range(3)]


def test_15_remote_ckan_searches_shows_and_raises(live_server, catalogue):
    # given
    ckan = RemoteCKAN(live_server.url, user_agent="ckanapi/test")

    # when
    found = ckan.action.package_search(fq="res_format:CSV", rows=2)
    shown = ckan.action.package_show(id="nabir-1")

    # then
    assert (found["count"], len(found["results"])) == (3, 2)
    assert shown["name"] == "nabir-1"
    with pytest.raises(NotFound):
        ckan.action.package_show(id="nothing")


def test_15_the_ckanapi_command_line_searches_and_dumps(live_server, catalogue):
    # given
    command = str(Path(sys.executable).with_name("ckanapi"))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}

    # when
    search = subprocess.run(
        [command, "action", "package_search", "-r", live_server.url],
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    )
    dump = subprocess.run(
        [command, "dump", "datasets", "--all", "-q", "-r", live_server.url],
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    )

    # then
    assert json.loads(search.stdout)["count"] == 3
    names = [json.loads(line)["name"] for line in dump.stdout.decode().splitlines()]
    assert names == ["nabir-0", "nabir-1", "nabir-2"]
