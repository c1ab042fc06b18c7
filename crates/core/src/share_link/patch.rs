//! "Only what differs from the defaults": a JSON object diff against a frozen base, and the
//! merge that undoes it. Objects are compared key by key; anything else (text, numbers, lists)
//! is kept whole when it differs. A key the base has and the value lacks is sent as `null`,
//! which the merge reads as "leave it out".

use serde_json::{Map, Value};

pub fn diff(base: &Value, value: &Value) -> Option<Value> {
    match (base, value) {
        (Value::Object(base), Value::Object(value)) => {
            let mut out = Map::new();
            for (key, item) in value {
                match base.get(key) {
                    Some(base_item) => {
                        if let Some(changed) = diff(base_item, item) {
                            out.insert(key.clone(), changed);
                        }
                    }
                    None => {
                        out.insert(key.clone(), item.clone());
                    }
                }
            }
            for key in base.keys().filter(|k| !value.contains_key(*k)) {
                out.insert(key.clone(), Value::Null);
            }
            (!out.is_empty()).then_some(Value::Object(out))
        }
        _ if base == value => None,
        _ => Some(value.clone()),
    }
}

pub fn merge(base: &Value, patch: &Value) -> Value {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            let mut out = base.clone();
            for (key, item) in patch {
                if item.is_null() {
                    out.remove(key);
                } else {
                    let merged = match out.get(key) {
                        Some(base_item) => merge(base_item, item),
                        None => item.clone(),
                    };
                    out.insert(key.clone(), merged);
                }
            }
            Value::Object(out)
        }
        _ => patch.clone(),
    }
}

/// `base` with the keys it lacks taken from `extra` (recursively; `base` wins where both have
/// one).
pub fn fill_missing(base: Value, extra: &Value) -> Value {
    match (base, extra) {
        (Value::Object(mut base), Value::Object(extra)) => {
            for (key, item) in extra {
                let merged = match base.remove(key) {
                    Some(existing) => fill_missing(existing, item),
                    None => item.clone(),
                };
                base.insert(key.clone(), merged);
            }
            Value::Object(base)
        }
        (base, _) => base,
    }
}
