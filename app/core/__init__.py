"""The subtitle document: cues, words, edit commands and undo.

Standard library only, and nothing else of ours: every other layer builds on this one.
"""
