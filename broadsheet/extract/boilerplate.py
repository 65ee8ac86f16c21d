"""What page furniture looks like as text: the patterns ``clean.py`` removes from an extracted body.

Every pattern is matched against the WHOLE text of one block (paragraph, heading, list item), case-insensitive,
with whitespace collapsed. Add a pattern to the table that says where it may match; keep them short and generic
(no site names): a pattern that can match a sentence of an article does more harm than the furniture it removes.
"""
from __future__ import annotations

import re

_SHARE_WORDS = r"share|shares|tweet|email|e-mail|print|copy link|copy|facebook|twitter|linkedin|whatsapp|pinterest|" \
               r"reddit|telegram|flipboard|messenger|sms|x"

# A pointer to other stories ("Related:", "READ MORE: <headline>"): drop it and the links that follow it.
RELATED = [
    r"((read|see|watch|listen)( more| also| next)?|(also|must) read|related( stories| articles| content)?|more|"
    r"don'?t miss|recommended|trending( now)?|more (on|about) this( story| topic)?|"
    r"lesen sie (auch|mehr)|mehr zum thema|auch interessant|lee( también| más)|leer más|te puede interesar|"
    r"(à )?lire aussi|voir aussi|leggi anche)\W*",
    r"((read|see) (more|also|next)|(also|must) read|(related|don'?t miss|recommended|more)( stories| articles| coverage|"
    r" reading)?|relacionad[ao]s?|lea también|lee también|lesen sie auch|mehr zum thema|lire aussi)\s*[:|].{0,200}",
]

# Furniture anywhere in the body: drop the block.
ANYWHERE = [
    r"logo",
    r"(advertisement|advertising|ad|sponsored( content)?|paid (content|post)|promoted( content)?|"
    r"publicidad|anuncio|werbung|anzeige|publicité|pubblicità|reclame|"
    r"(story|article) continues below( this)?( advertisement| ad)?|continue reading (below|the main story)|"
    r"scroll (down )?to continue( reading| with content)?)",
    rf"((share|tweet|post|send)( this)?( article| story| post| page)?( on| via| to| with)?\W*)?(({_SHARE_WORDS})\W*){{1,10}}",
    r"(no comments yet|be the first to comment|leave a (comment|reply)|post a comment|add a comment|"
    r"\d+ comments?|comments?( \(\d+\))?|show comments|view comments|comments are closed|"
    r"join the (conversation|discussion)|you must be logged in to post a comment)\W*",
    r"(we|this (web)?site|our (web)?site)( and our partners)? uses? cookies\b.*",
    r"(accept|reject|allow|manage)( all)? cookies.*|cookie (settings|preferences|policy)",
    r"by (continuing to use|using) (this|our) (site|website).{0,200}cookies.*",
    r"try our ai features\W*|explore what .{1,40} can do for you\W*",
    r"(download|get) (the|our) (\w+ )?app( today| now| for free)?\W*|get started now\W*download the app\W*",
    r".{0,80}\bdownload\b.{0,60}\bapp\b.{0,120}\b(app store|play store|google play|preferred store).*",
    r"(app[- ]?store|play[- ]?store|google play)(\W*(app[- ]?store|play[- ]?store|google play))*",
    r"(sign up|subscribe)( now)? (for|to) (our|the|my) .{0,60}newsletters?\b.{0,120}",
    r"click here to (download|get|install) (the|our) .{0,40}\bapp\b.{0,40}|click here to (subscribe|sign up)\b.{0,80}",
    r"(image|photo|picture) (copyright|source|credit)\W.{0,80}",
    r"\[(?P<tag>\w+)\b[^\]]*\].{0,300}\[/(?P=tag)\]",  # a shortcode the site forgot to render: [button ...]...[/button]
    r"(loading|please wait|this content is not available|enable javascript).{0,60}",
    r"((impressum|datenschutz(erklärung)?|imprint|privacy( policy| settings)?|terms( of (use|service))?|"
    r"cookie policy|contact( us)?|about( us)?|sitemap|accessibility|aviso legal|privacidad|mentions légales)\W*){1,8}",
]

# Headings that open a trailing section of furniture: drop this block and everything after it.
CUT_FROM = [
    r"related( articles| stories| posts| news| coverage| reading| content| videos)?\W*",
    r"more (articles|stories|posts|news|coverage|reading|videos)\W*",
    r"more (from|on|in|about) .{1,60}",
    r"(you|we think you) (may|might|will) (also )?(like|enjoy|be interested in)\W*",
    r"(recommended|suggested)( for you| stories| articles| reading)?\W*",
    r"(most (read|popular|viewed|shared|watched)|trending( now| stories)?|top stories|latest (news|stories)|"
    r"(read|what to read) next|up next|more to explore|around the web|from our partners|(popular|editor'?s) picks)\W*",
    r"comments?( \(\d+\))?\W*|(leave|post|add) a (comment|reply)\W*|(join|start) the (conversation|discussion)\W*",
    r"(download|get) the app\W*",
]

# Lines found before the article starts: repeated headline (handled in clean.py), datelines and bylines.
LEADING = [
    r"https?://\S+",
    r"(by|von|por|par|di|door|av|af):? [^.!?]{2,80}",
    r"(updated|published|posted|last updated|first published)( on| at)?:? .{0,60}",
    r"\d{1,2} min(ute)?s? read|listen to (this|the) (article|story).{0,30}|reading time.{0,30}",
    r".{0,40}\d{1,2}[-./]\d{1,2}[-./]\d{2,4}",
    r".{0,40}(\d{4}-\d{2}-\d{2}|\w{3,9}\.? \d{1,2},? \d{4})( at)?( \d{1,2}:\d{2}( ?[ap]\.?m\.?)?)?.{0,20}",
]

# Lines found after the article ends: tip lines, author bios' calls to follow, newsletter and copyright notes.
TRAILING = [
    r"have a (news )?tip\?.{0,300}",
    r".{0,300}\bfollow \S+( \S+)? (on|at)\b.{0,60}\b(twitter|facebook|instagram|x|bluesky|threads|youtube|tiktok)\b"
    r".{0,100}",
    r"(tell us|let us know) what you think.{0,60}",
    r"(get|receive) the latest .{0,80}\b(inbox|email)\b.{0,200}",
    r".{0,120}\bdelivered (to|through) your (door|letterbox|inbox|mailbox)\b.{0,200}",
    r"(©|\(c\)|copyright)\s.{0,200}|all rights reserved\W*",
    r"(filed under|tags?|tagged( with)?|categories|category|topics?)\s*:.{0,200}",
    r"(updated|published|posted|last updated)( on| at)?:? .{0,60}",
    r"(sign up|subscribe)\b.{0,120}\b(newsletters?|inbox|alerts|briefing|digest)\b.{0,120}",
    r"(read|see|view) (more|all)( .{0,60})?\W*",
]


def compile_all(patterns: list[str]) -> re.Pattern:
    """One case-insensitive full-match regex for a table."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.S)
