"""Where the generator's own files live."""
from pathlib import Path

# The generator's own project folder: its theme (web and print templates, assets) and base engine
# config serve content folders (such as test fixtures) that do not bring their own.
GENERATOR_HOME = Path(__file__).resolve().parents[1]
