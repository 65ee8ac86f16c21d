"""Fictional news texts for the enrichment tests (written for these tests; the people and bodies are invented)."""

RECOGNITION = """Norway recognised the Vellmark Council as the government of the Skerry Islands on Thursday, the first \
country to do so since the council took power in 2021.
Norwegian Foreign Minister Ingrid Solvang met Vellmark envoy Tomas Hale in Oslo and said the decision would open \
the way for trade in fish, timber and energy. Solvang said other countries would follow.
The Northern Fisheries Authority (NFA) welcomed the move. The NFA manages catches across the Barents Sea region.
During the talks, protesters gathered outside the parliament. Tensions rose again when the Russian embassy \
issued a statement.
"We will keep talking," said council spokesperson Dalia Renn, adding that Afghan and Russian observers had \
attended the first round. Mara Quell, a senior analyst at the Harbour Policy Institute, said the recognition was \
a gamble. Quell added that the Taliban had sent a delegation to a similar summit.
"""

TIMELINE = """In 1979, a dam was built across the Vell river, displacing about 3,000 people.
During the late 1990s, the valley towns lost most of their industry.
The region declared a drought emergency on September 11, 2001, when 149 people were treated for heatstroke.
Some 2000 people have moved away since 2021, officials said.
In April 2025, the council approved a new reservoir, and work began on 3 July.
The mayor visited the site on Thursday and will return next Tuesday.
Inspectors reported cracks in May.
"""

SPORTS = """Harbour City Rovers beat Elmsworth 3-1 in the league on Saturday. The striker scored twice in the first \
half, and the coach praised the team's defence after the match. The win lifts the club to third in the table \
before the cup final."""
ELECTION = """Voters head to the polls next month in a snap election called by the prime minister. The opposition \
party leads the campaign in most polls, and senators from both parties debated the bill on electoral reform in \
parliament on Tuesday."""
EARNINGS = """Shares of the retailer fell 6% after quarterly earnings missed forecasts. Revenue rose to 4 billion \
crowns but profit fell, and investors worried about inflation and interest rates, the company's chief executive \
told analysts."""
GADGET = """The new smartphone runs a faster chip and an updated app store. The company said the device's \
software uses artificial intelligence to edit photos, and the laptop version will ship with a new browser."""
TELESCOPE = """Astronomers using a space telescope have found water vapour around a distant planet. The researchers \
said the study, published in a journal, could change how scientists search for life beyond the solar system."""
OUTBREAK = """Hospitals in the province reported a rise in patients with the virus. Doctors said symptoms were \
mild in most cases, and health officials urged people to get the vaccine before the outbreak spreads."""
PREMIERE = """The film premiered at the festival on Friday, and the actress thanked the band that wrote the \
soundtrack. The movie reaches cinemas next month before streaming on Netflix."""
DIPLOMACY = """The embassy was closed after the ambassador was expelled. Troops massed at the border as diplomats \
at the United Nations pressed for a ceasefire between the two countries."""
PLAIN = """The bakery on Mill Lane opens an hour earlier from Monday. Customers can order bread and pastries \
online and collect them at the counter."""

TIDAL = """Elmsworth switched on its tidal turbine array on Tuesday. The tidal turbines, built by Marrow Bay \
Power, sit below the old breakwater and will supply a third of the town's electricity. Engineers said the tidal \
array survived two winter storms during construction. Fishermen feared the turbines would scare the mackerel \
shoals, but a survey of mackerel catches found no change. The town plans a second tidal array next year."""
