"""Generator for the training site and print material of a stepwise coaching method.

The method itself is content (content/method.yml). The data flows through the subpackages in
order: `load` reads and validates every source into the `model`, `check` looks across it, then
`web` (the docs tree an engine builds), `print` (PDFs) and `export` (LMS files) render it, and
`site` runs the whole build and publishes it.
"""
