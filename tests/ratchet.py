"""The strict allow-list ("ratchet") shared by the hostile-input sweeps.

A sweep groups its failures by ``"name[argument]"``; the allow-list maps such keys to
``(owner, how many hostile values may fail, first failure)``. More failures than allowed is a
regression, and fewer means a fix landed: both are reported, so the list can only shrink.
"""

from __future__ import annotations


def ratchet_report(name: str, failures: dict[str, dict[str, str]],
                   known: dict[str, tuple[str, int, str]]) -> list[str]:
    """Lines describing every difference between ``failures`` of ``name`` and ``known``."""
    known = {key: entry for key, entry in known.items() if key.split("[")[0] == name}
    report = []
    for key, cases in sorted(failures.items()):
        allowed = known.get(key, (None, 0, ""))[1]
        if len(cases) > allowed:
            report.append(f"  {key}: {len(cases)} hostile values fail (allowed {allowed}):")
            report += [f"    {case}: {problem}" for case, problem in sorted(cases.items())]
    for key, (owner, allowed, _) in sorted(known.items()):
        actual = len(failures.get(key, {}))
        if actual < allowed:
            report.append(f"  {key}: only {actual} of the {allowed} known failures remain "
                          f"({owner}); lower the count in KNOWN_FAILURES"
                          + (" (delete the entry)" if actual == 0 else ""))
    return report
