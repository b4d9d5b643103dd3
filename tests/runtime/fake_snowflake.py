"""A fake Snowflake SQL API v2 on 127.0.0.1 (tests/golden/runtime_rest.sh).

    python3 fake_snowflake.py PORT_FILE LOG ACCOUNT USER PUBLIC_KEY_PEM

It speaks the documented protocol: POST /api/v2/statements?async=true
answers 202 with a statementHandle; GET /api/v2/statements/{handle}
answers 202 while the statement runs (the first poll, and every poll of a
'slow' one until it is cancelled), then 200 with the ResultSet (metadata
and partition 0) or 422 with a QueryFailureStatus; GET ...?partition=N
answers partition N, gzipped; POST .../cancel cancels. Every request must
carry a KEYPAIR_JWT bearer token that verifies with PUBLIC_KEY_PEM (RS256)
and has iss ACCOUNT.USER.SHA256:<fingerprint>, sub ACCOUNT.USER, iat about
now and exp iat + 3600; otherwise the answer is 401. The log records what
was checked ("jwt": "ok" or why not).
"""
import base64
import hashlib
import json
import sys
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

import fake_http


def b64url_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


class FakeSnowflake:
    def __init__(self, account, user, pem):
        self.key = serialization.load_pem_public_key(pem)
        der = self.key.public_bytes(serialization.Encoding.DER,
                                    serialization.PublicFormat.SubjectPublicKeyInfo)
        fp = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode()
        self.sub = f"{account}.{user}".upper()
        self.iss = f"{self.sub}.{fp}"
        self.statements = fake_http.Statements()

    def check_jwt(self, headers):
        """'ok', or what is wrong with the request's token."""
        auth = headers.get("authorization", "")
        if headers.get("x-snowflake-authorization-token-type") != "KEYPAIR_JWT":
            return "no X-Snowflake-Authorization-Token-Type: KEYPAIR_JWT"
        if not auth.startswith("Bearer "):
            return "no bearer token"
        parts = auth[7:].split(".")
        if len(parts) != 3:
            return "not a JWT"
        header, claims = (json.loads(b64url_decode(p)) for p in parts[:2])
        if header != {"alg": "RS256", "typ": "JWT"}:
            return f"header {header}"
        try:
            self.key.verify(b64url_decode(parts[2]), f"{parts[0]}.{parts[1]}".encode(),
                            padding.PKCS1v15(), hashes.SHA256())
        except Exception:  # cryptography's InvalidSignature, or a malformed one
            return "the signature does not verify with the user's public key"
        now = time.time()
        if claims.get("iss") != self.iss or claims.get("sub") != self.sub:
            return f"iss/sub {claims.get('iss')}/{claims.get('sub')}, expected {self.iss}/{self.sub}"
        if not abs(claims.get("iat", 0) - now) < 300 or claims.get("exp") != claims["iat"] + 3600:
            return f"iat/exp {claims.get('iat')}/{claims.get('exp')}"
        return "ok"

    def result(self, sid, partition):
        if partition > 0:
            return 200, {"data": fake_http.PAGES[partition]}, True
        rows = fake_http.PAGES
        return 200, {
            "resultSetMetaData": {
                "numRows": sum(len(p) for p in rows), "format": "jsonv2",
                "rowType": [{"name": "CUSTOMER_ID", "type": "text", "nullable": True}],
                "partitionInfo": [{"rowCount": len(p)} for p in rows]},
            "data": rows[0], "code": "090001", "statementHandle": sid,
            "message": "Statement executed successfully."}, False

    def status(self, sid, query):
        st = self.statements.poll(sid)
        if not st:
            return 404, {"code": "333333", "message": "no such statement"}, False
        if st["cancelled"]:
            return 422, {"code": "000604", "sqlState": "57014", "message": "SQL execution canceled",
                         "statementHandle": sid}, False
        if st["polls"] == 1 or st["scenario"] == "slow":
            return 202, {"code": "333334", "statementHandle": sid,
                         "message": "Asynchronous execution in progress."}, False
        if st["scenario"] == "fail":
            return 422, {"code": "002003", "sqlState": "42S02", "statementHandle": sid,
                         "message": "SQL compilation error: Object 'NOSUCH' does not exist or "
                                    "not authorized."}, False
        if st["scenario"] == "count":
            return 200, {"resultSetMetaData": {
                "numRows": 1, "format": "jsonv2", "partitionInfo": [{"rowCount": 1}],
                "rowType": [{"name": "PROFILES", "type": "fixed", "scale": 0}]},
                "data": [["5"]], "statementHandle": sid}, False
        return self.result(sid, int(query.get("partition", ["0"])[0]))

    def route(self, method, path, entry):
        entry["jwt"] = self.check_jwt(entry["headers"])
        if entry["jwt"] != "ok":
            return 401, {"code": "390144", "message": "JWT token is invalid."}, False
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["api", "v2", "statements"]:
            sid = self.statements.add(entry["body"]["statement"])
            return 202, {"code": "333334", "statementHandle": sid,
                         "message": "Asynchronous execution in progress.",
                         "statementStatusUrl": f"/api/v2/statements/{sid}"}, False
        if method == "GET" and parts[:3] == ["api", "v2", "statements"] and len(parts) == 4:
            return self.status(parts[3], entry["query"])
        if method == "POST" and len(parts) == 5 and parts[4] == "cancel":
            if self.statements.cancel(parts[3]):
                return 200, {"code": "000000", "message": "successfully canceled",
                             "statementHandle": parts[3]}, False
        return 404, {"message": f"no route {method} {path}"}, False


if __name__ == "__main__":
    port_file, log, account, user, pem = sys.argv[1:6]
    with open(pem, "rb") as f:
        fake_http.serve(FakeSnowflake(account, user, f.read()), port_file, log)
