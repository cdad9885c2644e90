"""Logging the bot's device in: once with the password or a token, then always restored.

A password login on every start would mint a new device each time, and a new device cannot
read the messages encrypted for the old one; so the first login is saved in the store and
restored with nio's ``restore_login`` from then on.
"""

from __future__ import annotations

import logging

from nio import AsyncClient, LoginResponse, WhoamiResponse

from bot.config import MatrixSettings
from bot.matrix.state import MatrixStore, SavedLogin

log = logging.getLogger(__name__)

DEVICE_NAME = "carecircle"


class MatrixLoginFailed(RuntimeError):
    """The homeserver refused the bot's password or access token, or no longer knows its device."""


async def log_in(client: AsyncClient, settings: MatrixSettings, store: MatrixStore) -> None:
    """Restore the saved device; log in as a new device only when there is none.

    A configured access token that differs from the saved one wins (an admin issued a new one).
    """
    saved = store.load_login(settings.user)
    token = settings.access_token
    if token and (saved is None or saved.access_token != token):
        saved = await _device_of_token(client, token)
        store.save_login(saved)
    elif saved is None:
        saved = await _new_device(client, settings)
        store.save_login(saved)
        log.info("logged in to Matrix as %s, new device %s", saved.user_id, saved.device_id)
    client.restore_login(saved.user_id, saved.device_id, saved.access_token)
    log.info("Matrix device %s of %s", saved.device_id, saved.user_id)


async def _device_of_token(client: AsyncClient, token: str) -> SavedLogin:
    client.access_token = token
    whoami = await client.whoami()
    if not isinstance(whoami, WhoamiResponse) or not whoami.device_id:
        raise MatrixLoginFailed(f"the access token was refused: {whoami}")
    return SavedLogin(whoami.user_id, whoami.device_id, token)


async def _new_device(client: AsyncClient, settings: MatrixSettings) -> SavedLogin:
    if not settings.password:
        raise MatrixLoginFailed("no saved login and no password to log in with")
    answer = await client.login(settings.password, device_name=DEVICE_NAME)
    if not isinstance(answer, LoginResponse):
        raise MatrixLoginFailed(f"the homeserver refused the login: {answer}")
    return SavedLogin(answer.user_id, answer.device_id, answer.access_token)
