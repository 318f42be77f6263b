"""pac: privacy policy as code.

Declarations (YAML) -> validated model -> checks and data-flow graph -> reports.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pac")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
