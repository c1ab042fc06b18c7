//! Every request of every REST output, judged by the official REST API specifications as
//! transcribed in `tests/contracts/arm-schemas.json` (each operation names its spec file): the
//! method and path match an operation (path templates, literal segments case-insensitive), the
//! api-version is one the spec publishes, and the body validates against the operation's schema
//! (types, required properties, enums, closed objects, read-only properties refused).
//!
//! A request the output marks "EDIT BEFORE SENDING" must be refused as it stands (that is what
//! makes sending the file unedited harmless), or at least still carry its `<EDIT: …>` text: where
//! that text sits in a free-form string (a principal ID), the specs type it only as a string, and
//! the refusal is the service's, which no contract here can show. Every other request must be
//! accepted.
//!
//! The validator is this file's own: the subset of JSON Schema the transcription uses.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

use ai_network_wizard::core::render::OutputTarget;

use crate::rest_shapes::{parse_http, percent_decode};
use crate::support::corpus_of;

fn contract() -> &'static Value {
    static CONTRACT: OnceLock<Value> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/contracts/arm-schemas.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

/// `{}` matches one segment, `{*}` one or more; literal segments compare case-insensitively.
fn path_matches(template: &[&str], path: &[&str]) -> bool {
    match (template.split_first(), path.split_first()) {
        (None, None) => true,
        (Some((&"{*}", rest)), Some(_)) => {
            (1..=path.len()).any(|taken| path_matches(rest, &path[taken..]))
        }
        (Some((segment, rest)), Some((actual, actual_rest))) => {
            (*segment == "{}" && !actual.is_empty() || segment.eq_ignore_ascii_case(actual))
                && path_matches(rest, actual_rest)
        }
        _ => false,
    }
}

fn resolve(schema: &Value) -> &Value {
    let mut schema = schema;
    while let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        schema = &contract()["$defs"][name];
        assert!(!schema.is_null(), "unknown $ref {reference}");
    }
    schema
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every way `value` breaks `schema`, as `where: what` lines.
pub fn schema_errors(schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(schema);
    if schema.get("not") == Some(&serde_json::json!({})) {
        out.push(format!("{at}: read-only, a request must not carry it"));
        return;
    }
    for part in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        schema_errors(part, value, at, out);
    }
    if let Some(expected) = schema.get("type").and_then(Value::as_str) {
        let actual = type_name(value);
        let fits = actual == expected || (expected == "number" && actual == "integer");
        if !fits {
            out.push(format!("{at}: expected {expected}, found {actual} {value}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            out.push(format!(
                "{at}: {value} is not one of {}",
                Value::Array(allowed.clone())
            ));
        }
    }
    if let (Some(text), Some(max)) = (
        value.as_str(),
        schema.get("maxLength").and_then(Value::as_u64),
    ) {
        if text.chars().count() as u64 > max {
            out.push(format!("{at}: longer than {max} characters"));
        }
    }
    match value {
        Value::Object(object) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            for required in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !object.contains_key(required) {
                    out.push(format!("{at}: required property {required} is missing"));
                }
            }
            for (key, item) in object {
                let where_ = format!("{at}.{key}");
                match properties.and_then(|p| p.get(key)) {
                    Some(property) => schema_errors(property, item, &where_, out),
                    None => match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) => {
                            out.push(format!("{where_}: not a property of this object"))
                        }
                        Some(extra @ Value::Object(_)) => schema_errors(extra, item, &where_, out),
                        _ => {}
                    },
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (index, item) in items.iter().enumerate() {
                    schema_errors(item_schema, item, &format!("{at}[{index}]"), out);
                }
            }
        }
        _ => {}
    }
}

