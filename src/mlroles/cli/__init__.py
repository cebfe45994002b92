"""The command-line interface: thin commands over the domain modules."""

from .app import app

__all__ = ["app"]
