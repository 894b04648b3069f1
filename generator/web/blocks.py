"""Small pieces every generated page uses: joining blocks, page scripts, tool buttons."""
from __future__ import annotations

from generator.markup.text import NOT_IN_SEARCH, esc
from generator.web.links import LinkResolver


def lines(*blocks: str) -> str:
    """Markdown blocks with one blank line between them; empty blocks leave no gap."""
    return "\n\n".join(block.strip("\n") for block in blocks if block) + "\n"


def script_tag(links: LinkResolver, name: str) -> str:
    """Our page scripts load only on the pages that use them."""
    return f'<script src="{links.to("assets/js/" + name)}" defer></script>'


def stand_in_buttons(tools: tuple[tuple[str, str], ...]) -> str:
    """A tool row's buttons, disabled until the page script gives each one its action.

    They are in the page from the start, so nothing moves when the script runs (no layout shift).
    """
    return "".join(f'<button type="button" class="md-button nc-button" data-action="{action}" disabled '
                   f'{NOT_IN_SEARCH}>'
                   f'{esc(label)}</button>' for action, label in tools)
