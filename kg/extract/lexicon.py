"""English news vocabulary the extraction rules share: titles, organisation heads, speech verbs, media.

These are facts about the language of news writing, not about any actor; actors live in ``seeds/actors.ttl``
and estimative words in ``ontology/hedges.ttl``.
"""

from __future__ import annotations

import re


def phrases(text: str) -> tuple[str, ...]:
    """The "|"-separated phrases of *text*, stripped ("phone call | call" -> ("phone call", "call"))."""
    return tuple(p.strip() for p in text.split("|"))


def words(text: str) -> frozenset[str]:
    """The white-space separated words of *text* as a set (word lists stay readable in the source)."""
    return frozenset(text.split())


#: title heads, written as they appear before a name ("Finance Minister Jane Doe", "spokesperson John Smith")
_TITLE_HEADS = (
    r"President(?:-elect)?|Vice[- ]President|Prime\s+Minister|Premier|Chancellor|Chairman|Chairwoman|Chairperson|"
    r"Chair|Vice[- ]Chairman|Secretary[- ]General|Secretary\s+of\s+State|Secretary\s+of\s+the\s+Treasury|"
    r"Secretary\s+of\s+[A-Z]\w+|Secretary|Minister|Governor|Senator|Sen\.|Rep\.|Representative|Congressman|"
    r"Congresswoman|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|CEO|CFO|COO|CTO|Chief\s+Executive|"
    r"Chief\s+Executive\s+Officer|Executive|Director[- ]General|Managing\s+Director|Director|General|Gen\.|"
    r"Admiral|Adm\.|Colonel|Col\.|King|Queen|Crown\s+Prince|Prince|Emir|Sheikh|Mayor|Judge|Justice|"
    r"Councillor|Councilor|Councilman|Councilwoman|MP|MEP|Alderman|Sultan|Emperor|Patriarch|"
    r"Commissioner|Mr\.|Mrs\.|Ms\.|Dr\.|Mr|Mrs|Ms|Dr|Professor|Prof\.|Leader|Speaker|Supreme\s+Leader|"
    r"Chief|Founder|Co-founder|Analyst|Economist|Strategist|Lawmaker|Official|Adviser|Advisor|"
    r"Representative|Deputy|Counterpart|Negotiator|Diplomat|Head|Boss|Candidate|Challenger|Incumbent|"
    r"Opposition\s+Leader|Attorney\s+General|Foreign\s+Secretary|Home\s+Secretary|Democrat|Republican|"
    r"Nominee|Rival|Opponent|Partner|Researcher|Professor|Fellow|Head\s+of\s+[\w\s]{3,40}?(?=\s+at\b|$)|"
    r"Head|Trader|Investor|Banker|Lawyer|Attorney|Activist|Commander|Monk|Pope|Cardinal|Archbishop|Bishop"
)
_TITLE_MODIFIERS = (
    r"Foreign|Finance|Defen[cs]e|Trade|Energy|Oil|Economy|Economic|Interior|Health|Justice|Deputy|Vice|Chief|"
    r"Senior|Former|Acting|Interim|Special|First|Executive|Top|Lead|Central\s+Bank|Bank|Party|Opposition|"
    r"Treasury|Labor|Labour|Industry|Commerce|Transport|Education|Environment|Climate|Agriculture|Security|"
    r"National\s+Security|Unification|Communications|Digital|Technology|Culture|Sports|Tourism|Fed|Market|"
    r"Chief\s+Economic|Press|Communications|Democratic|Republican|Conservative|Liberal|Labour|Green|"
    r"Opposition|Presidential|Gubernatorial|Senate|Mayoral|Former\s+\w+"
)
#: a title as a regex fragment (case-insensitive), e.g. "U.S. Secretary of State", "finance minister"
TITLE = rf"(?i:(?:(?:{_TITLE_MODIFIERS})\s+)*(?:{_TITLE_HEADS}))"
TITLE_RE = re.compile(rf"^{TITLE}$")

