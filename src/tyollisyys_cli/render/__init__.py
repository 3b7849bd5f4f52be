"""Renderers: turn a `TableData` into text for people or data for programs.

Renderers know nothing of employment services: they see columns, rows and values
(numbers, text, spans, unknown cells). Each output format lives in its own module and
is registered in `registry`.
"""
