"""`regelwerk lsp`: a language server over stdio, a thin layer over the pipeline.

One file per job: `documents` keeps the open texts and checks them with the pipeline, `index`
finds definitions and references in what was checked, and one module per editor feature turns
that into LSP answers. `server` wires the features to pygls.
"""
