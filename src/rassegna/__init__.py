"""rassegna: turn a pile of news articles into a sourced dossier, offline."""

__version__ = "0.1.0"
