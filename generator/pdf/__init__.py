"""Print output: the same model rendered as print HTML, then as PDF by WeasyPrint."""
