"""Every command of the ``coalitions`` CLI, found from the app itself (no hand-kept list)."""

from __future__ import annotations

import typer.main

from coalitions.cli.app import app


def command_paths() -> list[list[str]]:
    """The path of every command and group, root first: ``[[], ["value"], ["value",
    "shapley"], ...]``. Walks the Click objects Typer builds (``.commands`` of each group), so
    it needs no import of click, which typer may vendor."""

    def walk(command, path):
        yield path
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def leaf_paths() -> list[list[str]]:
    """Paths of the commands that do work (not groups)."""
    root = typer.main.get_command(app)

    def is_group(path):
        command = root
        for name in path:
            command = command.commands[name]
        return hasattr(command, "commands")

    return [path for path in command_paths() if not is_group(path)]
