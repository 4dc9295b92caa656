from enum import StrEnum


class StatsKind(StrEnum):
    BACKLOG = "backlog"
    FIRST_RESPONSE = "first-response"
    NEW_TICKETS = "new-tickets"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
