"""A small fictional news world for the enrich stage's end-to-end tests, written for this project.

Four outlets. Two earthquakes in the same week (Velmora, inland; Kestrel Harbour, on the coast) told by several
outlets in their own words; an election told by three; two stories only one outlet has. The aggregator republishes
the wire's Kestrel Harbour report with a new headline, light edits and its own furniture (a near-duplicate), and the
Courier's election report word for word (an exact copy).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    outlet: str
    slug: str
    event: str | None
    hours_ago: float
    title: str
    paragraphs: tuple[str, ...]


OUTLETS = {"ledger": "Harbour Ledger", "courier": "Valley Courier", "wire": "Meridian Wire",
           "aggregator": "Aggregate Now"}

_KESTREL_WIRE = (
    "A magnitude 5.4 earthquake struck Kestrel Harbour late on Monday, sinking moored fishing boats and cracking "
    "the old harbour wall, the coastguard said.",
    "Coastguard chief Tomas Reyes said nobody had been hurt, but he urged boat owners to stay ashore until divers "
    "had inspected the damaged quays.",
    "The harbour wall was built in 1887 and was last repaired after a storm surge in 1998.",
    "Fish merchants said the morning auction would move to the ferry terminal for the rest of the week.",
    "The port authority said engineers from Carrow would survey the breakwater on Wednesday.",
)

ITEMS = [
    Item("ledger", "velmora-quake", "quake-velmora", 52, "Magnitude 6.1 earthquake shakes Velmora", (
        "A magnitude 6.1 earthquake struck near the mountain town of Velmora early on Tuesday, collapsing the old "
        "clock tower and cutting power to thousands of homes.",
        "Mayor Ilse Brandt said two people had been taken to hospital with minor injuries.",
        "The clock tower had stood over the market square since 1902 and survived a smaller tremor in 1987.",
        "Rescue teams from the regional capital searched the damaged houses around the square through the morning.",
        "Schools in Velmora will stay closed until engineers have checked every building, the mayor said.")),
    Item("courier", "velmora-counts-damage", "quake-velmora", 47, "Velmora counts the damage after strong quake", (
        "Residents of Velmora spent Tuesday clearing rubble after the 6.1 tremor toppled the town's clock tower "
        "and brought down power lines across the valley.",
        "Mayor Ilse Brandt said electricity would be restored to most streets by the evening.",
        "Shopkeepers around the market square swept broken glass as engineers marked the houses that were unsafe.",
        "The regional government has promised emergency funds for the families who cannot go home.",
        "Velmora last suffered serious earthquake damage in 1987, when the church roof fell in.")),
    Item("wire", "velmora-aftershocks", "quake-velmora", 30, "Aftershocks rattle Velmora a day after earthquake", (
        "Several aftershocks hit Velmora on Wednesday, a day after the magnitude 6.1 earthquake that brought down "
        "the town's clock tower.",
        "Engineers are inspecting the Velmora dam above the town, which Mayor Ilse Brandt said showed no sign of "
        "damage so far.",
        "The strongest aftershock measured 4.2 and was felt across the valley.",
        "Families who spent the night in the sports hall were allowed back into some streets in the afternoon.",
        "Seismologists said further aftershocks were likely for several weeks.")),
    Item("ledger", "kestrel-harbour-quake", "quake-kestrel", 20, "Earthquake hits Kestrel Harbour, fishing fleet damaged", (
        "An earthquake hit the fishing port of Kestrel Harbour late on Monday night, sinking several boats at "
        "their moorings.",
        "Coastguard chief Tomas Reyes told the Ledger that the quake cracked the harbour wall in two places.",
        "Fishermen spent the night pulling nets and gear from the water by torchlight.",
        "The town's lifeboat crew checked every vessel in the harbour before dawn.",
        "Nobody was injured, the coastguard said, but the fishing fleet will stay in port for days.")),
    Item("wire", "kestrel-quake-wall", "quake-kestrel", 19, "Kestrel Harbour wall cracked by 5.4 quake", _KESTREL_WIRE),
    Item("aggregator", "kestrel-harbour-boats-sunk", "quake-kestrel", 17,
         "Boats sunk as quake cracks Kestrel Harbour wall", (
             "A magnitude 5.4 earthquake hit Kestrel Harbour late on Monday, sinking moored fishing boats and "
             "cracking the old harbour wall, the coastguard said.",
             *_KESTREL_WIRE[1:4],
             "The port authority said engineers from Carrow would survey the breakwater on Wednesday morning.",
             "This story was republished from Meridian Wire. Sign up for the Aggregate Now newsletter for more.")),
    Item("ledger", "aldana-wins", "election-marivia", 44, "Aldana wins Marivia presidential run-off", (
        "Lucia Aldana won Marivia's presidential run-off on Sunday with 54 percent of the vote, beating the "
        "incumbent Pavel Ostrov, the electoral commission said.",
        "Turnout was 68 percent, the highest since the first free elections in 1991.",
        "Aldana, a former mayor of the capital, promised to cut fuel taxes and to open talks with the unions.",
        "Ostrov had led the country for two terms and campaigned on his record on the economy.",
        "International observers said the vote had been orderly.")),
    Item("courier", "ostrov-concedes", "election-marivia", 43, "Ostrov concedes as Aldana takes Marivia presidency", (
        "President Pavel Ostrov conceded defeat late on Sunday after his challenger Lucia Aldana took 54 percent "
        "in the Marivia run-off election.",
        "Speaking to supporters in the capital, Ostrov said he would hand over power in an orderly way.",
        "Aldana's supporters celebrated in the main square until the early hours of Monday.",
        "The new president will be sworn in next month, the electoral commission said.",
        "Markets in Marivia are expected to open higher on the result.")),
    Item("wire", "marivia-markets", "election-marivia", 30, "Markets rally after Aldana victory in Marivia", (
        "Marivia's currency rose on Monday after Lucia Aldana won the presidential run-off against Pavel Ostrov "
        "with 54 percent of the vote.",
        "Bond prices also climbed as investors welcomed Aldana's promise of a balanced budget.",
        "Analysts said the new government's first test would be talks with the public sector unions.",
        "Ostrov's party remains the largest group in parliament, which could slow Aldana's reforms.",
        "The central bank said it saw no need to change interest rates.")),
    Item("aggregator", "ostrov-concedes-copy", "election-marivia", 42,
         "Ostrov concedes as Aldana takes Marivia presidency", ()),  # the Courier's text, word for word
    Item("courier", "mill-lane-bakery", None, 26, "Mill Lane bakery to open an hour earlier", (
        "The bakery on Mill Lane will open an hour earlier from Monday, its owner Petra Lind said.",
        "Customers can order bread and pastries online the night before and collect them at six.",
        "Lind took over the bakery from her father, who opened it in 1979.",
        "The bakery employs eleven people and supplies three cafes in the old town.",
        "A second oven will be installed in the spring.")),
    Item("wire", "tidal-turbines", None, 12, "Elmsworth switches on tidal turbine array", (
        "Elmsworth switched on its tidal turbine array on Tuesday, the first in the region to feed the grid.",
        "The six turbines, built by Marrow Bay Engineering, sit on the seabed two miles off the point.",
        "Together they can power about four thousand homes, the operator said.",
        "Fishermen had opposed the project over fears for the crab grounds, but a survey found little effect.",
        "A second phase with twelve more turbines is planned for 2033.")),
]
ITEMS[9] = Item(*[getattr(ITEMS[9], f) for f in ("outlet", "slug", "event", "hours_ago", "title")],
                paragraphs=ITEMS[7].paragraphs)


def by_slug(slug: str) -> Item:
    return next(i for i in ITEMS if i.slug == slug)
