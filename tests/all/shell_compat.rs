//! The generated scripts must run on bash 3.2 (macOS) and Windows PowerShell 5.1. No such shell
//! is installed here, so this module lists the constructs those versions lack, each with the
//! version that introduced it, and looks for them in the tree-sitter parse trees of every
//! generated script (node kinds and their children, not regular expressions over the text).
//!
//! What this cannot see: behaviour that differs without a different construct (a builtin's
//! output format, a cmdlet's type conversions, how Windows PowerShell decodes a native
//! program's output). Those are handled in the renderers and named in docs/testing.md.

use tree_sitter::Node;

use ai_network_wizard::core::render::OutputTarget;

use crate::support::{
    corpus_of, node_text, nodes, parse_bash, parse_powershell, powershell_corpus,
};

/// One construct found where the oldest supported shell lacks it.
#[derive(Debug, PartialEq, Eq)]
pub struct Finding {
    pub construct: &'static str,
    /// The first shell version that has it, e.g. `bash 4.0`.
    pub since: &'static str,
    pub line: usize,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {} (needs {})",
            self.line, self.construct, self.since
        )
    }
}

fn line_of(node: Node<'_>) -> usize {
    node.start_position().row + 1
}

fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

fn has_token_child(node: Node<'_>, kinds: &[&str]) -> bool {
    children(node)
        .iter()
        .any(|c| !c.is_named() && kinds.contains(&c.kind()))
}

// ---- bash ----

/// `shopt` options that bash 3.2 does not know, with the version that added each.
const BASH_SHOPT_OPTIONS: &[(&str, &str)] = &[
    ("autocd", "bash 4.0"),
    ("checkjobs", "bash 4.0"),
    ("dirspell", "bash 4.0"),
    ("globstar", "bash 4.0"),
    ("lastpipe", "bash 4.2"),
    ("direxpand", "bash 4.3"),
    ("globasciiranges", "bash 4.3"),
    ("inherit_errexit", "bash 4.4"),
    ("assoc_expand_once", "bash 5.0"),
    ("localvar_inherit", "bash 5.0"),
    ("localvar_unset", "bash 5.0"),
    ("progcomp_alias", "bash 5.0"),
    ("noexpand_translation", "bash 5.2"),
    ("patsub_replacement", "bash 5.2"),
    ("varredir_close", "bash 5.2"),
];

/// `declare`/`local`/`typeset` attributes that bash 3.2 does not know.
const BASH_DECLARE_FLAGS: &[(char, &str, &str)] = &[
    ('A', "associative array (declare -A)", "bash 4.0"),
    ('l', "lower-case attribute (declare -l)", "bash 4.0"),
    ('u', "upper-case attribute (declare -u)", "bash 4.0"),
    (
        'g',
        "global declaration in a function (declare -g)",
        "bash 4.2",
    ),
    ('n', "name reference (declare -n)", "bash 4.3"),
];

/// Builtins (or options of builtins) that bash 3.2 does not have.
const BASH_COMMANDS: &[(&str, Option<&str>, &str, &str)] = &[
    ("mapfile", None, "mapfile", "bash 4.0"),
    ("readarray", None, "readarray", "bash 4.0"),
    ("coproc", None, "coproc", "bash 4.0"),
    ("read", Some("-i"), "read -i (default text)", "bash 4.0"),
    (
        "read",
        Some("-N"),
        "read -N (exact character count)",
        "bash 4.1",
    ),
    ("wait", Some("-n"), "wait -n", "bash 4.3"),
    (
        "test",
        Some("-v"),
        "test -v (is the variable set)",
        "bash 4.2",
    ),
    ("[", Some("-v"), "[ -v ] (is the variable set)", "bash 4.2"),
];

/// Variables bash 3.2 does not set: under `set -u` reading one stops the script.
const BASH_VARIABLES: &[(&str, &str)] = &[
    ("BASHPID", "bash 4.0"),
    ("BASH_ARGV0", "bash 5.0"),
    ("EPOCHSECONDS", "bash 5.0"),
    ("EPOCHREALTIME", "bash 5.0"),
    ("SRANDOM", "bash 5.1"),
];

/// Whether `expansion` is `${name[@]}` or `${name[*]}`; returns the array name.
fn whole_array_expansion<'a>(expansion: Node<'_>, text: &'a str) -> Option<&'a str> {
    let subscript = children(expansion)
        .into_iter()
        .find(|c| c.kind() == "subscript")?;
    let index = subscript.child_by_field_name("index")?;
    if !matches!(node_text(index, text), "@" | "*") {
        return None;
    }
    let name = subscript.child_by_field_name("name")?;
    Some(node_text(name, text))
}