#: last words that make a capitalised phrase an organisation
ORG_HEADS = (
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "plc",
    "PLC",
    "Group",
    "Holdings",
    "Bank",
    "Agency",
    "Ministry",
    "Council",
    "Commission",
    "Committee",
    "Party",
    "Company",
    "Co.",
    "Association",
    "Institute",
    "University",
    "Fund",
    "Authority",
    "Bureau",
    "Federation",
    "Organization",
    "Organisation",
    "Union",
    "Board",
    "Airlines",
    "Airways",
    "Motors",
    "Technologies",
    "Systems",
    "Partners",
    "Securities",
    "Foundation",
    "Exchange",
    "Parliament",
    "Assembly",
    "Cabinet",
    "Office",
    "Department",
    "Times",
    "Post",
    "Journal",
    "Network",
    "Broadcasting",
    "Television",
    "Press",
    "Service",
    "Services",
    "Reserve",
    "Court",
    "Energy",
    "Oil",
    "Petroleum",
    "Industries",
    "Pharmaceuticals",
    "Labs",
    "Laboratories",
    "Capital",
    "Investments",
    "Management",
    "Consulting",
    "Research",
    "Analytics",
    "Insights",
    "Markets",
    "Army",
    "Navy",
    "Command",
    "Police",
    "Guard",
    "Senate",
    "Congress",
    "Forum",
    "Alliance",
    "Coalition",
    "Movement",
    "Front",
    "Commission",
    "Tribunal",
    "Secretariat",
    "Directorate",
    "Administration",
    "Institution",
    "Foods",
    "Snacks",
    "Brands",
    "Beverages",
    "Hospital",
    "Clinic",
    "College",
    "School",
    "Radio",
    "Media",
    "League",
    "Quarterly",
    "Review",
    "Gazette",
    "Herald",
    "Tribune",
    "Magazine",
    "Wealth",
    "Advisors",
    "Advisers",
    "Bancorp",
    "Railways",
    "Logistics",
    "Freight",
    "Shipping",
    "Mining",
    "Telecom",
    "Solutions",
    "Robotics",
    "Airlines",
)
ORG_HEAD_SET = frozenset(ORG_HEADS)

#: common nouns that describe an organisation ("shipping group Halvorsen Freight", "X, a port equipment maker")
ORG_NOUNS = (
    r"group|company|firm|maker|makers|bank|lender|carrier|insurer|retailer|start-?up|giant|conglomerate|"
    r"operator|producer|manufacturer|automaker|carmaker|chipmaker|airline|developer|brand|bloc|alliance|"
    r"agency|ministry|party|union|organi[sz]ation|institute|think\s+tank|fund|exchange|regulator|"
    r"supplier|provider|broker|consultancy|publisher|broadcaster|outlet|newspaper|network"
)

#: capitalised words that never start or form a person's name
NOT_NAME = words(
    """
        The A An This That These Those He She It They We I You His Her Its Their Our My Your In On At For With
        By From To Of And Or But As If When While After Before Since Yes No Not So Then Also However Meanwhile
        Still Even Only Just Both Simply Beyond All Some Many Most Any Each Every Such Mr Mrs Ms Dr Monday
        Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
        September October November December State House Street Department Ministry News Agency Party Reuters
        Twitter Facebook Instagram Official Photo Credit Image Read More Share Subscribe Here There What Who Why
        How Which Where Last Next First Second Third New Old North South East West Central Great United Chairman
        President Minister Secretary Prime Chancellor Premier Governor Senator Spokesman Spokeswoman
        Spokesperson General Chief Deputy Vice Former Speaker Leader King Queen Prince Sheikh Emir
        Administration Government Congress Senate Parliament Council Committee Commission Summit Talks Treaty
        Declaration Agreement Accord Deal Plan Policy Act Bill Law Court Bank Fund Group Company Inc Corp
        Foreign Finance Defense Defence Trade Energy Oil Economy Interior Health Justice CEO Day Eve Week Year
        Election Elections Nobody Everyone Someone People Analysts Officials Markets Traders Investors
        """
)

