"""The bare-Django baseline on the database under test, for ``bench/edms.py``.

The same project as ``bench.baseline.settings``; ``DATABASE_URL`` (when set)
moves it to PostgreSQL so EDMS figures are ratios against the same vendor.
"""

import os

import environ

from bench.baseline.settings import *  # noqa: F403
from bench.baseline.settings import ALLOWED_HOSTS

ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": environ.Env.db_url_config(os.environ["DATABASE_URL"])}
