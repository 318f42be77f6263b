"""pytest configuration of this repository: besides tests/, pytest checks the declarations in policies/.

Custom checks and pac hooks for this repository would go here too (see the README).
"""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("pac_paths", "policies")