#: verbs that introduce speech, present and past ("said", "tweeted", "told")
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|tweeted|tweets|wrote|writes|posted|posts|stated|states|declared|"
    r"declares|announced|announces|noted|notes|explained|explains|warned|warns|insisted|insists|argued|argues|"
    r"asserted|asserts|claimed|claims|continued|continues|replied|replies|responded|responds|remarked|"
    r"commented|comments|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|acknowledged|acknowledges|admitted|"
    r"admits|suggested|suggests|predicted|predicts|promised|promises|pledged|pledges|vowed|vows|urged|urges|"
    r"cautioned|cautions|conceded|concedes|confirmed|confirms|denied|denies|reported|reports|recalled|"
    r"observed|observes|forecast|forecasts|estimated|estimates|expects|expected|believes|believed|thinks|"
    r"thought|maintained|maintains|reiterated|reiterates|agreed|agrees|countered|counters|quipped|joked|"
    r"mused|wondered|asked|asks|shouted|told\s+reporters|told\s+journalists"
)
SPEECH_VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")

#: (pattern, medium) pairs: how a statement reached the public, read from its attribution
MEDIA = (
    (re.compile(r"\b(?:tweet(?:ed|s)?|on Twitter)\b", re.I), "tweet"),
    (
        re.compile(
            r"\b(?:press conference|news conference|press briefing|news briefing|told reporters|"
            r"told journalists|briefing)\b",
            re.I,
        ),
        "press conference",
    ),
    (
        re.compile(r"\binterview(?:er|ed)?\b|\btold (?-i:(?:the )?[A-Z][\w.&]*(?: [A-Z][\w.&]*)*)\s*:", re.I),
        "interview",
    ),
    (
        re.compile(
            r"\b(?:in|issued|from) a (?:written |joint |research )?(?:statement|note)\b|\bstatement (?:said|read)\b|"
            r"\bcommuniqu[eé]\b|\bpress release\b",
            re.I,
        ),
        "statement",
    ),
    (
        re.compile(
            r"\bspeech\b|\bkeynote\b|\baddress(?:ed)? (?:to )?(?:the|a)\b|\bremarks at\b|\brally\b|"
            r"\baddress(?:ed|ing)? (?:his |her |their |the )?(?:supporters|crowds?|delegates|lawmakers|parliament|"
            r"students|graduates|voters|party members)\b|\bspeaking at (?:a|an|the) (?:[\w-]+ ){0,3}"
            r"(?:conference|summit|forum|convention|congress|ceremony|gathering|event)\b",
            re.I,
        ),
        "speech",
    ),
    (
        re.compile(
            r"\bon (?-i:X)\b|\b(?:posted|wrote) on (?:Facebook|Instagram|Telegram|Truth Social|LinkedIn|Weibo)|"
            r"\bsocial media\b|\bblog post\b|\b(?:a|in|her|his) post\b",
            re.I,
        ),
        "social media post",
    ),
    (re.compile(r"\bletter\b", re.I), "letter"),
    (re.compile(r"\bop-ed\b|\bcolumn\b|\bessay\b", re.I), "article"),
    (
        re.compile(
            r"\b(?:on|told) (?:CNN|Fox News|BBC|NBC|CBS|ABC|MSNBC|CNBC|television|TV|radio)\b|"
            r"\btelevised\b|\bbroadcast(?:er)?\b|\b(?:told|on) (?:the )?(?:[\w&-]+ ){0,3}(?:radio|tv|television)\b",
            re.I,
        ),
        "broadcast",
    ),
)