/// `${name[@]+…}`, the guard that expands nothing for an empty (or unset) array on every bash.
fn guards_array(expansion: Node<'_>, text: &str, array: &str) -> bool {
    whole_array_expansion(expansion, text) == Some(array)
        && has_token_child(expansion, &["+", ":+"])
}

/// Every construct bash 3.2 lacks in a bash script.
pub fn bash_findings(script: &str) -> Vec<Finding> {
    let tree = parse_bash(script);
    let mut out = Vec::new();
    let mut found = |construct, since, node: Node<'_>| {
        out.push(Finding {
            construct,
            since,
            line: line_of(node),
        })
    };
    for node in nodes(&tree) {
        match node.kind() {
            "expansion" => {
                if has_token_child(node, &[",", ",,", "^", "^^"]) {
                    found("case modification (${var,,} / ${var^^})", "bash 4.0", node);
                }
                // `${var@Q}`: an `@` operator directly in the expansion (not in a subscript).
                if has_token_child(node, &["@"]) {
                    found("parameter transformation (${var@Q})", "bash 4.4", node);
                }
                let is_length = has_token_child(node, &["#"]);
                if let Some(array) = whole_array_expansion(node, script) {
                    let has_operator = children(node)
                        .iter()
                        .any(|c| !c.is_named() && !matches!(c.kind(), "${" | "}"));
                    let guarded =
                        std::iter::successors(node.parent(), |n| n.parent()).any(|ancestor| {
                            ancestor.kind() == "expansion" && guards_array(ancestor, script, array)
                        });
                    if !is_length && !has_operator && !guarded {
                        found(
                            "\"${array[@]}\" of a possibly empty array under set -u (unbound before 4.4; write ${array[@]+\"${array[@]}\"})",
                            "bash 4.4",
                            node,
                        );
                    }
                }
            }
            "subscript" => {
                let negative = node.child_by_field_name("index").is_some_and(|i| {
                    i.kind() == "unary_expression" && node_text(i, script).starts_with('-')
                });
                if negative {
                    found("negative array subscript (${a[-1]})", "bash 4.3", node);
                }
            }
            "declaration_command" => {
                for child in children(node) {
                    let word = node_text(child, script);
                    if child.kind() == "word" && word.starts_with('-') {
                        for &(flag, construct, since) in BASH_DECLARE_FLAGS {
                            if word[1..].contains(flag) {
                                found(construct, since, node);
                            }
                        }
                    }
                }
            }
            "command" => {
                let Some(name) = node.child_by_field_name("name") else {
                    continue;
                };
                let name = node_text(name, script);
                let mut cursor = node.walk();
                let arguments: Vec<&str> = node
                    .children_by_field_name("argument", &mut cursor)
                    .map(|a| node_text(a, script))
                    .collect();
                for &(command, option, construct, since) in BASH_COMMANDS {
                    if name == command && option.is_none_or(|o| arguments.contains(&o)) {
                        found(construct, since, node);
                    }
                }
                if name == "shopt" {
                    for &(option, since) in BASH_SHOPT_OPTIONS {
                        if arguments.contains(&option) {
                            found("a shopt option bash 3.2 does not have", since, node);
                        }
                    }
                }
                if name == "printf" && arguments.iter().any(|a| a.contains("%(")) {
                    found("printf %(format)T", "bash 4.2", node);
                }
            }
            "test_operator" if node_text(node, script) == "-v" => {
                found("[[ -v ]] (is the variable set)", "bash 4.2", node);
            }
            "variable_name" => {
                let name = node_text(node, script);
                if let Some(&(_, since)) = BASH_VARIABLES.iter().find(|(v, _)| *v == name) {
                    let read = node
                        .parent()
                        .is_some_and(|p| matches!(p.kind(), "simple_expansion" | "expansion"));
                    if read {
                        found("a variable bash 3.2 does not set", since, node);
                    }
                }
            }
            // Before 4.0 the first `)` closed a `$(…)`, so a case pattern without its optional
            // opening `(` ends the substitution early.
            "case_item"
                if std::iter::successors(node.parent(), |n| n.parent())
                    .any(|n| n.kind() == "command_substitution")
                    && node.child(0).is_some_and(|c| c.kind() != "(") =>
            {
                found(
                    "case pattern without its opening ( inside $(…)",
                    "bash 4.0",
                    node,
                );
            }
            ";&" | ";;&" => found("case fall-through (;& / ;;&)", "bash 4.0", node),
            "|&" => found("pipe with stderr (|&)", "bash 4.0", node),
            "&>>" => found("append stdout and stderr (&>>)", "bash 4.0", node),
            _ => {}
        }
    }
    out
}

