"""A minimal OpenFisca tax-benefit system for the zorgtoeslag: the benchmark's point of comparison.

It computes the same formula as regulations/zorgtoeslag/zorgtoeslag.rw with OpenFisca's vectorised
engine (numpy arrays, float32 amounts, as OpenFisca does by default). The statute figures are not
copied: `parameters.py` reads every dated value of the rule file's parameters from the core IR, so
the two cannot drift apart. Only the benchmark uses it (`make bench-populatie`); openfisca-core is in
the `bench` extra, not in `dev` or `populatie`.

    from openfisca_zorgtoeslag import simulate
    per_jaar, per_maand = simulate(person_household, person_role, ..., peildatum)
"""

from openfisca_zorgtoeslag.simulation import simulate, tax_benefit_system

__all__ = ["simulate", "tax_benefit_system"]
