"""split_sentences: offsets point at the exact text; abbreviations, initials, decimals and quotes do not split;
lines without terminal punctuation and short question lines are headings. The article is fictional."""
from broadsheet.enrich.sentences import Citation, is_filler, split_sentences

ARTICLE = """Harbour council backs $3.5 million sea wall
By J. R. Mabry
Velmora's harbour council voted on Tuesday to build a $3.5 million sea wall, ending a decade of argument.
Mr. Alder, who chairs the council, said the wall would protect No. 5 pier. Dr. Okafor of the U.S. Coastal Institute disagreed.
"We have waited long enough," Mr. Alder said. "Is it perfect? No. But it is a start."
What did the fishermen say?
Fishing crews said the wall would narrow the harbour mouth... Some will move their boats to Kestrel.
The Ambassador of Marivia, Ms. L. Aldana, sent her congratulations pic.twitter.com/xYz123
Work starts in Jan. 2032 and should take 18 months.
"""


def test_offsets_point_at_the_exact_text():
    sentences = split_sentences(ARTICLE)
    assert sentences, "no sentences"
    for i, s in enumerate(sentences):
        assert s.index == i
        assert ARTICLE[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


def test_abbreviations_initials_decimals_and_quotes_do_not_split():
    texts = [s.text for s in split_sentences(ARTICLE)]
    assert ("Velmora's harbour council voted on Tuesday to build a $3.5 million sea wall, ending a decade of "
            "argument.") in texts
    assert "Mr. Alder, who chairs the council, said the wall would protect No. 5 pier." in texts
    assert "Dr. Okafor of the U.S. Coastal Institute disagreed." in texts
    assert '"We have waited long enough," Mr. Alder said.' in texts
    assert '"Is it perfect?' in texts and "No." in texts and 'But it is a start."' in texts
    assert "Fishing crews said the wall would narrow the harbour mouth..." in texts
    assert "Work starts in Jan. 2032 and should take 18 months." in texts


def test_acronym_at_the_end_of_a_sentence_splits_before_a_sentence_start():
    texts = [s.text for s in split_sentences("The firm moved to the U.S. The move surprised analysts. "
                                             "Acme Inc. said it would appeal.")]
    assert texts == ["The firm moved to the U.S.", "The move surprised analysts.", "Acme Inc. said it would appeal."]


def test_headings_are_marked():
    by_text = {s.text: s for s in split_sentences(ARTICLE)}
    for heading in ("Harbour council backs $3.5 million sea wall", "By J. R. Mabry", "What did the fishermen say?",
                    "The Ambassador of Marivia, Ms. L. Aldana, sent her congratulations pic.twitter.com/xYz123"):
        assert by_text[heading].heading, heading
    assert not by_text["Dr. Okafor of the U.S. Coastal Institute disagreed."].heading
    assert not by_text['"Is it perfect?'].heading  # a question inside a paragraph is not a heading


def test_paragraphs_are_lines():
    sentences = split_sentences(ARTICLE)
    by_text = {s.text: s for s in sentences}
    assert by_text["Mr. Alder, who chairs the council, said the wall would protect No. 5 pier."].paragraph == 3
    assert by_text["Dr. Okafor of the U.S. Coastal Institute disagreed."].paragraph == 3
    assert by_text["What did the fishermen say?"].paragraph == 5
    assert sentences[-1].paragraph == 8


def test_ptb_tokenised_text_splits_at_spaced_full_stops():
    text = "Stiviano said : ' I 'll pay . ' The judge agreed . `` It was fair , '' he said . V. Stiviano left ."
    assert [s.text for s in split_sentences(text)] == [
        "Stiviano said : ' I 'll pay . '", "The judge agreed .", "`` It was fair , '' he said .",
        "V. Stiviano left ."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("\n \n\n") == []


def test_filler_and_citation():
    assert is_filler("Scroll down for video") and is_filler("READ MORE: the council's plans")
    assert not is_filler("The council read the report.")
    s = split_sentences(ARTICLE)[2]
    c = Citation.of("a1", s, 0.123456)
    assert (c.doc_id, c.index, c.text, c.start, c.end, c.score) == ("a1", 2, s.text, s.start, s.end, 0.1235)
