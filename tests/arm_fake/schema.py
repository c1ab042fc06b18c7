"""Request-body checks from tests/contracts/arm-schemas.json (transcribed from the official
REST specifications): operations by method, path template and api-version, and the subset of
JSON Schema those transcriptions use. A read-only property is `{"not": {}}`, so sending one
fails, as the contract intends."""

import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CONTRACT = os.path.join(HERE, "..", "contracts", "arm-schemas.json")


class Contract:
    def __init__(self, path=DEFAULT_CONTRACT):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.defs = data["$defs"]
        self.operations = data["operations"]

    def operation(self, method, path):
        """The operation whose template matches (literal segments case-insensitively)."""
        segments = path.strip("/").split("/")
        for op in self.operations:
            if op["method"] == method and _matches(op["path"].strip("/").split("/"), segments):
                return op
        return None

    def body_schema(self, op, api_version):
        by_version = op.get("bodySchemaByVersion", {})
        return by_version.get(api_version, op.get("bodySchema"))

    def errors(self, schema, value, where="body"):
        """Every way `value` breaks `schema`, as "where: what" lines, in document order."""
        out = []
        self._check(schema, value, where, out)
        return out

    def _resolve(self, schema):
        while "$ref" in schema:
            schema = self.defs[schema["$ref"].split("/")[-1]]
        return schema

    def _check(self, schema, value, where, out):
        schema = self._resolve(schema)
        if "not" in schema and schema["not"] == {}:
            out.append(f"{where}: read-only property, a request must not carry it")
            return
        for part in schema.get("allOf", []):
            self._check(part, value, where, out)
        kind = schema.get("type")
        if kind and not _is_type(value, kind):
            out.append(f"{where}: expected {kind}, found {_type_name(value)}")
            return
        if "const" in schema and value != schema["const"]:
            out.append(f"{where}: must be {schema['const']!r}")
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{where}: {value!r} is not one of {schema['enum']}")
        if isinstance(value, str):
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                out.append(f"{where}: longer than {schema['maxLength']}")
            if "pattern" in schema and not re.search(schema["pattern"], value):
                out.append(f"{where}: does not match {schema['pattern']}")
        if _is_type(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                out.append(f"{where}: below {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                out.append(f"{where}: above {schema['maximum']}")
        if isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                self._check(schema["items"], item, f"{where}[{index}]", out)
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            for name in schema.get("required", []):
                if name not in value:
                    out.append(f"{where}.{name}: required")
            extra = schema.get("additionalProperties", True)
            for name, item in value.items():
                if name in properties:
                    self._check(properties[name], item, f"{where}.{name}", out)
                elif extra is False:
                    out.append(f"{where}.{name}: not a property of this request")
                elif isinstance(extra, dict):
                    self._check(extra, item, f"{where}.{name}", out)


def _matches(template, segments):
    if template and template[0] == "{*}":
        # A scope: one or more segments, then the rest of the template.
        rest = template[1:]
        return len(segments) > len(rest) and _matches(rest, segments[len(segments) - len(rest):])
    if len(template) != len(segments):
        return False
    for t, s in zip(template, segments):
        if t == "{}":
            if not s:
                return False
        elif t.lower() != s.lower():
            return False
    return True


def _is_type(value, kind):
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return True


def _type_name(value):
    for kind in ("object", "array", "string", "boolean", "integer", "number"):
        if _is_type(value, kind):
            return kind
    return "null"
