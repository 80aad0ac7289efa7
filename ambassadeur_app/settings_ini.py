"""Read one string of the window's settings file as ``QSettings`` reads it, without Qt.

The command line finds the carnet the window showed last in the window's settings (an ini file
written by ``QSettings``): it must read the very string Qt reads, hand-edited files included. This
follows Qt 6's reader: logical lines (a quote or a backslash carries a line on), ``;`` comments, a
UTF-8 byte order mark skipped, sections of the same name read as one, the last of a repeated key,
keys and section names with their ``%XX``, ``%UXXXX`` and ``\\`` escapes, values with their escapes,
quotes, lists and ``@`` types. Keys are case-insensitive on Windows, as there. Like a fresh
``QSettings`` asked one key, only the section Qt picks for that key is read.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator

_SPACES = b" \t\n\r"  # what Qt skips before a line
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_ESCAPES.update({c: c for c in "\"?'\\"})
_KEY_ESCAPE = re.compile(r"\\|%U([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})")
_OCTAL = "01234567"
_HEX = "0123456789abcdefABCDEF"
_CUT = ("", 0)  # a sequence the run ends in the middle of
_WRONG = ("\ufffd", 1)  # a wrong byte: U+FFFD, then the next byte


def _utf8_char(run: bytes, at: int) -> tuple[str, int]:
    """Decode the character at ``at`` as Qt does: it and its length in bytes, or ``_CUT``, or
    ``_WRONG`` (a byte that starts no sequence, a wrong next byte, too long a form, a surrogate)."""
    lead = run[at]
    if lead < 0x80:
        return chr(lead), 1
    if not 0xC2 <= lead <= 0xF4:
        return _WRONG
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    tail = run[at + 1 : at + size]
    if any(byte & 0xC0 != 0x80 for byte in tail):
        return _WRONG
    if len(tail) < size - 1:
        return _CUT
    code = lead & (0x7F >> size)
    for byte in tail:
        code = code << 6 | byte & 0x3F
    if code < (0x80, 0x800, 0x10000)[size - 2] or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _WRONG
    return chr(code), size


def _utf8_run(run: bytes, at: int, out: list[str]) -> int:
    """Decode ``run`` from ``at`` into ``out``; return where a cut sequence starts (else its end)."""
    while at < len(run):
        char = _utf8_char(run, at)
        if char is _CUT:
            return at
        out.append(char[0])
        at += char[1]
    return at


def _utf8(raw: bytes) -> str:
    """Decode ``raw`` as ``QString::fromUtf8``: a first byte order mark goes, one U+FFFD for
    each wrong byte."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
    out: list[str] = []
    at = _utf8_run(raw, 0, out)
    while at < len(raw):  # a cut sequence at the end: each of its bytes is wrong
        out.append(_WRONG[0])
        at = _utf8_run(raw, at + 1, out)
    return "".join(out)


class _Utf8Stream:
    """Decode a value's runs of text as Qt's stateful decoder does: a sequence cut by an escape
    goes on in the next run (the escape's character comes first); the first character goes if it
    is a byte order mark; a cut sequence the next run makes wrong is one U+FFFD, and that run's
    first byte goes with it."""

    def __init__(self) -> None:
        self.pending = b""
        self.started = False

    def decode(self, run: bytes) -> str:
        out: list[str] = []
        at = 0
        if self.pending or not self.started:
            head = self.pending + run[: 4 - len(self.pending)]
            char = _utf8_char(head, 0)
            if char is _CUT:
                self.pending = head
                return ""
            at = 1 if char is _WRONG else char[1] - len(self.pending)
            if self.started or char[0] != "\ufeff":
                out.append(char[0])
            self.started = True
        end = _utf8_run(run, at, out)
        self.pending = run[end:]
        return "".join(out)


def _fold(key: str) -> str:
    return key.lower() if sys.platform == "win32" else key


def _lines(data: bytes) -> Iterator[tuple[int, int, int]]:
    """Yield each logical line as Qt cuts it: its start, its end and its first ``=`` outside
    quotes (-1 without one). A line goes on past a newline escaped or inside quotes; outside
    quotes, ``;`` ends it (a comment)."""
    pos, size = 0, len(data)
    while True:
        start = pos
        while start < size and data[start] in _SPACES:
            start += 1
        i, quoted, equals = start, False, -1
        while i < size:
            ch = data[i]
            i += 1
            if ch == 0x3D:  # =
                if not quoted and equals == -1:
                    equals = i - 1
            elif ch in b"\n\r":
                if i == start + 1:
                    start += 1
                elif not quoted:
                    i -= 1
                    break
            elif ch == 0x5C:  # backslash: the next byte is taken, \r\n and \n\r as one
                if i < size:
                    i += 1
                    if i < size and {data[i - 1], data[i]} == {0x0A, 0x0D}:
                        i += 1
            elif ch == 0x22:  # "
                quoted = not quoted
            elif ch == 0x3B:  # ;
                if i == start + 1:  # a comment line
                    while i < size and data[i] not in b"\n\r":
                        i += 1
                    while i < size and data[i] in _SPACES:
                        i += 1
                    start = i
                elif not quoted:
                    i -= 1
                    break
        pos = i
        if i == start:
            return
        yield start, i, equals


