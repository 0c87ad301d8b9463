"""Use cases: rules, permissions and audit, with no Qt. Views, the CLI and tests all call these."""
