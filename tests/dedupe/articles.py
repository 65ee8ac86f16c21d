"""Fictional articles and site boilerplate for the near-duplicate tests (written for these tests)."""

TIDAL = [
    "The harbour town of Elmsworth switched on its first tidal turbine array on Tuesday, ending a decade of "
    "planning disputes between the fishing cooperative and the regional energy board.",
    "Six turbines anchored below the old breakwater will supply roughly a third of the town's electricity, "
    "according to engineers from the Marrow Bay Power Company, which built the array at a cost of forty million crowns.",
    "Fishermen had feared that the blades would drive away the mackerel shoals that the harbour depends on each "
    "autumn. A two-year survey by the coastal institute found no measurable change in catches near the site.",
    "Mayor Ilse Varnholt said the project showed that a small town could lead on clean power without giving up "
    "its oldest trade. She thanked the crews who worked through two winter storms to lay the cables.",
    "The energy board will decide next spring whether to add a second array north of the lighthouse, where the "
    "currents are stronger but the seabed is rockier and harder to drill.",
]

LIBRARY = [
    "Councillors in the inland city of Tarrow voted narrowly on Wednesday to keep all five branch libraries open, "
    "reversing a plan that would have closed the two smallest branches at the end of the year.",
    "The savings will instead come from shorter Sunday hours and a freeze on new furniture, the finance committee "
    "said in a report that was published shortly before the vote.",
    "Parents from the eastern districts had collected more than eight thousand signatures and filled the public "
    "gallery for the debate, which ran late into the evening with repeated interruptions.",
    "Head librarian Osric Pell told the chamber that the small branches lend more children's books per visitor "
    "than any other building in the network, and that closing them would hit the youngest readers first.",
]

ORCHARD = [
    "A late frost has destroyed most of the blossom in the apple orchards of the Vell valley, growers said, "
    "and the harvest this autumn could be the smallest in thirty years.",
    "Temperatures fell to minus four degrees on two consecutive nights just as the trees were in full flower. "
    "Smudge pots and wind machines saved some rows on the lower slopes but not the exposed upper terraces.",
    "The growers' association has asked the provincial government for emergency loans so that seasonal pickers "
    "can still be paid, and cider makers expect to import fruit from the coast for the first time.",
]

SITE_A_TOP = "Home | World | Business | Culture | Sport | Subscribe to the Northgate Courier"
SITE_A_BOTTOM = [
    "Support independent journalism in the north. Our reporters cover councils, courts and coastlines that no "
    "one else reaches, and every subscription keeps a reporter on the road for another week of stories.",
    "Comments are moderated. Please keep the discussion civil, stay on topic and do not share personal details "
    "of other readers. Posts that break these rules will be removed without notice.",
    "Copyright Northgate Courier Media. All rights reserved. Reproduction without permission is prohibited.",
]
SITE_B_WRAP = [
    "Skip to content. Menu. Search the Lantern Daily archive. Most read this week.",
    "This article was originally published by the Northgate Courier and is republished here with permission.",
    "More from Lantern Daily: weather warnings, ferry timetables and the weekend crossword.",
]


def page(paragraphs: list[str], top: str = "", bottom: list[str] | tuple = ()) -> str:
    return "\n".join(([top] if top else []) + list(paragraphs) + list(bottom))

FERRY_NOTICE = ("The Elmsworth ferry will not sail on Saturday while the landing ramp is repaired. Passengers "
                "with tickets can travel on Sunday morning at no extra charge, the operator said.")
MARKET_NOTICE = ("Tarrow's covered market opens an hour later on Monday because of a power cut in the old hall. "
                 "Traders expect to be back to normal hours by the middle of the week.")
