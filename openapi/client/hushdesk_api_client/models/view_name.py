from enum import StrEnum


class ViewName(StrEnum):
    MINE = "mine"
    NEEDS_ANSWER = "needs-answer"
    SEARCH = "search"
    UNOWNED = "unowned"

    def __str__(self) -> str:
        return str(self.value)
