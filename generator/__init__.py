"""Generator for the 'Natuurlijk, een netwerkcoach!' training site.

Two phases: `load` reads and validates the whole handbook into a model (nothing is
written), then `render` turns the model into a plain docs tree that MkDocs builds.
"""
