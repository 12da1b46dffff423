"""Plain-Python core: content model, schema, validation and curriculum graph.

Nothing in this package imports MkDocs, so the checker, the CLI and any future site generator share it.
"""
