"""Views: each turns a core result into a `TableData` (columns, friendly headers, notes).

This is the one place where domain records meet presentation; renderers below it know
nothing of the domain, and the core above it knows nothing of presentation.
"""
