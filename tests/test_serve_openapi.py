"""Schemathesis against the service's own OpenAPI description, over real HTTP on loopback: for
inputs drawn from the schemas (and outside them) the service never fails with a 5xx, answers only
with the status codes it describes, and every answer matches its described schema.

A bounded number of examples per operation keeps this inside the test suite's time budget."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from regelwerk.serve import Instellingen
from tests.serving import serving

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "serve"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import shutil

    folder = tmp_path_factory.mktemp("regels")
    shutil.copytree(ROOT / "regulations" / "zorgtoeslag", folder / "zorgtoeslag")
    shutil.copytree(ROOT / "regulations" / "groeipakket", folder / "groeipakket")
    # the Groeipakket reads the public holidays (`gebruik feestdagen`): a module, no regulation
    (folder / "feestdagen").mkdir()
    shutil.copy(ROOT / "stdlib_rules" / "feestdagen.rw", folder / "feestdagen")
    shutil.copytree(FIXTURE / "vijandig", folder / "vijandig")
    with serving(Instellingen(folder, max_reeks=5)) as url:
        yield url


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_the_service_keeps_to_its_description(base_url: str) -> None:
    """Every operation of /openapi.json, with cases drawn from its schemas. (Schemathesis's pytest
    plugin does not run under this pytest; the cases are the same through Hypothesis directly.)"""
    api = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) == 2 + 3 * 4  # gezond, regelingen; each: itself, schema, bereken, -reeks
    for operation in operations:

        @given(operation.as_strategy())
        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def keeps_to_it(case: Any) -> None:
            case.call_and_validate(base_url=base_url, checks=CHECKS)

        keeps_to_it()
