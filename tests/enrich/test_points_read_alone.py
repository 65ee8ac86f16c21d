"""Key points and a story's quotes are shown one by one, out of context: a sentence that needs its neighbours
("It is a big number.", "They want the rota withdrawn.") is taken only when nothing else is left."""
from broadsheet.enrich.summarize import key_points, reads_alone, summarize_many

STRIKE = """Dockworkers at Port Aldana walked out on Tuesday over a new shift rota, halting the loading of grain ships.
It is a big number.
Here is what we know so far.
The union says 1,400 members joined the strike at the container and grain terminals.
They want the rota withdrawn.
Port managers said talks with the union would resume on Thursday at the labour ministry.
It could last weeks.
Grain exporters warned that ships waiting offshore were costing them about 40,000 crowns a day each.
But the port authority said the cruise terminal would stay open for passengers all week.
The last strike at the port, in 2019, lasted eleven days and ended with a pay deal.
"""
SECOND_OUTLET = STRIKE.replace("on Tuesday", "on Tuesday morning").replace("1,400", "about 1,400")


def test_a_story_quotes_only_sentences_that_read_alone_while_there_are_some():
    quotes = summarize_many([("ledger", STRIKE), ("courier", SECOND_OUTLET)], n=5)
    assert len(quotes) == 5
    assert all(reads_alone(c.text) for c in quotes), [c.text for c in quotes]
    assert "It is a big number." not in {c.text for c in quotes}


def test_key_points_read_alone():
    points = key_points(STRIKE, k=5)
    assert len(points) == 5
    assert all(reads_alone(p.text) for p in points), [p.text for p in points]


def test_a_text_of_weak_sentences_still_gets_its_points():
    weak = "It is a big number.\nThey want it withdrawn.\nIt could last weeks.\n"
    assert [p.text for p in key_points(weak, k=3)] == ["It is a big number.", "They want it withdrawn.",
                                                        "It could last weeks."]
    assert len(summarize_many([("a", weak)], n=2)) == 2


def test_sentences_that_point_elsewhere_do_not_read_alone():
    assert not reads_alone("Here is what we know about the strike so far, and what we do not yet know.")
    assert not reads_alone("They want the new rota at the grain terminals withdrawn before Friday.")
    assert reads_alone("Port managers said talks with the union would resume on Thursday at the ministry.")


def test_key_points_skip_a_block_left_with_only_a_weak_sentence():
    text = ("Ferry crews at Port Aldana voted on Monday to strike for two days over a new shift rota.\n"
            "The union says 600 crew members on the island routes will stop work from Friday.\n"
            "It was also backed by harbour pilots.\n"
            "The ferry company said it would run a reduced timetable with managers at the helm.\n"
            "Island shops fear empty shelves if the supply boats stay in port over the weekend.\n"
            "A regional minister offered to chair talks between the company and the union.\n")
    points = key_points(text, k=2, avoid=[0, 1, 3])  # the summary took the rest of the first block
    assert len(points) == 2
    assert all(reads_alone(p.text) and p.index not in (0, 1, 3) for p in points), [p.text for p in points]
