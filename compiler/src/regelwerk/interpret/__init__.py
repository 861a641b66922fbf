"""The reference interpreter: the semantics of checked IR, with an explanation of every result."""

from regelwerk.interpret.evaluator import Evaluation, RekenFout, evaluate
from regelwerk.interpret.values import InvoerFout

__all__ = ["Evaluation", "InvoerFout", "RekenFout", "evaluate"]
