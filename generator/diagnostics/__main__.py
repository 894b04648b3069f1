"""`python -m generator.diagnostics`: write the code table into doc/authoring.md."""
from generator.diagnostics.table import AUTHORING, update

print(f"{AUTHORING}: {'bijgewerkt' if update() else 'al actueel'}")
