from fastapi.testclient import TestClient

from broadsheet.web.app import create_app


def _app_with_a_bug(ctx):
    app = create_app(ctx)

    def broken():
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/boom", broken)
    app.add_api_route("/api/v1/boom", broken)
    return app


def test_unexpected_errors_are_logged_and_hidden(ctx, caplog):
    client = TestClient(_app_with_a_bug(ctx), raise_server_exceptions=False)
    html = client.get("/boom")
    assert html.status_code == 500 and html.headers["content-type"].startswith("text/html")
    assert "Something went wrong" in html.text and "secret internals" not in html.text
    api = client.get("/api/v1/boom")
    assert api.status_code == 500
    assert api.json() == {"error": {"code": "internal", "status": 500, "detail": None,
                                    "message": "Something went wrong on our side. The error has been logged."}}
    assert "GET /api/v1/boom" in caplog.text and "secret internals" in caplog.text


def test_unknown_page_is_a_friendly_404(client):
    res = client.get("/no/such/page")
    assert res.status_code == 404 and "We could not find that" in res.text and "<main" in res.text


def test_pages_carry_security_headers_and_a_skip_link(client):
    res = client.get("/")
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert '<a class="skip-link" href="#main">' in res.text and '<main id="main"' in res.text
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert "immutable" in css.headers["cache-control"]
