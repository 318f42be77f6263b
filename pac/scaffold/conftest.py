"""pytest configuration: pac checks the declarations in policies/, with the house checks of checks/.

`pytest` (or `pac check policies`) then runs pac's catalogue and the house checks on every declaration.
"""

import pytest

pytest_plugins = ["checks.house_rules"]  # pac reads the pac hooks of pytest's plugins


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("pac_paths", "policies")
