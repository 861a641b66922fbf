"""The zorgtoeslag formula as OpenFisca variables, rule for rule as in zorgtoeslag.rw.

Amounts are OpenFisca floats (float32): this is how an OpenFisca country package computes, and why a
household can differ from the exact Regelwerk result by a cent.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import YEAR
from openfisca_core.variables import Variable

from openfisca_zorgtoeslag.entities import Huishouden, Persoon

# ---------------------------------------------------------------------------------------- invoer


class verzekerde(Variable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Verzekerde (Wzt art. 1, eerste lid, onderdeel c)"


class toetsingsinkomen(Variable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toetsingsinkomen (Awir art. 8)"


class rendementsgrondslag(Variable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Rendementsgrondslag (Wzt art. 3, eerste lid)"


class zelfde_toeslagpartner_hele_berekeningsjaar(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = YEAR
    label = "Het hele berekeningsjaar dezelfde toeslagpartner (Wzt art. 3, tweede lid)"


# ---------------------------------------------------------------------------------------- regels


class drempelinkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 1, eerste lid, onderdeel f; Dienst Toeslagen, Berekening zorgtoeslag"

    def formula(huishouden, period, parameters):
        # the rule file computes with the drempelinkomen as Dienst Toeslagen fixes it, not 108 % × 12 × WML
        p = parameters(period).zorgtoeslag
        return np.full(huishouden.count, p.drempelinkomen_vastgesteld, dtype=np.float32)


class heeft_toeslagpartner(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = YEAR

    def formula(huishouden, period, parameters):
        return huishouden.nb_persons(role=Huishouden.TOESLAGPARTNER) > 0


class aanvrager_is_verzekerde(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = YEAR

    def formula(huishouden, period, parameters):
        return huishouden.any(huishouden.members("verzekerde", period), role=Huishouden.AANVRAGER)


class partner_is_geen_verzekerde(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = YEAR

    def formula(huishouden, period, parameters):
        return huishouden.any(np.logical_not(huishouden.members("verzekerde", period)),
                              role=Huishouden.TOESLAGPARTNER)


class toetsingsinkomen_huishouden(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 2, tweede lid: met een toeslagpartner het gezamenlijke toetsingsinkomen"

    def formula(huishouden, period, parameters):
        return huishouden.sum(huishouden.members("toetsingsinkomen", period))


class normpremie(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 2, tweede en derde lid"

    def formula(huishouden, period, parameters):
        p = parameters(period).zorgtoeslag
        drempel = huishouden("drempelinkomen", period)
        normpercentage = np.where(huishouden("heeft_toeslagpartner", period),
                                  p.normpercentage_met_toeslagpartner, p.normpercentage_zonder_toeslagpartner)
        boven = np.maximum(huishouden("toetsingsinkomen_huishouden", period) - drempel, 0)
        return normpercentage * drempel + p.percentage_boven_drempelinkomen * boven


class aanspraak(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 2, eerste en vierde lid"

    def formula(huishouden, period, parameters):
        p = parameters(period).zorgtoeslag
        standaardpremie = np.where(huishouden("heeft_toeslagpartner", period),
                                   2 * p.standaardpremie, p.standaardpremie)
        eerste_lid = np.maximum(standaardpremie - huishouden("normpremie", period), 0)
        return np.where(huishouden("partner_is_geen_verzekerde", period),
                        eerste_lid * p.aandeel_bij_partner_zonder_verzekering, eerste_lid)


class vermogen_te_hoog(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 3"

    def formula(huishouden, period, parameters):
        p = parameters(period).zorgtoeslag
        samen = (huishouden("heeft_toeslagpartner", period)
                 * huishouden("zelfde_toeslagpartner_hele_berekeningsjaar", period))
        grondslag = huishouden.members("rendementsgrondslag", period)
        voor_toets = np.where(samen, huishouden.sum(grondslag),
                              huishouden.sum(grondslag, role=Huishouden.AANVRAGER))
        grens = np.where(samen, p.vermogensgrens_met_toeslagpartner, p.vermogensgrens_zonder_toeslagpartner)
        return voor_toets > grens


class berekende_zorgtoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Wzt art. 2, eerste lid; art. 1, onderdeel c; art. 3, eerste lid"

    def formula(huishouden, period, parameters):
        geen = (np.logical_not(huishouden("aanvrager_is_verzekerde", period))
                + huishouden("vermogen_te_hoog", period))
        return np.where(geen, 0, huishouden("aanspraak", period))


class zorgtoeslag_per_jaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Awir art. 14, derde en vierde lid"

    def formula(huishouden, period, parameters):
        p = parameters(period).zorgtoeslag
        # rekenkundig afgerond op hele euro's (half naar boven; het bedrag is nooit negatief)
        afgerond = np.floor(huishouden("berekende_zorgtoeslag", period) + 0.5)
        return np.where(afgerond < p.minimale_tegemoetkoming, 0, afgerond)


class zorgtoeslag_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Awir art. 22, eerste lid: een twaalfde van het jaarbedrag"

    def formula(huishouden, period, parameters):
        return huishouden("zorgtoeslag_per_jaar", period) / 12


variables = [
    verzekerde, toetsingsinkomen, rendementsgrondslag, zelfde_toeslagpartner_hele_berekeningsjaar,
    drempelinkomen, heeft_toeslagpartner, aanvrager_is_verzekerde, partner_is_geen_verzekerde,
    toetsingsinkomen_huishouden, normpremie, aanspraak, vermogen_te_hoog, berekende_zorgtoeslag,
    zorgtoeslag_per_jaar, zorgtoeslag_per_maand,
]
