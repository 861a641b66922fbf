"""The entities: a person, and a household with one aanvrager and at most one toeslagpartner."""

from openfisca_core.entities import build_entity

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Het huishouden van de aanvrager (Wzt art. 2, eerste lid)",
    roles=[
        {"key": "aanvrager", "plural": "aanvragers", "label": "De aanvrager", "max": 1},
        {"key": "toeslagpartner", "plural": "toeslagpartners", "label": "De toeslagpartner (Awir art. 3)",
         "max": 1},
    ],
)

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="De aanvrager of diens toeslagpartner",
    is_person=True,
)

entities = [Huishouden, Persoon]
