//! Shared test helpers: loading the fixture corpus and rendering it.

#![allow(dead_code)]

use std::path::PathBuf;

use ai_network_wizard::core::config_file::from_config_json;
use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};

pub const TEST_DATE: &str = "2026-11-22";

/// A property test's case count: `default`, or `LONG_RUN_CASES` when set (scripts/long-runs.sh
/// runs the properties that must never panic about a million times each, outside CI).
pub fn cases(default: u32) -> u32 {
    std::env::var("LONG_RUN_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One fixture by name (`tests/fixtures/{name}.json`), parsed.
pub fn fixture(name: &str) -> Draft {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    from_config_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A complete, valid draft: an existing Speech account in West Europe, custom subdomain
/// acknowledged, default action Deny with one allowed range. Tests change one thing in it.
pub fn valid_draft() -> Draft {
    use ai_network_wizard::core::draft::{CustomDomainDraft, NetworkDraft, TargetDraft};
    Draft {
        target: TargetDraft {
            subscription_id: "6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91".into(),
            resource_group: "rg-speech-prod".into(),
            name: "contoso-speech".into(),
            region: "westeurope".into(),
            ..TargetDraft::default()
        },
        custom_domain: CustomDomainDraft {
            enabled: true,
            subdomain: "contoso-speech".into(),
            acknowledge_irreversible: true,
        },
        network: NetworkDraft {
            enabled: true,
            ip_rules: vec!["203.0.113.0/24".into()],
            ..NetworkDraft::default()
        },
        ..Draft::default()
    }
}

/// The messages of one severity at exactly this field, in order.
pub fn messages_at(
    validation: &ai_network_wizard::core::validate::Validation,
    field: &str,
    severity: ai_network_wizard::core::diagnostics::Severity,
) -> Vec<String> {
    validation
        .for_field(field)
        .filter(|d| d.severity == severity)
        .map(|d| d.message.clone())
        .collect()
}

/// Asserts that the draft is refused with exactly this one error, at this field, and no other.
pub fn assert_only_error(draft: &Draft, field: &str, message: &str) {
    let validation = ai_network_wizard::core::validate::validate(draft);
    let errors: Vec<(String, String)> = validation
        .errors()
        .map(|d| (d.field.clone(), d.message.clone()))
        .collect();
    assert_eq!(
        errors,
        vec![(field.to_owned(), message.to_owned())],
        "errors of the draft"
    );
    assert!(
        validation.config.is_none(),
        "an invalid draft must not yield a configuration"
    );
}

/// Asserts that the draft has no error (warnings and notes are allowed).
pub fn assert_no_error(draft: &Draft) -> ai_network_wizard::core::config::Config {
    let validation = ai_network_wizard::core::validate::validate(draft);
    let errors: Vec<String> = validation
        .errors()
        .map(|d| format!("{}: {}", d.field, d.message))
        .collect();
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
    validation.config.expect("no errors, so a configuration")
}

pub fn snapshots_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// Compares `actual` with `tests/snapshots/{name}` (expect-test: a failure prints the diff).
/// With `UPDATE_EXPECT=1` it (re)writes the file instead, for a person to review in the diff
/// before committing.
pub fn assert_snapshot(name: &str, actual: &str) {
    expect_test::expect_file![snapshots_dir().join(name)].assert_eq(actual);
}

/// Every `tests/fixtures/*.json`, sorted by name, parsed.
pub fn fixtures() -> Vec<(String, Draft)> {
    let mut entries: Vec<_> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    entries
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let draft = from_config_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, draft)
        })
        .collect()
}

/// Renders a valid draft to one target; panics with the diagnostics when it is invalid.
pub fn render_draft(draft: &Draft, target: OutputTarget) -> String {
    let generated = generate(draft);
    let plan = generated
        .plan
        .unwrap_or_else(|| panic!("draft is invalid: {:#?}", generated.validation.diagnostics));
    render(
        &plan,
        target,
        &RenderContext::for_draft(TEST_DATE, None, draft),
    )
}

/// One fixture rendered to one target.
pub struct Rendered {
    pub fixture: String,
    pub target: OutputTarget,
    pub text: String,
}

impl Rendered {
    /// `fixture (target)`, for assertion messages.
    pub fn label(&self) -> String {
        format!("{} ({})", self.fixture, self.target.id())
    }
}

/// Every fixture rendered to every target, once per test run.
pub fn corpus() -> &'static [Rendered] {
    static CORPUS: std::sync::OnceLock<Vec<Rendered>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut out = Vec::new();
        for (name, draft) in fixtures() {
            for target in OutputTarget::ALL {
                out.push(Rendered {
                    fixture: name.clone(),
                    target,
                    text: render_draft(&draft, target),
                });
            }
        }
        out
    })
}

