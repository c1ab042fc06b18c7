//! The crate's JSON reader and writer (`core::json_text`) against serde_json, the judge: the
//! same text written byte for byte, the same texts accepted with the same values, the same
//! messages for the rest; only numbers needing a power of ten beyond 1e±22 are refused instead.

use proptest::prelude::*;
use serde_json::{Map, Number, Value};

use ai_network_wizard::core::json_text::{compact, parse, pretty, NUMBER_NOT_SUPPORTED};

/// Text with the characters a writer must escape or keep: controls, quotes, backslashes, `/`,
/// non-ASCII and characters outside the BMP.
fn text() -> impl Strategy<Value = String> {
    let character = prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => proptest::char::range('\0', '\u{1f}'),
        1 => proptest::sample::select(vec!['"', '\\', '/', '\u{7f}', 'é', '東', '\u{2028}', '😀']),
        1 => any::<char>(),
    ];
    proptest::collection::vec(character, 0..12).prop_map(String::from_iter)
}

/// A float as the app's documents hold them: a few decimals, written without a large exponent.
fn plain_float() -> impl Strategy<Value = f64> {
    (any::<i32>(), 0..7u32).prop_map(|(units, decimals)| units as f64 / 10f64.powi(decimals as i32))
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<u64>().prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        (0..1000u64).prop_map(Number::from),
        plain_float().prop_filter_map("finite", Number::from_f64),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((text(), inner), 0..6)
                .prop_map(|fields| Value::Object(Map::from_iter(fields))),
        ]
    })
}

/// `value` with every float replaced by `null`.
fn without_floats(value: Value) -> Value {
    match value {
        Value::Number(number) if number.is_f64() => Value::Null,
        Value::Array(items) => Value::Array(items.into_iter().map(without_floats).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, without_floats(value)))
                .collect(),
        ),
        other => other,
    }
}

/// The judge's reading, with its message when it refuses.
fn judge(text: &str) -> Result<Value, String> {
    serde_json::from_str::<Value>(text).map_err(|e| e.to_string())
}

/// `parse` agrees with serde_json on `text`: the same value or the same message, unless it
/// refuses a number serde_json would have read with its table of powers of ten.
fn assert_agrees(text: &str) {
    let ours = parse(text);
    match (&ours, judge(text)) {
        (Err(message), _) if message.starts_with(NUMBER_NOT_SUPPORTED) => {}
        (ours, judged) => assert_eq!(ours, &judged, "reading {text:?}"),
    }
}

