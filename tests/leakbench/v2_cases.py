"""One line per case of pii-leak-benchmark's v2 profile against a running gateway.

The v2 command (`python -m pii_leak_benchmark.v2_cli`) publishes rates and
per-axis slices, not which case leaked how. This drives the same covering array
through the same scorer (`v2_emitter.run_case`, pinned with the package in
tests/leakbench/requirements.txt) and prints, for each case: the HTTP status,
whether the injected value reached the client (and at which tier), which echo
values came back restored, and which echo values the capture received in clear.
Diagnostics only: tests/tests/e2e/leakbench.rs decides pass/fail from the v2
command's own report.

usage: python v2_cases.py GATEWAY_CHAT_URL UPSTREAM_PORT SEED MODEL
The gateway key is read from CONFORMANCE_TARGET_API_KEY, as the v2 command does.
"""

from __future__ import annotations

import json
import sys

from pii_leak_benchmark import v2_emitter as v2
from pii_leak_benchmark.http_profile import _normalize


def _sites_holding(body: str, value: str) -> list[str]:
    """The JSON paths of the captured request where `value` is, in clear."""
    found: list[str] = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}[{index}]")
        elif isinstance(node, str) and _normalize(value) in _normalize(node):
            found.append(path)

    try:
        walk(json.loads(body), "")
    except ValueError:
        if _normalize(value) in _normalize(body):
            found.append("<unparsed body>")
    return found


def main() -> int:
    url, port, seed, model = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    v2.adopt_documented_gateway_key()
    segments = v2.build_segments(seed)
    for case in v2.covering_array():
        result = v2.run_case(segments, "cordon", case, iterations=1, gateway_url=url, upstream_port=port, model=model)
        upstream_clear = {}
        for entity, value in segments.echo.items():
            sites = sorted({s for body in result.upstream_bodies for s in _sites_holding(body, value)})
            if sites:
                upstream_clear[entity] = sites
        row = {
            "case": case,
            "status": result.status_codes,
            "transport_error": result.transport_error,
            "injection_leaked": result.injection_leaked,
            "leak_tier": result.leak_tier,
            "echo_observable": result.echo_observable,
            "echo_not_restored": sorted(k for k, ok in result.echo_recovered.items() if not ok),
            "echo_in_clear_upstream": upstream_clear,
        }
        print(json.dumps(row, sort_keys=True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
