"""Population runs: every output of a regulation for every household of a population (issue 13)."""
