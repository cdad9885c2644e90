"""Every setting the bot reads, from the environment (and an optional TOML file), in one place.

Environment variables win over the file named by ``CARECIRCLE_CONFIG``. A transport whose
credentials are missing is switched off, with a log line naming the variable to set.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path.home() / ".carecircle"


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    token: str = field(repr=False)
    # A self-hosted Bot API server instead of Telegram's own (e.g. http://127.0.0.1:8081).
    api_url: str | None = None
    # Public HTTPS URL for webhook mode; long polling when unset.
    webhook_url: str | None = None
    # Address and port the webhook server listens on.
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443


@dataclass(frozen=True, slots=True)
class MatrixSettings:
    homeserver: str
    user: str
    password: str | None = field(default=None, repr=False)
    access_token: str | None = field(default=None, repr=False)
    # Folder for the device id, access token and end-to-end encryption keys.
    store_path: Path = DEFAULT_DATA_DIR / "matrix"
    # Accept invites only from these users or homeservers (":example.org"); empty: from anyone.
    allowed_inviters: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """How long the bot keeps what it no longer needs; README "Storage and retention" says why."""

    # A delivered message keeps its text this long (days), then only who, when and which task.
    outbox_text_days: int = 7
    # A delivered message's row is deleted after this many days (see storage.retention).
    outbox_row_days: int = 14
    # A handled platform message id is kept this long (days) to drop redeliveries (storage.seen).
    seen_days: int = 7
    # The change log (what undo can take back) and settled nudges are kept this long (days).
    history_days: int = 90


@dataclass(frozen=True, slots=True)
class Settings:
    # Any SQLAlchemy URL; a SQLite file in the data folder by default.
    database_url: str
    # Zone a new circle starts with, until a member sets its own (/timezone).
    default_timezone: str = "UTC"
    # Languages a new circle's messages are read in, until a member sets them (/language).
    default_languages: tuple[str, ...] = ("en",)
    log_level: str = "INFO"
    telegram: TelegramSettings | None = None
    matrix: MatrixSettings | None = None
    retention: RetentionSettings = RetentionSettings()


def _file_values(environ: dict[str, str]) -> dict[str, str]:
    path = environ.get("CARECIRCLE_CONFIG")
    if not path:
        return {}
    with open(path, "rb") as handle:
        table = tomllib.load(handle)
    return {f"CARECIRCLE_{key.upper()}": str(value) for key, value in table.items()}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings; ``environ`` defaults to the process environment."""
    env = dict(os.environ if environ is None else environ)
    values = _file_values(env) | {k: v for k, v in env.items() if k.startswith("CARECIRCLE_")}
    data_dir = Path(values.get("CARECIRCLE_DATA_DIR", str(DEFAULT_DATA_DIR))).expanduser()
    database_url = (
        values.get("CARECIRCLE_DATABASE_URL") or f"sqlite:///{data_dir / 'carecircle.db'}"
    )
    languages = tuple(
        code.strip().lower()
        for code in values.get("CARECIRCLE_LANGUAGES", "en").split(",")
        if code.strip()
    )
    return Settings(
        database_url=database_url,
        default_timezone=values.get("CARECIRCLE_TIMEZONE", "UTC"),
        default_languages=languages or ("en",),
        log_level=values.get("CARECIRCLE_LOG_LEVEL", "INFO").upper(),
        telegram=_telegram(values),
        matrix=_matrix(values, data_dir),
        retention=_retention(values),
    )


def _retention(values: dict[str, str]) -> RetentionSettings:
    """Each window from ``CARECIRCLE_<FIELD>`` (``CARECIRCLE_SEEN_DAYS=14``), else its default."""
    days = {
        window.name: int(values.get(f"CARECIRCLE_{window.name.upper()}", window.default))
        for window in fields(RetentionSettings)
    }
    if any(value < 1 for value in days.values()):
        raise ValueError(f"retention windows are whole days, at least 1: {days}")
    return RetentionSettings(**days)


def _telegram(values: dict[str, str]) -> TelegramSettings | None:
    token = values.get("CARECIRCLE_TELEGRAM_TOKEN")
    if not token:
        log.info("Telegram is off: set CARECIRCLE_TELEGRAM_TOKEN to turn it on")
        return None
    return TelegramSettings(
        token=token,
        api_url=values.get("CARECIRCLE_TELEGRAM_API_URL") or None,
        webhook_url=values.get("CARECIRCLE_TELEGRAM_WEBHOOK_URL") or None,
        webhook_listen=values.get("CARECIRCLE_TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
        webhook_port=int(values.get("CARECIRCLE_TELEGRAM_WEBHOOK_PORT", "8443")),
    )


def _matrix(values: dict[str, str], data_dir: Path) -> MatrixSettings | None:
    homeserver = values.get("CARECIRCLE_MATRIX_HOMESERVER")
    user = values.get("CARECIRCLE_MATRIX_USER")
    password = values.get("CARECIRCLE_MATRIX_PASSWORD")
    token = values.get("CARECIRCLE_MATRIX_ACCESS_TOKEN")
    if not (homeserver and user and (password or token)):
        log.info(
            "Matrix is off: set CARECIRCLE_MATRIX_HOMESERVER, CARECIRCLE_MATRIX_USER and "
            "CARECIRCLE_MATRIX_PASSWORD (or CARECIRCLE_MATRIX_ACCESS_TOKEN) to turn it on"
        )
        return None
    inviters = values.get("CARECIRCLE_MATRIX_ALLOWED_INVITERS", "")
    return MatrixSettings(
        homeserver=homeserver,
        user=user,
        password=password,
        access_token=token,
        store_path=Path(values.get("CARECIRCLE_MATRIX_STORE", str(data_dir / "matrix"))),
        allowed_inviters=tuple(part.strip() for part in inviters.split(",") if part.strip()),
    )
