#!/usr/bin/env python3
"""A local, stateful stand-in for Azure Resource Manager: the subset the wizard's requests use.

    python3 tests/arm_fake/arm_fake.py [--seed FILE] [--token TOKEN] [--port N]

Listens on 127.0.0.1 (a free port unless --port), prints `listening http://127.0.0.1:PORT` on
stdout, and stops when its standard input closes (so a test's child never outlives the test).

It behaves like ARM where the wizard's safety depends on it:
- a bearer token is required (401 otherwise); every api-version must be one the operation has;
- bodies are checked against tests/contracts/arm-schemas.json (transcribed from the official
  specs): a wrong type, an unknown or read-only property is refused with 400 and changes nothing;
  so is a text that is plainly an unfilled placeholder (`<EDIT: …>`, `{{variable}}`);
- an account PATCH merges the top-level properties, but each property it carries replaces the
  old value whole: a `networkAcls` without the old rules drops them;
- a subnet PUT replaces the subnet: every writable property it leaves out is gone;
- a resource-group PUT replaces the group's tags; a location change is refused;
- `If-Match` is honoured (412 when the resource's etag differs or it is missing) only by the
  operations whose spec declares it (private DNS zones and their links); elsewhere it is
  ignored: the account PATCH and the subnet PUT declare none;
- a new virtual-network rule is refused when the fake knows the subnet and it lacks the
  Microsoft.CognitiveServices service endpoint, unless ignoreMissingVnetServiceEndpoint is true.

Per namespace it can also check JWT audience and expiry, answer CORS like ARM, run writes as
long-running operations and inject faults (tests/arm_fake/scenario.py says how).

Several independent states ("namespaces") can be served at once: a URL that starts with
`/NAME/subscriptions/…` uses namespace NAME, `/subscriptions/…` the default one. A bearer token
is accepted when it was minted for the fake itself (`aud` is its origin, `http://127.0.0.1:PORT/`)
unless a namespace names other audiences. Control
endpoints (no token): `PUT /_fake/ns/NAME` (body: a seed) loads or resets one,
`GET /_fake/ns/NAME/state` dumps its resources, `GET /_fake/ns/NAME/log` lists the requests it
answered with their status, error code, User-Agent and whether they changed the state. Use `default` as the
NAME of the default namespace.

Seed: {"subscriptions": [...], "tenants": {sub: tenant ID}, "providers": {sub: {namespace: state}},
       "resources": {resource ID: the JSON that a GET returns}, "takenSubdomains": [...]}.
Each subscription belongs to an Entra tenant: TENANT_ID unless "tenants" names another. Like
ARM, a request on a subscription with a JWT whose `tid` is another tenant is answered 401
InvalidAuthenticationTokenTenant (tests/arm_fake/other-tenant.json: a second tenant's
subscription with a virtual network, to merge into a seed).
"""

import argparse
import copy
import hashlib
import ipaddress
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scenario  # noqa: E402
from schema import Contract  # noqa: E402

SERVICE = "Microsoft.CognitiveServices"
TENANT_ID = "72f988bf-0000-4000-8000-000000000001"
PLACEHOLDER_MARKS = ("<EDIT", "{{", "}}")
# The operations whose spec declares an If-Match header (privatedns.json: PrivateZones and
# VirtualNetworkLinks CreateOrUpdate). The account PUT and PATCH (cognitiveservices.json) and
# the subnet PUT (virtualNetwork.json) declare none, so the fake ignores it there.
IF_MATCH_DECLARED = {"PrivateZones_CreateOrUpdate", "VirtualNetworkLinks_CreateOrUpdate"}
# The types whose writes get a new etag, for If-Match.
ETAGGED_TYPES = {"Microsoft.Network/privateDnsZones", "Microsoft.Network/privateDnsZones/virtualNetworkLinks"}
RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups"
# Where a long-running operation's status is read, under its subscription like ARM's own.
OPERATIONS = "providers/Microsoft.Fake/operations"


def operation_id(segments):
    """The operation ID of a `/subscriptions/SUB/providers/Microsoft.Fake/operations/ID` path, or None."""
    if len(segments) == 6 and segments[0].lower() == "subscriptions" \
            and "/".join(segments[2:5]).lower() == OPERATIONS.lower():
        return segments[5]
    return None


