"""Matrix transport: the circle in a Matrix room, end-to-end encrypted rooms included."""

from bot.matrix.transport import MatrixTransport

__all__ = ["MatrixTransport"]
