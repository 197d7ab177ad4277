"""A client that behaves like the official Python SDK (azure-communication-identity), stdlib only.

Like the SDK it speaks HTTPS only, sends api-version 2022-10-01, sends "expiresInMinutes": null when
no lifetime is given, and signs each request with HMAC-SHA256 as its HMACCredentialsPolicy does.
TLS trusts only the CA file it is given, with VERIFY_X509_STRICT as Python 3.13 sets by default.

Usage: python3 python-client.py <connection string> <CA file>
Prints one JSON object with what each call saw.
"""

import base64
import datetime
import hashlib
import hmac
import json
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

API_VERSION = "2022-10-01"


def parse_connection_string(text):
    fields = {}
    for part in text.split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            fields[key.strip().lower()] = value.strip()
    return fields["endpoint"].rstrip("/"), fields["accesskey"]


def strict_context(cafile=None):
    context = ssl.create_default_context(cafile=cafile)
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    return context


class Client:
    def __init__(self, endpoint, access_key, context):
        self.endpoint = endpoint
        self.host = urllib.parse.urlparse(endpoint).netloc
        self.access_key = access_key
        self.context = context

    def _sign(self, method, path_and_query, body):
        # As the SDK: RFC 1123 date, base64 SHA-256 of the body, then HMAC of the string to sign.
        date = datetime.datetime.now(tz=datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S ") + "GMT"
        content_hash = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("utf-8")
        string_to_sign = method + "\n" + path_and_query + "\n" + date + ";" + self.host + ";" + content_hash
        digest = hmac.new(base64.b64decode(self.access_key), string_to_sign.encode("utf-8"), hashlib.sha256).digest()
        return {
            "x-ms-date": date,
            "x-ms-content-sha256": content_hash,
            "x-ms-return-client-request-id": "true",
            "Authorization": "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
            + base64.b64encode(digest).decode("utf-8"),
        }

    def call(self, method, path, body=None, content_type=True):
        path_and_query = path + "?api-version=" + API_VERSION
        text = "" if body is None else json.dumps(body)
        request_id = str(uuid.uuid4())
        headers = {
            "Accept": "application/json",
            "x-ms-client-request-id": request_id,
            "User-Agent": "azsdk-python-communication-identity/1.5.0 Python/" + sys.version.split()[0],
        }
        if content_type:
            headers["Content-Type"] = "application/json"
        headers.update(self._sign(method, path_and_query, text))
        request = urllib.request.Request(
            self.endpoint + path_and_query,
            data=text.encode("utf-8") if method != "DELETE" else None,
            headers=headers,
            method=method,
        )
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=20) as response:
                status, raw, response_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, raw, response_headers = error.code, error.read(), error.headers
        return {
            "status": status,
            "body": json.loads(raw) if raw else None,
            "echoedRequestId": response_headers.get("x-ms-client-request-id") == request_id,
        }

    # The SDK's operations, with its defaults.
    def create_user(self):
        return self.call("POST", "/identities")

    def create_user_and_token(self, scopes, token_expires_in=None):
        return self.call("POST", "/identities", {"createTokenWithScopes": scopes, "expiresInMinutes": token_expires_in})

    def get_token(self, user_id, scopes, token_expires_in=None):
        return self.call(
            "POST",
            "/identities/" + urllib.parse.quote(user_id, safe="") + "/:issueAccessToken",
            {"scopes": scopes, "expiresInMinutes": token_expires_in},
        )

    def revoke_tokens(self, user_id):
        path = "/identities/" + urllib.parse.quote(user_id, safe="") + "/:revokeAccessTokens"
        return self.call("POST", path, content_type=False)

    def delete_user(self, user_id):
        return self.call("DELETE", "/identities/" + urllib.parse.quote(user_id, safe=""), content_type=False)


def describe_token(result):
    """What a Python user sees of a token: expiresOn parsed, and the lifetime from now."""
    body = result["body"] or {}
    access_token = body.get("accessToken", body)
    if "expiresOn" not in access_token:
        return result
    expires_on = datetime.datetime.fromisoformat(access_token["expiresOn"])
    payload = access_token["token"].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    now = datetime.datetime.now(tz=datetime.timezone.utc)
    return {
        **result,
        "expiresInSeconds": (expires_on - now).total_seconds(),
        "claimedLifetimeSeconds": claims["exp"] - claims["iat"],
        "claims": claims,
    }


def tls_failure(url, context):
    try:
        urllib.request.urlopen(url, context=context, timeout=20)
    except urllib.error.URLError as error:
        reason = error.reason
        return {"error": type(reason).__name__, "verifyMessage": getattr(reason, "verify_message", None)}
    return {"error": None}


def main():
    connection_string, ca_file = sys.argv[1], sys.argv[2]
    endpoint, access_key = parse_connection_string(connection_string)
    context = strict_context(ca_file)
    client = Client(endpoint, access_key, context)
    results = {"strict": bool(context.verify_flags & ssl.VERIFY_X509_STRICT)}

    results["createUser"] = client.create_user()
    user = results["createUser"]["body"]["identity"]["id"]
    results["createUserAndToken"] = describe_token(client.create_user_and_token(["chat", "voip"]))
    other = results["createUserAndToken"]["body"]["identity"]["id"]
    results["getTokenDefault"] = describe_token(client.get_token(user, ["chat"]))
    results["getToken60"] = describe_token(client.get_token(user, ["voip"], 60))
    results["revokeTokens"] = client.revoke_tokens(user)
    results["getTokenAfterRevoke"] = describe_token(client.get_token(user, ["chat"]))
    results["deleteUser"] = client.delete_user(other)
    results["getTokenOfDeleted"] = client.get_token(other, ["chat"])
    results["lifetimeTooShort"] = client.get_token(user, ["chat"], 59)
    results["emptyScopes"] = client.create_user_and_token([])
    results["wrongKey"] = Client(endpoint, base64.b64encode(b"\x07" * 64).decode(), context).create_user()

    # As a user would set it up: the default context, which reads SSL_CERT_FILE, and the name localhost.
    port = urllib.parse.urlparse(endpoint).port
    results["defaultContextViaLocalhost"] = Client(
        "https://localhost:" + str(port), access_key, strict_context()
    ).create_user()
    # Without the emulator's CA, Python refuses the connection.
    results["untrusted"] = tls_failure(endpoint + "/", ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))

    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
