"""JUnit XML, as CI servers read it: one test suite a file, one test case a file and rule.

A rule with findings in a file is a test case whose text lists every finding as
`path:line:col: CODE [severity] message`, each related location under it: a failure where one is at or above
`--fail-on` (as the exit code counts them), else a passing case that shows them
(`system-out`), so an info never fails a CI's test view that the exit code
passes. A file without findings has one passing test case, so every checked
file shows in the CI's test view. No times, no timestamps, no host names: the same findings give the
same bytes (valid against the Jenkins xUnit `junit-10.xsd`, tests/vendor/junit/).
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from seasonparse.model import SEVERITIES
from seasonparse.report.concise_format import line, related_line

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CORPUS = "(corpus)"  # a finding tied to no file


def _text(value: str) -> str:
    """XML 1.0 cannot hold control characters, even escaped: replace them."""
    return _NOT_XML.sub("\ufffd", value)


def _with_related(f) -> str:
    """A finding's concise line, then its related locations as the text report writes them (trial60: the
    reference's line of an R finding was in no JUnit text)."""
    return "".join([line(f) + "\n", *(related_line(r) + "\n" for r in f.related)])


def _by_file_and_rule(findings, lines_by_path) -> dict[str, dict[str, list]]:
    out: dict[str, dict[str, list]] = {path: {} for path in lines_by_path}
    for f in findings:
        out.setdefault(f.path or CORPUS, {}).setdefault(f.code, []).append(f)
    return out


def render(findings, lines_by_path, rules, fail_on: str = "error") -> str:
    threshold = SEVERITIES.index(fail_on)
    grouped = _by_file_and_rule(findings, lines_by_path)
    root = ET.Element("testsuites", name="seasonparse")
    total = failed = 0
    for path in sorted(grouped):
        by_rule = grouped[path]
        suite = ET.SubElement(root, "testsuite", name=_text(path), tests="0", failures="0",
                              errors="0", skipped="0")
        if not by_rule:
            ET.SubElement(suite, "testcase", name="no findings", classname=_text(path))
            suite.set("tests", "1")
            total += 1
            continue
        failing = 0
        for code in sorted(by_rule):
            found = by_rule[code]
            name = rules[code].name if code in rules else found[0].name
            case = ET.SubElement(suite, "testcase", name=_text(f"{code} {name}"), classname=_text(path))
            text = _text("".join(map(_with_related, found)))
            if any(SEVERITIES.index(f.severity) >= threshold for f in found):
                failure = ET.SubElement(case, "failure", type=_text(code),
                                        message=_text(f"{len(found)} × {code} {name}"))
                failure.text = text
                failing += 1
            else:
                ET.SubElement(case, "system-out").text = text
        suite.set("tests", str(len(by_rule)))
        suite.set("failures", str(failing))
        total += len(by_rule)
        failed += failing
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
