//! Property tests: whatever a person types arrives in the script as one literal, byte for
//! byte. Bash literals are run through bash; PowerShell literals are parsed with
//! tree-sitter-powershell and decoded by PowerShell's rules (there is no PowerShell binary
//! here). Comments never carry a line break.

use std::io::Write;
use std::process::{Command, Stdio};

use proptest::prelude::*;

use ai_network_wizard::core::draft::{SubnetInput, VnetRuleDraft};
use ai_network_wizard::core::quote;
use ai_network_wizard::core::render::OutputTarget;

use crate::support::{
    fixtures, node_text, nodes, parse_bash, parse_powershell, powershell_verbatim, render_draft,
    syntax_problems,
};

/// Characters that break naive quoting, typographic quotes and line breaks included.
const NASTY: &[char] = &[
    '\'',
    '"',
    '`',
    '$',
    ';',
    '&',
    '|',
    '\\',
    '\n',
    '\r',
    '\t',
    ' ',
    '!',
    '*',
    '?',
    '#',
    '(',
    ')',
    '{',
    '}',
    '[',
    ']',
    '<',
    '>',
    '~',
    '@',
    '%',
    ',',
    '\u{2018}',
    '\u{2019}',
    '\u{201A}',
    '\u{201B}',
    '\u{201C}',
    '\u{201D}',
    '\u{201E}',
    '\u{85}',
    '\u{2028}',
    '\u{2029}',
    '\u{0B}',
    '\u{0C}',
    'é',
    'Ü',
    '東',
    '\u{1F600}',
    '\u{200B}',
    '\u{FEFF}',
];

/// Arbitrary text biased towards the nasty characters; no NUL (a bash string cannot hold it).
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![3 => proptest::sample::select(NASTY), 1 => any::<char>()],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().filter(|c| *c != '\0').collect())
}

