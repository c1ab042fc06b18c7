//! The real Azure CLI judges every az command line of every generated bash and az-in-PowerShell
//! script: the `azure-cli` package's own command table, argument parser and argument
//! validators (tests/az_cli_judge/judge.py), in the virtual environment that
//! `scripts/ensure-tools.sh test` creates. Nothing calls Azure: only the command's handler is
//! replaced.
//!
//! The command lines come from the parse trees (tree-sitter-bash, tree-sitter-powershell), every
//! branch included. Values are the rendered ones: a variable assigned a literal takes that
//! literal; a value only known at run time (a command's output) becomes a placeholder; a
//! function's parameters take the values of each of its call sites (Invoke-ArmRequest).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use serde_json::{json, Value};
use tree_sitter::Node;

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{
    corpus_of, node_text, nodes, parse_bash, parse_powershell, powershell_verbatim,
};

/// One az command line: where it is and its words after `az`.
#[derive(Clone, Debug)]
pub struct AzCall {
    pub line: usize,
    pub argv: Vec<String>,
}

fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

/// What a run-time value stands for. JSON bodies get an empty object; anything else a word.
fn placeholder(name: &str) -> String {
    match name {
        "body" | "desired_acls" | "Payload" | "payload" => "{}".to_owned(),
        _ => format!("placeholder-{name}"),
    }
}

// ---- bash ----

