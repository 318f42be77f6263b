"""This organisation's own checks, run by pac next to its catalogue (see ../conftest.py)."""
