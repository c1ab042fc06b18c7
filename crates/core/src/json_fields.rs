//! Reading and writing plain structs as JSON objects, written by hand instead of derived.
//!
//! serde's derive made one visitor per struct and per enum, each instantiated for every
//! deserialiser it met: for a dozen form structs, a large share of the page's wasm. These few
//! functions over `serde_json::Value` do the same work once, and name the field that is wrong
//! (`wizard.network.default_action`), which the derived messages did not.
//!
//! Every struct read here has a default for every field: a missing key keeps the default, an
//! unknown key is refused (a typo must not vanish), and the first wrong value is reported.

use serde_json::{Map, Value};

/// An enum written as one of a fixed set of names: `NAMES[i]` is `ALL[i]`'s. Only the lookup
/// by index is generic, so each enum adds a few bytes to the page, not a reader of its own.
pub trait Named: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];
}

pub fn name_of<T: Named>(value: T) -> &'static str {
    let index = T::ALL.iter().position(|v| *v == value);
    T::NAMES[index.expect("ALL lists every variant")]
}

pub fn name_value<T: Named>(value: T) -> Value {
    Value::from(name_of(value))
}

pub fn texts_value(texts: &[String]) -> Value {
    Value::Array(texts.iter().map(|t| Value::from(t.as_str())).collect())
}

/// Reads the fields of one JSON object into a struct that starts from its default. The first
/// problem is kept and later reads do nothing, so the caller reads every field unconditionally
/// and asks [`ObjectReader::finish`] once.
pub struct ObjectReader<'a> {
    fields: &'a Map<String, Value>,
    /// Where the object is, for messages: `network`, `private_endpoints.endpoints[2]`.
    path: String,
    /// Every key read so far (present or not), in order: the accepted names.
    known: Vec<&'static str>,
    problem: Option<String>,
}

impl<'a> ObjectReader<'a> {
    /// `Err` when the value is not an object.
    pub fn new(value: &'a Value, path: &str) -> Result<Self, String> {
        match value {
            Value::Object(fields) => Ok(ObjectReader {
                fields,
                path: path.to_owned(),
                known: Vec::new(),
                problem: None,
            }),
            other => Err(invalid_type(path, other, "an object")),
        }
    }

    /// The value under `key`, unless it is missing or an earlier field was wrong.
    fn field(&mut self, key: &'static str) -> Option<(&'a Value, String)> {
        self.known.push(key);
        if self.problem.is_some() {
            return None;
        }
        let value = self.fields.get(key)?;
        Some((value, self.child(key)))
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn fail(&mut self, problem: Result<(), String>) {
        if let Err(problem) = problem {
            self.problem = Some(problem);
        }
    }

    pub fn text(&mut self, key: &'static str, target: &mut String) {
        if let Some((value, path)) = self.field(key) {
            let read = read_text(value, &path).map(|text| *target = text);
            self.fail(read);
        }
    }

    pub fn flag(&mut self, key: &'static str, target: &mut bool) {
        if let Some((value, path)) = self.field(key) {
            let read = match value {
                Value::Bool(flag) => {
                    *target = *flag;
                    Ok(())
                }
                other => Err(invalid_type(&path, other, "true or false")),
            };
            self.fail(read);
        }
    }

    pub fn texts(&mut self, key: &'static str, target: &mut Vec<String>) {
        self.list(key, target, read_text);
    }

    pub fn choice<T: Named>(&mut self, key: &'static str, target: &mut T) {
        if let Some(index) = self.name_index(key, T::NAMES) {
            *target = T::ALL[index];
        }
    }

    fn name_index(&mut self, key: &'static str, names: &[&str]) -> Option<usize> {
        let (value, path) = self.field(key)?;
        let read = read_name(value, &path, names);
        let index = read.as_ref().ok().copied();
        self.fail(read.map(|_| ()));
        index
    }

    /// A key that may be present, read elsewhere.
    pub fn allow(&mut self, key: &'static str) {
        self.known.push(key);
    }

    /// Any JSON value kept as it is; `null` counts as absent.
    pub fn any(&mut self, key: &'static str, target: &mut Option<Value>) {
        if let Some((value, _)) = self.field(key) {
            *target = (!value.is_null()).then(|| value.clone());
        }
    }

    /// A nested object read by `read`.
    pub fn object<T>(
        &mut self,
        key: &'static str,
        target: &mut T,
        read: fn(&Value, &str) -> Result<T, String>,
    ) {
        if let Some((value, path)) = self.field(key) {
            let read = read(value, &path).map(|item| *target = item);
            self.fail(read);
        }
    }

    /// The same for an optional one; `null` counts as absent.
    pub fn optional<T>(
        &mut self,
        key: &'static str,
        target: &mut Option<T>,
        read: fn(&Value, &str) -> Result<T, String>,
    ) {
        if let Some((value, path)) = self.field(key) {
            if value.is_null() {
                *target = None;
                return;
            }
            let read = read(value, &path).map(|item| *target = Some(item));
            self.fail(read);
        }
    }

    pub fn list<T>(
        &mut self,
        key: &'static str,
        target: &mut Vec<T>,
        read: fn(&Value, &str) -> Result<T, String>,
    ) {
        if let Some((value, path)) = self.field(key) {
            let read = match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| read(item, &format!("{path}[{index}]")))
                    .collect::<Result<Vec<T>, String>>()
                    .map(|items| *target = items),
                other => Err(invalid_type(&path, other, "a list")),
            };
            self.fail(read);
        }
    }

    /// The first wrong value, else the first key no read asked for.
    pub fn finish(self) -> Result<(), String> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        match self
            .fields
            .keys()
            .find(|k| !self.known.contains(&k.as_str()))
        {
            None => Ok(()),
            Some(unknown) => {
                let place = if self.path.is_empty() {
                    String::new()
                } else {
                    format!(" in `{}`", self.path)
                };
                Err(format!(
                    "unknown field `{unknown}`{place}, expected {}",
                    one_of(self.known.iter().copied())
                ))
            }
        }
    }
}

fn read_text(value: &Value, path: &str) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(invalid_type(path, other, "text in quotes")),
    }
}

fn read_name(value: &Value, path: &str, names: &[&str]) -> Result<usize, String> {
    let name = read_text(value, path)?;
    names.iter().position(|n| *n == name).ok_or_else(|| {
        format!(
            "unknown variant `{name}` at `{path}`, expected {}",
            one_of(names.iter().copied())
        )
    })
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of<'n>(names: impl ExactSizeIterator<Item = &'n str>) -> String {
    let count = names.len();
    let quoted: Vec<String> = names.map(|n| format!("`{n}`")).collect();
    match count {
        1 | 2 => quoted.join(" or "),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

fn invalid_type(path: &str, found: &Value, expected: &str) -> String {
    let found = match found {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("{flag}"),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the text \"{text}\""),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    };
    let place = if path.is_empty() {
        "the configuration"
    } else {
        path
    };
    format!("invalid type at `{place}`: {found}, expected {expected}")
}