// ---- PowerShell ----

/// Cmdlets Windows PowerShell 5.1 does not have.
const POWERSHELL_CMDLETS: &[(&str, &str)] = &[
    ("Get-Uptime", "PowerShell 6.0"),
    ("Remove-Alias", "PowerShell 6.0"),
    ("Remove-Service", "PowerShell 6.0"),
    ("Test-Json", "PowerShell 6.1"),
    ("ConvertFrom-Markdown", "PowerShell 6.1"),
    ("Show-Markdown", "PowerShell 6.1"),
    ("Join-String", "PowerShell 6.2"),
    ("Get-Error", "PowerShell 7.0"),
    ("Start-ThreadJob", "PowerShell 7.0"),
];

/// Parameters Windows PowerShell 5.1's cmdlets do not have.
const POWERSHELL_PARAMETERS: &[(&[&str], &str, &str)] = &[
    (&["ConvertFrom-Json"], "AsHashtable", "PowerShell 6.0"),
    (&["ConvertFrom-Json"], "Depth", "PowerShell 6.2"),
    (&["ConvertFrom-Json"], "NoEnumerate", "PowerShell 7.0"),
    (&["ConvertTo-Json"], "AsArray", "PowerShell 6.2"),
    (&["ConvertTo-Json"], "EscapeHandling", "PowerShell 6.2"),
    (&["ForEach-Object"], "Parallel", "PowerShell 7.0"),
    (
        &["Invoke-RestMethod", "Invoke-WebRequest"],
        "SkipCertificateCheck",
        "PowerShell 6.0",
    ),
    (
        &["Invoke-RestMethod", "Invoke-WebRequest"],
        "Authentication",
        "PowerShell 6.0",
    ),
    (
        &["Invoke-RestMethod", "Invoke-WebRequest"],
        "ResponseHeadersVariable",
        "PowerShell 6.0",
    ),
    (
        &["Invoke-RestMethod", "Invoke-WebRequest"],
        "SkipHttpErrorCheck",
        "PowerShell 7.0",
    ),
    (
        &["Invoke-RestMethod"],
        "StatusCodeVariable",
        "PowerShell 7.0",
    ),
    (
        &["Get-Content", "Set-Content", "Add-Content"],
        "AsByteStream",
        "PowerShell 6.0",
    ),
    (&["Select-String"], "Raw", "PowerShell 7.0"),
    (&["Split-Path"], "LeafBase", "PowerShell 6.0"),
    (&["Split-Path"], "Extension", "PowerShell 6.0"),
    (&["Get-Date"], "AsUTC", "PowerShell 7.1"),
    (&["Get-Date"], "UnixTimeSeconds", "PowerShell 7.1"),
    (
        &["ConvertFrom-SecureString"],
        "AsPlainText",
        "PowerShell 7.0",
    ),
];

/// Automatic variables Windows PowerShell 5.1 does not set (they read as `$null` there).
const POWERSHELL_VARIABLES: &[(&str, &str)] = &[
    ("$IsWindows", "PowerShell 6.0"),
    ("$IsLinux", "PowerShell 6.0"),
    ("$IsMacOS", "PowerShell 6.0"),
    ("$IsCoreCLR", "PowerShell 6.0"),
];

/// `-Name` written for parameter `full`: PowerShell accepts a case-insensitive prefix.
fn names_parameter(written: &str, full: &str) -> bool {
    let Some(name) = written.strip_prefix('-') else {
        return false;
    };
    let name = name.trim_end_matches(':');
    name.len() >= 2 && full.len() >= name.len() && full[..name.len()].eq_ignore_ascii_case(name)
}

/// The words of a PowerShell command: its name and its elements, separators left out.
fn command_parts<'t>(command: Node<'t>) -> (Option<Node<'t>>, Vec<Node<'t>>) {
    let parts = children(command);
    let name = parts
        .iter()
        .copied()
        .find(|c| matches!(c.kind(), "command_name" | "command_name_expr"));
    let elements = parts
        .iter()
        .find(|c| c.kind() == "command_elements")
        .map(|e| {
            children(*e)
                .into_iter()
                .filter(|c| c.kind() != "command_argument_sep")
                .collect()
        })
        .unwrap_or_default();
    (name, elements)
}

