"""A pac installed from a wheel, outside this repository, carries the whole catalogue and its data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from pac import Engine

ROOT = Path(__file__).parents[1]


def test_wheel_carries_the_catalogue_schemas_reference_data_and_scaffold(tmp_path: Path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(tmp_path / "dist")], check=True, timeout=300, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("pac-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"pac/schema/declaration.schema.json", "pac/reference/data/adequacy.yaml", "pac/reports/templates/report.html",
            "pac/scaffold/conftest.py", "pac_checks/transfers.py"} <= names
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = subprocess.run([sys.executable, "-c", "import json, pac_checks, pac.cli; print(pac_checks.__file__); "
                             "pac.cli.main(['checks', '--json'])"], cwd=elsewhere, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(site)}, check=True).stdout
    location, catalogue = listed.split("\n", 1)
    assert Path(location).is_relative_to(site)  # the catalogue came from the wheel, not from this checkout
    assert {c["id"] for c in json.loads(catalogue)} == {c.id for c in Engine.from_plugins().checks}
