"""Personal reading: the "For you" ranking, muted keywords, feeds out (RSS, Atom, JSON Feed), per-user OPML and
the installable app's icons. The web views in ``broadsheet/web/views`` call these; nothing here knows HTTP."""