def _key(raw: bytes) -> str:
    r"""Unescape a key or a section name: ``\`` is ``/``, ``%XX`` and ``%UXXXX`` a character."""

    def unescape(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else "/"

    return _KEY_ESCAPE.sub(unescape, _utf8(raw))


def _sections(data: bytes) -> dict[str, bytes]:
    """Return each section's lines by its name (``""`` for [General], else the name and ``/``);
    sections of the same name are joined in their order."""
    data = data.removeprefix(codecs.BOM_UTF8)
    sections: dict[str, bytes] = {}
    name, begin = "", 0

    def flush(end: int) -> None:
        before = sections.get(name, b"")
        sections[name] = before + (b"\n" if before else b"") + data[begin:end]

    for start, end, _ in _lines(data):
        if data[start] == 0x5B:  # [
            flush(start)
            close = data.find(b"]", start, end)
            raw = data[start + 1 : end if close == -1 else close].strip()
            if raw.lower() == b"general":
                name = ""
            elif raw.lower() == b"%general":
                name = _fold(raw[1:].decode("latin-1")) + "/"
            else:
                name = _fold(_key(raw)) + "/"
            begin = end
    flush(len(data))
    return sections


def _unescaped(raw: bytes) -> str | list[str]:
    r"""Read a value's text: quotes keep spaces and commas; outside them a comma makes a list and
    spaces around each item go; escapes ``\n``, ``\xHH…``, ``\OOO`` (kept to 16 bits, as Qt does);
    another escaped character is dropped."""
    decoder = _Utf8Stream()
    items: list[str] = []
    out: list[str] = []  # the current item, in pieces
    quoted = item_quoted = False
    text = raw.decode("latin-1")  # one character a byte; runs of text are decoded as UTF-8
    i, size = 0, len(text)
    keep = 0  # spaces from here on may be trimmed (not those an escape made)

    def skip_spaces(at: int) -> int:
        while at < size and text[at] in " \t":
            at += 1
        return at

    def trim() -> None:
        if not item_quoted:
            joined = "".join(out[keep:]).rstrip(" \t")
            del out[keep:]
            out.append(joined)

    i = skip_spaces(0)
    while i < size:
        ch = text[i]
        if ch == "\\":
            i += 1
            if i >= size:
                break
            ch = text[i]
            i += 1
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
                keep = len(out)
                continue
            digits, base = "", 16
            if ch == "x":
                while i < size and text[i] in _HEX:
                    digits += text[i]
                    i += 1
                if not digits and i >= size:
                    break
            elif ch in _OCTAL:
                digits, base = ch, 8
                while i < size and text[i] in _OCTAL:
                    digits += text[i]
                    i += 1
            elif ch in "\n\r" and i < size and text[i] in "\n\r" and text[i] != ch:
                i += 1
            if digits:
                out.append(chr(int(digits, base) & 0xFFFF))
            keep = len(out)
        elif ch == '"':
            i += 1
            quoted = not quoted
            item_quoted = True
            if not quoted:
                i = skip_spaces(i)
                keep = len(out)
        elif ch == "," and not quoted:
            trim()
            items.append("".join(out))
            out, keep, item_quoted = [], 0, False
            i = skip_spaces(i + 1)
        else:
            j = i + 1
            while j < size and text[j] not in '\\",':
                j += 1
            out.append(decoder.decode(text[i:j].encode("latin-1")))
            i = j
    else:
        trim()
    value = "".join(out)
    return [*items, value] if items else value


def _typed(value: str) -> str | None:
    """Return the string Qt makes of a value's text, ``None`` when it makes another type."""
    if value.startswith("@") and value.endswith(")"):
        if value.startswith("@String("):
            return value[8:-1]
        if value.startswith(("@ByteArray(", "@Variant(", "@DateTime(")) or value == "@Invalid()":
            return None
        for kind, args in (("@Rect(", 4), ("@Size(", 2), ("@Point(", 2)):
            rest = value[len(kind) :]
            if value.startswith(kind) and rest.count(" ") + rest.count(")") == args:
                return None
    return value[1:] if value.startswith("@@") else value


def read_string(data: bytes, key: str) -> str | None:
    """Return the string a fresh ``QSettings`` on the ini file ``data`` reads at ``key`` (a
    ``section/name`` key); ``None`` when it reads nothing there or another type (a list, bytes…).
    The string is as Qt holds it: escapes may have made halves of surrogate pairs, or a NUL."""
    section, _, name = key.partition("/")
    section = _fold(section) + "/"
    sections = _sections(data)
    # Qt reads the last section sorted before the key: another one in between hides it.
    if section not in sections or any(section < other <= _fold(key) for other in sections):
        return None
    text = sections[section]
    value: str | list[str] | None = None
    for start, end, equals in _lines(text):
        if equals != -1 and _fold(_key(text[start:equals].strip())) == _fold(name):
            value = _unescaped(text[equals + 1 : end])
    if not isinstance(value, str):
        return None
    # Qt's strings are UTF-16: two escaped halves of a surrogate pair are one character.
    return _typed(value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass"))
