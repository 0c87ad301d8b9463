"""Vazirmatn for reportlab, shaped by HarfBuzz, with a text layer that reads back in logical order.

A shaped Persian line is drawn as glyphs in visual order: the initial form of «ب», a mirrored
bracket, the «لا» ligature. A PDF viewer finds the text of a glyph through the font's ToUnicode
map, and reportlab writes there whatever character it drew the glyph with: a presentation form
(U+FE91), or a private-use character for a glyph with no character of its own, so search and copy
would find nothing. Each *use* of a glyph therefore gets a code of its own whose ToUnicode entry
is the logical text it stands for: «ب» for the initial form, «)» for the bracket HarfBuzz mirrored
from «(», «لا» for the ligature. The same glyph drawn for different text gets different codes.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from importlib import resources

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics, ttfonts

REGULAR = "Vazirmatn"
BOLD = "Vazirmatn-Bold"
_FILES = {REGULAR: "Vazirmatn-Regular.ttf", BOLD: "Vazirmatn-Bold.ttf"}

# Codes for glyph uses are taken from Unicode's supplementary private use area A, which no text
# we store can contain, so they never collide with a character the font maps itself.
_FIRST_CODE = 0xF0000
_LAST_CODE = 0xFFFFD
_HAIR = 1.0   # thousandths of the font size


@dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph of a shaped run: the character reportlab draws it with, and where it goes."""

    char: str           # a character of the font's cmap, or a code made for this use
    advance: float      # pen advance in thousandths of the font size
    x_offset: float
    y_offset: float
    width: float        # the width the PDF's Widths array gives ``char``, same units


class ShapingFont:
    """A registered reportlab TTFont with its HarfBuzz face and the codes of its glyph uses."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.ttf = ttfonts.TTFont(name, io.BytesIO(data))
        pdfmetrics.registerFont(self.ttf)
        face = self.ttf.face
        self._upem = face.unitsPerEm
        self._hb_font = hb.Font(hb.Face(hb.Blob(data)))   # scale = units per em
        self._uses: dict[tuple[int, str], str] = {}
        self._invisible = face.charToGlyph[0x200D]     # ZERO WIDTH JOINER: no outline, no width
        self._lock = threading.Lock()

    def _scale(self, value: int) -> float:
        return value * 1000.0 / self._upem

    def _char_for(self, gid: int, text: str) -> str:
        """The character that draws glyph ``gid`` and reads back as ``text``."""
        face = self.ttf.face
        if len(text) == 1 and face.charToGlyph.get(ord(text)) == gid:
            return text
        key = (gid, text)
        char = self._uses.get(key)
        if char is None:
            with self._lock:
                char = self._uses.get(key)
                if char is None:
                    char = _allocate_code(text)
                    code = ord(char)
                    face.charToGlyph[code] = gid
                    face.glyphToChar.setdefault(gid, []).append(code)
                    face.charWidths[code] = self._scale(self._hb_font.get_glyph_h_advance(gid))
                    self._uses[key] = char
        return char

    def _width(self, char: str) -> float:
        return self.ttf.face.charWidths.get(ord(char), 0.0)

    def _width_of(self, gid: int) -> float:
        return self._scale(self._hb_font.get_glyph_h_advance(gid))

    def _hidden(self, text: str, hairs: int) -> Glyph:
        """A glyph that draws nothing, takes no room and reads back as ``text``, ``hairs``
        hair's breadths left of the pen: it comes after the glyph to its right in a
        right-to-left reading."""
        char = self._char_for(self._invisible, text)
        return Glyph(char, 0.0, -_HAIR * hairs, 0.0, 0.0)

    def shape(self, text: str, rtl: bool) -> list[Glyph]:
        """``text`` (one direction, logical order) as glyphs in visual order, left to right."""
        buf = hb.Buffer()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        buf.add_str(text)
        buf.direction = "rtl" if rtl else "ltr"
        buf.guess_segment_properties()
        # Optional ligatures off: Vazirmatn's would draw «الله» (in «عبدالله», «نصرالله») as one
        # glyph for four letters, whose text no viewer reads back whole. «لا» is required
        # (rlig) and stays.
        hb.shape(self._hb_font, buf, {"kern": True, "liga": False})
        infos, positions = buf.glyph_infos, buf.glyph_positions
        # A cluster's text runs from its start to the next larger cluster start (logical order).
        starts = sorted({info.cluster for info in infos})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        seen: set[int] = set()
        glyphs: list[Glyph] = []
        for info, pos in zip(infos, positions, strict=True):
            cluster = info.cluster
            advance, x_offset = self._scale(pos.x_advance), self._scale(pos.x_offset)
            y_offset = self._scale(pos.y_offset)
            if cluster in seen:
                # A second glyph of a cluster (a split vowel) must read back as something;
                # a zero-width space changes no word.
                char = self._char_for(info.codepoint, "\u200b")
                glyphs.append(Glyph(char, advance, x_offset, y_offset, self._width(char)))
                continue
            seen.add(cluster)
            cluster_text = text[cluster:ends[cluster]]
            if rtl and len(cluster_text) > 1:
                # A ligature («لا») reads back as its first letter, and the others follow as
                # invisible zero-width glyphs just left of it, each further left. Mapped to the
                # whole «لا», it comes out «ال» from viewers that spread a code's letters left
                # to right over its glyph and then read the line right to left.
                rest = cluster_text[1:]
                glyphs.extend(self._hidden(letter, len(rest) - k)
                              for k, letter in enumerate(reversed(rest)))
                glyphs.append(Glyph(self._char_for(info.codepoint, cluster_text[0]), advance,
                                    x_offset, y_offset, self._width_of(info.codepoint)))
                continue
            char = self._char_for(info.codepoint, cluster_text)
            glyphs.append(Glyph(char, advance, x_offset, y_offset, self._width(char)))
        return glyphs


_codes_lock = threading.Lock()
_code_text: dict[int, str] = {}
_next_code = _FIRST_CODE


def _allocate_code(text: str) -> str:
    global _next_code
    with _codes_lock:
        if _next_code > _LAST_CODE:
            raise RuntimeError("out of private codes for shaped glyphs")
        code = _next_code
        _next_code += 1
        _code_text[code] = text
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with each made code mapped to the text it stands for."""
    if not any(code in _code_text for code in subset):
        return _reportlab_cmap(fontname, subset)
    lines = []
    for i, code in enumerate(subset):
        text = _code_text.get(code, chr(code))
        lines.append(f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *lines, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


_reportlab_cmap = ttfonts.makeToUnicodeCMap
# reportlab calls the module's function by name when it writes a font's subsets; ours answers
# exactly as reportlab's for every code it did not make.
ttfonts.makeToUnicodeCMap = _to_unicode_cmap

_fonts: dict[str, ShapingFont] = {}
_fonts_lock = threading.Lock()


def font(name: str = REGULAR) -> ShapingFont:
    """The shaping font ``name`` (REGULAR or BOLD), registered with reportlab on first use."""
    found = _fonts.get(name)
    if found is None:
        with _fonts_lock:
            found = _fonts.get(name)
            if found is None:
                data = resources.files("desktop.resources").joinpath(
                    "fonts", _FILES[name]).read_bytes()
                found = _fonts[name] = ShapingFont(name, data)
    return found
