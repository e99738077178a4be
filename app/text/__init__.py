"""Language tools over subtitle text that need a third-party library but no Qt (spell checking)."""
