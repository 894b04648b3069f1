"""The publishing workflows only use commands and options the tool really has."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT, run_cli
from ruamel.yaml import YAML

WORKFLOWS = [ROOT / ".github" / "workflows" / "publish.yml", ROOT / "ci" / "gitlab-ci.example.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_commands_exist(workflow) -> None:
    text = workflow.read_text(encoding="utf-8")
    YAML(typ="safe").load(text)  # valid YAML
    calls = re.findall(r"netwerkcoach (\w[\w-]*)([^\n;|]*)", text)
    assert calls, "the workflow runs the tool"
    for command, rest in calls:
        help_text = run_cli(command, "--help").stdout
        assert help_text.startswith("Gebruik:"), command
        for option in re.findall(r"(--[a-z-]+)", rest):
            assert option in help_text, (command, option)
    for target in re.findall(r"\bmake (\w[\w-]*)", text):
        assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M), target