/// The string a literal node stands for, when it is a plain quoted or bare literal.
fn powershell_literal(node: Node<'_>, text: &str) -> Option<String> {
    let raw = node_text(node, text);
    crate::support::powershell_verbatim(raw).or_else(|| {
        let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
        Some(inner.to_owned())
    })
}

/// Every construct Windows PowerShell 5.1 lacks in a PowerShell script.
pub fn powershell_findings(script: &str) -> Vec<Finding> {
    let tree = parse_powershell(script);
    let splatted_into_az = splatted_into_az(&tree, script);
    let mut out = Vec::new();
    let mut found = |construct, since, node: Node<'_>| {
        out.push(Finding {
            construct,
            since,
            line: line_of(node),
        })
    };
    for node in nodes(&tree) {
        match node.kind() {
            "pipeline_chain_tail" => found("pipeline chain (&& / ||)", "PowerShell 7.0", node),
            // The grammar predates these operators: they surface as ERROR nodes that start
            // with the operator (every script is also checked to have no ERROR node at all).
            "ERROR" => {
                // An ERROR node can wrap another at the same place: look at the outer one only.
                if node
                    .parent()
                    .is_some_and(|p| p.is_error() && p.start_byte() == node.start_byte())
                {
                    continue;
                }
                let text = node_text(node, script).trim_start();
                let next = node.next_sibling().map(|n| n.kind());
                if text.starts_with("??") {
                    found("null-coalescing (?? / ??=)", "PowerShell 7.0", node);
                } else if text == "?" && matches!(next, Some("." | "[")) {
                    found(
                        "null-conditional member access (?. / ?[])",
                        "PowerShell 7.1",
                        node,
                    );
                } else if text.starts_with('?') {
                    found("ternary operator (a ? b : c)", "PowerShell 7.0", node);
                }
            }
            "variable" => {
                let name = node_text(node, script);
                if let Some(&(_, since)) = POWERSHELL_VARIABLES
                    .iter()
                    .find(|(v, _)| v.eq_ignore_ascii_case(name))
                {
                    found("an automatic variable 5.1 does not set", since, node);
                }
            }
            "expandable_string_literal" if node_text(node, script).contains("`u{") => {
                found("Unicode escape `u{…} in a string", "PowerShell 6.0", node);
            }
            "command" => {
                let (Some(name), elements) = command_parts(node) else {
                    continue;
                };
                let name = node_text(name, script);
                if let Some(&(_, since)) = POWERSHELL_CMDLETS
                    .iter()
                    .find(|(c, _)| c.eq_ignore_ascii_case(name))
                {
                    found("a cmdlet 5.1 does not have", since, node);
                }
                for element in &elements {
                    if element.kind() != "command_parameter" {
                        continue;
                    }
                    let written = node_text(*element, script);
                    for &(cmdlets, parameter, since) in POWERSHELL_PARAMETERS {
                        if cmdlets.iter().any(|c| c.eq_ignore_ascii_case(name))
                            && names_parameter(written, parameter)
                        {
                            found("a cmdlet parameter 5.1 does not have", since, node);
                        }
                    }
                }
                if name == "az" {
                    native_argument_findings(&elements, script, &mut found);
                }
            }
            "array_literal_expression" | "array_expression" => {
                // An argument list built for splatting into az: `@('rest', '--body', …)`.
                let words: Vec<Node<'_>> = nodes_in(node)
                    .into_iter()
                    .filter(|n| n.kind() == "string_literal")
                    .collect();
                if words
                    .first()
                    .and_then(|w| powershell_literal(*w, script))
                    .is_some_and(|w| w == "rest")
                {
                    native_argument_findings(&words, script, &mut found);
                }
            }
            "assignment_expression" => {
                // `$arguments = @(…)` or `$arguments += @(…)`, later splatted into az.
                let assigned = node
                    .child(0)
                    .map(|left| node_text(left, script).trim().to_ascii_lowercase());
                if assigned.is_some_and(|name| splatted_into_az.contains(&name)) {
                    let words: Vec<Node<'_>> = node
                        .child_by_field_name("value")
                        .map(nodes_in)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|n| n.kind() == "string_literal")
                        .collect();
                    native_argument_findings(&words, script, &mut found);
                }
            }
            _ => {}
        }
    }
    // An argument array can be found both as `rest …` and as splatted: report it once.
    out.sort_by_key(|f| f.line);
    out.dedup();
    out
}

