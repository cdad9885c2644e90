"""What the bot keeps in its Matrix store between starts: its login, its place in the sync, and
which rooms are members' direct rooms with it.

The login (user id, device id, access token) is written once, readable by the owner only, so a
restart is the same device and keeps the keys that decrypt the circle's rooms. The sync token is
written only after the events of its sync were handled, so a crash repeats a sync, never skips one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

LOGIN_FILE = "login.json"
SYNC_TOKEN_FILE = "sync_token"
DIRECT_ROOMS_FILE = "direct_rooms.json"


@dataclass(frozen=True, slots=True)
class SavedLogin:
    user_id: str
    device_id: str
    access_token: str = field(repr=False)


def _write_private(path: Path, text: str) -> None:
    """Replace ``path`` atomically with ``text``, readable by the owner only."""
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class MatrixStore:
    """The store folder: nio's encryption database next to our small files."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def prepare(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self.path.chmod(0o700)

    def load_login(self, user_id: str) -> SavedLogin | None:
        """The saved login, if there is one for this user (a changed user starts afresh)."""
        try:
            fields = json.loads((self.path / LOGIN_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        login = SavedLogin(**fields)
        return login if login.user_id == user_id else None

    def save_login(self, login: SavedLogin) -> None:
        fields = {
            "user_id": login.user_id,
            "device_id": login.device_id,
            "access_token": login.access_token,
        }
        _write_private(self.path / LOGIN_FILE, json.dumps(fields))

    def load_sync_token(self) -> str | None:
        try:
            return (self.path / SYNC_TOKEN_FILE).read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def save_sync_token(self, token: str) -> None:
        _write_private(self.path / SYNC_TOKEN_FILE, token)

    def load_direct_rooms(self) -> set[str]:
        """The rooms the bot joined as someone's direct chat: only their invite said so."""
        try:
            return set(json.loads((self.path / DIRECT_ROOMS_FILE).read_text(encoding="utf-8")))
        except FileNotFoundError:
            return set()

    def save_direct_rooms(self, room_ids: set[str]) -> None:
        _write_private(self.path / DIRECT_ROOMS_FILE, json.dumps(sorted(room_ids)))
