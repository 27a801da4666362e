"""Problems found in content, collected so an editor sees every mistake at once."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake, located by file and line, worded so an editor can fix it."""

    path: str
    line: int
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        label = "" if self.is_error else "warning: "
        return f"{one_line(self.path)}:{self.line}: {label}{one_line(self.message)}"


def one_line(text: str) -> str:
    """Messages quote what editors wrote, and a quoted value or a file name may hold a line break:
    shown escaped (\\n), so every problem stays one ``path:line: message`` line for people and for CI."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass
class Problems:
    """Collects problems from every phase; the build fails once, at the end."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(printable(path), max(line, 1), printable(message), ERROR))

    def warning(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(printable(path), max(line, 1), printable(message), WARNING))

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def sorted(self) -> list[Problem]:
        """File order, then line order: the order an editor reads the file in."""
        return sorted(self.items, key=lambda p: (p.path, p.line, p.severity != ERROR, p.message))

    def __bool__(self) -> bool:
        return bool(self.errors)


def printable(text: str) -> str:
    """A file name that is not valid UTF-8 reaches Python with stand-in characters that no
    terminal can print; show those bytes as U+FFFD, so the message prints instead of crashing."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
