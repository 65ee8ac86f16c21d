"""Fictional news items for the enrich tests: (id, event, published, title, text, entities).

Two earthquakes of the same kind (different towns, different weeks), two celebrities entering rehab, one election
result told by four outlets, and a port strike. Each event is written by several "outlets" in different words.
"""
from datetime import datetime

ITEMS = [
    (1, "quake_velmora", datetime(2031, 3, 4, 6, 10), "Magnitude 6.1 earthquake shakes Velmora",
     "A magnitude 6.1 earthquake struck near the mountain town of Velmora early on Tuesday, collapsing the old "
     "clock tower and cutting power to thousands of homes. Mayor Ilse Brandt said two people were injured.",
     {"Velmora", "Ilse Brandt"}),
    (2, "quake_velmora", datetime(2031, 3, 4, 9, 30), "Velmora counts damage after strong quake",
     "Residents of Velmora spent Tuesday clearing rubble after the 6.1 tremor toppled the town's clock tower. "
     "Mayor Ilse Brandt said electricity would be restored by evening.",
     {"Velmora", "Ilse Brandt"}),
    (3, "quake_velmora", datetime(2031, 3, 5, 8, 0), "Aftershocks rattle Velmora a day after earthquake",
     "Several aftershocks hit Velmora on Wednesday, a day after the magnitude 6.1 earthquake that brought down "
     "the clock tower. Engineers are inspecting the Velmora dam.",
     {"Velmora"}),
    (4, "quake_kestrel", datetime(2031, 5, 19, 22, 40), "Earthquake hits Kestrel Harbour, fishing fleet damaged",
     "A magnitude 5.4 earthquake hit Kestrel Harbour late on Monday, sinking moored fishing boats and cracking the "
     "harbour wall. Coastguard chief Tomas Reyes said nobody was hurt.",
     {"Kestrel Harbour", "Tomas Reyes"}),
    (5, "quake_kestrel", datetime(2031, 5, 20, 7, 15), "Kestrel Harbour wall cracked by 5.4 quake",
     "The 5.4 quake that struck Kestrel Harbour on Monday night cracked the harbour wall and sank several fishing "
     "boats, the coastguard said. Tomas Reyes urged boat owners to stay ashore.",
     {"Kestrel Harbour", "Tomas Reyes"}),
    (6, "quake_kestrel", datetime(2031, 5, 20, 12, 0), "Fishermen in Kestrel Harbour count losses after earthquake",
     "Fishermen in Kestrel Harbour counted sunken boats on Tuesday after Monday's earthquake. The harbour wall "
     "will be repaired, the port authority said.",
     {"Kestrel Harbour"}),
    (7, "election_marivia", datetime(2031, 4, 13, 21, 0), "Aldana wins Marivia presidential run-off",
     "Lucia Aldana won Marivia's presidential run-off on Sunday with 54 percent of the vote, beating incumbent "
     "Pavel Ostrov, the electoral commission said.",
     {"Lucia Aldana", "Marivia", "Pavel Ostrov"}),
    (8, "election_marivia", datetime(2031, 4, 13, 22, 30), "Ostrov concedes as Aldana takes Marivia presidency",
     "President Pavel Ostrov conceded defeat late on Sunday after challenger Lucia Aldana took 54 percent in the "
     "Marivia run-off election.",
     {"Lucia Aldana", "Marivia", "Pavel Ostrov"}),
    (9, "election_marivia", datetime(2031, 4, 14, 6, 0), "Marivia elects Lucia Aldana as president",
     "Voters in Marivia elected Lucia Aldana president in Sunday's second round, ending Pavel Ostrov's two terms. "
     "Turnout was 68 percent.",
     {"Lucia Aldana", "Marivia", "Pavel Ostrov"}),
    (10, "election_marivia", datetime(2031, 4, 14, 9, 45), "Markets rally after Aldana victory in Marivia",
     "Marivia's currency rose on Monday after Lucia Aldana won the presidential run-off against Pavel Ostrov with "
     "54 percent of the vote.",
     {"Lucia Aldana", "Marivia", "Pavel Ostrov"}),
    (11, "strike_brennick", datetime(2031, 4, 2, 5, 0), "Dockworkers strike shuts port of Brennick",
     "Dockworkers at the port of Brennick walked out on Wednesday over pay, leaving container ships waiting at "
     "anchor. The Brennick dockers' union said the strike would last 48 hours.",
     {"Brennick"}),
    (12, "strike_brennick", datetime(2031, 4, 2, 11, 20), "Ships queue off Brennick as dock strike begins",
     "Container ships queued off Brennick on Wednesday as a 48-hour dockworkers' strike over wages closed the port.",
     {"Brennick"}),
    (13, "strike_brennick", datetime(2031, 4, 3, 8, 0), "Brennick port strike enters second day",
     "The strike by Brennick dockworkers entered its second day on Thursday, with no talks planned between the "
     "union and the port operator over pay.",
     {"Brennick"}),
    (14, "rehab_dawn", datetime(2031, 6, 1, 15, 0), "Singer Nia Dawn enters rehab",
     "Pop singer Nia Dawn has checked into the Sunridge treatment centre, her publicist confirmed on Friday, "
     "asking for privacy for the singer and her family.",
     {"Nia Dawn", "Sunridge"}),
    (15, "rehab_dawn", datetime(2031, 6, 1, 18, 30), "Nia Dawn checks into Sunridge treatment centre",
     "Nia Dawn, the singer behind the hit album Glasshouse, entered the Sunridge treatment centre, a spokesperson "
     "for the star said on Friday.",
     {"Nia Dawn", "Sunridge"}),
    (16, "rehab_vance", datetime(2031, 6, 3, 10, 0), "Actor Rufus Vance goes to rehab",
     "Actor Rufus Vance, star of the detective series Low Tide, has entered a rehab facility in Palm Hollow, his "
     "agent said on Sunday.",
     {"Rufus Vance", "Palm Hollow"}),
    (17, "rehab_vance", datetime(2031, 6, 3, 13, 0), "Low Tide star Rufus Vance enters Palm Hollow rehab",
     "Rufus Vance, who plays the detective in Low Tide, checked into a rehab centre in Palm Hollow on Sunday, "
     "his agent confirmed.",
     {"Rufus Vance", "Palm Hollow"}),
]

EVENTS = sorted({it[1] for it in ITEMS})


def partition(labels: dict) -> set[frozenset]:
    """The clustering as a set of frozensets of doc ids (independent of story numbering)."""
    groups: dict = {}
    for doc_id, story in labels.items():
        groups.setdefault(story, set()).add(doc_id)
    return {frozenset(g) for g in groups.values()}


def gold() -> set[frozenset]:
    return partition({it[0]: it[1] for it in ITEMS})