/// The variables splatted into az (`az … @arguments`), as `$name` in lower case.
fn splatted_into_az(tree: &tree_sitter::Tree, script: &str) -> Vec<String> {
    let mut names = Vec::new();
    for node in nodes(tree) {
        if node.kind() != "command" {
            continue;
        }
        let (Some(name), elements) = command_parts(node) else {
            continue;
        };
        if node_text(name, script) != "az" {
            continue;
        }
        for element in elements {
            for variable in nodes_in(element) {
                let text = node_text(variable, script);
                if variable.kind() == "variable" && text.starts_with('@') {
                    names.push(format!("${}", text[1..].to_ascii_lowercase()));
                }
            }
        }
    }
    names
}

fn nodes_in(node: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(children(n).into_iter().rev());
    }
    out
}

/// Arguments to az, a native program: Windows PowerShell 5.1 (and 7 before 7.3) drops the
/// double quotes inside an argument, so JSON must travel in a file (`--body @file`).
fn native_argument_findings<'t>(
    arguments: &[Node<'t>],
    script: &str,
    found: &mut impl FnMut(&'static str, &'static str, Node<'t>),
) {
    const SINCE: &str = "PowerShell 7.3";
    for (index, argument) in arguments.iter().enumerate() {
        let literal = powershell_literal(*argument, script);
        if literal.as_deref().is_some_and(|l| l.contains('"')) {
            found(
                "double quotes inside an argument to a native program",
                SINCE,
                *argument,
            );
        }
        if literal.as_deref() == Some("--body") || node_text(*argument, script) == "--body" {
            let body_from_file = arguments.get(index + 1).is_some_and(|next| {
                let raw = node_text(*next, script);
                raw.starts_with("\"@") || raw.starts_with("'@")
            });
            if !body_from_file {
                found(
                    "az --body not read from a file (--body \"@path\"): its JSON quotes would be lost",
                    SINCE,
                    *argument,
                );
            }
        }
    }
}

// ---- the checks ----

fn assert_none(findings: Vec<(String, Finding)>, shell: &str) {
    let lines: Vec<String> = findings
        .iter()
        .map(|(label, finding)| format!("{label}: {finding}"))
        .collect();
    assert!(
        lines.is_empty(),
        "constructs {shell} lacks:\n{}",
        lines.join("\n")
    );
}

#[test]
fn bash_outputs_use_nothing_bash_3_2_lacks() {
    let findings = corpus_of(OutputTarget::AzBash)
        .flat_map(|r| bash_findings(&r.text).into_iter().map(|f| (r.label(), f)))
        .collect();
    assert_none(findings, "bash 3.2");
}

#[test]
fn powershell_outputs_use_nothing_windows_powershell_5_1_lacks() {
    let findings = powershell_corpus()
        .flat_map(|r| {
            powershell_findings(&r.text)
                .into_iter()
                .map(|f| (r.label(), f))
        })
        .collect();
    assert_none(findings, "Windows PowerShell 5.1");
}

/// The `since` of each finding, in order, for the broken scripts below.
fn versions(findings: &[Finding]) -> Vec<(&'static str, &'static str)> {
    findings.iter().map(|f| (f.construct, f.since)).collect()
}

#[test]
fn the_bash_check_finds_what_bash_3_2_lacks() {
    let broken = r#"#!/usr/bin/env bash
set -euo pipefail
shopt -s inherit_errexit
lower=${NAME,,}
mapfile -t services <<<"$endpoints"
az network vnet subnet update --service-endpoints "${services[@]}" Microsoft.CognitiveServices
declare -A seen
last=${services[-1]}
echo "$EPOCHSECONDS" |& cat
kind=$(case "$1" in a) echo first ;; esac)
"#;
    let found = bash_findings(broken);
    let since: Vec<&str> = found.iter().map(|f| f.since).collect();
    assert_eq!(
        since,
        [
            "bash 4.4", "bash 4.0", "bash 4.0", "bash 4.4", "bash 4.0", "bash 4.3", "bash 5.0",
            "bash 4.0", "bash 4.0"
        ],
        "{:#?}",
        versions(&found)
    );
    assert_eq!(
        found.iter().map(|f| f.line).collect::<Vec<_>>(),
        [3, 4, 5, 6, 7, 8, 9, 9, 10]
    );

    // The same script written for bash 3.2 passes.
    let fixed = r#"#!/usr/bin/env bash
set -euo pipefail
lower=$(printf '%s\n' "$NAME" | tr '[:upper:]' '[:lower:]')
services=()
while IFS= read -r service; do services+=("$service"); done <<<"$endpoints"
az network vnet subnet update --service-endpoints ${services[@]+"${services[@]}"} Microsoft.CognitiveServices
count=${#services[@]}
kind=$(case "$1" in (a) echo first ;; esac)
"#;
    assert_eq!(bash_findings(fixed), Vec::new());
}

#[test]
fn the_powershell_check_finds_what_windows_powershell_5_1_lacks() {
    let broken = r#"$ErrorActionPreference = 'Stop'
$acls = $response.Content | ConvertFrom-Json -AsHashtable
$acls = $response.Content | ConvertFrom-Json -Depth 10
az account set --subscription $SubscriptionId && Write-Host 'ok'
az rest --method patch --url $AccountPath --body '{"properties":{}}'
$arguments = @('rest', '--method', 'patch', '--body', $payload)
if ($IsWindows) { Write-Host 'Windows' }
$endpointArguments = @('--name', 'pe-one')
$endpointArguments += @('--request-message', 'Please approve the "chat" app.')
az network private-endpoint create @endpointArguments
"#;
    let found = powershell_findings(broken);
    assert_eq!(
        found.iter().map(|f| (f.line, f.since)).collect::<Vec<_>>(),
        [
            (2, "PowerShell 6.0"),
            (3, "PowerShell 6.2"),
            (4, "PowerShell 7.0"),
            (5, "PowerShell 7.3"), // --body not from a file
            (5, "PowerShell 7.3"), // and quotes inside the argument
            (6, "PowerShell 7.3"),
            (7, "PowerShell 6.0"),
            (9, "PowerShell 7.3"), // quotes in an argument splatted into az
        ],
        "{:#?}",
        versions(&found)
    );

    // PowerShell 7's operators are outside the grammar and show up as ERROR nodes.
    let operators = "$a = $b ?? 'x'\n$c = $d?.Name\n$e = $f ? 1 : 2\n";
    let since: Vec<&str> = powershell_findings(operators)
        .iter()
        .map(|f| f.since)
        .collect();
    assert_eq!(
        since,
        ["PowerShell 7.0", "PowerShell 7.1", "PowerShell 7.0"]
    );

    // The 5.1 way of doing the same passes.
    let fixed = r#"$acls = $response.Content | ConvertFrom-Json
az account set --subscription $SubscriptionId
if ($LASTEXITCODE -eq 0) { Write-Host 'ok' }
$arguments = @('rest', '--method', 'patch', '--body', "@$($bodyFile.FullName)")
$endpointArguments = @('--name', 'pe-one')
$endpointArguments += @('--request-message', "@$($requestMessageFile.FullName)")
az network private-endpoint create @endpointArguments
"#;
    assert_eq!(powershell_findings(fixed), Vec::new());
}

/// The apply page's token commands (copied as they are): the PowerShell one runs in Windows
/// PowerShell 5.1 (no `ConvertFrom-SecureString -AsPlainText`, which is 7 only) and calls
/// Get-AzAccessToken as its contract allows, in every cloud, with and without a tenant.
#[test]
fn the_token_commands_run_in_windows_powershell_5_1() {
    use ai_network_wizard::arm_client::token::token_command_pair;
    use ai_network_wizard::core::cloud::Cloud;
    let old = "(Get-AzAccessToken -ResourceUrl https://management.azure.com/ -AsSecureString).Token | ConvertFrom-SecureString -AsPlainText\n";
    assert_eq!(
        versions(&powershell_findings(old)),
        [("a cmdlet parameter 5.1 does not have", "PowerShell 7.0")]
    );
    for cloud in Cloud::ALL {
        for tenant in [None, Some("9e8d7c6b-5a49-4382-9170-a1b2c3d4e5f6")] {
            let [az, ps] = token_command_pair(cloud, tenant);
            assert!(az.starts_with("az account get-access-token "), "{az}");
            let script = format!("{ps}\n");
            assert_eq!(powershell_findings(&script), Vec::new(), "{ps}");
            let tree = crate::support::parse_powershell(&script);
            assert_eq!(
                crate::support::syntax_problems(&tree, &script),
                Vec::<String>::new()
            );
            let calls = crate::az_cmdlets::cmdlet_calls(&script);
            assert_eq!(calls.len(), 1, "{ps}");
            crate::az_cmdlets::check_call(&calls[0]).unwrap();
            assert!(
                calls[0]
                    .words
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case("-AsSecureString")),
                "{ps}"
            );
        }
    }
}