/// Variables and arrays assigned in a bash script, each assignment with its position.
struct BashValues<'t> {
    scalars: Vec<(usize, String, Node<'t>)>,
    /// Array assignments; the flag tells `+=` (appends) from `=` (starts over).
    arrays: Vec<(usize, String, Node<'t>, bool)>,
}

impl<'t> BashValues<'t> {
    fn collect(tree: &'t tree_sitter::Tree, text: &str) -> BashValues<'t> {
        let mut scalars = Vec::new();
        let mut arrays = Vec::new();
        for node in nodes(tree) {
            if node.kind() != "variable_assignment" {
                continue;
            }
            let (Some(name), Some(value)) = (
                node.child_by_field_name("name"),
                node.child_by_field_name("value"),
            ) else {
                continue;
            };
            let name = node_text(name, text).to_owned();
            if value.kind() == "array" {
                let appends = children(node).iter().any(|c| c.kind() == "+=");
                arrays.push((node.start_byte(), name, value, appends));
            } else {
                scalars.push((node.start_byte(), name, value));
            }
        }
        BashValues { scalars, arrays }
    }

    /// The value of `$name` at `position`: its last assignment before it, when that is
    /// known from the text; a placeholder otherwise.
    fn scalar(&self, name: &str, position: usize, text: &str) -> String {
        let last = self
            .scalars
            .iter()
            .rev()
            .find(|(at, n, _)| n == name && *at < position);
        match last {
            Some((at, _, value)) => self
                .words(*value, *at, text)
                .map(|w| w.join(" "))
                .unwrap_or_else(|| placeholder(name)),
            None => placeholder(name),
        }
    }

    /// The elements of array `name` at `position`: its last `=(…)` and the `+=(…)` after it.
    fn array(&self, name: &str, position: usize, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (at, _, value, appends) in self
            .arrays
            .iter()
            .filter(|(at, n, _, _)| n == name && *at < position)
        {
            if !appends {
                out.clear();
            }
            for element in children(*value).into_iter().filter(|c| c.is_named()) {
                out.extend(
                    self.words(element, *at, text)
                        .unwrap_or_else(|| vec![placeholder(name)]),
                );
            }
        }
        out
    }

    /// The words one argument node expands to, or None when only a run would know.
    fn words(&self, node: Node<'_>, position: usize, text: &str) -> Option<Vec<String>> {
        let raw = node_text(node, text);
        Some(match node.kind() {
            "word" | "number" => vec![raw.to_owned()],
            "raw_string" => vec![raw[1..raw.len() - 1].to_owned()],
            "simple_expansion" | "expansion" => self.expansion(node, position, text),
            "string" => {
                let mut value = String::new();
                for part in children(node).into_iter().filter(|c| c.is_named()) {
                    match part.kind() {
                        "string_content" => value += node_text(part, text),
                        "simple_expansion" | "expansion" => {
                            value += &self.expansion(part, position, text).join(" ")
                        }
                        _ => return None,
                    }
                }
                vec![value]
            }
            "concatenation" => {
                let mut value = String::new();
                for part in children(node) {
                    value += &self.words(part, position, text)?.join(" ");
                }
                vec![value]
            }
            _ => return None,
        })
    }

    fn expansion(&self, node: Node<'_>, position: usize, text: &str) -> Vec<String> {
        let parts = children(node);
        if let Some(subscript) = parts.iter().find(|c| c.kind() == "subscript") {
            // `${name[@]}` or its guarded form `${name[@]+"${name[@]}"}`: the array's elements.
            let name = subscript
                .child_by_field_name("name")
                .map(|n| node_text(n, text))
                .unwrap_or_default();
            return self.array(name, position, text);
        }
        let name = parts
            .iter()
            .find(|c| matches!(c.kind(), "variable_name" | "special_variable_name"))
            .map(|n| node_text(*n, text))
            .unwrap_or_default();
        vec![self.scalar(name, position, text)]
    }
}

/// Every `az` command of a bash script with its words resolved.
pub fn bash_az_calls(text: &str) -> Vec<AzCall> {
    let tree = parse_bash(text);
    let values = BashValues::collect(&tree, text);
    let mut out = Vec::new();
    for node in nodes(&tree).into_iter().filter(|n| n.kind() == "command") {
        let Some(name) = node.child_by_field_name("name") else {
            continue;
        };
        if node_text(name, text) != "az" {
            continue;
        }
        let mut cursor = node.walk();
        let arguments: Vec<Node<'_>> = node
            .children_by_field_name("argument", &mut cursor)
            .collect();
        let argv = arguments
            .into_iter()
            .flat_map(|a| {
                values
                    .words(a, node.start_byte(), text)
                    .unwrap_or_else(|| vec![placeholder("value")])
            })
            .collect();
        out.push(AzCall {
            line: node.start_position().row + 1,
            argv,
        });
    }
    out
}

// ---- PowerShell ----

/// `$Name = …` assignments of a PowerShell script with their positions, and the names of the
/// arrays built for splatting (`$name = @(…)`, `$name += @(…)`).
struct PowerShellValues<'t> {
    assignments: Vec<(usize, String, Node<'t>, bool)>,
}

impl<'t> PowerShellValues<'t> {
    fn collect(tree: &'t tree_sitter::Tree, text: &str) -> PowerShellValues<'t> {
        let mut assignments = Vec::new();
        for node in nodes(tree) {
            if node.kind() != "assignment_expression" {
                continue;
            }
            let parts = children(node);
            let (Some(left), Some(operator), Some(right)) =
                (parts.first(), parts.get(1), parts.last())
            else {
                continue;
            };
            let name = node_text(*left, text).trim_start_matches('$').to_owned();
            let appends = node_text(*operator, text) == "+=";
            assignments.push((node.start_byte(), name, *right, appends));
        }
        PowerShellValues { assignments }
    }

    fn last_before(&self, name: &str, position: usize) -> Option<Node<'t>> {
        self.assignments
            .iter()
            .rev()
            .find(|(at, n, _, appends)| n.eq_ignore_ascii_case(name) && *at < position && !appends)
            .map(|(_, _, right, _)| *right)
    }

    /// The value of `$name`: a parameter binding, else a literal assignment, else a placeholder.
    fn variable(
        &self,
        name: &str,
        position: usize,
        text: &str,
        bindings: &Bindings,
    ) -> Vec<String> {
        if let Some(bound) = bindings.get(&name.to_ascii_lowercase()) {
            return vec![bound.clone()];
        }
        let Some(right) = self.last_before(name, position) else {
            return vec![placeholder(name)];
        };
        match single_value(right) {
            Some(value) => self.value(value, position, text, bindings),
            // An array (`$TagOptions = @('--tags', …)`): passed to a native program, one
            // argument per element, as PowerShell does.
            None if node_text(right, text).trim_start().starts_with("@(") => value_leaves(right)
                .into_iter()
                .flat_map(|leaf| self.value(leaf, position, text, bindings))
                .collect(),
            None => vec![placeholder(name)],
        }
    }

    /// The words of the elements of array `name` (its `=` and the `+=` after it), in order.
    /// Inside a function, an `if ($Parameter)` branch is taken only when the call passes it.
    fn array(&self, name: &str, position: usize, text: &str, bindings: &Bindings) -> Vec<String> {
        let in_function = !bindings.is_empty();
        let taken = |right: &Node<'_>| {
            !in_function
                || std::iter::successors(right.parent(), |n| n.parent())
                    .filter(|n| n.kind() == "if_statement")
                    .filter_map(|n| n.child_by_field_name("condition"))
                    .all(|condition| {
                        let parameter = node_text(condition, text).trim_start_matches('$');
                        bindings.contains_key(&parameter.to_ascii_lowercase())
                    })
        };
        let mut chosen: Vec<Node<'t>> = Vec::new();
        for (_, _, right, appends) in self
            .assignments
            .iter()
            .filter(|(at, n, _, _)| n.eq_ignore_ascii_case(name) && *at < position)
        {
            if !appends {
                chosen.clear();
            }
            if taken(right) {
                chosen.push(*right);
            }
        }
        chosen
            .iter()
            .flat_map(|right| {
                value_leaves(*right)
                    .into_iter()
                    .flat_map(|leaf| self.value(leaf, position, text, bindings))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The words of one value node: a literal, a variable, `$x.ToLowerInvariant()`, or a
    /// placeholder for anything computed at run time.
    fn value(
        &self,
        node: Node<'_>,
        position: usize,
        text: &str,
        bindings: &Bindings,
    ) -> Vec<String> {
        let raw = node_text(node, text);
        match node.kind() {
            "string_literal" | "verbatim_string_characters" | "expandable_string_literal" => {
                vec![self.string(raw, position, text, bindings)]
            }
            "variable" => self.variable(raw.trim_start_matches('$'), position, text, bindings),
            "generic_token" | "command_parameter" => vec![raw.to_owned()],
            "invokation_expression" => {
                let target = children(node).into_iter().find(|c| c.kind() == "variable");
                let lower = raw.ends_with(".ToLowerInvariant()") || raw.ends_with(".ToLower()");
                match target {
                    Some(variable) if lower => self
                        .value(variable, position, text, bindings)
                        .into_iter()
                        .map(|w| w.to_lowercase())
                        .collect(),
                    _ => vec![placeholder("value")],
                }
            }
            _ => vec![placeholder("value")],
        }
    }

    /// A string literal: verbatim as written, or expandable with `$Name` / `${Name}` resolved
    /// (and `$(…)` a placeholder).
    fn string(&self, raw: &str, position: usize, text: &str, bindings: &Bindings) -> String {
        if let Some(verbatim) = powershell_verbatim(raw) {
            return verbatim;
        }
        let inner = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(raw);
        let mut out = String::new();
        let mut rest = inner;
        while let Some(dollar) = rest.find('$') {
            out += &rest[..dollar];
            rest = &rest[dollar + 1..];
            if let Some(after) = rest.strip_prefix('(') {
                // `$(…)`: computed at run time.
                let end = after.find(')').map_or(after.len(), |e| e + 1);
                out += &placeholder("value");
                rest = &after[end.min(after.len())..];
            } else if let Some(after) = rest.strip_prefix('{') {
                let end = after.find('}').unwrap_or(after.len());
                out += &self
                    .variable(&after[..end], position, text, bindings)
                    .join(" ");
                rest = &after[(end + 1).min(after.len())..];
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if end == 0 {
                    out.push('$');
                } else {
                    out += &self
                        .variable(&rest[..end], position, text, bindings)
                        .join(" ");
                }
                rest = &rest[end..];
            }
        }
        out + rest
    }
}

type Bindings = HashMap<String, String>;

/// The innermost node that is the whole value of an expression chain (pipeline → … →
/// unary_expression → string_literal), if the expression is one plain value.
fn single_value(node: Node<'_>) -> Option<Node<'_>> {
    let mut current = node;
    loop {
        if matches!(
            current.kind(),
            "string_literal" | "variable" | "invokation_expression"
        ) {
            return Some(current);
        }
        let named: Vec<Node<'_>> = children(current)
            .into_iter()
            .filter(|c| c.is_named())
            .collect();
        match named.as_slice() {
            [only] => current = *only,
            _ => return None,
        }
    }
}

/// The value nodes of an array expression, in order: strings, variables, and method calls.
fn value_leaves(node: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if matches!(
            n.kind(),
            "string_literal" | "variable" | "invokation_expression" | "sub_expression"
        ) {
            out.push(n);
            continue;
        }
        stack.extend(children(n).into_iter().rev());
    }
    out
}

/// `-Name value` pairs of a command (parameters of a script's own function).
fn parameter_bindings<'t>(
    command: Node<'t>,
    values: &PowerShellValues<'_>,
    text: &str,
) -> Bindings {
    let elements: Vec<Node<'t>> = children(command)
        .into_iter()
        .filter(|c| c.kind() == "command_elements")
        .flat_map(children)
        .filter(|c| c.kind() != "command_argument_sep")
        .collect();
    let mut out = Bindings::new();
    for pair in elements.windows(2) {
        if pair[0].kind() == "command_parameter" {
            let name = node_text(pair[0], text)
                .trim_start_matches('-')
                .to_ascii_lowercase();
            let value = single_value(pair[1])
                .map(|v| {
                    values
                        .value(v, command.start_byte(), text, &Bindings::new())
                        .join(" ")
                })
                .unwrap_or_else(|| placeholder(&name));
            out.insert(name, value);
        }
    }
    out
}

fn command_name<'t>(command: Node<'t>, text: &str) -> Option<String> {
    children(command)
        .into_iter()
        .find(|c| matches!(c.kind(), "command_name" | "command_name_expr"))
        .map(|n| node_text(n, text).to_owned())
}

/// Every az command of a PowerShell script with its words resolved; inside one of the
/// script's functions, once per call site of that function.
pub fn powershell_az_calls(text: &str) -> Vec<AzCall> {
    let tree = parse_powershell(text);
    let values = PowerShellValues::collect(&tree, text);
    let commands: Vec<Node<'_>> = nodes(&tree)
        .into_iter()
        .filter(|n| n.kind() == "command")
        .collect();
    let mut out = Vec::new();
    for command in &commands {
        if command_name(*command, text).as_deref() != Some("az") {
            continue;
        }
        let function = std::iter::successors(command.parent(), |n| n.parent())
            .find(|n| n.kind() == "function_statement");
        let binding_sets: Vec<Bindings> = match function {
            None => vec![Bindings::new()],
            Some(function) => {
                let name = children(function)
                    .into_iter()
                    .find(|c| c.kind() == "function_name")
                    .map(|n| node_text(n, text).to_owned())
                    .unwrap_or_default();
                commands
                    .iter()
                    .filter(|c| {
                        command_name(**c, text).is_some_and(|n| n.eq_ignore_ascii_case(&name))
                    })
                    .map(|call| parameter_bindings(*call, &values, text))
                    .collect()
            }
        };
        // Redirections (`2>&1`) are not arguments.
        let elements: Vec<Node<'_>> = children(*command)
            .into_iter()
            .filter(|c| c.kind() == "command_elements")
            .flat_map(children)
            .filter(|c| c.kind() != "command_argument_sep" && !c.kind().contains("redirection"))
            .collect();
        for bindings in binding_sets {
            let mut argv = Vec::new();
            for element in &elements {
                let raw = node_text(*element, text);
                if let Some(splat) = raw
                    .strip_prefix('@')
                    .filter(|s| s.chars().all(|c| c.is_alphanumeric() || c == '_'))
                {
                    argv.extend(values.array(splat, command.start_byte(), text, &bindings));
                } else {
                    let node = single_value(*element).unwrap_or(*element);
                    argv.extend(values.value(node, command.start_byte(), text, &bindings));
                }
            }
            out.push(AzCall {
                line: command.start_position().row + 1,
                argv,
            });
        }
    }
    out
}

// ---- running the judge ----

/// The Python of the azure-cli virtual environment (see scripts/ensure-tools.sh).
fn judge_python() -> PathBuf {
    if let Some(path) = std::env::var_os("AZURE_CLI_JUDGE_PYTHON") {
        return PathBuf::from(path);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .expect("HOME is set");
    let version = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/az_cli_judge/azure-cli-version"),
    )
    .expect("tests/az_cli_judge/azure-cli-version");
    cache
        .join("ai-network-wizard")
        .join(format!("azure-cli-{}", version.trim()))
        .join("bin/python")
}

/// Runs the judge over labelled command lines; returns each verdict (label, argv, error).
pub fn judge(calls: &[(String, Vec<String>)]) -> Vec<(String, Vec<String>, Option<String>)> {
    let python = judge_python();
    assert!(
        python.exists(),
        "{} is missing: run `bash scripts/ensure-tools.sh test` (it installs azure-cli in a virtual environment)",
        python.display()
    );
    let input: Vec<Value> = calls
        .iter()
        .map(|(label, argv)| json!({ "label": label, "argv": argv }))
        .collect();
    let file = std::env::temp_dir().join(format!(
        "az-judge-{}-{}.json",
        std::process::id(),
        calls.len()
    ));
    std::fs::write(&file, Value::Array(input).to_string()).unwrap();
    let output = Command::new(&python)
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/az_cli_judge/judge.py"))
        .arg(&file)
        .output()
        .expect("the judge runs");
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "the judge itself failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts: Vec<Value> =
        serde_json::from_slice(&output.stdout).expect("the judge prints JSON");
    verdicts
        .into_iter()
        .map(|v| {
            let argv = v["argv"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_str().unwrap().to_owned())
                .collect();
            let error =
                (!v["ok"].as_bool().unwrap()).then(|| v["error"].as_str().unwrap().to_owned());
            (v["label"].as_str().unwrap().to_owned(), argv, error)
        })
        .collect()
}

fn corpus_calls() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for rendered in corpus_of(OutputTarget::AzBash) {
        for call in bash_az_calls(&rendered.text) {
            out.push((
                format!("{} line {}", rendered.label(), call.line),
                call.argv,
            ));
        }
    }
    for rendered in corpus_of(OutputTarget::AzPowerShell) {
        for call in powershell_az_calls(&rendered.text) {
            out.push((
                format!("{} line {}", rendered.label(), call.line),
                call.argv,
            ));
        }
    }
    out
}

#[test]
fn the_real_azure_cli_parser_accepts_every_generated_az_command() {
    let calls = corpus_calls();
    // Each script's calls, so a script whose extraction found nothing cannot pass unnoticed.
    for rendered in corpus_of(OutputTarget::AzBash).chain(corpus_of(OutputTarget::AzPowerShell)) {
        assert!(
            calls
                .iter()
                .any(|(label, _)| label.starts_with(&rendered.label())),
            "{}: no az command found",
            rendered.label()
        );
    }
    let verdicts = judge(&calls);
    assert_eq!(verdicts.len(), calls.len());
    let failures: Vec<String> = verdicts
        .iter()
        .filter_map(|(label, argv, error)| {
            error
                .as_ref()
                .map(|e| format!("{label}: az {}\n  {e}", argv.join(" ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "the Azure CLI refuses {} of {} command lines:\n{}",
        failures.len(),
        calls.len(),
        failures.join("\n")
    );
}

#[test]
fn the_judge_refuses_a_misspelt_option_and_a_missing_required_one() {
    let script = r#"#!/usr/bin/env bash
set -euo pipefail
ACCOUNT_NAME='contoso'
RESOURCE_GROUP='rg-contoso'
az cognitiveservices account update --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --custom-domian contoso --output none
az cognitiveservices account create --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --kind OpenAI --location westeurope --yes
az cognitiveservices account show --name "$ACCOUNT_NAME" --resource-group "$RESOURCE_GROUP" --query kind --output tsv
"#;
    let calls: Vec<(String, Vec<String>)> = bash_az_calls(script)
        .into_iter()
        .map(|c| (format!("broken line {}", c.line), c.argv))
        .collect();
    assert_eq!(
        calls[0].1[3..5],
        ["--name".to_owned(), "contoso".to_owned()],
        "values are resolved"
    );
    let verdicts = judge(&calls);
    let errors: Vec<(&str, Option<&str>)> = verdicts
        .iter()
        .map(|(label, _, error)| (label.as_str(), error.as_deref()))
        .collect();
    assert!(
        errors[0].1.is_some_and(|e| e.contains("--custom-domian")),
        "{errors:#?}"
    );
    assert!(
        errors[1].1.is_some_and(|e| e.contains("--sku")),
        "the missing --sku: {errors:#?}"
    );
    assert_eq!(errors[2], ("broken line 7", None), "a correct call passes");
}

#[test]
fn powershell_function_calls_are_expanded_per_call_site() {
    let script = r#"$SubscriptionId = 'sub'
$AccountPath = "/subscriptions/${SubscriptionId}/accounts/a?api-version=2024-10-01"
function Invoke-ArmRequest {
    param([string] $Method, [string] $Path, [string] $Payload)
    $arguments = @('rest', '--method', $Method.ToLowerInvariant(), '--url', $Path)
    if ($Payload) {
        $arguments += @('--body', "@$($bodyFile.FullName)")
    }
    & az @arguments
}
Invoke-ArmRequest -Method 'GET' -Path $AccountPath
Invoke-ArmRequest -Method 'PATCH' -Path "/x/${SubscriptionId}" -Payload $payload
"#;
    let calls: Vec<Vec<String>> = powershell_az_calls(script)
        .into_iter()
        .map(|c| c.argv)
        .collect();
    assert_eq!(
        calls,
        [
            vec![
                "rest",
                "--method",
                "get",
                "--url",
                "/subscriptions/sub/accounts/a?api-version=2024-10-01"
            ],
            vec![
                "rest",
                "--method",
                "patch",
                "--url",
                "/x/sub",
                "--body",
                "@placeholder-value"
            ],
        ]
    );
}