/// The rendered outputs of one target.
pub fn corpus_of(target: OutputTarget) -> impl Iterator<Item = &'static Rendered> {
    corpus().iter().filter(move |r| r.target == target)
}

/// One fixture's output for one target, from the corpus.
pub fn rendered(fixture: &str, target: OutputTarget) -> &'static Rendered {
    corpus()
        .iter()
        .find(|r| r.fixture == fixture && r.target == target)
        .unwrap_or_else(|| panic!("no {fixture} ({}) in the corpus", target.id()))
}

/// The two PowerShell targets (Az module script and Azure CLI in PowerShell).
pub fn powershell_corpus() -> impl Iterator<Item = &'static Rendered> {
    corpus().iter().filter(|r| {
        matches!(
            r.target,
            OutputTarget::PowerShell | OutputTarget::AzPowerShell
        )
    })
}

// ---- wizard-cli ----

/// Runs the `wizard-cli` binary from the repository's root (fixture paths are relative to it).
pub fn wizard_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wizard-cli"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("wizard-cli runs")
}

/// What a command printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

// ---- tree-sitter ----

pub fn parse_bash(text: &str) -> tree_sitter::Tree {
    parse(text, tree_sitter_bash::LANGUAGE.into())
}

pub fn parse_powershell(text: &str) -> tree_sitter::Tree {
    parse(text, tree_sitter_powershell::LANGUAGE.into())
}

fn parse(text: &str, language: tree_sitter::Language) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&language)
        .expect("grammar version matches the tree-sitter crate");
    parser.parse(text, None).expect("the parser returns a tree")
}

/// Every node of a tree, depth first.
pub fn nodes(tree: &tree_sitter::Tree) -> Vec<tree_sitter::Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        out.push(node);
        let mut cursor = node.walk();
        let children: Vec<_> = node.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// ERROR and MISSING nodes, described with their line and text.
pub fn syntax_problems(tree: &tree_sitter::Tree, text: &str) -> Vec<String> {
    nodes(tree)
        .into_iter()
        .filter(|n| n.is_error() || n.is_missing())
        .map(|n| {
            let snippet: String = text[n.byte_range()].chars().take(80).collect();
            format!(
                "{} at line {}: {snippet:?}",
                if n.is_missing() {
                    format!("MISSING {}", n.kind())
                } else {
                    "ERROR".to_owned()
                },
                n.start_position().row + 1
            )
        })
        .collect()
}

pub fn node_text<'a>(node: tree_sitter::Node<'_>, text: &'a str) -> &'a str {
    &text[node.byte_range()]
}

/// One command invocation found in a script: the program (`az` or a cmdlet) and its words,
/// quotes removed from literal words, splatted arguments expanded.
#[derive(Clone, Debug)]
pub struct Invocation {
    pub program: String,
    pub words: Vec<String>,
    /// 1-based line of the command, for messages.
    pub line: usize,
}

