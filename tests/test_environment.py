"""environment.yml (for conda users) must list the same packages and bounds as pyproject.toml."""

import re
import tomllib

import yaml

from partnerlab.paths import ROOT


def _normalise(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(
        _normalise(r)
        for r in project["dependencies"]
        + project["optional-dependencies"]["test"]
        + project["optional-dependencies"]["dask"]
    )
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    # packages conda-forge does not have are installed by pip in the same environment
    from_pip = [d for d in pip_section if d != "-e ."]
    listed = dict(_normalise(d) for d in conda + from_pip if not d.startswith(("python", "pip")))
    assert listed == wanted
    assert "-e ." in pip_section


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]
