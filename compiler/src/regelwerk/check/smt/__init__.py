"""Conditions as logic over the core IR: the part of the language z3 decides exactly.

`translate` turns core expressions into z3 terms (or says why it cannot), `solve` asks z3 for an
example and shows it in Dutch, `naming` gives a count or sum over a list the name it is shown by.
"""
