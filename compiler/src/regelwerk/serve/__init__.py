"""`regelwerk serve`: the calculation service and the scenario explorer, a thin layer over the
pipeline and the generated modules.

- catalog: the regulations under a folder, each with its generated module built in memory
- calculate: one calculation request -> an answer or a refusal (the JSON both endpoints give)
- notation: amounts in Dutch notation ("1.450,50") read as the modules read them ("1450.50")
- errors: the one JSON shape of every error, and reading a request body within its limit
- openapi: the OpenAPI description generated from the modules' schemas
- routes, explorer, testblock: the endpoints, the /verkenner page and "Bewaar als test"
- app: the Starlette application; command: the click command
"""

from regelwerk.serve.app import Instellingen, create_app

__all__ = ["Instellingen", "create_app"]