/// Why ARM's contract refuses the request (empty when it accepts it).
pub fn request_errors(method: &str, path_and_query: &str, body: Option<&str>) -> Vec<String> {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let path = percent_decode(path);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let operations = contract()["operations"].as_array().unwrap();
    let Some(operation) = operations.iter().find(|op| {
        op["method"] == method && {
            let template: Vec<&str> = op["path"]
                .as_str()
                .unwrap()
                .trim_matches('/')
                .split('/')
                .collect();
            path_matches(&template, &segments)
        }
    }) else {
        return vec![format!("no {method} operation has the path {path}")];
    };
    let id = operation["id"].as_str().unwrap();
    let mut out = Vec::new();
    let versions: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("api-version="))
        .collect();
    let allowed: Vec<&str> = operation["apiVersions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let version = match versions.as_slice() {
        [one] if allowed.contains(one) => *one,
        [one] => {
            out.push(format!("{id}: api-version {one} is not one of {allowed:?}"));
            *one
        }
        _ => {
            out.push(format!(
                "{id}: exactly one api-version expected, found {versions:?}"
            ));
            return out;
        }
    };
    let body_rule = operation["body"].as_str().unwrap_or("none");
    match (body_rule, body) {
        ("none", Some(_)) => out.push(format!("{id}: takes no body")),
        ("required", None) => out.push(format!("{id}: needs a body")),
        (_, Some(text)) => match serde_json::from_str::<Value>(text) {
            Err(e) => out.push(format!("{id}: the body is not JSON ({e})")),
            Ok(value) => {
                let schema = operation["bodySchemaByVersion"]
                    .get(version)
                    .or_else(|| operation.get("bodySchema"));
                match schema {
                    Some(schema) => {
                        let mut problems = Vec::new();
                        schema_errors(schema, &value, "body", &mut problems);
                        out.extend(problems.into_iter().map(|p| format!("{id}: {p}")));
                    }
                    None => out.push(format!("{id}: the contract has no body schema")),
                }
            }
        },
        _ => {}
    }
    out
}

/// The path and query of a request URL written with the file's `{{armEndpoint}}` variable.
fn path_and_query(url: &str) -> &str {
    url.strip_prefix("{{armEndpoint}}")
        .unwrap_or_else(|| panic!("{url} does not start with {{{{armEndpoint}}}}"))
}

#[test]
fn every_rest_request_validates_against_the_specs_unless_marked_for_editing() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for rendered in corpus_of(OutputTarget::Rest) {
        for (index, request) in parse_http(&rendered.text).iter().enumerate() {
            checked += 1;
            let errors = request_errors(
                &request.method,
                path_and_query(&request.url),
                request.body.as_deref(),
            );
            let label = format!(
                "{} request {} ({} {})",
                rendered.label(),
                index + 1,
                request.method,
                request.url
            );
            if request.refused_until_edited {
                let still_marked = request
                    .body
                    .as_deref()
                    .is_some_and(|b| b.contains("<EDIT:"));
                if errors.is_empty() && !still_marked {
                    failures.push(format!(
                        "{label}: marked EDIT BEFORE SENDING, yet it has no edit mark and the contract accepts it"
                    ));
                }
            } else if !errors.is_empty() {
                failures.push(format!("{label}:\n  {}", errors.join("\n  ")));
            }
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} requests:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn broken_requests_are_refused() {
    const ACCOUNT: &str = "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso";
    let good = r#"{"properties":{"networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"203.0.113.0/24"}],"virtualNetworkRules":[]}}}"#;
    assert_eq!(
        request_errors(
            "PATCH",
            &format!("{ACCOUNT}?api-version=2024-10-01"),
            Some(good)
        ),
        Vec::<String>::new()
    );
    let refused = |method: &str, version: &str, body: Option<&str>, needle: &str| {
        let errors = request_errors(method, &format!("{ACCOUNT}?api-version={version}"), body);
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "{method} {body:?}: expected {needle:?} in {errors:#?}"
        );
    };
    refused(
        "PATCH",
        "2019-01-01",
        Some(good),
        "api-version 2019-01-01 is not one of",
    );
    refused(
        "PATCH",
        "2024-10-01",
        Some(&good.replace("Deny", "deny")),
        "is not one of",
    );
    refused(
        "PATCH",
        "2024-10-01",
        Some(&good.replace(r#""value":"#, r#""address":"#)),
        "required property value is missing",
    );
    refused(
        "PATCH",
        "2024-10-01",
        Some(r#"{"properties":{"provisioningState":"Succeeded"}}"#),
        "read-only",
    );
    refused(
        "PATCH",
        "2024-10-01",
        Some(r#"{"properties":{"publicNetworkAccess":true}}"#),
        "expected string",
    );
    refused(
        "PATCH",
        "2024-10-01",
        Some(r#"{"properties":{"networkAcl":{}}}"#),
        "not a property",
    );
    refused("GET", "2024-10-01", Some("{}"), "takes no body");
    refused("PATCH", "2024-10-01", Some("{properties"), "not JSON");
    let errors = request_errors("PATCH", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/acounts/contoso?api-version=2024-10-01", Some(good));
    assert!(errors[0].starts_with("no PATCH operation"), "{errors:?}");
}