class ArmError(Exception):
    def __init__(self, status, code, message, retry_after=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.retry_after = retry_after


class Namespace:
    def __init__(self, seed):
        self.subscriptions = {s.lower() for s in seed.get("subscriptions", [])}
        self.tenants = {sub.lower(): tenant.lower() for sub, tenant in seed.get("tenants", {}).items()}
        self.providers = {
            sub.lower(): {ns.lower(): state for ns, state in providers.items()}
            for sub, providers in seed.get("providers", {}).items()
        }
        # Keyed by lower-case ID (ARM compares IDs case-insensitively), the ID kept as seeded.
        self.resources = {rid.lower(): copy.deepcopy(body) for rid, body in seed.get("resources", {}).items()}
        for rid, body in seed.get("resources", {}).items():
            self.resources[rid.lower()].setdefault("id", rid)
        self.taken = {s.lower() for s in seed.get("takenSubdomains", [])}
        self.log = []
        self.config = scenario.settings(seed)
        # Long-running operations in flight: ID → what they change and how many polls remain.
        self.operations = {}

    def tenant_of(self, sub):
        """The Entra tenant of a subscription the namespace holds (None for another)."""
        if sub.lower() not in self.subscriptions:
            return None
        return self.tenants.get(sub.lower(), TENANT_ID)

    def digest(self):
        text = json.dumps([sorted(self.resources.items()), sorted(self.providers.items())], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def dump(self):
        return {
            "resources": {body["id"]: body for body in self.resources.values()},
            "providers": self.providers,
        }


class Fake:
    def __init__(self, contract, token):
        self.contract = contract
        self.create_only, self.if_match = False, None
        self.token = token
        self.namespaces = {}
        self.lock = threading.Lock()

    # ---- routing ----

    def handle(self, method, raw_path, headers, body_bytes):
        """Returns (status, json body, extra headers, behaviour); behaviour "drop" closes the
        connection without an answer."""
        url = urlsplit(raw_path)
        segments = [unquote(s) for s in url.path.split("/")[1:]]
        if segments and segments[0] == "_fake":
            status, body = self.control(method, segments[1:], body_bytes)
            return status, body, [], None
        name = "default"
        if segments and segments[0].lower() != "subscriptions":
            name, segments = segments[0], segments[1:]
        path = "/" + "/".join(segments)
        with self.lock:
            ns = self.namespaces.get(name)
            if ns is None:
                return 404, error_body("NamespaceNotFound", f"The fake has no namespace {name!r}: load one first."), [], None
            fault = scenario.take_fault(ns.config, method, path)
        kind = fault.get("kind", "status") if fault else None
        if kind == "slow":
            time.sleep(float(fault.get("seconds", 5)))
        cors = scenario.cors_headers(headers.get("Origin"), ns.config)
        with self.lock:
            before = ns.digest()
            extra = []
            try:
                if kind == "drop":
                    raise ArmError(0, "ConnectionDropped", "dropped by the fake")
                if kind == "status":
                    raise ArmError(int(fault.get("status", 500)), fault.get("code", "InternalServerError"),
                                   fault.get("message", "Injected by the fake."), fault.get("retryAfter"))
                if kind == "accepted-race":
                    raise ArmError(400, "AccountProvisioningStateInvalid",
                                   "Call to Microsoft.CognitiveServices/accounts failed. Error message: Account is in Accepted state.")
                if operation_id(segments):
                    op = ns.operations.get(operation_id(segments))
                    self.check_auth(ns, headers, op["key"] if op else None)
                    status, body, extra = self.poll_operation(ns, operation_id(segments))
                else:
                    if method == "GET":
                        self.settle_on_read(ns, path)
                    old = copy.deepcopy(ns.resources.get(path.lower()))
                    status, body = self.arm(ns, method, path, parse_qs(url.query), headers, body_bytes)
                    base = f"http://{headers.get('Host', '127.0.0.1')}" + ("" if name == "default" else f"/{name}")
                    status, body, extra = self.long_running(ns, method, path, status, body, base, kind == "lro-failed", old, fault)
                code = None
            except ArmError as e:
                status, body, code = e.status, error_body(e.code, e.message), e.code
                if e.retry_after is not None:
                    extra.append(("Retry-After", str(e.retry_after)))
            ns.log.append({
                "agent": headers.get("User-Agent", ""),
                "method": method,
                "path": path,
                "status": status,
                "code": code,
                "changed": ns.digest() != before,
            })
            behaviour = "drop" if kind in ("drop", "drop-after") else None
            return status, body, extra + cors, behaviour

    # ---- long-running operations ----

    def long_running(self, ns, method, path, status, body, base, fail, old, fault):
        """A write the namespace answers as long-running: the resource settles (or fails and is
        restored) after `lroPolls` reads of it or of the operation."""
        style = ns.config["lro"] if ns.config["lro"] != "none" else ("async" if fail else "none")
        segments = path.strip("/").lower().split("/")
        synchronous = len(segments) == 4 or "roleassignments" in segments or method not in ("PUT", "PATCH", "DELETE")
        if style == "none" or synchronous or status >= 300:
            return status, body, []
        key = path.lower()
        op_id = uuid.uuid4().hex
        if method != "DELETE" and key in ns.resources:
            stored = ns.resources[key]
            stored.setdefault("properties", {})["provisioningState"] = "Accepted" if "/microsoft.cognitiveservices/" in key else "Updating"
            body = copy.deepcopy(stored)
        ns.operations[op_id] = {"key": key, "polls": ns.config["lroPolls"], "fail": fail, "old": old,
                                "method": method, "style": style, "status": "InProgress", "fault": fault or {}}
        url = f"{base}/subscriptions/{segments[1]}/{OPERATIONS}/{op_id}?api-version=2024-10-01"
        headers = [("Azure-AsyncOperation" if style == "async" else "Location", url), ("Retry-After", "1")]
        if method == "DELETE":
            return 202, {}, headers
        return (201 if old is None else (202 if method == "PATCH" else 200)), body, headers

    def finish(self, ns, op):
        if op["status"] != "InProgress":
            return
        op["polls"] -= 1
        if op["polls"] > 0:
            return
        if op["fail"]:
            # Nothing of the change stays; the resource says the operation failed.
            if op["old"] is None:
                ns.resources.pop(op["key"], None)
            else:
                ns.resources[op["key"]] = op["old"]
                op["old"].setdefault("properties", {})["provisioningState"] = "Failed"
            op["status"] = "Failed"
        else:
            resource = ns.resources.get(op["key"])
            if resource is not None:
                resource.setdefault("properties", {})["provisioningState"] = "Succeeded"
            op["status"] = "Succeeded"

    def settle_on_read(self, ns, path):
        for op in ns.operations.values():
            if op["key"] == path.lower():
                self.finish(ns, op)

    def poll_operation(self, ns, op_id):
        op = ns.operations.get(op_id)
        if op is None:
            raise ArmError(404, "OperationNotFound", f"No operation {op_id}.")
        self.finish(ns, op)
        failure = {"code": op["fault"].get("code", "InternalServerError"),
                   "message": op["fault"].get("message", "The long-running operation failed in the fake.")}
        if op["style"] == "async":
            answer = {"id": op_id, "status": op["status"]}
            if op["status"] == "Failed":
                answer["error"] = failure
            return 200, answer, ([("Retry-After", "1")] if op["status"] == "InProgress" else [])
        if op["status"] == "InProgress":
            return 202, {}, [("Retry-After", "1")]
        if op["status"] == "Failed":
            raise ArmError(500, failure["code"], failure["message"])
        if op["method"] == "DELETE":
            return 204, {}, []
        return 200, ns.resources.get(op["key"], {}), []

    def control(self, method, segments, body_bytes):
        with self.lock:
            if len(segments) == 2 and segments[0] == "ns" and method == "PUT":
                self.namespaces[segments[1]] = Namespace(json.loads(body_bytes or b"{}"))
                return 200, {"loaded": segments[1]}
            if len(segments) == 3 and segments[0] == "ns" and segments[2] == "scenario" and method == "PUT":
                ns = self.namespaces.get(segments[1])
                if ns is None:
                    return 404, error_body("NamespaceNotFound", segments[1])
                merged = dict(ns.config, **json.loads(body_bytes or b"{}"))
                ns.config = scenario.settings(merged)
                return 200, {"scenario": ns.config}
            if len(segments) == 3 and segments[0] == "ns" and method == "GET":
                ns = self.namespaces.get(segments[1])
                if ns is None:
                    return 404, error_body("NamespaceNotFound", segments[1])
                if segments[2] == "state":
                    return 200, ns.dump()
                if segments[2] == "log":
                    return 200, {"requests": ns.log}
        return 404, error_body("NotFound", "unknown control endpoint")

    def arm(self, ns, method, path, query, headers, body_bytes):
        self.check_auth(ns, headers, path)
        op = self.contract.operation(method, path)
        if op is None:
            raise ArmError(404 if method == "GET" else 405, "NoRegisteredProviderFound",
                           f"No operation {method} {path} in this fake.")
        versions = query.get("api-version", [])
        if not versions:
            raise ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")
        version = versions[0]
        if version not in op["apiVersions"]:
            raise ArmError(400, "InvalidApiVersionParameter",
                           f"The api-version '{version}' is invalid. The supported versions are '{','.join(op['apiVersions'])}'.")
        body = None
        if body_bytes.strip():
            try:
                body = json.loads(body_bytes)
            except ValueError as e:
                raise ArmError(400, "InvalidRequestContent", f"The request content was invalid and could not be deserialized: {e}")
        schema = self.contract.body_schema(op, version)
        if op.get("body") == "required" and body is None:
            raise ArmError(400, "InvalidRequestContent", "The request content is missing.")
        if body is not None:
            if schema is None:
                raise ArmError(400, "InvalidRequestContent", f"{op['id']} takes no body.")
            problems = self.contract.errors(schema, body)
            if problems:
                raise ArmError(400, "InvalidRequestContent", "The request content was invalid: " + "; ".join(problems))
            placeholder = find_placeholder(body, "body")
            if placeholder:
                raise ArmError(400, "InvalidRequestContent", f"{placeholder}: an unfilled placeholder")
        handler = getattr(self, "op_" + op["id"], None)
        if handler is None:
            raise ArmError(405, "NotImplementedInFake", f"{op['id']} is not implemented by the fake.")
        segments = path.strip("/").split("/")
        # Conditional creates (If-None-Match: *) are answered 412 when the resource exists, where
        # the spec documents the header; elsewhere it is ignored and the PUT replaces.
        self.create_only = headers.get("If-None-Match", "").strip() == "*" and bool(op.get("ifNoneMatch"))
        # If-Match is honoured only where the operation declares it; elsewhere it is ignored,
        # as a provider that does not read the header ignores it.
        self.if_match = headers.get("If-Match") if op["id"] in IF_MATCH_DECLARED else None
        return handler(ns, path, segments, body)

    def check_auth(self, ns, headers, path=None):
        own_audience = f"http://{headers.get('Host', '127.0.0.1')}/"
        auth = headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or not auth[len("Bearer "):].strip():
            raise ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.")
        token = auth[len("Bearer "):]
        if self.token is not None and token != self.token:
            raise ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.")
        problem = scenario.token_problem(token, ns.config, own_audience)
        if problem:
            raise ArmError(401, *problem)
        segments = (path or "").strip("/").split("/")
        if len(segments) >= 2 and segments[0].lower() == "subscriptions":
            problem = scenario.tenant_problem(token, ns.tenant_of(segments[1]))
            if problem:
                raise ArmError(401, *problem)

    # ---- subscriptions, groups, providers ----

    def subscription(self, ns, segments):
        sub = segments[1].lower()
        if sub not in ns.subscriptions:
            raise ArmError(404, "SubscriptionNotFound", f"The subscription '{segments[1]}' could not be found.")
        return sub

    def op_Subscriptions_Get(self, ns, path, segments, body):
        sub = self.subscription(ns, segments)
        return 200, {"id": f"/subscriptions/{sub}", "subscriptionId": sub, "tenantId": ns.tenant_of(sub), "state": "Enabled", "displayName": sub}

    def group(self, ns, segments):
        self.subscription(ns, segments)
        group_id = "/".join([""] + segments[:4])
        found = ns.resources.get(group_id.lower())
        if found is None:
            raise ArmError(404, "ResourceGroupNotFound", f"Resource group '{segments[3]}' could not be found.")
        return found

    def op_ResourceGroups_Get(self, ns, path, segments, body):
        return 200, self.group(ns, segments)

    def op_ResourceGroups_CreateOrUpdate(self, ns, path, segments, body):
        self.subscription(ns, segments)
        existing = ns.resources.get(path.lower())
        if existing and existing["location"].lower() != body["location"].lower():
            raise ArmError(409, "InvalidResourceGroupLocation",
                           f"Invalid resource group location '{body['location']}'. The Resource group already exists in location '{existing['location']}'.")
        group = {
            "id": existing["id"] if existing else path,
            "name": segments[3],
            "type": RESOURCE_GROUP_TYPE,
            "location": body["location"],
            # A PUT replaces the group: tags it does not carry are gone.
            "tags": body.get("tags", {}),
            "properties": {"provisioningState": "Succeeded"},
        }
        if "managedBy" in body:
            group["managedBy"] = body["managedBy"]
        ns.resources[path.lower()] = group
        return (200 if existing else 201), group

    def op_Providers_Register(self, ns, path, segments, body):
        sub = self.subscription(ns, segments)
        ns.providers.setdefault(sub, {})[segments[3].lower()] = "Registered"
        return 200, {"namespace": segments[3], "registrationState": "Registered"}

    def op_Providers_Get(self, ns, path, segments, body):
        sub = self.subscription(ns, segments)
        state = ns.providers.get(sub, {}).get(segments[3].lower(), "NotRegistered")
        return 200, {"namespace": segments[3], "registrationState": state}

    # ---- accounts ----

    def account(self, ns, path, segments):
        self.group(ns, segments)
        found = ns.resources.get(path.lower())
        if found is None:
            raise ArmError(404, "ResourceNotFound",
                           f"The Resource '{SERVICE}/accounts/{segments[7]}' under resource group '{segments[3]}' was not found.")
        return found

    def subdomain_owner(self, ns, subdomain):
        for rid, res in ns.resources.items():
            current = res.get("properties", {}).get("customSubDomainName")
            if "/providers/microsoft.cognitiveservices/accounts/" in rid and current and current.lower() == subdomain.lower():
                return rid
        return "(taken elsewhere)" if subdomain.lower() in ns.taken else None

    def check_subdomain(self, ns, path, current, wanted):
        if wanted is None:
            return
        if current and current.lower() != wanted.lower():
            raise ArmError(400, "CustomSubDomainNameCannotBeChanged",
                           f"The custom subdomain name '{current}' cannot be changed to '{wanted}'.")
        owner = self.subdomain_owner(ns, wanted)
        if owner is not None and owner != path.lower():
            raise ArmError(409, "CustomDomainInUse", f"The subdomain name '{wanted}' is not available.")

    def check_acls(self, ns, old_acls, acls):
        if acls is None:
            return
        # Whether ARM merges a partial networkAcls is not documented; the Azure CLI always
        # sends it whole. A body without the lists would silently drop every rule, so the fake
        # refuses it rather than guess.
        missing = [k for k in ("defaultAction", "ipRules", "virtualNetworkRules") if k not in acls]
        if missing:
            raise ArmError(400, "InvalidRequestContent",
                           f"body.properties.networkAcls: a partial networkAcls ({', '.join(missing)} missing) would replace the whole rule set; send it complete.")
        for rule in acls.get("ipRules", []):
            try:
                network = ipaddress.IPv4Network(rule["value"], strict=True)
            except ValueError:
                raise ArmError(400, "InvalidIpRule", f"'{rule['value']}' is not a valid IPv4 address or range.")
            if network.prefixlen in (31, 32) and "/" in rule["value"]:
                raise ArmError(400, "InvalidIpRule", f"'{rule['value']}': /31 and /32 ranges are not supported; use the address.")
        old_ids = {r["id"].lower() for r in (old_acls or {}).get("virtualNetworkRules", [])}
        for rule in acls.get("virtualNetworkRules", []):
            if rule["id"].lower() in old_ids or rule.get("ignoreMissingVnetServiceEndpoint"):
                continue
            subnet = ns.resources.get(rule["id"].lower())
            if subnet is None:
                continue  # another tenant or subscription the fake does not hold
            services = [e.get("service", "").lower() for e in subnet["properties"].get("serviceEndpoints", [])]
            if SERVICE.lower() not in services:
                raise ArmError(400, "VirtualNetworkRuleServiceEndpointMissing",
                               f"Subnet {rule['id']} does not have the {SERVICE} service endpoint.")

    def op_Accounts_Get(self, ns, path, segments, body):
        return 200, self.account(ns, path, segments)

    def op_Accounts_Create(self, ns, path, segments, body):
        self.group(ns, segments)
        existing = ns.resources.get(path.lower())
        for field in ("location", "kind", "sku"):
            if field not in body:
                raise ArmError(400, "InvalidRequestContent", f"body.{field}: required to create an account")
        properties = copy.deepcopy(body.get("properties", {}))
        old_properties = existing["properties"] if existing else {}
        self.check_subdomain(ns, path, old_properties.get("customSubDomainName"), properties.get("customSubDomainName"))
        self.check_acls(ns, old_properties.get("networkAcls"), properties.get("networkAcls"))
        if existing and existing["kind"] != body["kind"]:
            raise ArmError(409, "CannotChangeKind", "The kind of an account cannot be changed.")
        identity = body.get("identity")
        if identity and identity.get("type") == "SystemAssigned":
            kept = (existing or {}).get("identity") or {}
            identity = {
                "type": "SystemAssigned",
                "principalId": kept.get("principalId") or str(uuid.uuid4()),
                "tenantId": TENANT_ID,
            }
        properties["provisioningState"] = "Succeeded"
        properties["endpoint"] = f"https://{properties.get('customSubDomainName', body['location'])}.cognitiveservices.azure.com/"
        account = {
            "id": existing["id"] if existing else path,
            "name": segments[7],
            "type": f"{SERVICE}/accounts",
            "location": body["location"],
            "kind": body["kind"],
            "sku": body["sku"],
            "tags": body.get("tags", {}),
            "properties": properties,
        }
        if identity:
            account["identity"] = identity
        ns.resources[path.lower()] = account
        return (200 if existing else 201), account

    def op_Accounts_Update(self, ns, path, segments, body):
        account = copy.deepcopy(self.account(ns, path, segments))
        new = body.get("properties", {})
        self.check_subdomain(ns, path, account["properties"].get("customSubDomainName"), new.get("customSubDomainName"))
        self.check_acls(ns, account["properties"].get("networkAcls"), new.get("networkAcls"))
        for key in ("tags", "sku", "identity"):
            if key in body:
                account[key] = body[key]
        # Top-level properties merge; each one sent replaces the old value whole.
        for key, value in new.items():
            account["properties"][key] = copy.deepcopy(value)
        ns.resources[path.lower()] = account
        return 200, account

    def op_CheckDomainAvailability(self, ns, path, segments, body):
        self.subscription(ns, segments)
        name = body["subdomainName"]
        available = self.subdomain_owner(ns, name) is None
        return 200, {
            "isSubdomainAvailable": available,
            "reason": None if available else f"Sub domain name '{name}' is not valid or already in use.",
            "subdomainName": name,
            "type": body["type"],
            "kind": body.get("kind"),
        }

    # ---- other targets: read only ----

    def op_Workspaces_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_Mediaservices_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def generic_get(self, ns, path, segments):
        self.group(ns, segments)
        found = ns.resources.get(path.lower())
        if found is None:
            raise ArmError(404, "ResourceNotFound", f"The Resource '{segments[6]}/{segments[7]}' was not found.")
        return 200, found

    # ---- storage accounts and role assignments (bring your own storage) ----

    def op_StorageAccounts_GetProperties(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_StorageAccounts_Update(self, ns, path, segments, body):
        storage = copy.deepcopy(self.generic_get(ns, path, segments)[1])
        # Top-level properties merge; networkAcls is replaced whole, like the account's.
        for key, value in body.get("properties", {}).items():
            storage["properties"][key] = copy.deepcopy(value)
        for key in ("tags", "sku", "identity", "kind"):
            if key in body:
                storage[key] = body[key]
        ns.resources[path.lower()] = storage
        return 200, storage

    def op_RoleAssignments_Get(self, ns, path, segments, body):
        found = ns.resources.get(path.lower())
        if found is None:
            raise ArmError(404, "RoleAssignmentNotFound", f"The role assignment '{segments[-1]}' is not found.")
        return 200, found

    def op_RoleAssignments_ListForScope(self, ns, path, segments, body):
        # Without $filter: the assignments at the scope, above it (inherited) and below it.
        scope = path.lower().rsplit("/providers/microsoft.authorization/roleassignments", 1)[0]
        found = []
        for rid, resource in ns.resources.items():
            if "/providers/microsoft.authorization/roleassignments/" not in rid:
                continue
            at = resource["properties"]["scope"].lower()
            if scope == at or scope.startswith(at + "/") or at.startswith(scope + "/"):
                found.append(resource)
        return 200, {"value": found}

    def op_RoleAssignments_Create(self, ns, path, segments, body):
        properties = body["properties"]
        try:
            uuid.UUID(properties["principalId"])
            uuid.UUID(segments[-1])
        except ValueError:
            raise ArmError(400, "InvalidPrincipalId", "A valid principal ID must be provided for role assignment.")
        scope = "/" + "/".join(segments[:-4])
        if scope.lower() not in ns.resources:
            raise ArmError(404, "ResourceNotFound", f"The scope {scope} was not found.")
        existing = ns.resources.get(path.lower())
        if existing and existing["properties"]["principalId"] != properties["principalId"]:
            raise ArmError(409, "RoleAssignmentExists", "The role assignment already exists.")
        # The same role for the same principal on the same scope exists only once, whatever its name.
        for rid, other in ns.resources.items():
            if rid == path.lower() or "/providers/microsoft.authorization/roleassignments/" not in rid:
                continue
            theirs = other["properties"]
            if (theirs["scope"].lower() == scope.lower()
                    and theirs["principalId"].lower() == properties["principalId"].lower()
                    and theirs["roleDefinitionId"].lower().rsplit("/", 1)[-1] == properties["roleDefinitionId"].lower().rsplit("/", 1)[-1]):
                raise ArmError(409, "RoleAssignmentExists", "The role assignment already exists.")
        assignment = {
            "id": path,
            "name": segments[-1],
            "type": "Microsoft.Authorization/roleAssignments",
            "properties": dict(properties, scope=scope),
        }
        ns.resources[path.lower()] = assignment
        return (200 if existing else 201), assignment

    # ---- private endpoints and private DNS ----
    # Stored as sent plus what ARM adds; a conditional create of an existing one is refused.

    def put_child(self, ns, path, segments, body, resource_type, extra=None):
        self.group(ns, segments)
        existing = ns.resources.get(path.lower())
        if existing and self.create_only:
            raise ArmError(412, "PreconditionFailed", f"{segments[-1]} exists (If-None-Match: *).")
        if self.if_match is not None:
            wanted = self.if_match.strip()
            if existing is None or (wanted != "*" and wanted != existing.get("etag")):
                raise ArmError(412, "PreconditionFailed",
                               f"{segments[-1]} does not match If-Match {wanted}: it changed since it was read.")
        resource = copy.deepcopy(body)
        resource.update({"id": existing["id"] if existing else path, "name": segments[-1], "type": resource_type})
        if resource_type in ETAGGED_TYPES:
            resource["etag"] = str(uuid.uuid4())
        resource.setdefault("properties", {})["provisioningState"] = "Succeeded"
        if extra:
            resource["properties"].update(extra)
        ns.resources[path.lower()] = resource
        return (200 if existing else 201), resource

    def get_child(self, ns, path, segments):
        self.group(ns, segments)
        found = ns.resources.get(path.lower())
        if found is None:
            raise ArmError(404, "ResourceNotFound", f"The Resource '{segments[-1]}' was not found.")
        return 200, found

    def delete_tree(self, ns, path):
        gone = [rid for rid in ns.resources if rid == path.lower() or rid.startswith(path.lower() + "/")]
        for rid in gone:
            del ns.resources[rid]
        return (200 if gone else 204), {}

    def op_PrivateZones_Get(self, ns, path, segments, body):
        return self.get_child(ns, path, segments)

    def op_PrivateZones_CreateOrUpdate(self, ns, path, segments, body):
        return self.put_child(ns, path, segments, body, "Microsoft.Network/privateDnsZones")

    def list_children(self, ns, path, segments):
        """The children one level below `path` (a list operation), as ARM pages them."""
        self.group(ns, segments)
        parent = path.lower().rsplit("/", 1)[0]
        if parent not in ns.resources:
            raise ArmError(404, "ResourceNotFound", f"The Resource '{segments[-2]}' was not found.")
        prefix = path.lower() + "/"
        found = [body for rid, body in sorted(ns.resources.items()) if rid.startswith(prefix) and "/" not in rid[len(prefix):]]
        return 200, {"value": found}

    def op_VirtualNetworkLinks_List(self, ns, path, segments, body):
        return self.list_children(ns, path, segments)

    def op_PrivateDnsZoneGroups_List(self, ns, path, segments, body):
        return self.list_children(ns, path, segments)

    def op_VirtualNetworkLinks_Get(self, ns, path, segments, body):
        return self.get_child(ns, path, segments)

    def op_VirtualNetworkLinks_CreateOrUpdate(self, ns, path, segments, body):
        zone = path.lower().rsplit("/virtualnetworklinks/", 1)[0]
        if zone not in ns.resources:
            raise ArmError(404, "ParentResourceNotFound", "The private DNS zone does not exist.")
        # A zone links to a virtual network once, whatever the link's name.
        vnet = body["properties"]["virtualNetwork"]["id"].lower()
        for rid, link in ns.resources.items():
            if rid.startswith(zone + "/virtualnetworklinks/") and rid != path.lower() \
                    and link.get("properties", {}).get("virtualNetwork", {}).get("id", "").lower() == vnet:
                raise ArmError(409, "Conflict", f"The virtual network is linked to this zone already, as {link['name']}.")
        return self.put_child(ns, path, segments, body, "Microsoft.Network/privateDnsZones/virtualNetworkLinks")

    def op_PrivateEndpoints_Get(self, ns, path, segments, body):
        return self.get_child(ns, path, segments)

    def op_PrivateEndpoints_CreateOrUpdate(self, ns, path, segments, body):
        name = segments[-1]
        connections = body["properties"].get("privateLinkServiceConnections") or body["properties"].get("manualPrivateLinkServiceConnections") or []
        configs = [{"fqdn": f"{name}.example", "ipAddresses": ["10.1.2.4"]}] if connections else []
        # The connection's state shows on the endpoint: Approved at once, or Pending until the
        # resource's owner approves a manual one.
        for key, status in (("privateLinkServiceConnections", "Approved"), ("manualPrivateLinkServiceConnections", "Pending")):
            for connection in body["properties"].get(key) or []:
                connection.setdefault("properties", {})["privateLinkServiceConnectionState"] = {"status": status, "description": status}
        return self.put_child(ns, path, segments, body, "Microsoft.Network/privateEndpoints", {"customDnsConfigs": configs})

    def op_PrivateEndpoints_Delete(self, ns, path, segments, body):
        return self.delete_tree(ns, path)

    def op_PrivateDnsZoneGroups_Get(self, ns, path, segments, body):
        return self.get_child(ns, path, segments)

    def op_PrivateDnsZoneGroups_CreateOrUpdate(self, ns, path, segments, body):
        endpoint = path.lower().rsplit("/privatednszonegroups/", 1)[0]
        if endpoint not in ns.resources:
            raise ArmError(404, "ParentResourceNotFound", "The private endpoint does not exist.")
        # A private endpoint has at most one zone group, of any name.
        for rid, group in ns.resources.items():
            if rid.startswith(endpoint + "/privatednszonegroups/") and rid != path.lower():
                raise ArmError(400, "BadRequest", f"A private endpoint has at most one private DNS zone group; this one has {group['name']}.")
        return self.put_child(ns, path, segments, body, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups")

    def op_PrivateDnsZoneGroups_Delete(self, ns, path, segments, body):
        return self.delete_tree(ns, path)

    def op_PrivateEndpointConnections_List(self, ns, path, segments, body):
        self.account(ns, path.rsplit("/privateEndpointConnections", 1)[0], segments[:8])
        return 200, {"value": []}

    # ---- a hub's dependent resources and virtual networks: read, and publicNetworkAccess set ----

    def dependent_connections(self, ns, path, segments, body):
        """The connections of a hub or its dependent resource: the resource must exist."""
        self.generic_get(ns, path.rsplit("/privateEndpointConnections", 1)[0], segments)
        return 200, {"value": []}

    op_StoragePrivateEndpointConnections_List = dependent_connections
    op_VaultPrivateEndpointConnections_ListByResource = dependent_connections
    op_RegistryPrivateEndpointConnections_List = dependent_connections
    op_SearchPrivateEndpointConnections_ListByService = dependent_connections
    op_WorkspacePrivateEndpointConnections_List = dependent_connections

    def op_VirtualNetworks_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_Vaults_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_Vaults_Update(self, ns, path, segments, body):
        return self.merge_properties(ns, path, segments, body)

    def op_Registries_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_Registries_Update(self, ns, path, segments, body):
        return self.merge_properties(ns, path, segments, body)

    def op_Services_Get(self, ns, path, segments, body):
        return self.generic_get(ns, path, segments)

    def op_Services_Update(self, ns, path, segments, body):
        return self.merge_properties(ns, path, segments, body)
    def connection(self, ns, path, segments):
        """A connection lives in its account's properties, as ARM lists it."""
        account_path, name = path.rsplit("/privateEndpointConnections/", 1)
        account = self.account(ns, account_path, segments[:8])
        connections = account["properties"].setdefault("privateEndpointConnections", [])
        for connection in connections:
            if connection["name"].rsplit("/", 1)[-1].lower() == name.lower():
                return account, connections, connection
        return account, connections, None

    def op_PrivateEndpointConnections_Get(self, ns, path, segments, body):
        _, _, found = self.connection(ns, path, segments)
        if found is None:
            raise ArmError(404, "ResourceNotFound", f"The private endpoint connection '{segments[-1]}' was not found.")
        return 200, found

    def op_PrivateEndpointConnections_CreateOrUpdate(self, ns, path, segments, body):
        _, _, found = self.connection(ns, path, segments)
        if found is None:
            # Only the endpoint's side creates a connection; the resource's side decides on it.
            raise ArmError(404, "PrivateEndpointConnectionNotFound", f"The private endpoint connection '{segments[-1]}' was not found.")
        found["properties"]["privateLinkServiceConnectionState"] = copy.deepcopy(body["properties"]["privateLinkServiceConnectionState"])
        return 200, found

    def op_PrivateEndpointConnections_Delete(self, ns, path, segments, body):
        _, connections, found = self.connection(ns, path, segments)
        if found is None:
            return 204, {}
        connections.remove(found)
        return 200, {}

    def op_Workspaces_Update(self, ns, path, segments, body):
        return self.merge_properties(ns, path, segments, body)

    def op_Mediaservices_Update(self, ns, path, segments, body):
        return self.merge_properties(ns, path, segments, body)

    def merge_properties(self, ns, path, segments, body):
        resource = copy.deepcopy(self.generic_get(ns, path, segments)[1])
        for key, value in body.get("properties", {}).items():
            resource.setdefault("properties", {})[key] = copy.deepcopy(value)
        ns.resources[path.lower()] = resource
        return 200, resource

    # ---- subnets ----

    def op_Subnets_Get(self, ns, path, segments, body):
        self.group(ns, segments)
        found = ns.resources.get(path.lower())
        if found is None:
            raise ArmError(404, "NotFound", f"Resource {path} not found.")
        return 200, found

    def op_Subnets_CreateOrUpdate(self, ns, path, segments, body):
        self.group(ns, segments)
        existing = ns.resources.get(path.lower())
        properties = copy.deepcopy(body.get("properties", {}))
        if "addressPrefix" not in properties and "addressPrefixes" not in properties:
            raise ArmError(400, "InvalidRequestFormat", "Subnet must have addressPrefix or addressPrefixes.")
        # A PUT replaces the subnet: what it leaves out is gone. ARM's own reports stay.
        for endpoint in properties.get("serviceEndpoints", []):
            endpoint.setdefault("locations", ["*"])
            endpoint["provisioningState"] = "Succeeded"
        properties["provisioningState"] = "Succeeded"
        for kept in ("ipConfigurations", "privateEndpoints"):
            if existing and kept in existing["properties"]:
                properties[kept] = existing["properties"][kept]
        subnet = {
            "id": existing["id"] if existing else path,
            "name": segments[9],
            "type": "Microsoft.Network/virtualNetworks/subnets",
            "etag": 'W/"' + hashlib.sha1(json.dumps(properties, sort_keys=True).encode()).hexdigest()[:12] + '"',
            "properties": properties,
        }
        ns.resources[path.lower()] = subnet
        return (200 if existing else 201), subnet


def find_placeholder(value, where):
    if isinstance(value, str):
        return where if any(mark in value for mark in PLACEHOLDER_MARKS) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = find_placeholder(item, f"{where}[{index}]")
            if found:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            found = find_placeholder(item, f"{where}.{key}")
            if found:
                return found
    return None


def error_body(code, message):
    return {"error": {"code": code, "message": message}}


def make_handler(fake):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def respond(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, answer, extra, behaviour = fake.handle(self.command, self.path, self.headers, body)
            if behaviour == "drop":
                # The connection drops in the middle of the answer: a few bytes arrive (so no
                # client quietly sends the request again), then it closes.
                self.close_connection = True
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n")
                for name, value in extra:
                    self.wfile.write(f"{name}: {value}\r\n".encode())
                self.wfile.write(b"\r\n{")
                self.wfile.flush()
                return
            # 204 No Content carries no body (a client would read it as the next response).
            data = b"" if status == 204 else json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in extra:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                # A slow answer to a client that gave up waiting (its time limit passed).
                self.close_connection = True

        def do_OPTIONS(self):
            # A CORS preflight: answered without a token, as ARM does.
            headers = scenario.preflight_headers(self.headers.get("Origin"),
                                                 self.headers.get("Access-Control-Request-Headers"))
            self.send_response(204)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_PATCH = do_POST = do_DELETE = respond

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="JSON seed of the default namespace")
    parser.add_argument("--token", help="the only bearer token accepted (default: any)")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    fake = Fake(Contract(), args.token)
    if args.seed:
        with open(args.seed, encoding="utf-8") as f:
            fake.namespaces["default"] = Namespace(json.load(f))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(fake))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"listening http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        sys.stdin.read()  # until the parent closes it
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
