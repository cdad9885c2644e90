"""``carecircle run``: every configured transport, side by side, in one event loop."""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import UTC, datetime

from bot.config import Settings
from bot.core import CareCircleCore, open_core
from bot.scheduler import NudgeScheduler
from bot.transport import Transport

log = logging.getLogger(__name__)

NOTHING_CONFIGURED = """\
No chat platform is configured, so there is nothing to run.
  Telegram: set CARECIRCLE_TELEGRAM_TOKEN (see the README, "Telegram").
  Matrix:   set CARECIRCLE_MATRIX_HOMESERVER, CARECIRCLE_MATRIX_USER and
            CARECIRCLE_MATRIX_PASSWORD (see the README, "Matrix").
To try the bot without either, run: carecircle console"""


def configured_transports(core: CareCircleCore, settings: Settings) -> list[Transport]:
    """One transport per configured platform; their libraries load only when configured."""
    transports: list[Transport] = []
    if settings.telegram is not None:
        from bot.telegram import TelegramTransport

        transports.append(TelegramTransport(core, settings.telegram))
    if settings.matrix is not None:
        from bot.matrix import MatrixTransport

        transports.append(MatrixTransport(core, settings.matrix))
    return transports


async def serve(core: CareCircleCore, transports: list[Transport], stop: asyncio.Event) -> None:
    """Run until ``stop`` is set; undelivered messages stay in the outbox for next time.

    The nudge scheduler runs beside the transports: it queues nudges in the outbox, which each
    transport's delivery loop sends.
    """
    started: list[Transport] = []
    nudges = NudgeScheduler(core)
    try:
        for transport in transports:
            await transport.start()
            started.append(transport)
            log.info("%s is running", transport.platform)
        await nudges.start()
        await stop.wait()
    finally:
        await nudges.stop()
        for transport in reversed(started):
            await transport.stop()


def run_bot(settings: Settings) -> int:
    core = open_core(settings=settings)
    transports = configured_transports(core, settings)
    if not transports:
        print(NOTHING_CONFIGURED)
        return 2
    prepared = core.prepare_reading(datetime.now(UTC))
    log.info("reading prepared for %d set(s) of languages", prepared)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await serve(core, transports, stop)

    asyncio.run(main())
    return 0
