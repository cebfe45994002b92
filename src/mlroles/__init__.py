"""mlroles: an offline command-line explorer of machine-learning job roles."""

__version__ = "0.1.0"
