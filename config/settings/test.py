"""Settings for the test suite: fast hashing, no real queue, no real mail."""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import DATA_DIR, DATABASES, HUEY

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
HUEY = {**HUEY, "huey_class": "huey.MemoryHuey", "immediate": True}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One test database per pytest process, so parallel runs never collide.
_test = DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so browser tests and threads share one database.
    _test["NAME"] = str(DATA_DIR / f"test-{os.getpid()}.sqlite3")
else:
    _test["NAME"] = f"test_hromada_{os.getpid()}"
MEDIA_ROOT = DATA_DIR / f"test-media-{os.getpid()}"
ACCOUNT_RATE_LIMITS = False
HROMADA_DEMO = False
