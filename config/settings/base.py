"""Settings for every environment; the embedded default needs no variables.

With no environment variables Hromada runs embedded: SQLite in ``data/``,
SqliteHuey, local media and a local-memory cache. ``DATABASE_URL``,
``REDIS_URL``, the ``AWS_*`` variables and ``HROMADA_ENV=production`` move it
to PostgreSQL, RedisHuey, Redis cache and sessions, and object storage.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

HROMADA_ENV = env.str("HROMADA_ENV", default="embedded")
IS_PRODUCTION = HROMADA_ENV == "production"
# Demo mode: demo accounts exist, MFA is optional for staff, the captured-mail
# page is open. Never in production.
HROMADA_DEMO = env.bool("HROMADA_DEMO", default=not IS_PRODUCTION) and not IS_PRODUCTION

CITY_NAME = env.str("HROMADA_CITY_NAME", default="Вишнева міська рада")

DATA_DIR = Path(env.str("HROMADA_DATA_DIR", default=str(BASE_DIR / "data")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise environ.ImproperlyConfigured("SECRET_KEY must be set in production.")
    # Embedded: a key generated once and kept beside the data.
    _key_file = DATA_DIR / "secret_key"
    if not _key_file.exists():
        from django.core.management.utils import get_random_secret_key

        _key_file.write_text(get_random_secret_key() + "x" * 20)
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if IS_PRODUCTION else ["127.0.0.1", "localhost", "[::1]"],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Rooms first, lowest layer first: their templates and translations win
    # over Django's and allauth's (an app listed earlier takes precedence).
    "hromada.core",
    "hromada.accounts",
    "hromada.org",
    "hromada.ui",
    "hromada.search",
    "hromada.notifications",
    "hromada.signatures",
    "hromada.gis",
    "hromada.documents",
    "hromada.registry",
    "hromada.appeals",
    "hromada.cnap",
    "hromada.analytics",
    "hromada.portal",
    "hromada.opendata",
    "hromada.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    # Wagtail: the public portal's pages, edited at /cms/; only the portal
    # room imports it (ARCHITECTURE.md §1).
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "huey.contrib.djhuey",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a cached public page costs none of them.
    "hromada.core.pagecache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hromada.core.middleware.RequestContextMiddleware",
    "hromada.accounts.middleware.CabinetAccessMiddleware",
    # Answers a 404 with the redirect an editor set up or a slug change left.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hromada.ui.context_processors.city",
            ],
        },
    }
]
FORM_RENDERER = "hromada.ui.forms.GovukFormRenderer"

# Database ------------------------------------------------------------------
SQLITE_PATH = DATA_DIR / "hromada.sqlite3"
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead
        # of failing with "database is locked" half-way through a transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
        ),
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions, tasks ----------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hromada",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "hromada",
        "url": REDIS_URL,
        "immediate": False,
        "utc": False,
        "consumer": {"workers": env.int("HUEY_WORKERS", default=2)},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hromada",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "hromada",
        # Never the Django database file: huey keeps its own.
        "filename": str(DATA_DIR / "huey.sqlite3"),
        "immediate": False,
        "utc": False,
        # Idle, the consumer looks for work at least once a second: an
        # appeal accepted from the public is registered within about that.
        "consumer": {"workers": 2, "worker_type": "thread", "max_delay": 1.0},
    }
TASKS = {"default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}}

# Files ---------------------------------------------------------------------
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing root
STATIC_URL = "/static/"
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
HROMADA_UPLOAD_MAX_BYTES = env.int("HROMADA_UPLOAD_MAX_BYTES", default=25 * 1024 * 1024)

# Auth ----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {"login_failed": "10/m/ip,5/5m/key"}
ACCOUNT_ADAPTER = "hromada.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{CITY_NAME}] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = CITY_NAME
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS: dict[str, object] = {}
if env.str("OIDC_SERVER_URL", default=""):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": env.str("OIDC_PROVIDER_ID", default="oidc"),
                "name": env.str("OIDC_PROVIDER_NAME", default="OpenID Connect"),
                "client_id": env.str("OIDC_CLIENT_ID"),
                "secret": env.str("OIDC_CLIENT_SECRET"),
                "settings": {"server_url": env.str("OIDC_SERVER_URL")},
            }
        ]
    }

# Language and time ---------------------------------------------------------
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", _("Ukrainian")), ("en", _("English"))]

TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["hromada.ui.formats"]

# E-mail --------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Hromada <noreply@hromada.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
elif HROMADA_DEMO:
    # Demo mode keeps every message in the database for the captured-mail page.
    EMAIL_BACKEND = "hromada.notifications.backends.CapturedMailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# The city ------------------------------------------------------------------
HROMADA_CITY = {
    "name": CITY_NAME,
    "name_en": env.str("HROMADA_CITY_NAME_EN", default="Vyshneve City Council"),
    "short_name": env.str("HROMADA_CITY_SHORT_NAME", default="Вишневе"),
    "coat_of_arms": env.str("HROMADA_COAT_OF_ARMS", default="ui/img/coat-of-arms.svg"),
}
# The council as a legal person and its territory: the ЄДРПОУ code and the
# КАТОТТГ code the open-data catalogue names (the defaults are synthetic).
HROMADA_CITY_EDRPOU = env.str("HROMADA_CITY_EDRPOU", default="26543212")
HROMADA_CITY_KATOTTG = env.str("HROMADA_CITY_KATOTTG", default="UA32999990000000000")

# The city map (the gis room). Tiles come from outside, so no page may need
# them: the address field works without the map. "bounds" is the city's box
# [min_lon, min_lat, max_lon, max_lat]; a point must lie in it while no
# district is drawn, afterwards inside a district.
HROMADA_MAP = {
    "tiles": env.str(
        "HROMADA_MAP_TILES", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    ),
    "attribution": env.str(
        "HROMADA_MAP_ATTRIBUTION", default="© OpenStreetMap contributors"
    ),
    "center": [
        env.float("HROMADA_MAP_CENTER_LAT", default=50.386),
        env.float("HROMADA_MAP_CENTER_LON", default=30.370),
    ],
    "zoom": env.int("HROMADA_MAP_ZOOM", default=14),
    "bounds": env.list(
        "HROMADA_MAP_BOUNDS", cast=float, default=[30.32, 50.355, 30.42, 50.415]
    ),
}

# The address citizens reach the portal at: links in e-mails start with it.
HROMADA_SITE_URL = env.str("HROMADA_SITE_URL", default="http://127.0.0.1:8000")
# Open311 discovery's contact (STANDARDS §1.3): where developers of client
# applications ask questions and ask for a key.
HROMADA_OPEN311_CONTACT = env.str(
    "HROMADA_OPEN311_CONTACT", default=f"{CITY_NAME}: {HROMADA_SITE_URL}"
)

# Wagtail (the portal room) -------------------------------------------------
# Content is Ukrainian; only the interface is translated, so no page locales.
# The editor's interface follows the user's language, as the cabinet does.
WAGTAIL_SITE_NAME = CITY_NAME
WAGTAILADMIN_BASE_URL = HROMADA_SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("uk", "Українська"), ("en", "English")]
# Slugs are the official transliteration of the title (the portal room).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The editor's own search; the public site search goes through hromada.search.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Staff sign in through allauth (with MFA), never Wagtail's password form.
WAGTAILADMIN_LOGIN_URL = "/cms/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no call home from the editor
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "rtf", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = HROMADA_UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail intake into the EDMS (off unless a host is given) ------------------
HROMADA_INTAKE_IMAP = (
    {
        "host": env.str("HROMADA_INTAKE_IMAP_HOST"),
        "user": env.str("HROMADA_INTAKE_IMAP_USER"),
        "password": env.str("HROMADA_INTAKE_IMAP_PASSWORD"),
        "folder": env.str("HROMADA_INTAKE_IMAP_FOLDER", default="INBOX"),
        "org_unit_index": env.str("HROMADA_INTAKE_IMAP_ORG_UNIT_INDEX", default="01"),
        "registrar_email": env.str("HROMADA_INTAKE_IMAP_REGISTRAR_EMAIL"),
    }
    if env.str("HROMADA_INTAKE_IMAP_HOST", default="")
    else None
)

# Working days a resolution marked «Терміново» / «Невідкладно» gives when it
# names no due date (EDMS-10). The council's records-management instruction
# sets these; the defaults are placeholders until it is read (DOMAIN.md §5).
HROMADA_EDMS_URGENT_DAYS = env.int("HROMADA_EDMS_URGENT_DAYS", default=3)
# Office hours of a working day: terms in working hours count only these
# (route steps "within N working hours"). HH:MM-HH:MM periods, comma-separated.
HROMADA_OFFICE_HOURS = [
    tuple(period.split("-", 1))
    for period in env.list(
        "HROMADA_OFFICE_HOURS", default=["09:00-13:00", "14:00-18:00"]
    )
]
HROMADA_EDMS_IMMEDIATE_DAYS = env.int("HROMADA_EDMS_IMMEDIATE_DAYS", default=1)

# Trusted roots for validating PAdES signatures: a PEM bundle on disk.
_trust_file = env.str("HROMADA_SIGNATURE_TRUST_ROOTS_FILE", default="")
HROMADA_SIGNATURE_TRUST_ROOTS = (
    [
        "-----BEGIN CERTIFICATE-----" + block
        for block in Path(_trust_file)
        .read_text()
        .split("-----BEGIN CERTIFICATE-----")[1:]
    ]
    if _trust_file
    else []
)

# REST API (the api room) -----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "hromada.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "hromada.api.permissions.CanUseCabinet",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hromada.api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hromada API",
    "DESCRIPTION": "REST API of the Hromada e-government platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["hromada.api.schema.platform_endpoints_only"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "hromada.documents.models.DocumentKind",
        "ApprovalKindEnum": "hromada.documents.models.ApprovalKind",
        "DocumentStatusEnum": "hromada.documents.models.DocumentStatus",
        "TaskStatusEnum": "hromada.documents.models.TaskStatus",
        "TaskRoleEnum": "hromada.documents.models.TaskRole",
        "FileRoleEnum": "hromada.documents.models.FileRole",
    },
}

# Security ------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logging: never personal data; request ids come from RequestContextMiddleware.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
