def test_healthz_answers_without_session(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
