"""Helpers for the tests and the benchmarks; never shipped (app/ imports nothing from here)."""
