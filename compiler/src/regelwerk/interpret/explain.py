"""The explanation of a result: which rules, table rows, parameter values and inputs produced it.

The same steps and tree as in a generated module, so both come from the runtime.
"""

from regelwerk.runtime import Uitleg, toon_uitleg

render_tree = toon_uitleg

__all__ = ["Uitleg", "render_tree"]
