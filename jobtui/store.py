"""Placeholder: filled in by the watchlist issue."""
