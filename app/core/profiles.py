"""Quality profiles: the limits a delivery is checked against (Netflix, Netflix English, BBC, or custom ones).

A profile holds no number of its own: every default comes from :mod:`app.core.rules`. A custom profile is a dict
(saved in settings or in a project) read with :meth:`Profile.from_dict`; :meth:`Profile.as_dict` writes it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from app.core import rules
from app.core.checks import Limits
from app.core.doc_settings import CUSTOM as CUSTOM
from app.core.doc_settings import EDITABLE as EDITABLE
from app.core.doc_settings import NAMES as NAMES
from app.core.doc_settings import DocumentSettings, QualityChoice, clean_custom
from app.core.frames import MIN_GAP_FRAMES, SHOT_SNAP_FRAMES, PictureGuide


@dataclass(frozen=True)
class Profile:
    """The limits of one delivery. Reading speed and line length depend on the cue's language: ``cps_by_language``
    and ``line_chars_by_language`` (sorted (language, limit) pairs, keys lower case as app.core.rules has them)
    come first, ``max_cps`` and ``max_line_chars`` (else the rules' default) for every other language."""

    name: str
    max_cps: float | None = rules.MAX_CPS  # None: reading speed in characters is not checked
    max_wpm: float | None = None  # None: words per minute not checked
    max_line_chars: int | None = None  # None: per language (rules.line_limit)
    max_lines: int = rules.MAX_LINES
    min_duration_ms: int = rules.MIN_DURATION_MS
    max_duration_ms: int = rules.MAX_DURATION_MS
    min_gap_ms: int = rules.MIN_GAP_MS  # without a picture: 2 frames at 24 fps
    min_gap_frames: int = MIN_GAP_FRAMES  # with a picture: counted in its frames (25 fps: 80 ms)
    close_gap_ms: int = rules.CLOSE_GAP_MS  # fixes close gaps under this to min_gap_ms
    shot_snap_frames: int = SHOT_SNAP_FRAMES  # an edge this close to a shot change (in frames) belongs on it
    cps_by_language: tuple[tuple[str, float], ...] = tuple(sorted(rules.CPS_LIMITS.items()))
    line_chars_by_language: tuple[tuple[str, int], ...] = tuple(sorted(rules.LINE_LIMITS.items()))

    def gap_ms(self, shots: PictureGuide | None = None) -> int:
        """The minimum gap between cues: ``min_gap_frames`` of the picture's frames when there is one (so that an
        end snapped 2 frames before a cut and the next cue on the cut both hold), else ``min_gap_ms``."""
        return self.min_gap_ms if shots is None else shots.min_gap_ms(self.min_gap_frames)

    def line_limit(self, language: str | None) -> int:
        key = (language or "").lower()
        for name, limit in self.line_chars_by_language:
            if name == key:
                return limit
        return self.max_line_chars if self.max_line_chars is not None else rules.MAX_LINE_CHARS

    def cps_limit(self, language: str | None) -> float | None:
        """Characters a second in ``language``; None when this profile checks no reading speed in characters."""
        if self.max_cps is None:
            return None
        key = (language or "").lower()
        for name, limit in self.cps_by_language:
            if name == key:
                return limit
        return self.max_cps

    def limits(self, language: str | None) -> Limits:
        """The older :class:`Limits` view (the cue list's colouring, a text box's counters) for one language."""
        cps = self.cps_limit(language)
        cps = cps if cps is not None else float("inf")
        return Limits(
            max_line_chars=self.line_limit(language),
            max_lines=self.max_lines,
            max_cps=cps,
            min_duration_ms=self.min_duration_ms,
            max_duration_ms=self.max_duration_ms,
            min_gap_ms=self.min_gap_ms,
        )

    def limit_overrides(self) -> dict[str, Any]:
        """What recognition segments by: the :class:`Limits` fields for the languages the tables leave out, and the
        tables, so that the engine takes each chunk's language's limits (Limits.for_language)."""
        values: dict[str, Any] = asdict(self.limits(None))  # for the languages the tables leave out
        if self.max_cps is not None:  # (None: no reading speed in characters, the limit stays infinite)
            values["cps_by_language"] = [list(pair) for pair in self.cps_by_language]
        values["line_chars_by_language"] = [list(pair) for pair in self.line_chars_by_language]
        return values

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any], base: Profile | None = None) -> Profile:
        """A custom profile: ``values`` over ``base`` (Netflix by default); unknown keys or bad values raise
        ValueError."""
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown profile settings: {', '.join(sorted(unknown))}")
        values, base = dict(values), base or NETFLIX
        for table, general in (("cps_by_language", "max_cps"), ("line_chars_by_language", "max_line_chars")):
            if table in values:  # {"Chinese": 9} as JSON has it
                values[table] = _table(values[table], table)
            elif values.get(general) not in (None, getattr(base, general)):
                values[table] = ()  # a number of the user's own for every language, the base's table given up
        profile = replace(base, **{"name": "custom", **values})
        for name in (
            "max_lines",
            "min_duration_ms",
            "max_duration_ms",
            "min_gap_ms",
            "min_gap_frames",
            "close_gap_ms",
            "shot_snap_frames",
        ):
            if not isinstance(getattr(profile, name), int) or getattr(profile, name) < 0:
                raise ValueError(f"profile setting {name} must be a whole number, not {getattr(profile, name)!r}")
        for name in ("max_cps", "max_wpm", "max_line_chars"):
            value = getattr(profile, name)
            if value is not None and (not isinstance(value, int | float) or value <= 0):
                raise ValueError(f"profile setting {name} must be a positive number or None, not {value!r}")
        if profile.max_lines < 1 or profile.min_duration_ms > profile.max_duration_ms:
            raise ValueError("profile: at least one line, and the minimum duration under the maximum")
        return profile


