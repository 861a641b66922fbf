"""The tax-benefit system, and one vectorised OpenFisca simulation over a whole population."""

from __future__ import annotations

import datetime

import numpy as np
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_zorgtoeslag.entities import entities
from openfisca_zorgtoeslag.parameters import parameter_tree
from openfisca_zorgtoeslag.variables import variables


class Zorgtoeslag(TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__(entities)
        self.parameters = parameter_tree()
        self.add_variables(*variables)


def tax_benefit_system() -> TaxBenefitSystem:
    return Zorgtoeslag()


def simulate(system: TaxBenefitSystem, household_of_person: np.ndarray, role_of_person: np.ndarray,
             verzekerde: np.ndarray, toetsingsinkomen: np.ndarray, rendementsgrondslag: np.ndarray,
             zelfde_toeslagpartner: np.ndarray, peildatum: datetime.date) -> dict[str, np.ndarray]:
    """zorgtoeslag_per_jaar and _per_maand per household (arrays), for the year of the peildatum.

    `household_of_person` numbers the households 0..n-1 (one per person, households in order);
    `role_of_person` is 0 (aanvrager) or 1 (toeslagpartner), OpenFisca's role order.
    """
    households = len(zelfde_toeslagpartner)
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("persoon", np.arange(len(household_of_person)))
    huishouden = builder.declare_entity("huishouden", np.arange(households))
    builder.join_with_persons(huishouden, household_of_person, role_of_person)
    simulation = builder.build(system)
    period = str(peildatum.year)
    simulation.set_input("verzekerde", period, verzekerde)
    simulation.set_input("toetsingsinkomen", period, toetsingsinkomen)
    simulation.set_input("rendementsgrondslag", period, rendementsgrondslag)
    simulation.set_input("zelfde_toeslagpartner_hele_berekeningsjaar", period, zelfde_toeslagpartner)
    # the outputs the benchmark asks of every engine (computed on the way to the zorgtoeslag anyway)
    return {name: simulation.calculate(name, period)
            for name in ("drempelinkomen", "toetsingsinkomen_huishouden", "normpremie",
                         "zorgtoeslag_per_jaar", "zorgtoeslag_per_maand")}
