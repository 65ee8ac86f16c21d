"""answer(): cited sentences for answerable questions, found=False for unrelated ones; answer_with_llm() against a
real OpenAI-compatible server on 127.0.0.1 started here. The articles are fictional."""
import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from broadsheet.enrich.ask import LLMError, answer, answer_with_llm, chat_url
from broadsheet.enrich.sentences import split_sentences

HERALD = """Esteria bans bottom trawling in its coastal waters
Esteria will ban bottom trawling within 12 nautical miles of its coast from March 1, the government announced on Thursday.
About 140 trawlers are affected, most of them based in the northern port of Kalvik.
Fisheries minister Ana Lindqvist said the ban would give the seabed time to recover after decades of damage.
"We are protecting the fish that our grandchildren will catch," Lindqvist told reporters in the capital.
How did the fishing crews react?
The crews' association called the decision a death sentence for small harbours and promised protests at sea.
Its chairman, Tomas Reyes, said compensation of 40,000 crowns per boat was far too low.
Could others follow?
Marine scientists expect neighbouring countries such as Norland and the Ostrova islands to consider similar bans next year.
"""

COURIER = """Trawling ban divides Kalvik
Esteria will ban bottom trawling within 12 nautical miles of its coast from March 1, the government announced on Thursday.
In Kalvik, where the harbour has been home to trawlers since the 1920s, the mood was bleak.
Skipper Lena Holm, 58, said she would sell her boat rather than fish further offshore.
The government has set aside 6 million crowns for compensation and retraining.
"""

PASSAGES = [("herald", HERALD), ("courier", COURIER)]
TEXTS = dict(PASSAGES)


def _check(citation):
    text = TEXTS[citation.doc_id]
    assert text[citation.start:citation.end] == citation.text
    assert split_sentences(text)[citation.index].start == citation.start


def test_what_did_x_say_cites_the_statement():
    a = answer("What did the fisheries minister say?", PASSAGES)
    assert a.found and a.text is None
    assert a.citations[0].text.startswith("Fisheries minister Ana Lindqvist said the ban")
    assert a.citations[0].doc_id == "herald"
    for c in a.citations:
        _check(c)
    reyes = answer("What did Tomas Reyes say?", PASSAGES)
    assert reyes.found and "compensation of 40,000 crowns" in reyes.citations[0].text


def test_question_types():
    when = answer("When does the trawling ban start?", PASSAGES)
    assert when.found and "from March 1" in when.citations[0].text
    how_many = answer("How many trawlers are affected?", PASSAGES)
    assert how_many.found and how_many.citations[0].text.startswith("About 140 trawlers")
    which = answer("Which countries may follow with a ban?", PASSAGES)
    assert which.found and "Norland" in which.citations[0].text
    who = answer("Who is Lena Holm?", PASSAGES)
    assert who.found and who.citations[0].doc_id == "courier"


def test_a_sub_heading_that_asks_the_question_points_to_its_section():
    a = answer("How did the fishing crews react?", PASSAGES)
    assert a.found
    assert a.citations[0].text.startswith("The crews' association called the decision")
    assert all(not c.text.endswith("?") for c in a.citations)  # the heading itself is never an answer


def test_the_same_sentence_in_two_outlets_is_cited_once():
    a = answer("When did the government announce the trawling ban?", PASSAGES, k=5)
    assert a.found
    assert sum(c.text.startswith("Esteria will ban bottom trawling") for c in a.citations) == 1


@pytest.mark.parametrize("question", [
    "What is the price of bitcoin?",
    "Who won the football World Cup?",
    "How do I bake sourdough bread?",
    "What did the French president say?",
    "What did the minister say about bitcoin?",
    "Is it going to rain in Kalvik tomorrow?",
    "???",
    "",
])
def test_unrelated_questions_find_nothing(question):
    a = answer(question, PASSAGES)
    assert not a.found and a.citations == []