def _table(value: Any, name: str) -> tuple[tuple[str, Any], ...]:
    """A per-language table from JSON ({"Chinese": 9, "ja": 4}) or pairs; ValueError for anything else."""
    items = value.items() if isinstance(value, dict) else value
    try:
        pairs = [(str(language).lower(), limit) for language, limit in items]
    except (TypeError, ValueError):
        raise ValueError(f"profile setting {name} must map languages to limits, not {value!r}") from None
    for language, limit in pairs:
        if isinstance(limit, bool) or not isinstance(limit, int | float) or limit <= 0:
            raise ValueError(f"profile setting {name}: {language} must have a positive limit, not {limit!r}")
    return tuple(sorted(pairs))


NETFLIX = Profile("netflix")  # each language its own guide: English 20, Chinese 9, Japanese 4, Korean 12, others 17
NETFLIX_CHILDREN = Profile("netflix-children", cps_by_language=tuple(sorted(rules.CPS_LIMITS_CHILDREN.items())))
NETFLIX_ENGLISH = Profile("netflix-en", max_cps=rules.MAX_CPS_NETFLIX_ENGLISH, cps_by_language=())
BBC = Profile("bbc", max_cps=None, max_wpm=rules.MAX_WPM_BBC)

PROFILES: dict[str, Profile] = {p.name: p for p in (NETFLIX, NETFLIX_CHILDREN, NETFLIX_ENGLISH, BBC)}


def of_choice(choice: QualityChoice | None, default: Profile | None = None) -> Profile:
    """The profile a choice names (``default``, else Netflix, for None); damaged custom values give the Netflix
    defaults rather than an error."""
    if choice is None:
        return default or NETFLIX
    if choice.name != CUSTOM:
        return PROFILES.get(choice.name, NETFLIX)
    try:
        return Profile.from_dict(clean_custom(choice.custom))
    except ValueError:
        return Profile.from_dict({})


def of_settings(settings: DocumentSettings, default: Profile | None = None) -> Profile:
    """The profile every limit of a document comes from: its own choice, else ``default`` (the user's)."""
    return of_choice(settings.quality, default)


def profile(name: str | dict[str, Any] | Profile | None) -> Profile:
    """A profile by command-line name (``netflix``, ``netflix-en``, ``bbc``), a custom dict, or Netflix for None."""
    if name is None:
        return NETFLIX
    if isinstance(name, Profile):
        return name
    if isinstance(name, dict):
        return Profile.from_dict(name)
    try:
        return PROFILES[name.lower()]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; use one of: {', '.join(PROFILES)}") from None
