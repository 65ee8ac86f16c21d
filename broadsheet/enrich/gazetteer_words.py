"""Cue words for the entity rules (``entities.py``): titles, roles, organisation keywords and the like.

Capitalised cues are matched as written; lower-case cues match lower-case words only.
"""

# A title before a name makes it a person: "President Vladimir Putin", "Foreign Minister Amir Khan Muttaqi".
TITLES = frozenset("""
President Vice Prime Minister Secretary Chancellor Premier Ambassador Envoy Senator Sen Representative Rep
Governor Gov Mayor Councillor Councilman Councilwoman Judge Justice General Gen Admiral Colonel Col Lieutenant Lt
Major Maj Captain Capt Commander Sergeant Sgt Officer Detective Inspector Chief Director Chairman Chairwoman Chair
Spokesman Spokeswoman Spokesperson King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop
Bishop Reverend Rev Father Rabbi Imam Sheikh Ayatollah Mullah Mawlawi Maulana Sultan Emir Crown Mr Mrs Ms Miss
Mx Dr Prof Professor Sir Dame Lord Lady Baroness Coach Manager CEO Founder Leader Speaker Attorney Auditor
Commissioner Marshal Superintendent Deputy Acting Former Interim Senior Junior
President-elect Dean Provost Ombudsman Congressman Congresswoman Assemblyman Assemblywoman Delegate
Administrator Head Treasurer Comptroller Registrar Secretary-General Director-General
""".split())
# Words that qualify a title and are not part of the name: "Foreign Minister", "Deputy Prime Minister".
TITLE_MODIFIERS = frozenset("""
Foreign Defence Defense Interior Finance Health Justice Home Trade Economy Energy Education Culture Transport
Environment Agriculture Labour Labor State Treasury Security Homeland Affairs Commerce General Executive
Operating Financial Technology Information Communications Digital National Regional Deputy Vice Acting Former
Senior Junior Chief Prime Crown Supreme Grand High Assistant Associate Principal Special Permanent Attorney
""".split())
HONORIFICS = frozenset("Mr Mrs Ms Mx Dr Prof Sir Dame Lord Lady Mawlawi Mullah Maulana Sheikh Imam".split())
# A lower-case role just before a name: "spokesperson Bilal Karim", "the former president, Mohammad Najibullah".
ROLE_WORDS = frozenset("""
president minister secretary chancellor premier ambassador envoy senator governor mayor judge general admiral
colonel captain commander officer director chairman chairwoman chair chief head spokesman spokeswoman
spokesperson leader founder co-founder ceo executive analyst lawyer attorney prosecutor defendant suspect
professor researcher scientist economist doctor nurse activist candidate lawmaker legislator mp deputy adviser
advisor aide diplomat negotiator cleric king queen prince princess emperor dictator strongman billionaire
businessman businesswoman entrepreneur investor coach manager player striker midfielder defender goalkeeper
forward quarterback pitcher actor actress singer rapper musician author writer novelist journalist reporter
correspondent editor columnist producer filmmaker designer artist architect engineer student teacher pastor
priest rabbi imam commissioner inspector detective sergeant lieutenant official counterpart rival successor
predecessor son daughter wife husband brother sister mother father widow
""".split())
# An organisation's name ends with one of these, or has one before "of"/"for": "Bank of England".
ORG_KEYWORDS = frozenset("""
Ministry Department Party Council Bank University College School Institute Institution Foundation Association
Society Union League Federation Confederation Committee Commission Agency Authority Bureau Office Service Services
Court Tribunal Parliament Senate Congress Assembly Cabinet Government Administration Army Navy Forces Force
Guard Police Corps Brigade Battalion Regiment Command Alliance Coalition Movement Front Organisation Organization
Company Corporation Corp Inc Incorporated Ltd Limited LLC PLC plc GmbH AG SA Group Holdings Partners Bancorp
Airlines Airways Motors Industries Technologies Labs Laboratories Systems Networks Media Pictures Studios Records
Times Post News Journal Herald Gazette Tribune Telegraph Press Broadcasting Television Radio Network Channel
Club FC Rovers Athletic Museum Gallery Hospital Clinic Trust Fund Exchange Reserve Board Centre Center
Church Mosque Forum Observatory Program Programme Initiative Project Caucus Syndicate Cartel Design Designs
Studio Architects Associates Consulting Capital Ventures Brands Foods Pharmaceuticals Solutions Software Games
Entertainment Productions Publishing Magazine Academy Conservatory Orchestra Theatre Theater
Brothers Securities Equities Investments Insurance Advisors Advisers Management Bankers
""".split())
# A last word that makes a name a place, a building or an event rather than a person: "Forest Hill".
PLACE_WORDS = frozenset("""
Pavilion Auditorium Amphitheatre Amphitheater Coliseum Dome Field Award Awards Prize Cup Championship Festival
Trophy Medal Olympics Open Marathon Series Finals Final Tour Week Day Act Bill Law Treaty Accord Agreement
Plan Shelter""".split()) | frozenset("""
Hill Hills Park Street Road Avenue Lane Lake River Valley Beach Bay Island Islands Heights Springs Falls Point
Square Bridge Station Airport Hall Centre Center Mall Hotel Stadium Arena County District Province Region State
Mountain Mountains Forest Creek Harbour Harbor Port Coast Desert Canyon Gardens Palace Castle Tower Plaza
""".split())
# A lower-case noun after a name that makes it an organisation: "the Haqqani network".
ORG_NOUNS = frozenset("group network movement militia faction party company firm agency coalition gang".split())
# Lower-case words allowed inside a name: "Ministry of Foreign Affairs", "Ludwig van Beethoven".
CONNECTORS = frozenset("of for the de du da del della di van von der den bin ibn al el la le y & and".split())
PARTICLES = frozenset("de du da del della di van von der den bin ibn al el la le y".split())  # inside people's names
# A name right before or after these is a person when nothing else says otherwise: "Taneja said".
SPEECH_VERBS = frozenset("""
said says told added wrote explained argued noted warned insisted stated claimed tweeted posted announced
replied recalled acknowledged admitted asked urged confirmed denied
""".split())
# Capitalised words that are not entities on their own.
NOT_ENTITIES = frozenset("""
I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December God West East North South Western Eastern Northern Southern
Internet Web Covid COVID COVID-19 Christmas Easter Ramadan Eid AM PM GMT UTC BST EST CET AD BC OK TV PDF
""".split())
# Lower-case parts of hyphenated words that are not part of a name: "anti-Taliban", "New Delhi-based".
HYPHEN_PREFIXES = frozenset("anti pro then ex non post pre mid neo former once".split())
HYPHEN_SUFFIXES = frozenset("""
based backed led owned born made run style controlled linked allied era bound funded brokered sponsored occupied
held administered centric friendly dominated wide speaking language built designed registered listed flagged
""".split())
