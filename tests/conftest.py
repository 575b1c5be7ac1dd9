"""Shared pytest fixtures (the tiny data folder lives in tests/fixtures_data.py)."""

from tests.fixtures_data import tiny_folder

__all__ = ["tiny_folder"]
