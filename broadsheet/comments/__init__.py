"""Comments: the safe formatting subset (format.py) and the comment section of a page (section.py)."""
