"""Generator for the 'Natuurlijk, een netwerkcoach!' training site.

Two phases: `load` reads and validates the whole handbook into a model (nothing is
written), then `render` turns the model into a plain docs tree that MkDocs builds.
"""
from pathlib import Path

# The generator's own project folder: its theme (web and print templates, assets) and base engine
# config serve content folders (such as test fixtures) that do not bring their own.
GENERATOR_HOME = Path(__file__).resolve().parents[1]