/// `text` with one edit: bytes removed, replaced or inserted at character boundaries.
fn mutated(text: String, at: usize, cut: usize, insert: String) -> String {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let start = boundaries[at % boundaries.len()];
    let end = boundaries[(at % boundaries.len() + cut).min(boundaries.len() - 1)];
    format!("{}{insert}{}", &text[..start], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn writes_what_serde_json_writes(value in value()) {
        prop_assert_eq!(compact(&value), value.to_string());
        prop_assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn reads_what_serde_json_writes(value in value()) {
        for text in [value.to_string(), serde_json::to_string_pretty(&value).unwrap()] {
            assert_agrees(&text);
        }
    }

    /// Without floats, reading the written text gives the value back whole.
    #[test]
    fn reads_back_values_without_floats(value in value().prop_map(without_floats)) {
        let written = compact(&value);
        prop_assert_eq!(parse(&written), Ok(value.clone()));
        prop_assert_eq!(parse(&pretty(&value)), Ok(value));
    }

    #[test]
    fn reads_plain_floats_as_serde_json(float in plain_float(), exponent in -30..30i32) {
        for text in [float.to_string(), format!("{float}e{exponent}"), format!("{float}E+3")] {
            assert_agrees(&text);
        }
        // Floats as the app writes them are never refused.
        let written = compact(&Value::from(float));
        prop_assert_eq!(parse(&written), judge(&written));
    }

    #[test]
    fn agrees_on_mutated_json(
        value in value(),
        pretty_text in any::<bool>(),
        at in any::<usize>(),
        cut in 0..4usize,
        insert in "[\\[\\]{}:,\"\\\\/ \n\t\r0-9.eE+\\-abfnrtu\u{1}é😀]{0,3}",
    ) {
        let text = if pretty_text {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        assert_agrees(&mutated(text, at, cut, insert));
    }

    #[test]
    fn agrees_on_json_like_text(text in "[\\[\\]{}:,\"\\\\ \n\t0-9.eE+\\-nulltrufase\u{0}é]{0,24}") {
        assert_agrees(&text);
    }

    #[test]
    fn agrees_on_any_text(text in any::<String>()) {
        assert_agrees(&text);
    }

    #[test]
    fn agrees_on_numbers(text in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{0,24})?([eE][+-]?[0-9]{0,12})?") {
        assert_agrees(&text);
        assert_agrees(&format!("[{text}]"));
    }

    /// Whatever is read can be written and read again, as serde_json reads it: a file or link
    /// the app made from it opens (a number written back as `1e+23` would not). A float may
    /// move by its last digit on the way, as it does with serde_json's default arithmetic.
    #[test]
    fn what_is_read_reads_back_once_written(
        text in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{0,24})?([eE][+-]?[0-9]{0,3})?",
        // Round numbers: their shortest form is short, so its power of ten is large.
        round in "-?[1-9][0-9]{0,2}0{12,30}(\\.0{0,3})?(e-?[0-9]{1,2})?",
        value in value(),
    ) {
        for text in [text, round, value.to_string()] {
            if let Ok(read) = parse(&text) {
                for written in [compact(&read), pretty(&read)] {
                    prop_assert!(parse(&written).is_ok(), "{} -> {}: {:?}", text, written, parse(&written));
                    prop_assert_eq!(parse(&written), judge(&written));
                }
            }
        }
    }

    #[test]
    fn agrees_on_escapes(text in "\"(\\\\u[0-9a-fA-FdD]{0,4}|\\\\[\"\\\\/bfnrtux]|[a\u{1}é])*\"?") {
        assert_agrees(&text);
    }
}

#[test]
fn messages_name_the_fault_and_its_place() {
    for (text, message) in [
        ("[1, ]", "trailing comma at line 1 column 5"),
        ("{\"a\": }", "expected value at line 1 column 7"),
        (
            "{\n  \"a\": 1,\n",
            "EOF while parsing a value at line 3 column 0",
        ),
        (
            "{\n  \"a\": 1\n",
            "EOF while parsing an object at line 3 column 0",
        ),
        ("{\"a\": 1} x", "trailing characters at line 1 column 10"),
        ("not json", "expected ident at line 1 column 2"),
        ("", "EOF while parsing a value at line 1 column 0"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        ("{\"a\" 1}", "expected `:` at line 1 column 6"),
        ("{1: 2}", "key must be a string at line 1 column 2"),
        (
            "\"a\tb\"",
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3",
        ),
        ("\"\\x\"", "invalid escape at line 1 column 3"),
        (
            "\"\\ud800\"",
            "unexpected end of hex escape at line 1 column 8",
        ),
        (
            "\"\\udc00\"",
            "lone leading surrogate in hex escape at line 1 column 7",
        ),
        ("01", "invalid number at line 1 column 2"),
        ("1e999", "number out of range at line 1 column 5"),
    ] {
        assert_eq!(parse(text), Err(message.to_owned()), "{text:?}");
        assert_eq!(
            judge(text),
            Err(message.to_owned()),
            "the judge on {text:?}"
        );
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    let expected = [
        ("0", Value::from(0u64)),
        ("-0", Value::from(-0.0)),
        ("18446744073709551615", Value::from(u64::MAX)),
        ("-9223372036854775808", Value::from(i64::MIN)),
        ("18446744073709551616", Value::from(18446744073709551616.0)),
        ("-9223372036854775809", Value::from(-9223372036854775809.0)),
        ("1.5", Value::from(1.5)),
        ("0.1", Value::from(0.1)),
        ("1e22", Value::from(1e22)),
        ("1E-22", Value::from(1e-22)),
        ("0e999999999999", Value::from(0.0)),
        ("-1e-99999999999", Value::from(-0.0)),
    ];
    for (text, value) in expected {
        assert_eq!(parse(text), Ok(value), "{text}");
        assert_agrees(text);
    }
}

/// Numbers beyond 1e±22, and from 1e23 on, are refused with a clear message where serde_json
/// would read them (with its table of powers of ten).
#[test]
fn refuses_numbers_beyond_exact_powers_of_ten() {
    for (text, column) in [
        ("1e23", 4),
        ("1.5e-22", 7),
        ("[0.00000000000000000000001]", 26),
        // 24 digits: read as 1e23, which would be written back as `1e+23`.
        ("100000000000000000000000", 24),
        ("-123456789012345678901234.5", 27),
    ] {
        let message = format!("{NUMBER_NOT_SUPPORTED} at line 1 column {column}");
        assert_eq!(parse(text), Err(message), "{text}");
        assert!(judge(text).is_ok(), "{text}");
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for open in ["[", "{\"a\":"] {
        let text = open.repeat(100_000);
        assert_eq!(parse(&text), judge(&text));
        assert!(parse(&text)
            .unwrap_err()
            .starts_with("recursion limit exceeded"));
    }
    // 127 levels are read, 128 refused: serde_json's limit.
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(127)).is_ok());
    assert_eq!(
        parse(&nested(128)),
        Err("recursion limit exceeded at line 1 column 128".to_owned())
    );
}

#[test]
fn keys_keep_their_first_place_and_last_value() {
    let value = parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    assert_eq!(compact(&value), r#"{"b":3,"a":2}"#);
    assert_eq!(Ok(value), judge(r#"{"b": 1, "a": 2, "b": 3}"#));
}

#[test]
fn writes_empty_containers_and_escapes_as_serde_json() {
    let value = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": "\u{8}\u{c}\u{1f}/é😀\"\\"}], "e": -0.0});
    assert_eq!(compact(&value), value.to_string());
    assert_eq!(
        pretty(&value),
        serde_json::to_string_pretty(&value).unwrap()
    );
    assert_eq!(
        compact(&value),
        r#"{"a":[],"b":{},"c":[1,{"d":"\b\f\u001f/é😀\"\\"}],"e":-0.0}"#
    );
}
