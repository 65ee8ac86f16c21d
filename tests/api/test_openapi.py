def test_openapi_document_lists_every_endpoint_and_the_error_shape(client):
    res = client.get("/api/v1/openapi.json")
    assert res.status_code == 200
    doc = res.json()
    assert doc["info"]["title"] == "Broadsheet API"
    assert {path: sorted(ops) for path, ops in doc["paths"].items()} == {
        "/api/v1/sources": ["get", "post"],
        "/api/v1/sources/{source_id}": ["delete", "get", "patch"],
        "/api/v1/sources/{source_id}/refresh": ["post"],
        "/api/v1/articles": ["get"],
        "/api/v1/articles/{article_id}": ["get"],
        "/api/v1/articles/{article_id}/related": ["get"],
        "/api/v1/search": ["get"],
        "/api/v1/stories": ["get"],
        "/api/v1/stories/{story_id}": ["get"],
        "/api/v1/entities": ["get"],
        "/api/v1/entities/{entity_id}": ["get"],
        "/api/v1/topics": ["get"],
        "/api/v1/topics/{slug}": ["get"],
        "/api/v1/ask": ["get"],
        "/api/v1/articles/{target_id}/comments": ["get", "post"],
        "/api/v1/stories/{target_id}/comments": ["get", "post"],
    }
    schemas = doc["components"]["schemas"]
    assert {"Source", "Article", "ArticlePage", "SearchResults", "ErrorResponse"} <= set(schemas)
    assert "HTTPValidationError" not in schemas  # validation errors use our shape too
    for path, ops in doc["paths"].items():
        for op in ops.values():
            for status in ("404", "422"):
                ref = op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/ErrorResponse", (path, status)
    assert set(doc["paths"]["/api/v1/sources"]["post"]["responses"]) >= {"201", "409"}
    assert set(doc["paths"]["/api/v1/sources/{source_id}/refresh"]["post"]["responses"]) >= {"202"}


def test_web_pages_are_not_in_the_api_document(client):
    assert not [p for p in client.get("/api/v1/openapi.json").json()["paths"] if not p.startswith("/api/v1/")]
    assert client.get("/openapi.json").status_code == 404
