"""Subtitle and project files: encodings, BOMs, newlines, atomic writes. Builds on app.core only."""