/// Runs a bash script and returns what it printed.
fn run_bash(script: &str) -> Vec<u8> {
    let mut child = Command::new("bash")
        .arg("-s")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash is not installed: install it to run the quoting checks");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "bash failed: {}\n{script}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Prints every value as bash sees it, NUL-separated, in one bash process.
fn through_bash(values: &[String]) -> Vec<String> {
    let mut script = String::from("set -u\n");
    for value in values {
        script += &format!("printf '%s\\0' {}\n", quote::bash(value));
    }
    let out = run_bash(&script);
    let mut parts: Vec<String> = out
        .split(|b| *b == 0)
        .map(|p| String::from_utf8(p.to_vec()).unwrap())
        .collect();
    assert_eq!(parts.pop().as_deref(), Some(""), "output ends with a NUL");
    parts
}

/// The one string literal of `$x = <literal>`, decoded; fails on parse errors or extra nodes.
fn through_powershell(literal: &str) -> Result<String, String> {
    let source = format!("$x = {literal}\n");
    let tree = parse_powershell(&source);
    let problems = syntax_problems(&tree, &source);
    if !problems.is_empty() {
        return Err(format!("{problems:?}"));
    }
    let strings: Vec<_> = nodes(&tree)
        .into_iter()
        .filter(|n| n.kind() == "string_literal")
        .collect();
    if strings.len() != 1 || node_text(strings[0], &source) != literal {
        return Err(format!(
            "not one literal: {:?}",
            strings
                .iter()
                .map(|n| node_text(*n, &source))
                .collect::<Vec<_>>()
        ));
    }
    // tree-sitter's grammar knows only the ASCII quote; PowerShell also ends a verbatim
    // string at U+2018..U+201B, so decode by PowerShell's own rule as well.
    powershell_verbatim(literal)
        .ok_or_else(|| format!("PowerShell would end the string early: {literal}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// quote::bash: bash prints back exactly the value (32 values per bash run).
    #[test]
    fn bash_quoting_round_trips(values in proptest::collection::vec(text(), 32)) {
        prop_assert_eq!(through_bash(&values), values);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn powershell_quoting_round_trips(value in text()) {
        let literal = quote::powershell(&value);
        prop_assert_eq!(through_powershell(&literal), Ok(value.clone()));
        // In a bash-style array too: each element one literal.
        let array = quote::powershell_array(&[value.clone(), value.clone()]);
        let source = format!("$x = {array}\n");
        let tree = parse_powershell(&source);
        prop_assert!(syntax_problems(&tree, &source).is_empty(), "{}", source);
        let decoded: Vec<Option<String>> = nodes(&tree)
            .into_iter()
            .filter(|n| n.kind() == "string_literal")
            .map(|n| powershell_verbatim(node_text(n, &source)))
            .collect();
        prop_assert_eq!(decoded, vec![Some(value.clone()), Some(value)]);
    }

    /// comment() leaves no line break of any kind, so nothing escapes a `#` comment.
    #[test]
    fn comments_hold_no_line_break(value in text()) {
        let comment = quote::comment(&value);
        for c in comment.chars() {
            prop_assert!(
                !matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'),
                "{:?} kept {:?}", value, c
            );
        }
        // A statement follows the comment: it must still be a statement, not comment text.
        for newline in ["\n", "\r\n"] {
            let source = format!("# {comment}{newline}x=1{newline}");
            let bash = parse_bash(&source);
            let kinds: Vec<&str> = nodes(&bash).iter().filter(|n| n.is_named()).map(|n| n.kind()).collect();
            prop_assert_eq!(&kinds[..3], &["program", "comment", "variable_assignment"], "{:?}", source);
            let source = format!("# {comment}{newline}$x = 1{newline}");
            let ps = parse_powershell(&source);
            prop_assert!(syntax_problems(&ps, &source).is_empty(), "{:?}", source);
            let comments: Vec<_> = nodes(&ps).into_iter().filter(|n| n.kind() == "comment").collect();
            prop_assert_eq!(comments.len(), 1);
            let expected = format!("# {comment}");
            prop_assert_eq!(node_text(comments[0], &source).trim_end(), expected.trim_end());
            prop_assert!(nodes(&ps).iter().any(|n| n.kind() == "assignment_expression"));
        }
    }

    /// url_path() leaves only RFC 3986 path characters and `%XX`, and decoding gives the text
    /// back byte for byte.
    #[test]
    fn url_paths_keep_path_characters_and_decode_back(value in text()) {
        let path = quote::url_path(&value);
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@%".contains(&b);
        prop_assert!(path.bytes().all(allowed), "{:?} gave {:?}", value, path);
        let mut decoded = Vec::new();
        let mut bytes = path.bytes();
        while let Some(b) = bytes.next() {
            if b == b'%' {
                let hex: String = bytes.by_ref().take(2).map(char::from).collect();
                prop_assert!(hex.bytes().all(|h| h.is_ascii_digit() || (b'A'..=b'F').contains(&h)));
                decoded.push(u8::from_str_radix(&hex, 16).expect("two hex digits"));
            } else {
                decoded.push(b);
            }
        }
        prop_assert_eq!(decoded, value.as_bytes());
    }
}

/// A valid resource group name: Unicode letters, digits, `_ - . ( )`, not ending with `.`.
fn resource_group() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        proptest::sample::select(vec![
            'a', 'Z', '0', '_', '-', '.', '(', ')', 'é', 'Ü', 'ß', '東', 'ж', 'Ω', 'ǅ', 'ﬁ'
        ]),
        any::<char>().prop_filter("a letter or digit", |c| c.is_alphanumeric()),
    ];
    proptest::collection::vec(chars, 1..40)
        .prop_map(|c| c.into_iter().collect::<String>())
        .prop_filter("not ending with a period", |s| !s.ends_with('.'))
}

/// The value of a `NAME=…` (bash) line, as bash sees it.
fn bash_assignment_values(script: &str, names: &[&str]) -> Vec<(String, String)> {
    let lines: Vec<&str> = script
        .lines()
        .filter(|l| names.iter().any(|n| l.starts_with(&format!("{n}="))))
        .collect();
    let mut program = String::from("set -u\n");
    for line in &lines {
        let name = line.split('=').next().unwrap();
        program += &format!("{line}\nprintf '%s\\0' \"${name}\"\n");
    }
    let out = run_bash(&program);
    lines
        .iter()
        .map(|l| l.split('=').next().unwrap().to_owned())
        .zip(
            out.split(|b| *b == 0)
                .map(|p| String::from_utf8(p.to_vec()).unwrap()),
        )
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    /// A resource group name (the free-text field that allows Unicode letters and parentheses)
    /// reaches every script as one literal, for the target and for a subnet typed by parts.
    #[test]
    fn resource_group_reaches_every_script_intact(rg in resource_group()) {
        let mut draft = fixtures().into_iter().find(|(n, _)| n == "speech-two-office-ranges").unwrap().1;
        draft.target.resource_group = rg.clone();
        draft.network.vnet_rules = vec![VnetRuleDraft {
            input: SubnetInput::Parts,
            resource_group: rg.clone(),
            vnet: "vnet-a".into(),
            subnet: "snet-a".into(),
            ..VnetRuleDraft::default()
        }];

        let bash = render_draft(&draft, OutputTarget::AzBash);
        prop_assert!(syntax_problems(&parse_bash(&bash), &bash).is_empty());
        let subnet_id = format!(
            "/subscriptions/6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/vnet-a/subnets/snet-a"
        );
        for (name, value) in bash_assignment_values(&bash, &["RESOURCE_GROUP", "subnet_id"]) {
            let expected = if name == "RESOURCE_GROUP" { &rg } else { &subnet_id };
            prop_assert_eq!(&value, expected);
        }

        for target in [OutputTarget::PowerShell, OutputTarget::AzPowerShell] {
            let script = render_draft(&draft, target);
            let tree = parse_powershell(&script);
            prop_assert!(syntax_problems(&tree, &script).is_empty(), "{}", script);
            let line = script.lines().find(|l| l.starts_with("$ResourceGroup = ")).unwrap();
            let literal = line.trim_start_matches("$ResourceGroup = ");
            prop_assert_eq!(through_powershell(literal), Ok(rg.clone()));
        }
    }
}

/// The broken forms the checks above must catch: a bare single quote, an undoubled
/// typographic quote, a newline in a comment.
#[test]
fn the_checks_catch_broken_quoting() {
    assert!(through_powershell("'it's'").is_err());
    assert!(
        through_powershell("'it\u{2019}s'").is_err(),
        "an undoubled U+2019 ends a PowerShell string"
    );
    assert_eq!(
        through_powershell("'it\u{2019}\u{2019}s'"),
        Ok("it\u{2019}s".to_owned())
    );
    let out = run_bash("printf '%s\\0' 'a'\\''b'\n");
    assert_eq!(out, b"a'b\0");
}

#[test]
fn html_options_escape_values_and_texts_and_mark_the_selected_one() {
    let html = quote::html_options(
        [("a\"b", "Tom & Jerry <3>"), ("plain", "Plain"), ("", "")],
        "plain",
    );
    assert_eq!(
        html,
        "<option value=\"a&quot;b\">Tom &amp; Jerry &lt;3&gt;</option>\
         <option value=\"plain\" selected>Plain</option>\
         <option value=\"\"></option>"
    );
    assert_eq!(quote::html_options([], "x"), "");
}

proptest! {
    /// Whatever a value or a text holds, it cannot end its attribute or open an element.
    #[test]
    fn html_options_never_let_markup_through(value in "\\PC*", text in "\\PC*") {
        // Not selected: "\PC" never makes a control character.
        let html = quote::html_options([(value.as_str(), text.as_str())], "\u{1}");
        let inner = html
            .strip_prefix("<option value=\"")
            .and_then(|rest| rest.strip_suffix("</option>"))
            .expect("one option element");
        let (escaped_value, escaped_text) = inner.split_once("\">").expect("one attribute");
        for part in [escaped_value, escaped_text] {
            prop_assert!(!part.contains(['"', '<', '>']), "{part:?}");
        }
        let unescape = |s: &str| s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        prop_assert_eq!(unescape(escaped_value), value);
        prop_assert_eq!(unescape(escaped_text), text);
    }
}
