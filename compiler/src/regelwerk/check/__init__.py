"""Check passes over the IR. Each pass is `(module, context) -> list[Diagnostic]` and never raises
for a user error; what a pass learns (what a name means, the type of an expression) goes into the
context for the next pass and for the backends."""
