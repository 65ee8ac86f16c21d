from lxml import etree

from broadsheet.extract.combine import merge_runs, restore_headings
from broadsheet.extract.pipeline import parse_document

P1 = "The river rose by two metres overnight and flooded the lower town car park."
P2 = ("Residents of the lower town were told to move their cars to the station car park before the next high "
      "tide on Friday morning, and to keep away from the riverside path.")
P3 = "The council said sandbags would be handed out from the fire station until late evening."


def body(html: str):
    return etree.fromstring(f"<body>{html}</body>")


def texts(el) -> list[str]:
    return ["".join(child.itertext()) for child in el]


def test_generous_interior_is_kept_between_the_precise_edges():
    precise = body(f"<p>{P1}</p><p>{P3}</p>")
    generous = body(f"<p>Sign up for alerts</p><p>{P1}</p><h2>What now</h2><p>{P2}</p><p>{P3}</p>"
                    "<p>Most read: other stories</p>")
    assert texts(merge_runs(precise, generous)) == [P1, "What now", P2, P3]


def test_a_paragraph_the_precise_run_pruned_a_link_from_is_matched_by_its_edges():
    pruned = P2.replace("to the station car park ", "")
    precise = body(f"<p>{P1}</p><p>{pruned}</p>")
    generous = body(f"<p>{P1}</p><p>{P2}</p><p>Footer text here</p>")
    assert texts(merge_runs(precise, generous)) == [P1, P2]


def test_leading_title_does_not_pull_in_what_sits_between_it_and_the_text():
    precise = body(f"<h1>Flood warning</h1><p>{P1}</p><p>{P2}</p>")
    generous = body(f"<h1>Flood warning</h1><p>Photo: river at dawn, by a reader</p><p>{P1}</p><p>{P2}</p>")
    assert texts(merge_runs(precise, generous)) == [P1, P2]


def test_ui_words_and_shouted_links_inside_the_span_are_dropped():
    precise = body(f"<p>{P1}</p><p>{P3}</p>")
    generous = body(f"<p>{P1}</p><p>less</p><p><a href='/x'>CLICK HERE TO GET THE APP</a></p><p>{P3}</p>")
    assert texts(merge_runs(precise, generous)) == [P1, P3]


def test_disagreeing_runs_fall_back_to_the_precise_one():
    precise = body(f"<p>{P1}</p><p>{P2}</p>")
    generous = body("<p>Something else entirely, about a different topic and page.</p>")
    assert merge_runs(precise, generous) is precise
    assert merge_runs(None, generous) is generous
    assert merge_runs(precise, None) is precise


def test_restore_headings_puts_back_subheadings_between_kept_paragraphs():
    page = parse_document(f"<html><body><div class='x1'><p>{P1}</p><h3>Sandbags</h3><p>{P3}</p>"
                          "<h3>Related Articles</h3></div><div><h2>Sidebar</h2><p>Other</p></div></body></html>")
    extracted = body(f"<p>{P1}</p><p>{P3}</p>")
    assert restore_headings(extracted, page) == 1
    assert [el.tag for el in extracted] == ["p", "h3", "p"]
    assert texts(extracted)[1] == "Sandbags"


def test_restore_headings_leaves_bodies_with_headings_alone():
    page = parse_document(f"<html><body><p>{P1}</p><h3>Sandbags</h3><p>{P3}</p></body></html>")
    extracted = body(f"<h2>Kept</h2><p>{P1}</p><p>{P3}</p>")
    assert restore_headings(extracted, page) == 0
