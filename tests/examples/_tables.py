"""Cells of a worked example's report tables, by column header and row label (so that tests
check numbers, not the layout)."""

__all__ = ["column", "cell"]


def column(section, name: str) -> list:
    """The cells of a report table's column, found by its header (not its position)."""
    if name not in section.columns:
        raise KeyError(f"{section.title!r} has no column {name!r}: {section.columns}")
    k = section.columns.index(name)
    return [row[k] for row in section.rows]


def cell(section, row_label: str, name: str):
    """The cell of the row whose first cell starts with ``row_label``, in column ``name``."""
    labels = [str(row[0]) for row in section.rows]
    matches = [i for i, label in enumerate(labels) if label.startswith(row_label)]
    if len(matches) != 1:
        raise KeyError(f"{section.title!r}: {len(matches)} rows start with {row_label!r}")
    return column(section, name)[matches[0]]
