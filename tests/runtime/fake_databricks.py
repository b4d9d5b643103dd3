"""A fake Databricks SQL Statement Execution API 2.0 on 127.0.0.1
(tests/golden/runtime_rest.sh).

    CASC_TEST_DBX_TOKEN=TOKEN python3 fake_databricks.py PORT_FILE LOG

It speaks the documented protocol: POST /api/2.0/sql/statements answers
with a statement_id and state PENDING; GET /api/2.0/sql/statements/{id}
answers RUNNING (the first poll, and every poll of a 'slow' statement until
it is cancelled), then SUCCEEDED with the manifest and chunk 0, or FAILED
with the error, or CANCELED after a cancel; GET .../result/chunks/{n}
answers chunk n with next_chunk_index; POST .../cancel cancels. Every
request must carry "Authorization: Bearer TOKEN" (else 401); the token
"forbidden" gets 403. The token comes in the environment, as casc's does.
"""
import os
import sys

import fake_http


class FakeDatabricks:
    def __init__(self, token):
        self.token = token
        self.statements = fake_http.Statements()

    @staticmethod
    def chunk(sid, n):
        page = fake_http.PAGES[n]
        data = {"chunk_index": n, "row_offset": sum(len(p) for p in fake_http.PAGES[:n]),
                "row_count": len(page), "data_array": page}
        if n + 1 < len(fake_http.PAGES):
            data["next_chunk_index"] = n + 1
            data["next_chunk_internal_link"] = f"/api/2.0/sql/statements/{sid}/result/chunks/{n + 1}"
        return data

    def status(self, sid):
        st = self.statements.poll(sid)
        if not st:
            return 404, {"error_code": "NOT_FOUND", "message": "no such statement"}
        if st["cancelled"]:
            return 200, {"statement_id": sid, "status": {"state": "CANCELED"}}
        if st["polls"] == 1 or st["scenario"] == "slow":
            return 200, {"statement_id": sid, "status": {"state": "RUNNING"}}
        if st["scenario"] == "fail":
            return 200, {"statement_id": sid, "status": {
                "state": "FAILED", "sql_state": "42P01", "error": {
                    "error_code": "BAD_REQUEST",
                    "message": "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nosuch` cannot be "
                               "found."}}}
        if st["scenario"] == "count":
            return 200, {"statement_id": sid, "status": {"state": "SUCCEEDED"}, "manifest": {
                "format": "JSON_ARRAY", "total_chunk_count": 1, "total_row_count": 1,
                "schema": {"column_count": 1, "columns": [
                    {"name": "profiles", "type_name": "LONG", "position": 0}]}},
                "result": {"chunk_index": 0, "row_offset": 0, "row_count": 1,
                           "data_array": [["5"]]}}
        pages = fake_http.PAGES
        return 200, {"statement_id": sid, "status": {"state": "SUCCEEDED"}, "manifest": {
            "format": "JSON_ARRAY", "total_chunk_count": len(pages),
            "total_row_count": sum(len(p) for p in pages),
            "chunks": [{"chunk_index": i, "row_count": len(p)} for i, p in enumerate(pages)],
            "schema": {"column_count": 1, "columns": [
                {"name": "customer_id", "type_name": "STRING", "position": 0}]}},
            "result": self.chunk(sid, 0)}

    def route(self, method, path, entry):
        auth = entry["headers"].get("authorization")
        if auth == "Bearer forbidden":
            return 403, {"error_code": "PERMISSION_DENIED",
                         "message": "You do not have permission to use the SQL warehouse."}, False
        if auth != f"Bearer {self.token}":
            return 401, {"error_code": "UNAUTHENTICATED", "message": "Invalid access token."}, False
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["api", "2.0", "sql", "statements"]:
            sid = self.statements.add(entry["body"]["statement"])
            return 200, {"statement_id": sid, "status": {"state": "PENDING"}}, False
        if parts[:4] != ["api", "2.0", "sql", "statements"] or len(parts) < 5:
            return 404, {"message": f"no route {method} {path}"}, False
        sid = parts[4]
        if method == "GET" and len(parts) == 5:
            return (*self.status(sid), False)
        if method == "GET" and parts[5:7] == ["result", "chunks"] and len(parts) == 8:
            return 200, self.chunk(sid, int(parts[7])), False
        if method == "POST" and parts[5:] == ["cancel"] and self.statements.cancel(sid):
            return 200, {}, False
        return 404, {"message": f"no route {method} {path}"}, False


if __name__ == "__main__":
    fake_http.serve(FakeDatabricks(os.environ["CASC_TEST_DBX_TOKEN"]), sys.argv[1], sys.argv[2])
