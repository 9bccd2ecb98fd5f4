"""The IR -> views: every string and flag a template prints, computed here so templates hold layout only."""
