"""The reference interpreter: the semantics of the core IR, with an explanation of every result.

Its errors are the runtime's own (`regelwerk.runtime`), the classes a generated module raises.
"""

from regelwerk.interpret.evaluator import Evaluation, evaluate
from regelwerk.interpret.expressions import ExpressionEvaluator
from regelwerk.runtime import InvoerFout, OnbekendeWaarde, RekenFout

__all__ = ["Evaluation", "ExpressionEvaluator", "InvoerFout", "OnbekendeWaarde", "RekenFout",
           "evaluate"]
