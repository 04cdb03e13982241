"""pytest collects docs/**/*.md as doctests; the Sphinx configuration and the built or
generated site are not tests (docs/conf.py is import-safe, but collecting it adds nothing)."""

collect_ignore = ["conf.py", "_build", "api"]
