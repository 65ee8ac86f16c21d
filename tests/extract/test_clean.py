from lxml import etree
from lxml import html as lxml_html

from broadsheet.extract.clean import clean_body
from broadsheet.extract.sanitize import html_to_text

ARTICLE = [
    "The harbour board approved the new mooring fees on Tuesday after a long debate about visiting yachts.",
    "Local fishermen will keep their current rates until the end of the season, the board said.",
    "A review of the fees is planned for next spring, when the new pontoons are due to open.",
]


def body(*blocks: str):
    return lxml_html.fragment_fromstring("".join(blocks), create_parent="body")


def paras(lines=ARTICLE):
    return [f"<p>{line}</p>" for line in lines]


def text_of(el) -> str:
    return html_to_text(etree.tostring(el, encoding="unicode"))


def test_aggregator_furniture_is_removed():
    b = body("<p>logo</p>", "<h2>Harbour board sets new mooring fees</h2>", "<p>Port Weekly04-07-2025</p>",
             *paras(), "<h3>Try Our AI Features</h3>", "<p>Explore what Newsloop AI can do for you:</p>",
             "<h3>Comments</h3>", "<p>No comments yet...</p>")
    clean_body(b, title="Harbour board sets new mooring fees")
    assert text_of(b) == "\n".join(ARTICLE)


def test_related_section_is_cut_with_everything_after_it():
    b = body(*paras(), "<h3>Related Articles</h3>", "<p>Another story</p>", "<p>time2 hours ago</p>",
             "<p>A long teaser for another story that goes on and on about something else entirely.</p>",
             "<h3>DOWNLOAD THE APP</h3>", "<p>Get Started Now: Download the App</p>")
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)


def test_a_related_heading_at_the_top_does_not_cut_the_article():
    b = body("<h3>Related</h3>", *paras())
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)


def test_read_more_line_and_the_links_after_it_are_removed():
    b = body(paras()[0], '<p>READ MORE: <a href="/x">Ferry strike called off</a></p>',
             '<ul><li><a href="/a">Pier reopens after repairs</a></li><li><a href="/b">Lifeboat crew honoured</a></li></ul>',
             *paras()[1:])
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)


def test_share_cookie_and_app_blocks_are_removed():
    b = body("<p>Share on Facebook</p>", "<p>Facebook Twitter Email</p>", paras()[0],
             "<p>Advertisement</p>", paras()[1],
             "<p>We use cookies to improve your experience on our site.</p>",
             "<p>Ready to dive in? Download the Newsloop app today from your preferred app store and start.</p>",
             paras()[2])
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)


def test_trailing_tip_line_newsletter_and_related_links_are_removed():
    b = body(*paras(), "<p><i>Have a tip? Reach the desk at desk@news.test.</i></p>",
             "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>",
             '<ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>')
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)


def test_article_text_that_mentions_furniture_words_is_kept():
    lines = ["Comments from residents were overwhelmingly in favour of the plan, the clerk said.",
             "Related changes to parking will follow later in the year.",
             "The app store listing for the town's parking app was updated on Monday."]
    b = body(*paras(lines))
    clean_body(b)
    assert text_of(b) == "\n".join(lines)


def test_a_short_list_ending_the_article_is_kept():
    b = body(*paras(), "<ul><li>Salt</li><li>Pepper</li></ul>")
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE + ["Salt", "Pepper"])


def test_loose_text_in_the_body_is_matched_too():
    b = body("<img src='a.jpg'>Image copyright Some Agency", *paras())
    clean_body(b)
    assert text_of(b) == "\n".join(ARTICLE)
    assert b.find(".//img") is not None