impl Invocation {
    /// For `az`: the command path (`network vnet subnet update`), the words before the first
    /// option. Empty for cmdlets.
    pub fn az_path(&self) -> String {
        self.words
            .iter()
            .take_while(|w| !w.starts_with('-'))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Option names as written (`--ids`, `-Name`).
    pub fn options(&self) -> Vec<&str> {
        self.words
            .iter()
            .filter(|w| w.starts_with('-') && w.len() > 1)
            .map(String::as_str)
            .collect()
    }

    pub fn describe(&self) -> String {
        format!(
            "line {}: {} {}",
            self.line,
            self.program,
            self.words.join(" ")
        )
    }
}

/// Removes bash quoting from a simple word (raw strings, plain words).
fn bash_word(node: tree_sitter::Node<'_>, text: &str) -> String {
    let raw = node_text(node, text);
    match node.kind() {
        "raw_string" => raw[1..raw.len() - 1].to_owned(),
        _ => raw.to_owned(),
    }
}

/// Every `az` command of a bash script, from the parse tree (line continuations are
/// whitespace to the parser, so a command split over lines is one node).
pub fn bash_invocations(text: &str) -> Vec<Invocation> {
    let tree = parse_bash(text);
    let mut out = Vec::new();
    for node in nodes(&tree).into_iter().filter(|n| n.kind() == "command") {
        let Some(name) = node.child_by_field_name("name") else {
            continue;
        };
        let program = node_text(name, text).to_owned();
        if program != "az" {
            continue;
        }
        let mut cursor = node.walk();
        let words = node
            .children_by_field_name("argument", &mut cursor)
            .map(|a| bash_word(a, text))
            .collect();
        out.push(Invocation {
            program,
            words,
            line: node.start_position().row + 1,
        });
    }
    out
}

/// Whether a PowerShell command name is an Az module cmdlet (`Verb-AzNoun`).
pub fn is_az_cmdlet(name: &str) -> bool {
    name.split_once('-').is_some_and(|(verb, noun)| {
        verb.chars().all(|c| c.is_ascii_alphabetic())
            && noun.starts_with("Az")
            && noun[2..].starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// Decodes a PowerShell verbatim string literal (`'…'`, quote-like characters doubled).
pub fn powershell_verbatim(literal: &str) -> Option<String> {
    const QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
    let inner = literal.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if QUOTES.contains(&c) {
            // PowerShell's tokenizer: a quote-like character ends the string unless another
            // quote-like character follows, which makes the pair one literal quote.
            match chars.next() {
                Some(next) if QUOTES.contains(&next) => out.push(next),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The verbatim string literals of an array assigned (`=` or `+=`) to `$name`, in order.
fn powershell_array_words(tree: &tree_sitter::Tree, text: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for node in nodes(tree)
        .into_iter()
        .filter(|n| n.kind() == "assignment_expression")
    {
        let Some(left) = node.child(0) else { continue };
        if !node_text(left, text).eq_ignore_ascii_case(&format!("${name}")) {
            continue;
        }
        for inner in nodes_below(node) {
            if inner.kind() == "string_literal" {
                if let Some(word) = powershell_verbatim(node_text(inner, text)) {
                    out.push(word);
                }
            }
        }
    }
    out
}

/// The keys of a hashtable assigned to `$name` (`$name = @{ Key = … }`) plus keys added later
/// with `$name.Key = …`.
fn powershell_hash_keys(tree: &tree_sitter::Tree, text: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for node in nodes(tree)
        .into_iter()
        .filter(|n| n.kind() == "assignment_expression")
    {
        let Some(left) = node.child(0) else { continue };
        let left_text = node_text(left, text);
        if left_text.eq_ignore_ascii_case(&format!("${name}")) {
            for inner in nodes_below(node) {
                if inner.kind() == "key_expression" {
                    out.push(node_text(inner, text).to_owned());
                }
            }
        } else if let Some(member) = left_text.strip_prefix(&format!("${name}.")) {
            out.push(member.to_owned());
        }
    }
    out
}

fn nodes_below(node: tree_sitter::Node<'_>) -> Vec<tree_sitter::Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        out.push(n);
        let mut cursor = n.walk();
        let children: Vec<_> = n.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// Every invocation of `az` or an Az cmdlet in a PowerShell script. Splatted variables are
/// expanded: a hashtable (`@newAccount`) contributes `-Key` for each key, an array
/// (`@createArguments`) its literal words.
pub fn powershell_invocations(text: &str) -> Vec<Invocation> {
    let tree = parse_powershell(text);
    // Functions the script defines itself (Assert-AzSucceeded) are not Az cmdlets.
    let own_functions: Vec<String> = nodes(&tree)
        .into_iter()
        .filter(|n| n.kind() == "function_name")
        .map(|n| node_text(n, text).to_ascii_lowercase())
        .collect();
    let mut out = Vec::new();
    for node in nodes(&tree).into_iter().filter(|n| n.kind() == "command") {
        let mut cursor = node.walk();
        let children: Vec<_> = node.children(&mut cursor).collect();
        // `az …` has a command_name; `& az …` a command_name_expr.
        let Some(name) = children
            .iter()
            .find(|c| matches!(c.kind(), "command_name" | "command_name_expr"))
        else {
            continue;
        };
        let program = node_text(*name, text).to_owned();
        let is_own_function = own_functions.contains(&program.to_ascii_lowercase());
        let checked = program == "az" || (is_az_cmdlet(&program) && !is_own_function);
        if !checked {
            continue;
        }
        let mut words = Vec::new();
        if let Some(elements) = children.iter().find(|c| c.kind() == "command_elements") {
            let mut cursor = elements.walk();
            for element in elements.children(&mut cursor) {
                let element_text = node_text(element, text);
                match element.kind() {
                    "command_argument_sep" => {}
                    "command_parameter" | "generic_token" => words.push(element_text.to_owned()),
                    _ => {
                        if let Some(splat) = element_text
                            .strip_prefix('@')
                            .filter(|s| s.chars().all(|c| c.is_alphanumeric() || c == '_'))
                        {
                            let keys = powershell_hash_keys(&tree, text, splat);
                            if keys.is_empty() {
                                words.extend(powershell_array_words(&tree, text, splat));
                            } else {
                                words.extend(keys.into_iter().map(|k| format!("-{k}")));
                            }
                        } else if let Some(literal) = powershell_verbatim(element_text) {
                            words.push(literal);
                        } else {
                            words.push(element_text.to_owned());
                        }
                    }
                }
            }
        }
        out.push(Invocation {
            program,
            words,
            line: node.start_position().row + 1,
        });
    }
    out
}

/// The leading comment of an `.http` block as one line of text (wrapped lines joined).
pub fn http_block_comment(block: &str) -> String {
    block
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ")
}