def medium_of(text: str) -> str | None:
    """The medium named in an attribution ("tweeted" -> "tweet"), else None.

    >>> medium_of("Trump tweeted on the 24th")
    'tweet'
    """
    for pattern, medium in MEDIA:
        if pattern.search(text):
            return medium
    return None


#: auxiliaries and modals: capitalised only at the start of a question ("Will customers …?"), never names
AUXILIARIES = words("Will Would Can Could Should Shall May Might Must Do Does Did Is Are Was Were Has Have Had")

#: last words of place names ("Oval Office", "Trafalgar Square"); registry entries ("White House") win
PLACE_HEADS = words("House Square Hall Palace Plaza Tower Building Castle Street Avenue Road Park Bridge Airport")

#: words before "Office" that make it a government body ("Foreign Office"), not a room ("Oval Office")
OFFICE_BODIES = words(
    "Foreign Home Cabinet Press War Patent Audit Budget Statistics Passport Colonial Post Crown Tax Fraud Foreign"
)

#: lowercase words after a capitalised name that make it a political party ("Civic Renewal party")
PARTY_NOUNS = words("party bloc alliance coalition movement faction")

#: given names whose bearers news prose calls "she" / "he"; a cue for people named without a title
GIVEN_NAMES_FEMALE = words(
    """
        Anna Ana Anne Ann Alice Amelia Amy Andrea Angela Anita Barbara Beatrice Carla Carmen Caroline Catherine
        Charlotte Christine Claire Clara Claudia Daniela Diana Elena Elizabeth Ella Emily Emma Eva Fatima Fiona
        Grace Hannah Helen Ilona Ingrid Irena Irene Isabel Jane Janet Jennifer Jessica Joan Julia Karen Kate
        Katherine Laura Lena Linda Lisa Lucy Maria Marie Marta Mary Maya Megan Mia Michelle Monica Nadia Nancy
        Natalia Nicole Nina Olga Olivia Priya Rachel Rebecca Rosa Ruth Sandra Sara Sarah Sofia Sophie Susan
        Svetlana Swati Tanya Teresa Ursula Valentina Victoria Yuki Zara Marina Kamala Giorgia Christine Hana
        Ayesha Aisha Leila Layla Mariam Miriam Nora Petra Silvia Tamara Vera Wendy Yasmin Zoe Magdalena Agnieszka
        Janet Sheila Theresa Liz Kristalina Nikki Alexandria Gina Ilhan Lauren Mette Sanna Jacinda Annalena
        """
)
GIVEN_NAMES_MALE = words(
    """
        Aaron Adam Ahmed Alan Albert Alexander Alex Ali Andrew Andreas Anton Antonio Arjun Benjamin Bernard
        Boris Carlos Charles Christopher Daniel Dario David Dmitry Edward Emmanuel Eric Felix Francis Frank
        Friedrich George Hans Henry Hugo Ian Igor Ivan Jack James Javier Jean John Jonathan Jorge Jose Joseph
        Juan Karl Kevin Klaus Lars Leon Luis Marco Mark Martin Matteo Michael Miguel Mohammed Muhammad Nathan
        Nicholas Oleg Oliver Omar Owen Pablo Patrick Paul Pedro Peter Philip Pierre Rahul Raj Richard Robert
        Roberto Ryan Samuel Scott Sergei Simon Stefan Stephen Steven Thomas Tim Timothy Tom Viktor Vladimir
        Walter William Yusuf Hassan Hussein Ibrahim Kenji Hiroshi Wei Jun Sanjay Vikram Olaf Emmanuel Rishi
        Keir Joe Donald Jerome Narendra Recep Volodymyr Mikhail Sergey Xavier Mario Matthew Luke Liam Noah
        Ethan Gabriel Rafael Tomas Jan Piotr Pavel Jakub Milan Goran Ante Nikos Kyriakos Giorgos Mustafa Kemal
        """
)
GIVEN_NAMES = GIVEN_NAMES_FEMALE | GIVEN_NAMES_MALE
