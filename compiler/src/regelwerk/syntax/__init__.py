"""From source text to IR: the Lark grammar, layout, Dutch literals and the IR builder."""
