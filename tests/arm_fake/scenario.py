"""What a namespace of the ARM fake does besides keeping state: bearer-token checks (audience, tenant,
expiry), the CORS answers a browser needs (and which response headers it may read),
long-running operations in both styles, and faults injected per request.

Namespace settings (in the seed, or later with `PUT /_fake/ns/NAME/scenario`):
  "requireJwt": true             a bearer that is not a JWT is refused (401)
  "audiences": [...]             accepted `aud` values (default: the fake's own origin, as the
                                 page accepts for a test endpoint only a token minted for it)
  "lro": "none"|"async"|"location"   writes answer 201/202 and finish after "lroPolls" polls
  "exposeHeaders": [...]         Access-Control-Expose-Headers (default none: ARM's list is
                                 not documented, so the client must cope without)
  "faults": [{"method", "path" (a case-insensitive part of the path), "times" (default 1),
              "skip" (default 0: let this many matching requests through first),
              "kind": "status" (with "status", "code", "message", "retryAfter") | "drop" |
                      "drop-after" (applied, then the connection drops) | "slow" ("seconds") |
                      "accepted-race" | "lro-failed"}]
"""

import base64
import json
import time

def settings(seed):
    return {
        "requireJwt": bool(seed.get("requireJwt", False)),
        "audiences": list(seed.get("audiences", [])),
        "lro": seed.get("lro", "none"),
        "lroPolls": int(seed.get("lroPolls", 1)),
        "exposeHeaders": list(seed.get("exposeHeaders", [])),
        "faults": [dict(f, times=f.get("times", 1)) for f in seed.get("faults", [])],
    }


def jwt_claims(token):
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload))
    except (ValueError, json.JSONDecodeError):
        return None
    return claims if isinstance(claims, dict) else None


def token_problem(token, config, own_audience, now=None):
    """(code, message) of ARM's refusal of this bearer token, or None. Without "audiences" in the
    namespace, the one accepted audience is `own_audience` (the fake's origin)."""
    claims = jwt_claims(token)
    if claims is None:
        if config["requireJwt"]:
            return "InvalidAuthenticationToken", "The access token is invalid."
        return None
    audience = str(claims.get("aud", ""))
    audiences = config["audiences"] or [own_audience]
    allowed = [a.rstrip("/").lower() for a in audiences]
    if audience.rstrip("/").lower() not in allowed:
        return ("InvalidAuthenticationTokenAudience",
                f"The access token has been obtained for wrong audience or resource '{audience}'. "
                f"It should exactly match with one of the allowed audiences {', '.join(repr(a) for a in audiences)}.")
    expiry = claims.get("exp")
    now = time.time() if now is None else now
    if not isinstance(expiry, (int, float)) or expiry <= now:
        return ("ExpiredAuthenticationToken",
                "The access token expiry UTC time is earlier than current UTC time.")
    return None


def tenant_problem(token, tenant):
    """(code, message) of ARM's refusal of a JWT issued by another tenant than `tenant` (the
    subscription's), in ARM's words, or None (same tenant, no `tid`, or a tenant not known)."""
    claims = jwt_claims(token)
    issuer = claims.get("tid") if claims else None
    if not tenant or not isinstance(issuer, str) or issuer.lower() == tenant.lower():
        return None
    return ("InvalidAuthenticationTokenTenant",
            f"The access token is from the wrong issuer 'https://sts.windows.net/{issuer}/'. "
            f"It must match the tenant 'https://sts.windows.net/{tenant}/' associated with this subscription. "
            f"Please use the authority (URL) 'https://login.windows.net/{tenant}' to get the token. "
            "Note, if the subscription is transferred to another tenant there is no impact to the services, "
            "but information about new tenant could take time to propagate (up to an hour). "
            "If you just transferred your subscription and see this error message, please try back later.")


def take_fault(config, method, path):
    """The first fault for this request, used up once per `times`."""
    for fault in config["faults"]:
        if fault["times"] <= 0:
            continue
        if fault.get("method", method).upper() != method:
            continue
        if fault.get("path", "").lower() not in path.lower():
            continue
        if fault.get("skip", 0) > 0:
            fault["skip"] -= 1
            continue
        fault["times"] -= 1
        return fault
    return None


def cors_headers(origin, config):
    if not origin:
        return []
    headers = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    if config and config["exposeHeaders"]:
        headers.append(("Access-Control-Expose-Headers", ", ".join(config["exposeHeaders"])))
    return headers


def preflight_headers(origin, requested_headers):
    return [
        ("Access-Control-Allow-Origin", origin or "*"),
        ("Access-Control-Allow-Methods", "GET, PUT, PATCH, POST, DELETE"),
        ("Access-Control-Allow-Headers", requested_headers or "Authorization, Content-Type, If-None-Match"),
        ("Access-Control-Max-Age", "3600"),
        ("Vary", "Origin"),
    ]
