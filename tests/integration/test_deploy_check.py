"""Production settings pass Django's deployment checks and refuse demo data."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "HROMADA_ENV": "production",
    "SECRET_KEY": "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
    "ALLOWED_HOSTS": "rada.example.gov.ua",
    "CSRF_TRUSTED_ORIGINS": "https://rada.example.gov.ua",
    "DATABASE_URL": "postgres://hromada@127.0.0.1:5432/hromada",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "hromada-media",
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
}


def _manage(
    *args: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION, **(extra or {})}
    # The browser tests' conftest allows async-unsafe ORM calls in this
    # process; a production server never has that variable.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_nothing_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start():
    result = _manage("check", extra={"SECRET_KEY": ""})

    assert result.returncode == 1
    assert "SECRET_KEY must be set in production." in result.stderr


def test_production_settings_choose_postgresql_redis_and_object_storage():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.HUEY['huey_class'], "
        "s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, "
        "s.STORAGES['default']['BACKEND'], s.HROMADA_DEMO)"
    )
    result = _manage("shell", "--no-startup", "-c", code)

    assert result.stdout.strip().splitlines()[-1].split() == [
        "django.db.backends.postgresql",
        "huey.RedisHuey",
        "django_redis.cache.RedisCache",
        "django.contrib.sessions.backends.cache",
        "storages.backends.s3.S3Storage",
        "False",
    ]


def test_openid_connect_provider_comes_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "app = s.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS'][0]; "
        "print(app['provider_id'], app['client_id'], app['settings']['server_url'])"
    )
    oidc = {
        "OIDC_SERVER_URL": "https://id.example.gov.ua",
        "OIDC_CLIENT_ID": "hromada",
        "OIDC_CLIENT_SECRET": "s3cret",
        "OIDC_PROVIDER_ID": "id-gov-ua",
    }

    result = _manage("shell", "--no-startup", "-c", code, extra=oidc)

    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line == "id-gov-ua hromada https://id.example.gov.ua"
