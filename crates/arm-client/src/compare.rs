//! Is a write already satisfied by what ARM holds? A PUT or PATCH body is satisfied when every
//! value it carries is already there: objects key by key, lists as sets (rule lists come back
//! in ARM's order), text case-insensitively (ARM compares IDs and enum values so). A `false`,
//! an empty list or object may be absent: ARM leaves defaults out of its answers.

use serde_json::Value;

use wizard_core::json_text::compact;

pub fn satisfied(wanted: &Value, current: &Value) -> bool {
    match (wanted, current) {
        (Value::Object(want), Value::Object(have)) => want.iter().all(|(key, value)| {
            have.get(key)
                .map_or_else(|| is_default(value), |now| satisfied(value, now))
        }),
        (Value::Array(want), Value::Array(have)) => {
            want.len() == have.len() && want.iter().all(|w| have.iter().any(|h| satisfied(w, h)))
        }
        (Value::String(want), Value::String(have)) => want.eq_ignore_ascii_case(have),
        (want, Value::Null) => is_default(want),
        (want, have) => want == have,
    }
}

fn is_default(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// What a write changes, one line per value that differs: `path: now X, becomes Y`.
pub fn changes(wanted: &Value, current: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    collect(wanted, current, "", &mut out);
    out
}

fn collect(wanted: &Value, current: Option<&Value>, path: &str, out: &mut Vec<String>) {
    if let (Value::Object(want), Some(Value::Object(have))) = (wanted, current) {
        for (key, value) in want {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            collect(value, have.get(key), &child, out);
        }
        return;
    }
    let same = match current {
        Some(now) => satisfied(wanted, now),
        None => is_default(wanted),
    };
    if !same {
        let now = current.map_or("(not set)".to_owned(), short);
        out.push(format!("{path}: now {now}, becomes {}", short(wanted)));
    }
}

fn short(value: &Value) -> String {
    let text = compact(value);
    if text.chars().count() > 160 {
        format!("{}…", text.chars().take(160).collect::<String>())
    } else {
        text
    }
}
