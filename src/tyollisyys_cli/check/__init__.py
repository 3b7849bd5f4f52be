"""`tyollisyys check`: recompute what the plan prints and report where it disagrees.

Data flows one way: the validated `Area` → rules (one small module each, in `rules/`)
→ `Finding` records → a reporter (text, json, github). The rules reuse the core
computations; they only compare what the plan prints with what the core computes.
"""
