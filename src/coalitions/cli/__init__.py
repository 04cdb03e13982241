"""The command-line interface (typer). Commands parse, call the library and render."""