def test_paragraph_units():
    a = answer("What did the fisheries minister say?", [("herald", HERALD)], unit="paragraph")
    assert a.found
    c = a.citations[0]
    assert HERALD[c.start:c.end] == c.text and c.text.startswith("Fisheries minister Ana Lindqvist")
    assert answer("anything", []).found is False


class WordHashEmbedder:
    """A deterministic stand-in for MiniLM: bag of hashed words, L2-normalised."""

    name = "words"

    def encode(self, texts, learn=True):
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_embedder_re_ranks_the_lexical_candidates():
    a = answer("What did the fisheries minister say?", PASSAGES, embedder=WordHashEmbedder())
    assert a.found and a.citations[0].text.startswith("Fisheries minister Ana Lindqvist")
    for c in a.citations:
        _check(c)
    assert not answer("What is the price of bitcoin?", PASSAGES, embedder=WordHashEmbedder()).found


def test_minilm_re_ranking_keeps_answers_and_still_says_when_nothing_answers():
    from broadsheet.enrich.providers import minilm

    if minilm.available():
        pytest.skip(minilm.available())
    from broadsheet.enrich.embed import get_embedder

    emb = get_embedder("minilm")
    a = answer("Which other countries might introduce a similar ban?", PASSAGES, embedder=emb)
    assert a.found and "Norland" in a.citations[0].text
    for question in ("What did the minister say about bitcoin?", "How much does a new boat cost?",
                     "Who won the football World Cup?"):
        assert not answer(question, PASSAGES, embedder=emb).found, question


# --- an OpenAI-compatible server on 127.0.0.1 ------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        self.server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        status, reply = self.server.reply(body)
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def _completion(content: str) -> dict:
    return {"id": "chatcmpl-1", "object": "chat.completion", "model": "tiny",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}]}


@pytest.fixture
def llm():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    server.reply = lambda body: (200, _completion("Lindqvist said the ban lets the seabed recover [1]."))
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


def test_llm_answer_keeps_the_citations(llm):
    question = "What did the fisheries minister say?"
    a = answer_with_llm(question, PASSAGES, llm.url, model="tiny", api_key="k3y")
    assert a.found and a.text == "Lindqvist said the ban lets the seabed recover [1]."
    assert a.citations == answer(question, PASSAGES).citations
    (request,) = llm.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer k3y"
    body = request["body"]
    assert body["model"] == "tiny" and body["messages"][0]["role"] == "system"
    prompt = body["messages"][-1]["content"]
    assert question in prompt
    for i, c in enumerate(a.citations, 1):
        assert f"[{i}] {c.text}" in prompt


def test_llm_is_not_called_when_nothing_answers(llm):
    a = answer_with_llm("What is the price of bitcoin?", PASSAGES, llm.url + "/v1")
    assert not a.found and a.text is None and llm.requests == []


def test_llm_saying_not_found_means_not_found(llm):
    llm.reply = lambda body: (200, _completion("NOT FOUND"))
    a = answer_with_llm("What did the fisheries minister say?", PASSAGES, llm.url)
    assert not a.found and a.citations == [] and len(llm.requests) == 1


@pytest.mark.parametrize("reply", [(500, {"error": "boom"}), (200, {"choices": []}), (200, {"unexpected": 1})])
def test_llm_failures_raise(llm, reply):
    llm.reply = lambda body: reply
    with pytest.raises(LLMError):
        answer_with_llm("What did the fisheries minister say?", PASSAGES, llm.url)


def test_llm_unreachable_raises():
    with pytest.raises(LLMError):
        answer_with_llm("What did the fisheries minister say?", PASSAGES, "http://127.0.0.1:9", timeout=2)


def test_chat_url():
    assert chat_url("http://h:8080") == "http://h:8080/v1/chat/completions"
    assert chat_url("http://h:8080/v1/") == "http://h:8080/v1/chat/completions"
    assert chat_url("http://h/v1/chat/completions") == "http://h/v1/chat/completions"
