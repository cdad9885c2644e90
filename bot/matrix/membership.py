"""Who the bot lets in and where its own time in a room begins."""

from __future__ import annotations

from nio import Event, RoomMemberEvent


def is_allowed_inviter(inviter: str | None, allowed: tuple[str, ...]) -> bool:
    """Anyone when ``allowed`` is empty; else a listed user id or a user of a listed ``:server``."""
    if not allowed:
        return True
    if inviter is None:
        return False
    return any(
        inviter.endswith(entry) if entry.startswith(":") else inviter == entry for entry in allowed
    )


def since_own_join(events: list[Event], own_user_id: str) -> list[Event]:
    """Drop the history a just-joined room's first sync shows from before the bot was there."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (
            isinstance(event, RoomMemberEvent)
            and event.state_key == own_user_id
            and event.membership == "join"
            and event.prev_membership != "join"
        ):
            return events[index:]
    return events
