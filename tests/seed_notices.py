"""The notice texts of the five example declarations, from ``policies/notices.txt`` (as ``make demo`` passes them)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]


def seed_notices() -> dict[str, Path]:
    """Organisation id -> the path of its notice text (beside the repository; it may be missing)."""
    lines = (ROOT / "policies" / "notices.txt").read_text(encoding="utf-8").splitlines()
    pairs = (line.partition("=") for line in lines if line and not line.startswith("#"))
    return {org: ROOT / path for org, _, path in pairs}


def notice_arguments() -> list[str]:
    """``--notice ORG=PATH`` for each of them, for ``pac check``."""
    return [f"--notice={org}={path}" for org, path in seed_notices().items()]
